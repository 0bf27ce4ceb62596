import JiannuoCore
import JiannuoStore

/// One row of the scores pane.
public struct ScoreEntry: Sendable, Equatable {
    public var department: String
    public var name: String
    public var score: Double
    public var rank: Int
    public var change: Int?
}

/// A liaison's fourth pane: its own unit's score this quarter with every line, and the twelve months'
/// trend, in place of the county ranking it may not see.
public struct OwnScore: Sendable, Equatable {
    public var department: String
    public var name: String
    public var score: Double
    public var lines: [ScoreLine]
    public var trend: [Double]
    public init(department: String, name: String, score: Double, lines: [ScoreLine], trend: [Double]) {
        self.department = department; self.name = name; self.score = score; self.lines = lines; self.trend = trend
    }
}

/// What the screen shows, read from the ledger: small lists whole, big lists one window at a time.
public struct DashboardData: Sendable {
    public var today: Day
    public var operatorName: String
    public var database: String
    public var readOnly: Bool
    /// Who is at the keyboard: the keys offered and carried out are those the role allows (nil: no limit).
    public var actor: Actor?
    public var names: [String: String] = [:]
    /// The deadlines pane's alerts: all of them, or, when `alertsComplete` is false, the most urgent
    /// ones (a province has some 32,000; the pane shows fifteen). Set whole, it is complete.
    public var alerts: [Alert] = [] {
        // Counted once per load, not once per frame.
        didSet { levelCounts = alerts.reduce(into: [:]) { $0[$1.level, default: 0] += 1 }; alertsComplete = true; shownAlerts = nil }
    }
    /// The deadlines pane's rows as last shown filtered or reordered (see `keepShownAlerts`).
    var shownAlerts: ShownAlerts?
    /// The count of alerts at each level, from the ledger's counts when only the head is held.
    private var levelCounts: [Alert.Level: Int] = [:]
    public private(set) var alertsComplete = true
    /// The sequence number of the read that brought the alerts held (see `FirstPaint.sequence`).
    public var alertsRead = 0
    /// Supervision rounds not yet over (督促检查进行中), for the header.
    public var openRounds = 0
    public var commitments = Window<Commitment>(rows: [], total: 0, offset: 0)
    public var complaints = Window<Complaint>(rows: [], total: 0, offset: 0)
    /// Nil until computed: the scores pane may fill in just after the first paint.
    public var scores: [ScoreEntry]?
    /// A liaison's own score, shown in the scores pane instead of the ranking.
    public var ownScore: OwnScore?
    public var period: Period
    public var calendar: WorkCalendar
    /// The time limits in force, for the rows' colours (the same levels as the alerts).
    public var rules: DeadlineRules = .defaults
    /// The score's points, for saying what a step will cost before it is confirmed.
    public var scoring = ScoringRules()
    /// The language the dashboard speaks (`--lang`, `LANG`): every word on screen is chosen by it; data
    /// (names, content) is shown as stored.
    public var lang: Lang = .zh

    public init(today: Day, operatorName: String, database: String, readOnly: Bool, calendar: WorkCalendar) {
        self.today = today; self.operatorName = operatorName; self.database = database; self.readOnly = readOnly
        self.period = .currentQuarter(today); self.calendar = calendar
    }

    public func count(_ level: Alert.Level) -> Int { levelCounts[level] ?? 0 }

    /// All the alerts there are, held or not.
    public var alertsTotal: Int { levelCounts.values.reduce(0, +) }

    public mutating func setAlerts(_ page: AlertPage) {
        alerts = page.alerts
        levelCounts = page.counts
        alertsComplete = page.complete
    }

    func name(_ code: String) -> String { names[code] ?? code }
}

/// The deadlines pane's rows for one filter and order.
struct ShownAlerts: Sendable {
    var filter: String
    var department: String?
    var status: String?
    var sort: PaneSort
    var list: [Alert]

    func shows(_ ps: PaneState) -> Bool {
        filter == ps.filter && department == ps.query.department && status == ps.query.status && sort == ps.sort
    }

    /// The pane's filter only grew: its rows are among these, in the same order.
    func narrowed(to ps: PaneState) -> Bool {
        ps.filter.hasPrefix(filter) && department == ps.query.department && status == ps.query.status && sort == ps.sort
    }
}

extension DashboardData {
    /// Filtered alerts, in memory: a typed filter first reads every alert (`DashboardApp.loadWindow`).
    func alerts(matching filter: String, in list: [Alert]? = nil) -> [Alert] {
        guard !filter.isEmpty else { return list ?? alerts }
        return (list ?? alerts).filter { $0.record.contains(filter) || $0.message(lang).contains(filter) || $0.department.contains(filter)
            || name($0.department).contains(filter) }
    }

    func scores(matching filter: String) -> [ScoreEntry] {
        guard let scores else { return [] }
        guard !filter.isEmpty else { return scores }
        return scores.filter { $0.department.contains(filter) || $0.name.contains(filter) }
    }

    /// The record behind the selected row of a pane (nil for a calendar warning, which has none).
    func recordId(_ p: Pane, _ ps: PaneState) -> String? {
        let i = ps.selected
        switch p {
        case .commitments: return commitments.row(i)?.id
        case .complaints: return complaints.row(i)?.id
        case .deadlines: return alerts(ps).dropFirst(i).first.flatMap { $0.kind == .calendar ? nil : $0.record }
        case .scores: return ownScore?.department ?? scores(ps).dropFirst(i).first?.department
        }
    }

    /// The department behind the selected row of a pane.
    func department(_ p: Pane, _ ps: PaneState) -> String? {
        let i = ps.selected
        switch p {
        case .commitments: return commitments.row(i)?.department
        case .complaints: return complaints.row(i)?.department
        case .deadlines: return alerts(ps).dropFirst(i).first?.department
        case .scores: return ownScore?.department ?? scores(ps).dropFirst(i).first?.department
        }
    }

    /// The steps that would open a form on the selected row (the footer offers only these).
    func applicableSteps(_ p: Pane, _ ps: PaneState) -> Set<ActionForm.Step> {
        let subject: StepSubject
        switch p {
        case .complaints:
            guard let c = complaints.row(ps.selected) else { return [] }
            subject = .complaint(c)
        case .commitments:
            guard let c = commitments.row(ps.selected) else { return [] }
            subject = .commitment(c)
        case .deadlines:
            // An alert holds no record: the kinds a step can act on are offered, the form checks the rest.
            switch alerts(ps).dropFirst(ps.selected).first?.kind {
            case .breachReport?: return [.report, .accountability]
            case .rectification?: return [.accountability, .rectificationDone]
            default: return []
            }
        case .scores: return []
        }
        return StepForms.applicable(subject, today: today, calendar: calendar, rules: rules)
    }

    func total(_ pane: Pane, filter: String) -> Int { total(pane, PaneState(filter: filter)) }

    /// Rows of a pane as shown (its filters applied).
    func total(_ pane: Pane, _ ps: PaneState) -> Int {
        switch pane {
        case .commitments: commitments.total
        case .complaints: complaints.total
        case .deadlines: alertsComplete ? alerts(ps).count : alertsTotal
        case .scores: ownScore.map { $0.lines.count } ?? scores(ps).count
        }
    }
}
