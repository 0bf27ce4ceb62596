import TOMLKit

/// Everything an office may tune, from one file (`rules.toml`): time limits now, scoring later sections.
public struct Rules: Sendable, Equatable {
    public var deadlines: DeadlineRules

    public init(deadlines: DeadlineRules = .defaults) {
        self.deadlines = deadlines
    }

    public static let defaults = Rules()

    struct File: Decodable {
        var deadlines: DeadlineRules?
    }

    /// Missing sections and keys keep their defaults; unknown keys are errors naming the file.
    public static func parse(_ text: String, source: String) throws -> Rules {
        do {
            let f = try TOMLDecoder(strictDecoding: true).decode(File.self, from: text)
            return Rules(deadlines: f.deadlines ?? .defaults)
        } catch let e as JiannuoError {
            throw e
        } catch let e as TOMLParseError {
            throw JiannuoError.invalid("规则文件 \(source) 第 \(e.source.begin.line) 行格式错误：\(e.description)",
                                       "rules file \(source), line \(e.source.begin.line): \(e.description)")
        } catch let e as UnexpectedKeysError {
            let keys = e.keys.keys.sorted().joined(separator: ", ")
            throw JiannuoError.invalid("规则文件 \(source) 含未知的键：\(keys)", "rules file \(source) has unknown keys: \(keys)")
        } catch {
            throw JiannuoError.invalid("规则文件 \(source) 无效：\(error)", "rules file \(source) is invalid: \(error)")
        }
    }
}
