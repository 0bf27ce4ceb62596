import JiannuoCore

/// The partial indexes of open items by due day that the alerts read, holding every column the alerts
/// read of a row (`BigSource.columns`): tens of thousands of open promises and complaints are then read
/// from their index alone, not looked up one by one among two million rows (a province's alert list
/// 75 → 38 ms of SQL). PostgreSQL keeps the extra columns as included ones. The alerts read each with the
/// index's own condition (`open`), so that the engine knows the index holds every row asked for.
enum AlertIndexes {
    struct Index {
        let name: String
        let table: String
        let keys: [String]
        let carried: [String]
        let open: String

        func create(_ dialect: SQLDialect) -> String {
            dialect.postgres
                ? "CREATE INDEX \(name) ON \(table)(\(keys.joined(separator: ", "))) INCLUDE (\(carried.joined(separator: ", "))) WHERE \(open)"
                : "CREATE INDEX \(name) ON \(table)(\((keys + carried).joined(separator: ", "))) WHERE \(open)"
        }
    }

    static let openCommitments = Index(name: "commitments_open_deadline", table: "commitments", keys: ["deadline"],
                                       carried: ["id", "department", "counterparty"], open: CoreSQL.commitmentOpen())
    static let openDebts = Index(name: "commitments_open_debts", table: "commitments", keys: ["delivered_on", "payment_days"],
                                 carried: ["id", "department", "counterparty", "amount_fen"],
                                 open: CoreSQL.debtOpen())
    /// The stage columns, set or not, and the return: what an open complaint's alert says.
    static let openComplaints = Index(name: "complaints_open_due", table: "complaints", keys: ["current_due"],
                                      carried: ["id", "department", "urgency"] + Complaint.Stage.allCases.compactMap(\.reachedColumn) + ["returned_at"],
                                      open: CoreSQL.complaintOpen())
    static let all = [openCommitments, openDebts, openComplaints]
}
