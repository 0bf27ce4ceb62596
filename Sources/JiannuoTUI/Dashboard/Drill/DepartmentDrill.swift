import JiannuoCore

/// One department's breach record for the drill-down: score, dimensions, every line, breaches,
/// open alerts, trend and predecessors. Built by `DashboardApp` from the Store, drawn by `DrillView`.
public struct DepartmentDrill: Sendable, Equatable {
    public struct Dim: Sendable, Equatable { public var label: String; public var value: Double; public var weight: Double }

    public var code: String
    public var name: String
    public var period: String
    public var score: Double
    public var onTime: String
    public var dimensions: [Dim]
    public var lines: [ScoreLine]
    public var breaches: [String]
    public var alerts: [String]
    public var trend: [Double]
    public var trendLabels: [String]
    public var predecessors: [String]
    /// The selected line (Enter opens its record).
    public var selected = 0
    public var scroll = 0

    public var selectedRecord: String? { lines.indices.contains(selected) ? lines[selected].record : nil }

    mutating func move(_ d: Int, visible: Int) {
        guard !lines.isEmpty else { return }
        selected = min(max(0, selected + d), lines.count - 1)
        scroll = Table.scrollOffset(selected: selected, current: scroll, visibleRows: max(1, visible), rowCount: lines.count)
    }
}
