import JiannuoCore

/// What `status` and the dashboard's header count, read from indexes alone: promises by unit and status
/// (the whole table otherwise, 200,000 wide rows in a province) and open complaints by stage (each open
/// complaint's row otherwise). Both engines, the same names; the unit a liaison's filter names leads them.
enum SummaryIndexes {
    /// Led by the unit, not the status: SQLite, which keeps no statistics here, read every open-promise
    /// query through an index led by `status` instead of their partial indexes (the alert counts went
    /// 8 → 150 ms). Read in index order, grouped by unit and status, it needs no sort either.
    static let commitmentsByUnitStatus = "CREATE INDEX \(commitmentsByUnitStatusName) ON commitments(department, status)"
    static let commitmentsByUnitStatusName = "commitments_unit_status"

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
