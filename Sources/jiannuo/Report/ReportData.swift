import JiannuoCore
import JiannuoStore

/// The figures of the supervision bulletin (督查通报) for one period, gathered once from the ledger,
/// which is only read, and then written as HTML, Markdown, CSV or JSON. Complaints' personal fields
/// (complainant, contact) are never read: the bulletin counts records, it does not name people.
struct ReportData: Codable {
    struct Unit: Codable {
        let code: String
        let name: String
        let score: Double
        let rank: Int
        let previous_score: Double?
        let previous_rank: Int?
        /// Places gained (positive) or lost since the previous period; nil when not ranked then.
        let rank_change: Int?
        let grade: String
        let dimensions: [String: Double]
        let on_time: OnTimeRate
        /// Breaches confirmed in the period (the unit's own and those of units merged into it).
        let breaches: Int
        /// Rectifications whose deadline falls in the period.
        let rectifications_due: Int
        /// Rectifications past their deadline and not done at `as_of`.
        let rectifications_overdue: Int
        /// Rectifications completed in the period.
        let rectifications_done: Int
        /// Difficulty reports the unit filed in the period; of those, answered by their limit; not answered at `as_of`.
        let difficulties_filed: Int
        let difficulties_answered_on_time: Int
        let difficulties_open: Int
        /// Supervision letters issued to the unit in the period; of those, replied by their day; unreplied at `as_of`.
        let letters_issued: Int
        let letters_replied_on_time: Int
        let letters_open: Int
        let trend: [TrendPoint]
    }
    struct FindingRow: Codable {
        let id: String; let round: String; let department: String; let name: String; let date: Day
        let severity: String; let issue: String; let rectification: String
    }
    struct TrendPoint: Codable { let period: String; let score: Double }
    /// Per breach category (1–6): open commitments past their deadline at `as_of`, and breaches confirmed in the period.
    struct CategoryCount: Codable { let category: Int; let label: String; let overdue_commitments: Int; let breaches: Int }

    let title: String
    /// The document's header: 文号 once issued (`report --issue`), 发文机关, 主送, 抄送 (rules' `[bulletin]`).
    var document: ReportDocument
    let period: Period
    let period_label: String
    let start: Day
    let end: Day
    /// The last day the figures cover: the period's end, or today while the period is still running.
    let as_of: Day
    /// The date the bulletin was made.
    let made: Day
    /// The day whose knowledge it shows (`--as-known`, default the day it was made): events recorded
    /// later are left out, so the bulletin made again later says what it said.
    let as_known: Day
    let previous_period: Period
    let units: [Unit]
    let categories: [CategoryCount]
    let escalations: [ReportEscalation]
    /// The period's supervision findings (督促检查发现的问题), with what they ordered.
    let findings: [FindingRow]
    /// The period's accountability actions, public-opinion events and complaints, counted.
    let tallies: ReportTallies
    let grades: [GradeBand]

    static let countyTitle = "叶县政务诚信督查通报"

    static func gather(_ store: any Ledger, period p: Period, today: Day, asKnown: Day? = nil) throws -> ReportData {
        let asOf = min(p.end, today)
        let known = AsKnown(asKnown ?? today)
        // Every ranked unit's record, each answering for the units merged into it ("不得以机构调整为由违约毁约").
        let profiles = try store.profiles(period: p, today: today, asKnown: known)
        let before = Dictionary(try ScoresCommand.ranking(store, period: p.previous, today: today, asKnown: known).map { ($0.department, $0) }) { a, _ in a }
        let names = try store.departmentNames()
        var owner: [String: String] = [:]
        for u in profiles { for code in u.lineage { owner[code] = u.department.code } }
        let units = profiles.compactMap { u -> Unit? in
            guard let r = u.ranked else { return nil }
            let prev = before[u.department.code]
            let rect = u.rectificationFigures(asOf: asOf)
            let hard = u.difficultyFigures(asOf: asOf)
            let sent = u.letterFigures(asOf: asOf)
            return Unit(
                code: u.department.code, name: u.department.name, score: r.score.score, rank: r.rank, previous_score: prev?.score ?? r.previousScore,
                previous_rank: prev?.rank, rank_change: r.change, grade: Grades.grade(r.score.score).grade, dimensions: r.score.dimensions,
                on_time: u.onTime, breaches: u.breachesInPeriod, rectifications_due: rect.due, rectifications_overdue: rect.overdue,
                rectifications_done: rect.done, difficulties_filed: hard.filed, difficulties_answered_on_time: hard.answeredOnTime,
                difficulties_open: hard.open, letters_issued: sent.issued, letters_replied_on_time: sent.repliedOnTime, letters_open: sent.open, trend: u.trend.map { TrendPoint(period: $0.period, score: $0.score) })
        }
        let breaches = try store.breaches(ListFilter(from: p.start, to: p.end))
        let rectifications = try store.rectifications(ListFilter())
        return ReportData(
            title: countyTitle,
            document: ReportDocument(number: nil, issuer: store.rules.bulletin.issuer, to: store.rules.bulletin.to, cc: store.rules.bulletin.cc),
            period: p, period_label: label(p), start: p.start, end: p.end, as_of: asOf, made: today, as_known: known.day,
            previous_period: p.previous, units: units,
            categories: try categoryCounts(store, breaches: breaches, asOf: asOf),
            escalations: try Escalations.gather(EscalationContext(store: store, period: p, asOf: asOf, owner: owner, names: names,
                                                                  rectifications: Dictionary(grouping: rectifications.filter { $0.breach != nil }, by: { $0.breach! }))),
            findings: try findingRows(store, period: p, asOf: asOf, owner: owner, names: names, rectifications: rectifications),
            tallies: try ReportTallies.gather(store, period: p, asOf: asOf, owner: owner, names: names),
            grades: Grades.bands)
    }

