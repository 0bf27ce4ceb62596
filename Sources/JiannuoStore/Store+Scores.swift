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

extension Store {
    /// The records a period's scores depend on, for the given units (one and those merged into it):
    /// what `department show` traces every line to. A ranking of every unit reads kept counts instead
    /// (`rankingFacts`). Facts of a span serve every period inside it (the scoring filters by period
    /// itself), so a twelve-month trend needs one read.
    /// `repairFrom`: breaches repaired before this day no longer count in any period asked for.
    public func scoreFacts(period p: Period, today: Day, codes: [String], repairFrom: Day? = nil) throws -> ScoreFacts {
        try read { db in try ScoreReads(rules: rules).facts(GRDBReader(db: db), period: p, today: today, codes: codes, repairFrom: repairFrom) }
    }

    /// Every active department's score in each of the periods (totals only, no lines), read at once.
    public func scores(periods: [Period], today: Day) throws -> [[String: DepartmentScore]] {
        ScoreReads.totals(try rankingFacts(periods: periods, today: today), periods: periods, today: today, rules: rules, calendar: calendar)
    }

    /// Every active department ranked in the period, with its move since the previous period.
    public func ranking(period: Period, today: Day) throws -> [RankedScore] {
        try actor.require(.read)
        return ScoreReads.ranked(try scores(periods: [period, period.previous], today: today), for: actor)
    }

    /// One department's score in each period, with every line: its own records and those of units merged into it.
    public func scores(of code: String, periods: [Period], today: Day) throws -> [DepartmentScore] {
        try visible(code)
        let codes = try read { db in try lineageCodes(db, code) }
        return ScoreReads.lines(code, try scoreFacts(period: ScoreReads.span(periods), today: today, codes: codes), periods: periods,
                                today: today, rules: rules, calendar: calendar)
    }

    public func onTimeRate(of code: String, period p: Period, today: Day) throws -> OnTimeRate {
        try read { db in
            let r = GRDBReader(db: db)
            return try ScoreReads(rules: rules).onTimeRate(r, codes: try r.lineage(code), period: p, today: today)
        }
    }
}
