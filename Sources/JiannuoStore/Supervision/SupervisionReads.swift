import GRDB
import JiannuoCore

/// Supervision rounds (督促检查) and their findings, escalations to the county leadership, and
/// public-opinion events: what the office itself brings against a unit.
extension LedgerEngine {
    /// `openOn`: only rounds not over by that day.
    public func inspections(openOn day: Day?) throws -> [InspectionRound] {
        try actor.require(.read)
        return try reading { r in
            try day.map { try r.records(InspectionRound.self, "SELECT * FROM inspections WHERE to_day >= ? ORDER BY from_day DESC, id DESC", [$0.string]) }
                ?? r.records(InspectionRound.self, "SELECT * FROM inspections ORDER BY from_day DESC, id DESC", [])
        }
    }

    public func inspection(_ id: String) throws -> InspectionRound { try reading { r in try requireInspection(r, id) } }
    public func finding(_ id: String) throws -> Finding { try reading { r in try requireFinding(r, id) } }

    /// `round`: only that round's findings.
    public func findings(_ f: ListFilter, round: String?) throws -> [Finding] {
        try list(.findings, f, extra: round.map { [("round = ?", $0)] } ?? [])
    }

    /// `record`: only the escalations of that record.
    public func escalations(_ f: ListFilter, record: String?) throws -> [Escalation] {
        try list(.escalations, f, extra: record.map { [("record = ?", $0)] } ?? [])
    }

    public func opinions(_ f: ListFilter) throws -> [OpinionEvent] { try list(.opinions, f) }
}

extension ListSpec {
    static let findings = ListSpec(table: "findings", unit: "department", date: "date", order: "date DESC, id DESC", status: { s in
        guard let severity = Severity(rawValue: s) else {
            throw invalid("发现问题的级别只能是 low、medium 或 high", "a finding's severity is low, medium or high")
        }
        return "severity = \(CoreSQL.literal(severity.rawValue))"
    })

    static let escalations = ListSpec(table: "escalations", unit: "department", date: "date", order: "date DESC, id DESC", status: { s in
        guard let kind = Escalation.Kind(rawValue: s) else {
            throw invalid("上报事项类型只能是 " + Escalation.Kind.allCases.map(\.rawValue).joined(separator: "、"),
                          "kind is one of " + Escalation.Kind.allCases.map(\.rawValue).joined(separator: ", "))
        }
        return "kind = \(CoreSQL.literal(kind.rawValue))"
    })

    /// `status` is open, handled, or a severity.
    static let opinions = ListSpec(table: "opinions", unit: "department", date: "date", order: "date DESC, id DESC", status: { s in
        switch s {
        case "open": return "handled_on IS NULL"
        case "handled": return "handled_on IS NOT NULL"
        default: return "severity = \(CoreSQL.literal(try Severity.parse(s, Field("状态或级别", "status or severity")).rawValue))"
        }
    })
}
