import JiannuoCore
import JiannuoStore

/// A pane's order: one of its sort columns (0 is the pane's own order), ascending or not.
public struct PaneSort: Sendable, Equatable {
    public var column = 0
    public var descending = false
    public init(column: Int = 0, descending: Bool = false) { self.column = column; self.descending = descending }
    public var isDefault: Bool { column == 0 && !descending }
}

/// The columns each pane can be ordered by (`o` steps through them, `O` reverses), first its own order.
extension Pane {
    public var sortColumns: [Text] {
        switch self {
        case .commitments: [Text("兑现时限", "deadline"), Text("单位", "unit"), Text("对方", "party"), Text("状态", "status"),
                             Text("进度", "progress"), Text("承诺日期", "made"), Text("编号", "id")]
        case .complaints: [Text("当前时限", "due"), Text("收到", "received"), Text("单位", "unit"), Text("紧急", "urgency"),
                           Text("阶段", "stage"), Text("渠道", "channel"), Text("编号", "id")]
        case .deadlines: [Text("紧急程度", "urgency"), Text("剩余", "left"), Text("单位", "unit"), Text("类型", "kind")]
        case .scores: [Text("名次", "rank"), Text("单位", "unit"), Text("变化", "change")]
        }
    }

    /// The ledger's order for a sort column of a list read in windows.
    func storeOrder(_ column: Int) -> PaneQuery.Order {
        switch self {
        case .commitments: [.due, .department, .counterparty, .status, .progress, .made, .id][min(column, 6)]
        case .complaints: [.due, .received, .department, .urgency, .status, .channel, .id][min(column, 6)]
        default: .due
        }
    }

    /// "↓单位" for the pane's title when it is not in its own order.
    func sortLabel(_ sort: PaneSort, _ lang: Lang = .zh) -> String? {
        sort.isDefault ? nil : (sort.descending ? "↓" : "↑") + sortColumns[min(sort.column, sortColumns.count - 1)](lang)
    }
}

extension DashboardData {
    /// The deadlines pane as shown: typed filter, structured filter (unit, level), order. Worked out
    /// once per change of the pane's filter or order (`shownAlerts`): a province's 32,000 alerts are
    /// asked for several times a frame.
    func alerts(_ ps: PaneState) -> [Alert] {
        if ps.isPlain { return alerts }
        // Not every alert is held yet: nothing to show rather than a partial match (see `awaitsAllAlerts`).
        if !alertsComplete { return [] }
        if let shown = shownAlerts, shown.shows(ps) { return shown.list }
        return filteredAlerts(ps, from: nil)
    }

    /// The pane needs alerts it does not hold yet (they are being read).
    func awaitsAllAlerts(_ ps: PaneState) -> Bool {
        !alertsComplete && (!ps.isPlain || ps.selected >= alerts.count)
    }

    /// Keeps the pane's rows as shown, for the frames until its filter or order changes. A filter typed
    /// one more character narrows the rows already kept instead of all the alerts.
    mutating func keepShownAlerts(_ ps: PaneState) {
        guard alertsComplete, !(shownAlerts?.shows(ps) ?? false) else { return }
        let narrowing = shownAlerts.flatMap { $0.narrowed(to: ps) ? $0.list : nil }
        shownAlerts = ShownAlerts(filter: ps.filter, department: ps.query.department, status: ps.query.status, sort: ps.sort,
                                  list: filteredAlerts(ps, from: narrowing))
    }

    /// `from`: rows already filtered by a prefix of this filter, in this order.
    func filteredAlerts(_ ps: PaneState, from kept: [Alert]?) -> [Alert] {
        var list = kept.map { alerts(matching: ps.filter, in: $0) } ?? alerts(matching: ps.filter)
        if kept != nil { return list }
        if let d = ps.query.department { list = list.filter { $0.department == d } }
        if let l = ps.query.status { list = list.filter { $0.level.rawValue == l } }
        guard !ps.sort.isDefault else { return list }
        let sorted: [Alert]
        switch ps.sort.column {
        case 1: sorted = list.enumerated().sorted { ($0.element.daysLeft, $0.offset) < ($1.element.daysLeft, $1.offset) }.map(\.element)
        case 2: sorted = list.enumerated().sorted { (name($0.element.department), $0.offset) < (name($1.element.department), $1.offset) }.map(\.element)
        case 3: sorted = list.enumerated().sorted { ($0.element.kind.label(lang), $0.offset) < ($1.element.kind.label(lang), $1.offset) }.map(\.element)
        default: sorted = list
        }
        return ps.sort.descending ? sorted.reversed() : sorted
    }

    /// The scores pane as shown.
    func scores(_ ps: PaneState) -> [ScoreEntry] {
        var list = scores(matching: ps.filter)
        if let d = ps.query.department { list = list.filter { $0.department == d } }
        guard !ps.sort.isDefault else { return list }
        let sorted: [ScoreEntry]
        switch ps.sort.column {
        case 1: sorted = list.sorted { ($0.name, $0.rank) < ($1.name, $1.rank) }
        case 2: sorted = list.sorted { ($0.change ?? 0, $0.rank) < ($1.change ?? 0, $1.rank) }
        default: sorted = list
        }
        return ps.sort.descending ? sorted.reversed() : sorted
    }
}
