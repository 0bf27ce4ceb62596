import JiannuoCore
import JiannuoStore

/// Where the officer is in one pane.
public struct PaneState: Sendable, Equatable {
    public var selected = 0
    public var offset = 0
    /// What is typed after `/`.
    public var filter = ""
    /// The column the rows are ordered by (`o`, an index into `Pane.sortColumns`) and its direction (`O`).
    public var sort = PaneSort()
    /// The structured filter (`F`): unit, status, urgency, category, channel, dates.
    public var query = PaneQuery()

    public init(filter: String = "") { self.filter = filter }

    /// No filter, no condition, the pane's own order: what a window read in order can show.
    public var isPlain: Bool { filter.isEmpty && sort.isDefault && query.isUnfiltered }
}

/// Everything the screen depends on besides the data: changed only by `DashboardUpdate`.
public struct DashboardState: Sendable {
    public var size: Size
    public var focus: Pane = .commitments
    public var panes: [Pane: PaneState] = Dictionary(uniqueKeysWithValues: Pane.allCases.map { ($0, PaneState()) })
    /// Typing a filter for the focused pane.
    public var filtering = false
    /// Screens over the panes, the one in front last.
    public var stack: [Screen] = []
    /// The complaint intake form, when open (over every screen).
    public var form: IntakeForm?
    /// A workflow step's form, when open.
    public var step: ActionForm?
    /// A question over everything else.
    public var prompt: Prompt?
    /// The key help, over everything (it lists the keys of the place it was opened from first).
    public var help: DocState?
    public var message: String?
    public var quit = false

    public init(size: Size) { self.size = size }

    public subscript(_ p: Pane) -> PaneState {
        get { panes[p]! }
        set { panes[p] = newValue }
    }

    /// The screen in front, if any.
    public var top: Screen? { stack.last }

    /// The document in front (a record or a drill-down), if that is what is in front.
    public var document: DocState? {
        get { if case .document(let d)? = stack.last { d } else { nil } }
        set {
            guard let newValue, case .document? = stack.last else { return }
            stack[stack.count - 1] = .document(newValue)
        }
    }

    /// The record in front, if a record is in front.
    public var record: RecordContent? {
        if case .record(let r)? = document?.content { r } else { nil }
    }

    public var search: SearchState? {
        get { if case .search(let s)? = stack.last { s } else { nil } }
        set {
            guard let newValue, case .search? = stack.last else { return }
            stack[stack.count - 1] = .search(newValue)
        }
    }
}
