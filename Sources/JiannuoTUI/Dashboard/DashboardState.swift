import JiannuoCore

/// Where the officer is in one pane.
public struct PaneState: Sendable, Equatable {
    public var selected = 0
    public var offset = 0
    public var filter = ""
}

/// A full-screen view over the dashboard.
public enum Overlay: Sendable, Equatable {
    case help
    /// The selected record's detail: its id, its lines, and the first line shown.
    case detail(title: String, lines: [String], scroll: Int)
    /// A department's breach record; Enter opens the selected line's record.
    case department(DepartmentDrill)
    /// At start, a complaint draft left by a closed terminal: restore it or throw it away.
    case draftOffer(savedAt: String, json: String)
}

/// Everything the screen depends on besides the data: changed only by `DashboardUpdate`.
public struct DashboardState: Sendable {
    public var size: Size
    public var focus: Pane = .commitments
    public var panes: [Pane: PaneState] = Dictionary(uniqueKeysWithValues: Pane.allCases.map { ($0, PaneState()) })
    /// Typing a filter for the focused pane.
    public var filtering = false
    public var overlay: Overlay?
    /// The complaint intake form, when open (over everything else).
    public var form: IntakeForm?
    /// Where Esc from the detail view returns (the drill-down it was opened from).
    public var returnTo: Overlay?
    /// The record shown in the detail view: its workflow keys act on it.
    public var detailRecord: String?
    /// The search, when open.
    public var search: SearchState?
    /// A workflow step's form, when open.
    public var action: ActionForm?
    public var message: String?
    public var quit = false

    public init(size: Size) { self.size = size }

    public subscript(_ p: Pane) -> PaneState {
        get { panes[p]! }
        set { panes[p] = newValue }
    }
}
