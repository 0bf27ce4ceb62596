import Foundation
import Testing
@testable import JiannuoCore
import JiannuoTestSupport

/// Score rules are a type: a key names exactly one rule, the shipped rules file sets every rule, and a
/// misspelt key in a rules file is refused with its line instead of scoring a silent 0.
@Suite("Core: score rules") struct ScoreRuleTests {
    @Test func everyRuleHasOneKeyThatNamesItBack() {
        let keys = ScoreRule.scored.map(\.key)
        #expect(Set(keys).count == keys.count, "keys repeat: \(keys)")
        for r in ScoreRule.scored {
            #expect(ScoreRule(key: r.key) == r, "\(r.key)")
            #expect(r.dimension != nil, "\(r.key) moves no dimension")
            #expect(!r.label(.zh).isEmpty && r.label(.zh) != r.key && !r.label(.en).contains("_"), "\(r.key) has no words")
        }
        #expect(ScoreRule(key: "complaint_resolve_lat") == nil && ScoreRule(key: "breach_category_7") == nil)
    }

    @Test func theShippedRulesFileSetsEveryRuleAtItsDefault() throws {
        let url = packageRoot.appendingPathComponent("Sources/JiannuoStore/Data/rules.toml")
        let rules = try Rules.parse(try String(contentsOf: url, encoding: .utf8), source: "rules.toml")
        for r in ScoreRule.scored {
            #expect(rules.scoring.points[r] == r.defaultPoints, "\(r.key): file \(rules.scoring.points[r] ?? -1), default \(r.defaultPoints)")
        }
        // Every section, not only the points: the program takes the defaults without reading the file.
        #expect(rules == Rules.defaults)
    }

    @Test func aMisspeltRuleIsRefusedWithItsLine() {
        let text = """
            [scoring.points]
            accountability = 2
            complaint_resolve_lat = 1
            """
        #expect {
            _ = try Rules.parse(text, source: "mine.toml")
        } throws: { e in
            let text = (e as? JiannuoError)?.text
            return (text?.zh.contains("第 3 行") ?? false) && (text?.zh.contains("complaint_resolve_lat") ?? false)
                && (text?.en.contains("line 3") ?? false)
        }
    }

    @Test func onlyLimitsMissedAreLateSteps() {
        let late = ScoreRule.scored.filter(\.isLateStep).map(\.key).sorted()
        #expect(late == ["complaint_accept_late", "complaint_resolve_late", "complaint_respond_late", "complaint_return_late"])
        #expect(!ScoreRule.complaintFollowupDissatisfied.isLateStep)
    }

    @Test func inJSONARuleIsItsKeyAlsoAsADictionaryKey() throws {
        let line = ScoreLine(rule: .opinion(.high), dimension: .publicOpinion, points: -4, record: "YQ-2026-0001", date: nil, note: "")
        let e = JSONEncoder()
        e.outputFormatting = .sortedKeys
        let json = String(decoding: try e.encode(line), as: UTF8.self)
        #expect(json.contains("\"rule\":\"opinion_high\""), "\(json)")
        let counts: [ScoreRule: Int] = [.complaintLate(.accept): 2, .accountability: 1]
        #expect(String(decoding: try e.encode(counts), as: UTF8.self) == #"{"accountability":1,"complaint_accept_late":2}"#)
        #expect(try JSONDecoder().decode(ScoreLine.self, from: try e.encode(line)).rule == .opinion(.high))
    }
}
