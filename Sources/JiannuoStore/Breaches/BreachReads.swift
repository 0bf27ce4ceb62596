import GRDB
import JiannuoCore

extension LedgerEngine {
    public func breach(_ id: String) throws -> Breach { try reading { r in try requireBreach(r, id) } }
    public func breaches(_ f: ListFilter) throws -> [Breach] { try list(.breaches, f) }

    /// `breach`: only the rectifications of that breach.
    public func rectifications(_ f: ListFilter, breach: String?) throws -> [Rectification] {
        try list(.rectifications, f, extra: breach.map { [("breach = ?", $0)] } ?? [])
    }

    /// `follows`: only those following this breach, complaint or finding.
    public func accountability(_ f: ListFilter, breach follows: String?) throws -> [Accountability] {
        try list(.accountability, f, extra: follows.map { [("breach = ? OR complaint = ? OR finding = ?", $0)] } ?? [])
    }
}

extension ListSpec {
    static let breaches = ListSpec(table: "breaches", unit: "department", date: "date", order: "date DESC, id DESC", status: { s in
        switch s {
        case "reported": return "reported_on IS NOT NULL"
        case "unreported": return "reported_on IS NULL"
        default: throw invalid("失信记录状态只能是 reported 或 unreported", "breach status must be reported or unreported")
        }
    })

    static let rectifications = ListSpec(table: "rectifications", unit: "unit", date: "opened", order: "deadline, id", status: { s in
        switch s {
        case "open": return "completed_on IS NULL"
        case "done": return "completed_on IS NOT NULL"
        default: throw invalid("整改状态只能是 open 或 done", "rectification status must be open or done")
        }
    })

    /// Accountability actions have no status: a status word filters nothing.
    static let accountability = ListSpec(table: "accountability", unit: "department", date: "date", order: "date DESC, id DESC",
                                         status: { _ in "1 = 1" })
}
