import JiannuoCore

/// What `status` and the dashboard's header count, read from an index alone: open complaints by stage (each
/// open complaint's row otherwise). Both engines, the same name; the unit a liaison's filter names leads it.
///
/// Promises by status are not indexed: SQLite, which keeps no statistics here, then chose an index led by
/// `status` for every open-promise read instead of their partial indexes (the alert counts went 8 → 150 ms).
enum SummaryIndexes {
    /// The stage is computed from the columns of the stages reached (`CoreSQL.complaintStage`), kept in the index:
    /// PostgreSQL as included columns.
    static func openComplaintStages(_ dialect: SQLDialect) -> String {
        let reached = Complaint.Stage.allCases.compactMap(\.reachedColumn).joined(separator: ", ")
        return dialect.postgres
            ? "CREATE INDEX \(openComplaintStagesName) ON complaints(department) INCLUDE (\(reached)) WHERE \(CoreSQL.complaintOpen())"
            : "CREATE INDEX \(openComplaintStagesName) ON complaints(department, \(reached)) WHERE \(CoreSQL.complaintOpen())"
    }
    static let openComplaintStagesName = "complaints_open_stage"
}
