import GRDB
import JiannuoCore

/// An engine that runs a writing command: one transaction, with its audit appender; all or nothing.
protocol LedgerTransactions: Ledger {
    associatedtype Writer: SQLWriter
    func transaction<T>(_ body: (Writer, any AuditAppending) throws -> T) throws -> T
    /// After a merge, in its transaction: what the engine keeps of who sees which units (PostgreSQL's
    /// `role_units` for liaisons; nothing on SQLite, whose program asks the lineage each time).
    func unitsMerged(_ w: Writer) throws
}

/// The writes to the ledger's records, written once for both engines: each checks what it can before
/// the transaction (role, dates), then reads, applies Core's workflow and writes inside it.
struct LedgerWrites<L: LedgerTransactions> {
    let ledger: L
    init(_ ledger: L) { self.ledger = ledger }

    var clock: Clock { ledger.clock }
    var rules: Rules { ledger.rules }

    /// A record by its id, which the actor may see (`unit`: the unit it belongs to).
    func require<R: FetchableRecord & TableRecord>(_ w: L.Writer, _ id: String, _ what: Text, unit: (R) -> String?) throws -> R {
        guard let r = try w.records(R.self, "SELECT * FROM \(R.databaseTableName) WHERE id = ?", [id]).first else {
            throw ledger.actor.missing(what, id, hiddenByEngine: w.dialect.postgres)
        }
        if let u = unit(r) { try ledger.actor.requireVisible(u) }
        return r
    }

    func requireComplaint(_ w: L.Writer, _ id: String) throws -> Complaint { try require(w, id, Text("投诉", "complaint")) { $0.department } }
    func requireCommitment(_ w: L.Writer, _ id: String) throws -> Commitment { try require(w, id, Text("承诺", "commitment")) { $0.department } }
    func requireBreach(_ w: L.Writer, _ id: String) throws -> Breach { try require(w, id, Text("失信记录", "breach")) { $0.department } }
    func requireFinding(_ w: L.Writer, _ id: String) throws -> Finding { try require(w, id, Text("检查发现问题", "finding")) { $0.department } }
    func requireRectification(_ w: L.Writer, _ id: String) throws -> Rectification { try require(w, id, Text("整改", "rectification")) { $0.unit } }
    func requireOpinion(_ w: L.Writer, _ id: String) throws -> OpinionEvent { try require(w, id, Text("舆情", "opinion event")) { $0.department } }

    /// A unit by its code or name, which must exist and be in use.
    func requireUnit(_ w: L.Writer, _ typed: String) throws -> Department {
        try w.requireDepartment(try DepartmentLookup.resolve(typed, in: try w.records(Department.self, "SELECT * FROM departments", [])))
    }
}
