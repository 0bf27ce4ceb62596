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
    public var sortColumns: [String] {
        switch self {
        case .commitments: ["兑现时限", "单位", "对方", "状态", "进度", "承诺日期", "编号"]
        case .complaints: ["当前时限", "收到", "单位", "紧急", "阶段", "渠道", "编号"]
        case .deadlines: ["紧急程度", "剩余", "单位", "类型"]
        case .scores: ["名次", "单位", "变化"]
        }
    }

    /// The Store's order for a sort column of a list read in windows.
    func storeOrder(_ column: Int) -> PaneQuery.Order {
        switch self {
        case .commitments: [.due, .department, .counterparty, .status, .progress, .made, .id][min(column, 6)]
        case .complaints: [.due, .received, .department, .urgency, .status, .channel, .id][min(column, 6)]
        default: .due
        }
    }

    /// "↓单位" for the pane's title when it is not in its own order.
    func sortLabel(_ sort: PaneSort) -> String? {
        sort.isDefault ? nil : (sort.descending ? "↓" : "↑") + sortColumns[min(sort.column, sortColumns.count - 1)]
    }
}

extension DashboardData {
    /// The deadlines pane as shown: typed filter, structured filter (unit, level), order.
    func alerts(_ ps: PaneState) -> [Alert] {
        var list = alerts(matching: ps.filter)
        if let d = ps.query.department { list = list.filter { $0.department == d } }
        if let l = ps.query.status { list = list.filter { $0.level.rawValue == l } }
        guard !ps.sort.isDefault else { return list }
        let sorted: [Alert]
        switch ps.sort.column {
        case 1: sorted = list.enumerated().sorted { ($0.element.daysLeft, $0.offset) < ($1.element.daysLeft, $1.offset) }.map(\.element)
        case 2: sorted = list.enumerated().sorted { (name($0.element.department), $0.offset) < (name($1.element.department), $1.offset) }.map(\.element)
        case 3: sorted = list.enumerated().sorted { ($0.element.kind.label, $0.offset) < ($1.element.kind.label, $1.offset) }.map(\.element)
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
