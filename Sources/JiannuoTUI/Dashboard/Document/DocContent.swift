/// What a document screen shows. Each kind lays itself out for a width; the update (to move) and the
/// view (to draw) call the same function, so the rows they count are the rows on screen.
public enum DocContent: Sendable, Equatable {
    /// One record: fields, history and links to the records it produced or came from.
    case record(RecordContent)
    /// A department's breach record (drill-down): score, dimensions, every line, every breach, alerts.
    case department(DepartmentDrill)
    /// Every key of every place, the current place first.
    case help(HelpContent)

    public var title: String {
        switch self {
        case .record(let r): r.title
        case .department(let d): "\(d.name) \(d.code) " + d.lang("失信档案", "integrity file")
        case .help(let h): h.title
        }
    }

    /// A cursor row is shown and moved (records and the drill-down lead somewhere); help only scrolls.
    public var selectable: Bool {
        if case .help = self { return false }
        return true
    }

    /// The lines for a text area `width` columns wide, before wrapping.
    public func lines(width: Int) -> [DocLine] {
        switch self {
        case .record(let r): r.lines
        case .department(let d): DrillDocument.lines(d, width: width)
        case .help(let h): h.lines(width: width)
        }
    }

    /// The rows on screen: every line wrapped to `width`.
    public func rows(width: Int) -> [DocLine] { lines(width: width).flatMap { $0.rows(width: width) } }
}

/// One record as the detail view shows it (built by `RecordDetail` from the ledger).
public struct RecordContent: Sendable, Equatable {
    /// The record the workflow keys act on (a rectification's id even though its breach is shown).
    public var id: String
    public var title: String
    /// The responsible department: `d` opens its breach record.
    public var department: String?
    public var lines: [DocLine]
    /// The workflow steps that apply to the record as it is (nil: not known, all are offered).
    public var steps: Set<ActionForm.Step>?

    public init(id: String, title: String, department: String?, lines: [DocLine], steps: Set<ActionForm.Step>? = nil) {
        self.id = id; self.title = title; self.department = department; self.lines = lines; self.steps = steps
    }
}
