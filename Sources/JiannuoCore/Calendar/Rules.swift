import Foundation
import TOMLKit

/// Everything an office may tune, from one file (`rules.toml`): time limits now, scoring later sections.
public struct Rules: Sendable, Equatable {
    public var deadlines: DeadlineRules
    public var scoring: ScoringRules
    public var letters: DocumentRules
    public var bulletin: DocumentRules

    public init(deadlines: DeadlineRules = .defaults, scoring: ScoringRules = ScoringRules(), letters: DocumentRules = .letters,
                bulletin: DocumentRules = .bulletin) {
        self.deadlines = deadlines
        self.scoring = scoring
        self.letters = letters
        self.bulletin = bulletin
    }

    public static let defaults = Rules()

    struct File: Decodable {
        var deadlines: DeadlineRules?
        var scoring: ScoringSection?
        var letters: DocumentRules.Section?
        var bulletin: DocumentRules.Section?
    }

    struct ScoringSection: Decodable {
        var base: Number?
        var credit_repair_periods: Int?
        var points: [String: Number]?
        var weights: [String: Number]?
    }

    /// TOML keeps 8 and 1.5 apart; a rule may be written either way.
    struct Number: Decodable {
        var value: Double
        init(from decoder: Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let i = try? c.decode(Int.self) { value = Double(i) } else { value = try c.decode(Double.self) }
        }
    }

    static func scoring(_ s: ScoringSection?, source: String, text: String) throws -> ScoringRules {
        var r = ScoringRules()
        guard let s else { return r }
        if let b = s.base {
            guard (1...1000).contains(b.value), (b.value * 2).rounded() == b.value * 2 else {
                throw JiannuoError.invalid("规则文件 \(source)：base = \(b.value) 无效，应为 1–1000 的 0.5 的整数倍", "rules file \(source): base must be 1 to 1000, a multiple of 0.5")
            }
            r.base = b.value
        }
        if let n = s.credit_repair_periods {
            guard (0...12).contains(n) else {
                throw JiannuoError.invalid("规则文件 \(source)：credit_repair_periods = \(n) 超出允许范围 0–12", "rules file \(source): credit_repair_periods must be 0 to 12")
            }
            r.creditRepairPeriods = n
        }
        // In the file's order, so that the first mistake is the one named.
        let lines = keyLines(text)
        for (k, n) in (s.points ?? [:]).sorted(by: { (lines[$0.key] ?? 0, $0.key) < (lines[$1.key] ?? 0, $1.key) }) {
            let v = n.value
            let at = lines[k].map { Text(" 第 \($0) 行", ", line \($0)") } ?? Text("", "")
            guard let rule = ScoreRule(key: k), rule != .base else {
                throw JiannuoError.invalid("规则文件 \(source)\(at.zh)：未知的计分规则 \(k)（可用：\(ScoreRule.scored.map(\.key).joined(separator: "、"))）",
                                           "rules file \(source)\(at.en): unknown scoring rule \(k) (known: \(ScoreRule.scored.map(\.key).joined(separator: ", ")))")
            }
            guard (0...100).contains(v), (v * 2).rounded() == v * 2 else {
                throw JiannuoError.invalid("规则文件 \(source)\(at.zh)：\(k) = \(v) 无效，分值须为 0–100 之间 0.5 的整数倍",
                                           "rules file \(source)\(at.en): \(k) must be a multiple of 0.5 from 0 to 100")
            }
            r.points[rule] = v
        }
        for (k, n) in s.weights ?? [:] {
            guard let d = Dimension(rawValue: k) else {
                throw JiannuoError.invalid("规则文件 \(source)：未知的评分维度 \(k)", "rules file \(source): unknown dimension \(k)")
            }
            guard (0...1000).contains(n.value), (n.value * 2).rounded() == n.value * 2 else {
                throw JiannuoError.invalid("规则文件 \(source)：维度 \(k) 的分值须为不小于 0 的 0.5 的整数倍", "weight \(k) must be a non-negative multiple of 0.5")
            }
            r.weights[d] = n.value
        }
        let sum = r.weights.values.reduce(0, +)
        guard sum == r.base else {
            throw JiannuoError.invalid("规则文件 \(source)：各维度分值之和为 \(sum)，应等于基础分 \(r.base)",
                                       "rules file \(source): the weights add up to \(sum), not the base \(r.base)")
        }
        return r
    }

    /// The first line that sets each key (`key = …`), for messages that point at it: one pass over the file.
    static func keyLines(_ text: String) -> [String: Int] {
        var out: [String: Int] = [:]
        for (i, l) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard let eq = l.firstIndex(of: "="), !l.hasPrefix("#") else { continue }
            let key = l[..<eq].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            if out[key] == nil { out[key] = i + 1 }
        }
        return out
    }

    /// Missing sections and keys keep their defaults; unknown keys are errors naming the file.
    public static func parse(_ text: String, source: String) throws -> Rules {
        do {
            let f = try TOMLDecoder(strictDecoding: true).decode(File.self, from: text)
            return Rules(deadlines: f.deadlines ?? .defaults, scoring: try scoring(f.scoring, source: source, text: text),
                         letters: try DocumentRules(f.letters, defaults: .letters, name: "letters"),
                         bulletin: try DocumentRules(f.bulletin, defaults: .bulletin, name: "bulletin"))
        } catch let e as JiannuoError {
            throw e.text.zh.contains(source) ? e : JiannuoError.invalid("规则文件 \(source)：\(e.text.zh)", "rules file \(source): \(e.text.en)")
        } catch let e as TOMLParseError {
            throw JiannuoError.invalid("规则文件 \(source) 第 \(e.source.begin.line) 行格式错误：\(e.description)",
                                       "rules file \(source), line \(e.source.begin.line): \(e.description)")
        } catch let e as UnexpectedKeysError {
            let names = e.keys.keys.sorted()
            let keys = names.joined(separator: ", ")
            let lines = keyLines(text)
            let at = names.compactMap { lines[$0] }.min().map { Text(" 第 \($0) 行", ", line \($0)") } ?? Text("", "")
            throw JiannuoError.invalid("规则文件 \(source)\(at.zh) 含未知的键：\(keys)", "rules file \(source)\(at.en) has unknown keys: \(keys)")
        } catch {
            throw JiannuoError.invalid("规则文件 \(source) 无效：\(error)", "rules file \(source) is invalid: \(error)")
        }
    }
}
