import GRDB
import JiannuoCore

/// How often a department met its limits in a period: on time ÷ (closed + still open and overdue).
public struct OnTimeRate: Codable, Sendable {
    public var onTime: Int
    public var closed: Int
    public var openOverdue: Int
    public var rate: Double?

    enum CodingKeys: String, CodingKey { case onTime = "on_time", closed, openOverdue = "open_overdue", rate }
}

extension LedgerEngine {
    /// Every active department's score in each of the periods (totals only, no lines), read at once
    /// from the kept counts (`ScoreReads.ranking`). As known on an earlier day, from every unit's records
    /// instead (the kept counts hold only today's view): slower, for a report that says which it uses.
    public func scores(periods: [Period], today: Day, asKnown: AsKnown?) throws -> [[String: DepartmentScore]] {
        guard let asKnown else {
            let facts = try reading { r in try ScoreReads(rules: rules).ranking(r, periods: periods, today: today) }
            return ScoreReads.totals(facts, periods: periods, today: today, rules: rules, calendar: calendar)
        }
        try requireAsKnown()
        let facts = try reading { r in
            let codes = try r.departmentMap().values.map(\.code).sorted()
            var f = try ScoreReads(rules: rules).facts(r, period: ScoreReads.span(periods), today: today, codes: codes, repairFrom: nil)
            try ScoreReads.apply(asKnown, to: &f, r, codes: codes, rules: rules, calendar: calendar)
            return f
        }
        return ScoreReads.totals(Array(repeating: facts, count: periods.count), periods: periods, today: today, rules: rules, calendar: calendar)
    }

    /// Every active department ranked in the period, with its move since the previous period.
    public func ranking(period: Period, today: Day, asKnown: AsKnown?) throws -> [RankedScore] {
        try actor.require(.read)
        return ScoreReads.ranked(try scores(periods: [period, period.previous], today: today, asKnown: asKnown), for: actor)
    }

    /// One department's score in each period, with every line: its own records and those of units
    /// merged into it, each line traced to one (`ScoreReads.facts`). Facts of the span serve every period.
    public func scores(of code: String, periods: [Period], today: Day, asKnown: AsKnown?) throws -> [DepartmentScore] {
        try actor.requireVisible(code)
        if asKnown != nil { try requireAsKnown() }
        let facts = try reading { r in
            let codes = try r.lineage(code)
            var f = try ScoreReads(rules: rules).facts(r, period: ScoreReads.span(periods), today: today, codes: codes, repairFrom: nil)
            if let asKnown { try ScoreReads.apply(asKnown, to: &f, r, codes: codes, rules: rules, calendar: calendar) }
            return f
        }
        return ScoreReads.lines(code, facts, periods: periods, today: today, rules: rules, calendar: calendar)
    }

    public func onTimeRate(of code: String, period p: Period, today: Day) throws -> OnTimeRate {
        try actor.requireVisible(code)
        return try reading { r in try ScoreReads(rules: rules).onTimeRate(r, codes: try r.lineage(code), period: p, today: today) }
    }

    /// A view as known on an earlier day reads the audit log (a complaint's past states are kept there
    /// only), which holds every unit's records: not for a liaison.
    func requireAsKnown() throws {
        if isConfined {
            throw JiannuoError.permission("按当时所知（--as-known）要读审计日志，其中有其他单位的记录：单位联络员不能使用",
                                          "an as-known view reads the audit log, which holds other units' records: not for a liaison")
        }
    }
}
