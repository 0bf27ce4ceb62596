import Foundation
import GRDB
import JiannuoCore

/// What an engine gives the ledger's shared code, and nothing more: a snapshot to read in, one
/// transaction to write in (with its audit appender), and the few steps that truly differ. Every
/// requirement of `Ledger` and `LedgerAdministration` is then written once, as an extension of this
/// protocol in the folder of its concept, and each engine gets it as it is (GRDB's demo apps: one
/// intent method per write, no forwarders).
protocol LedgerEngine: LedgerAdministration {
    associatedtype Reader: SQLReader
    associatedtype Writer: SQLWriter

    /// Reads in one snapshot: every statement of `body` sees the same committed state.
    func reading<T>(_ body: (Reader) throws -> T) throws -> T
    /// One command's writes: one transaction with its audit rows; all or nothing. Every change to a
    /// ledger table must be followed by an audit row in the same transaction (it carries the digests).
    func transaction<T>(_ body: (Writer, any AuditAppending) throws -> T) throws -> T

    /// After a merge, in its transaction: what the engine keeps of who sees which units (PostgreSQL's
    /// `role_units` for liaisons; nothing on SQLite, whose program asks the lineage each time).
    func unitsMerged(_ w: Writer) throws
    /// After an account's row was written, in the same transaction: PostgreSQL's login role and its
    /// group; nothing on SQLite.
    func accountWritten(_ w: Writer, _ a: Account) throws

    /// Runs an import's inserts (`body`) as one bulk write: the engine brings its digests and kept
    /// counts up to date once at the end instead of by a trigger per row.
    func bulkImport<T>(_ w: Writer, table: String, ids: [String], _ body: () throws -> T) throws -> T
    /// Inserts many records of one kind, as fast as the engine can.
    func insertAll<R: PersistableRecord>(_ w: Writer, _ records: [R]) throws

    /// Keeps an evidence file's bytes by their hash (once), in `w`'s transaction where the engine can.
    func keepAttachmentFile(_ w: Writer, sha256: String, data: Data) throws
    /// An evidence file's bytes as stored, nil if there are none.
    func attachmentFile(sha256: String) throws -> Data?

    /// The engine's triggers that keep the counts, those missing or disabled.
    func missingKeptCountTriggers(_ r: Reader) throws -> [String]
    /// Recomputes every kept count from the records and puts back missing triggers, in `w`'s transaction.
    func rebuildKeptCountTables(_ w: Writer) throws
}

extension LedgerEngine {
    /// A record by its id, which the actor may see (`unit`: the unit it belongs to). Where the engine
    /// hides other units' rows (PostgreSQL's row security) a liaison cannot tell "not there" from "not
    /// yours", and is told why it may not see it, as on SQLite.
    func require<R: FetchableRecord & TableRecord, Q: SQLReader>(_ r: Q, _ id: String, _ kind: RecordKind, unit: (R) -> String?) throws -> R {
        try actor.require(.read)
        guard let found = try r.records(R.self, "SELECT * FROM \(R.databaseTableName) WHERE \(kind == .department ? "code" : "id") = ?", [id]).first else {
            throw actor.missing(kind.word, id, hiddenByEngine: r.dialect.postgres)
        }
        if let u = unit(found) { try actor.requireVisible(u) }
        return found
    }

    func requireComplaint<Q: SQLReader>(_ r: Q, _ id: String) throws -> Complaint { try require(r, id, .complaint) { $0.department } }
    func requireCommitment<Q: SQLReader>(_ r: Q, _ id: String) throws -> Commitment { try require(r, id, .commitment) { $0.department } }
    func requireBreach<Q: SQLReader>(_ r: Q, _ id: String) throws -> Breach { try require(r, id, .breach) { $0.department } }
    func requireFinding<Q: SQLReader>(_ r: Q, _ id: String) throws -> Finding { try require(r, id, .finding) { $0.department } }
    func requireRectification<Q: SQLReader>(_ r: Q, _ id: String) throws -> Rectification { try require(r, id, .rectification) { $0.unit } }
    func requireOpinion<Q: SQLReader>(_ r: Q, _ id: String) throws -> OpinionEvent { try require(r, id, .opinion) { $0.department } }
    func requireInspection<Q: SQLReader>(_ r: Q, _ id: String) throws -> InspectionRound { try require(r, id, .inspection) { (_: InspectionRound) in nil } }

    /// A new record of `kind` in `w`'s transaction: its id from the year's series of `day`, `make`
    /// builds and checks it, then it is inserted and its audit row says so (claiming `claimed`, else `day`).
    func insertNew<R: PersistableRecord & Encodable>(_ kind: RecordKind, on day: Day, _ w: Writer, _ audit: any AuditAppending,
                                                     claimed: String? = nil, _ make: (String) throws -> R) throws -> R {
        let id = try w.nextId(kind, year: day.year)
        let r = try make(id)
        try w.insert(r)
        try audit.record("\(kind.rawValue).add", entity: kind.rawValue, id: id, after: r, claimed: claimed ?? day.string)
        return r
    }

    /// A unit by its code or name, which must exist and be in use.
    func requireUnit<Q: SQLReader>(_ r: Q, _ typed: String) throws -> Department {
        try r.requireDepartment(try DepartmentLookup.resolve(typed, in: try r.records(Department.self, "SELECT * FROM departments", [])))
    }
}
