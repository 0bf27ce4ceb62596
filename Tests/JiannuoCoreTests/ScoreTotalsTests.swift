import JiannuoTestSupport
import Testing
@testable import JiannuoCore

/// A ranking keeps running totals instead of lines (`ScoreTotals`); it must give the score and counts
/// that the detailed lines add up to, also where a dimension is exhausted ("扣完为止") and where a
/// bonus meets its dimension's weight, and under rules that make a deduction add.
@Suite("Score totals")
struct ScoreTotalsTests {
    func facts(breaches: Int, late: Int, onTime: Int) -> ScoreFacts {
        var f = ScoreFacts()
        f.departments = ["FGW": Department(code: "FGW", name: "县发改委", kind: .countyDepartment)]
        for i in 0..<breaches {
            f.breaches.append(.init(breach: Breach(id: "SX-\(i)", department: "FGW", category: 1 + i % 6, commitment: nil, complaint: nil,
                                                   date: d("2026-10-01").adding(days: i % 40), finding: "x"), repairedOn: nil))
        }
        // Rectifications done late early in the quarter, then on time: bonuses after the dimension was cut.
        for i in 0..<(late + onTime) {
            let done = d("2026-10-05").adding(days: i)
            f.rectifications.append(Rectification(id: "ZG-\(i)", breach: nil, unit: "FGW", measures: "m", opened: d("2026-09-01"),
                                                  deadline: i < late ? done.adding(days: -1) : done, completedOn: done))
        }
        return f
    }

    @Test("totals equal the detailed lines", arguments: [(0, 0, 0), (3, 1, 2), (12, 7, 20), (40, 2, 30)])
    func totalsEqualLines(_ breaches: Int, _ late: Int, _ onTime: Int) throws {
        let f = facts(breaches: breaches, late: late, onTime: onTime)
        let q = Period.currentQuarter(d("2026-11-20"))
        var swapped = Rules.defaults
        swapped.scoring.points[.breach(category: 6)] = -2   // a "deduction" that adds: its dimension must be applied in order
        for rules in [Rules.defaults, swapped] {
            let cal = try calendar2026()
            let ranked = Scoring.scoreAll(f, period: q, today: d("2026-11-20"), rules: rules, calendar: cal, departments: ["FGW"], detail: false)["FGW"]!
            let detailed = Scoring.scoreAll(f, period: q, today: d("2026-11-20"), rules: rules, calendar: cal, departments: ["FGW"])["FGW"]!
            #expect(abs(ranked.score - detailed.score) < 1e-9, "score \(ranked.score) against \(detailed.score)")
            for (k, v) in detailed.dimensions { #expect(abs((ranked.dimensions[k] ?? -1) - v) < 1e-9, "\(k)") }
            var counts: [ScoreRule: Int] = [:]
            for l in detailed.lines where l.rule != .base { counts[l.rule, default: 0] += 1 }
            #expect(ranked.counts == counts)
        }
    }
}
