import GRDB
import JiannuoCore

/// Counts for the one-screen status and the dashboard header.
public struct Summary: Codable, Sendable {
    public var departments: Int
    public var commitmentsByStatus: [String: Int]
    public var complaintsByStage: [String: Int]
    public var breaches: Int
    public var breachesUnreported: Int
    public var rectificationsOpen: Int
    public var opinionsOpen: Int
    /// Difficulty reports the office has not answered, and those of them past their limit.
    public var difficultiesOpen: Int
    public var difficultiesLate: Int

    enum CodingKeys: String, CodingKey {
        case departments, commitmentsByStatus = "commitments_by_status", complaintsByStage = "complaints_by_stage"
        case breaches, breachesUnreported = "breaches_unreported", rectificationsOpen = "rectifications_open"
        case opinionsOpen = "opinions_open", difficultiesOpen = "difficulties_open", difficultiesLate = "difficulties_late"
    }
}

extension LedgerEngine {
    /// A liaison's summary counts its own unit's records (and its predecessors'), never the county's.
    public func summary() throws -> Summary {
        let unit = liaisonFilter("department"), rect = liaisonFilter("unit"), code = liaisonFilter("code")
        let today = clock.today
        return try reading { r in try Summary.read(r, today: today, unit: unit, rectificationUnit: rect, departmentCode: code) }
    }
}

extension Summary {
    typealias Filter = (sql: String, arguments: [DatabaseValueConvertible])

    static func read<R: SQLReader>(_ r: R, today: Day, unit: Filter = ("", []), rectificationUnit: Filter = ("", []),
                                   departmentCode: Filter = ("", [])) throws -> Summary {
        var byStatus: [String: Int] = [:]
        try r.each("SELECT status, count(*) FROM commitments WHERE 1 = 1\(unit.sql) GROUP BY status", unit.arguments) {
            byStatus[$0.text(0) ?? ""] = $0.small(1) ?? 0
        }
        let total = try r.int("SELECT count(*) FROM complaints WHERE 1 = 1\(unit.sql)", unit.arguments)
        var byStage = Dictionary(uniqueKeysWithValues: Complaint.Stage.allCases.filter(\.isOpen).map { ($0.rawValue, 0) })
        try r.each("""
            SELECT \(CoreSQL.complaintStage()) AS stage, count(*) FROM complaints \(r.dialect.indexedBy(SummaryIndexes.openComplaintStagesName))
            WHERE \(CoreSQL.complaintOpen())\(unit.sql) GROUP BY stage
            """, unit.arguments) { byStage[$0.text(0) ?? ""] = $0.small(1) ?? 0 }
        byStage[Complaint.Stage.responded.rawValue] = total - byStage.values.reduce(0, +)
        return Summary(
            departments: try r.int("SELECT count(*) FROM departments WHERE active <> 0\(departmentCode.sql)", departmentCode.arguments),
            commitmentsByStatus: byStatus, complaintsByStage: byStage,
            breaches: try r.int("SELECT count(*) FROM breaches WHERE 1 = 1\(unit.sql)", unit.arguments),
            breachesUnreported: try r.int("SELECT count(*) FROM breaches WHERE reported_on IS NULL\(unit.sql)", unit.arguments),
            rectificationsOpen: try r.int("SELECT count(*) FROM rectifications WHERE completed_on IS NULL\(rectificationUnit.sql)", rectificationUnit.arguments),
            opinionsOpen: try r.int("SELECT count(*) FROM opinions WHERE handled_on IS NULL\(unit.sql)", unit.arguments),
            difficultiesOpen: try r.int("SELECT count(*) FROM difficulties WHERE answered_at IS NULL\(unit.sql)", unit.arguments),
            difficultiesLate: try r.int("SELECT count(*) FROM difficulties WHERE answered_at IS NULL AND due < ?\(unit.sql)",
                                        [today.string] + unit.arguments))
    }
}