    /// Findings dated in the period; a unit since merged is shown as its successor.
    static func findingRows(_ store: any Ledger, period p: Period, asOf: Day, owner: [String: String], names: [String: String],
                            rectifications: [Rectification]) throws -> [FindingRow] {
        let ordered = Dictionary(grouping: rectifications.filter { $0.finding != nil }, by: { $0.finding! })
        return try store.findings(ListFilter(from: p.start, to: min(p.end, asOf))).reversed().map { f in
            let unit = owner[f.department] ?? f.department
            let state = (ordered[f.id] ?? []).map { r -> String in
                if let done = r.completedOn, done <= asOf { return "\(r.id) 已于 \(done) 完成" }
                return r.deadline < asOf ? "\(r.id) 逾期未完成（时限 \(r.deadline)）" : "\(r.id) 整改中（时限 \(r.deadline)）"
            }
            return FindingRow(id: f.id, round: f.round, department: unit, name: names[unit] ?? "", date: f.date, severity: f.severity.label,
                              issue: f.issue, rectification: state.isEmpty ? "未责令整改" : state.joined(separator: "；"))
        }
    }

    /// Open commitments past their deadline at `asOf` (still open then: not yet fulfilled, or fulfilled
    /// only later), or debts to small firms past their payment limit unpaid then, each once, and the
    /// period's breaches, by category 1–6.
    static func categoryCounts(_ store: any Ledger, breaches: [Breach], asOf: Day) throws -> [CategoryCount] {
        var late: [Int: Int] = [:]
        let rules = store.rules.deadlines
        try store.eachCommitment(ListFilter()) { c in
            let closed = c.status.isOpen ? nil : c.fulfilledOn
            let payment = Alerts.arrearsDue(c, rules)
            if c.made <= asOf && (Lateness.overdue(due: c.deadline, done: closed, on: asOf)
                                  || payment.map { Lateness.overdue(due: $0, done: closed, on: asOf) } == true) {
                late[c.category, default: 0] += 1
            }
        }
        let found = Dictionary(grouping: breaches, by: \.category).mapValues(\.count)
        return Category.labels.keys.sorted().map {
            CategoryCount(category: $0, label: Category.label($0), overdue_commitments: late[$0] ?? 0, breaches: found[$0] ?? 0)
        }
    }

    /// 2026年第四季度, 2026年11月, 2026年度, 近十二个月.
    static func label(_ p: Period) -> String {
        switch p.kind {
        case .month: return "\(p.start.year)年\(p.start.month)月"
        case .quarter: return "\(p.start.year)年第\(["一", "二", "三", "四"][(p.start.month - 1) / 3])季度"
        case .year: return "\(p.start.year)年度"
        case .rolling: return "近十二个月"
        }
    }

    var breachTotal: Int { units.map(\.breaches).reduce(0, +) }
    var averageScore: Double? { units.isEmpty ? nil : units.map(\.score).reduce(0, +) / Double(units.count) }
}

/// A bulletin's header as a document: nil `number` for one made but not issued (a draft).
struct ReportDocument: Codable {
    var number: String?
    let issuer: String
    let to: String?
    let cc: String?
}

/// 考核评价等次, handed to 绩效考核 with the scores: a unit earns the first grade, from the top, whose
/// minimum its score reaches. This table is the one place where the thresholds are set.
///
/// | 等次 | 得分 |
/// | --- | --- |
/// | 优秀 | ≥ 90 |
/// | 良好 | ≥ 80 |
/// | 一般 | ≥ 60 |
/// | 较差 | < 60 |
struct GradeBand: Codable, Sendable {
    let grade: String
    let english: String
    /// The lowest score of the grade; nil for the last grade, which takes every score below the others.
    let min_score: Double?
}

enum Grades {
    static let bands: [GradeBand] = [
        GradeBand(grade: "优秀", english: "excellent", min_score: 90),
        GradeBand(grade: "良好", english: "good", min_score: 80),
        GradeBand(grade: "一般", english: "fair", min_score: 60),
        GradeBand(grade: "较差", english: "poor", min_score: nil),
    ]

    static func grade(_ score: Double) -> GradeBand {
        bands.first { b in b.min_score.map { score >= $0 } ?? true }!
    }

    /// "优秀 ≥90 分，良好 ≥80 分，一般 ≥60 分，较差 <60 分".
    static var legend: String {
        bands.enumerated().map { i, b in
            b.min_score.map { "\(b.grade) ≥\(ScoresCommand.fmt($0)) 分" }
                ?? "\(b.grade) <\(ScoresCommand.fmt(bands[i - 1].min_score ?? 0)) 分"
        }.joined(separator: "，")
    }
}
