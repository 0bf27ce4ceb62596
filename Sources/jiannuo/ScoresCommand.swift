import ArgumentParser
import JiannuoCore
import JiannuoStore

/// One row of `jiannuo scores`.
struct ScoreRow: Encodable {
    let department: String
    let name: String
    let score: Double
    let rank: Int
    let rank_change: Int?
    let previous_score: Double?
    let dimensions: [String: Double]
    let counts: [ScoreRule: Int]
    let period: String
}

/// One row of `jiannuo scores --city`: a unit among every county's units.
struct CityScoreRow: Encodable {
    let county: String
    let department: String
    let name: String
    let score: Double
    let rank: Int
    let county_rank: Int
    let rank_change: Int?
    let dimensions: [String: Double]
    let counts: [ScoreRule: Int]
    let period: String
}

struct ScoresCommand: JiannuoCommand {
    static let configuration = CommandConfiguration(commandName: "scores", abstract: T("各单位政务诚信得分排名（默认本季度）", "Units ranked by government integrity score (default this quarter)"))
    @Option(help: H("期间：2026-11、2026-Q4、2026 或 rolling", "Period: 2026-11, 2026-Q4, 2026 or rolling")) var period: String?
    @Flag(help: H("全市排名：城市库中各县（区）的单位一起排名（PostgreSQL）", "City ranking: the units of every county of the city database ranked together (PostgreSQL)"))
    var city = false
    @Option(name: .customLong("as-known"), help: H("按某日所知（其后录入、核实的补录不计入；默认今日更正后的结果）",
                                                  "As known at the end of a day (events recorded or confirmed later left out; default today's corrected view)"))
    var asKnown: String?
    @OptionGroup var global: GlobalOptions

    func execute(_ out: Output) throws {
        if city { try cityRanking(out); return }
        let store = try out.reader()
        let today = store.clock.today
        let p = try period.map { try Period.parse($0, today: today) } ?? .currentQuarter(today)
        let known = try parseAsKnown(asKnown, today: today)
        let rows = try Self.ranking(store, period: p, today: today, asKnown: known)
        if out.json { out.emit(rows); return }
        out.say("政务诚信得分  \(p)（\(p.start) 至 \(p.end)）" + (known.map { "  按 \($0.day) 所知" } ?? ""),
                "integrity scores  \(p) (\(p.start) to \(p.end))" + (known.map { "  as known on \($0.day)" } ?? ""))
        var t = out.table(["名次|rank", "变化|change", "单位|unit", "名称|name", "得分|score"]
                          + Dimension.allCases.map { "\($0.label)|\($0.english)" } + ["失信|breaches", "逾期承诺|overdue", "超时环节|late steps"],
                          right: Set([0, 1, 4, 5, 6, 7, 8, 9, 10, 11, 12]), drop: [12, 11, 10, 2, 1])
        for r in rows {
            let change = r.rank_change.map { $0 > 0 ? "↑\($0)" : ($0 < 0 ? "↓\(-$0)" : "—") } ?? out.t("新", "new")
            let breaches = r.counts.filter { $0.key.isBreach }.values.reduce(0, +)
            let late = r.counts.filter { $0.key.isLateStep }.values.reduce(0, +)
            t.add(["\(r.rank)", change, r.department, r.name, Self.fmt(r.score)]
                  + Dimension.allCases.map { Self.fmt(r.dimensions[$0.rawValue] ?? 0) }
                  + ["\(breaches)", "\(r.counts[.commitmentOverdue] ?? 0)", "\(late)"])
        }
        out.line(t.render())
    }

    static func fmt(_ v: Double) -> String { v == v.rounded() ? String(Int(v)) : String(format: "%.1f", v) }

    /// Ranked by score (ties by code), with the change against the previous period.
    static func ranking(_ store: any Ledger, period p: Period, today: Day, asKnown: AsKnown? = nil) throws -> [ScoreRow] {
        let names = try store.departmentNames()
        return try store.ranking(period: p, today: today, asKnown: asKnown).map { r in
            ScoreRow(department: r.score.department, name: names[r.score.department] ?? "", score: r.score.score, rank: r.rank,
                     rank_change: r.change, previous_score: r.previousScore, dimensions: r.score.dimensions,
                     counts: r.score.counts, period: p.description)
        }
    }

    /// Each county ranked as it ranks itself, then all units together (`Ranking.city`).
    func cityRanking(_ out: Output) throws {
        guard LedgerAddress(global.databasePath).isPostgres else {
            throw JiannuoError.usage("一个账本文件只有一个县（区）：--city 用于 PostgreSQL 城市库", "a ledger file holds one county: --city is for a PostgreSQL city database")
        }
        let counties = try PostgresLedger.counties(conninfo: global.databasePath)
        let today = try global.clock().today
        let p = try period.map { try Period.parse($0, today: today) } ?? .currentQuarter(today)
        var rankings: [String: [RankedScore]] = [:], names: [String: [String: String]] = [:]
        for county in counties {
            let store = try global.openStore(.read, county: county)
            rankings[county] = try store.ranking(period: p, today: today)
            names[county] = try store.departmentNames()
        }
        let rows = Ranking.city(rankings).map { c in
            CityScoreRow(county: c.county, department: c.ranked.score.department, name: names[c.county]?[c.ranked.score.department] ?? "",
                         score: c.ranked.score.score, rank: c.cityRank, county_rank: c.ranked.rank, rank_change: c.ranked.change,
                         dimensions: c.ranked.score.dimensions, counts: c.ranked.score.counts, period: p.description)
        }
        if out.json { out.emit(rows); return }
        out.say("全市政务诚信得分  \(p)（\(p.start) 至 \(p.end)）：\(counties.count) 个县（区）",
                "city integrity scores  \(p) (\(p.start) to \(p.end)): \(counties.count) counties")
        var t = out.table(["名次|rank", "县（区）|county", "县内|in county", "单位|unit", "名称|name", "得分|score"]
                          + Dimension.allCases.map { "\($0.label)|\($0.english)" }, right: Set([0, 2, 5, 6, 7, 8, 9, 10]))
        for r in rows {
            t.add(["\(r.rank)", r.county, "\(r.county_rank)", r.department, r.name, Self.fmt(r.score)]
                  + Dimension.allCases.map { Self.fmt(r.dimensions[$0.rawValue] ?? 0) })
        }
        out.line(t.render())
    }
}
