import GRDB
import JiannuoCore

/// An engine that runs a writing command: one transaction, with its audit appender; all or nothing.
protocol LedgerTransactions: Ledger {
    associatedtype Writer: SQLWriter
    func transaction<T>(_ body: (Writer, any AuditAppending) throws -> T) throws -> T
}

/// The writes to the ledger's records, written once for both engines: each checks what it can before
/// the transaction (role, dates), then reads, applies Core's workflow and writes inside it.
struct LedgerWrites<L: LedgerTransactions> {
    let ledger: L
    init(_ ledger: L) { self.ledger = ledger }

    var clock: Clock { ledger.clock }
    var rules: Rules { ledger.rules }

    func requireComplaint(_ w: L.Writer, _ id: String) throws -> Complaint {
        guard let c = try w.all("SELECT * FROM complaints WHERE id = ?", [id], Complaint.init(positional:)).first else {
            throw ledger.actor.missing(Text("投诉", "complaint"), id, hiddenByEngine: w.dialect.postgres)
        }
        try ledger.actor.requireVisible(c.department)
        return c
    }

    /// Read by position (the big tables' decoders), as every read of these records is.
    func requireCommitment(_ w: L.Writer, _ id: String) throws -> Commitment {
        guard let c = try w.all("SELECT * FROM commitments WHERE id = ?", [id], Commitment.init(positional:)).first else {
            throw ledger.actor.missing(Text("承诺", "commitment"), id, hiddenByEngine: w.dialect.postgres)
        }
        try ledger.actor.requireVisible(c.department)
        return c
    }
}
