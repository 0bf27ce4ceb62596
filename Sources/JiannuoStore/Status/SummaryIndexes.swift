import JiannuoCore

/// What `status` and the dashboard's header count, read from indexes alone: promises by status (the whole
/// table otherwise, 200,000 rows in a province) and open complaints by stage (each open complaint's row
/// otherwise). Both engines, the same names; the columns a liaison's filter names are in them too.
enum SummaryIndexes {
    static let commitmentsByStatus = "CREATE INDEX commitments_status ON commitments(status, department)"
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
