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

    enum CodingKeys: String, CodingKey {
        case departments, commitmentsByStatus = "commitments_by_status", complaintsByStage = "complaints_by_stage"
        case breaches, breachesUnreported = "breaches_unreported", rectificationsOpen = "rectifications_open"
        case opinionsOpen = "opinions_open"
    }
}

extension Store {
    public func summary() throws -> Summary {
        try read { db in
            var byStatus: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT status, count(*) AS n FROM commitments GROUP BY status") {
                byStatus[row["status"]] = row["n"]
            }
            let total = try Int.fetchOne(db, sql: "SELECT count(*) FROM complaints") ?? 0
            var byStage: [String: Int] = ["received": 0, "accepted": 0, "resolved": 0]
            for row in try Row.fetchAll(db, sql: """
                SELECT CASE WHEN accepted_at IS NULL THEN 'received' WHEN resolved_at IS NULL THEN 'accepted' ELSE 'resolved' END AS stage,
                       count(*) AS n
                FROM complaints WHERE responded_at IS NULL GROUP BY stage
                """) { byStage[row["stage"]] = row["n"] }
            byStage["responded"] = total - byStage.values.reduce(0, +)
            return Summary(
                departments: try Int.fetchOne(db, sql: "SELECT count(*) FROM departments WHERE active") ?? 0,
                commitmentsByStatus: byStatus, complaintsByStage: byStage,
                breaches: try Int.fetchOne(db, sql: "SELECT count(*) FROM breaches") ?? 0,
                breachesUnreported: try Int.fetchOne(db, sql: "SELECT count(*) FROM breaches WHERE reported_on IS NULL") ?? 0,
                rectificationsOpen: try Int.fetchOne(db, sql: "SELECT count(*) FROM rectifications WHERE completed_on IS NULL") ?? 0,
                opinionsOpen: try Int.fetchOne(db, sql: "SELECT count(*) FROM opinions WHERE handled_on IS NULL") ?? 0)
        }
    }
}
