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
        // Grouped in the index's own order (unit, status), then added up here: no sort of every promise.
        var byStatus: [String: Int] = [:]
        try r.each("SELECT status, count(*) FROM commitments \(r.dialect.indexedBy(SummaryIndexes.commitmentsByUnitStatusName))\(whereClause(unit.sql)) GROUP BY department, status",
                   unit.arguments) { byStatus[$0.text(0) ?? "", default: 0] += $0.small(1) ?? 0 }
        // No `WHERE` at all when nothing filters: SQLite counts a whole table from its smallest index only then.
        let total = try r.int("SELECT count(*) FROM complaints\(whereClause(unit.sql))", unit.arguments)
        // One pass counting each open stage, rather than grouping the open complaints by a computed stage.
        let open = Complaint.Stage.allCases.filter(\.isOpen)
        let counted = open.map { "count(*) FILTER (WHERE stage = '\($0.rawValue)')" }.joined(separator: ", ")
        var byStage: [String: Int] = [:]
        try r.each("""
            SELECT \(counted) FROM (SELECT \(CoreSQL.complaintStage()) AS stage FROM complaints \(r.dialect.indexedBy(SummaryIndexes.openComplaintStagesName))
            WHERE \(CoreSQL.complaintOpen())\(unit.sql)) AS t
            """, unit.arguments) { row in
            for (i, stage) in open.enumerated() { byStage[stage.rawValue] = row.small(i) ?? 0 }
        }
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

    /// ` WHERE …` for a filter written as ` AND …` (a liaison's), or nothing for none.
    private static func whereClause(_ filter: String) -> String {
        filter.isEmpty ? "" : " WHERE true" + filter
    }
}
