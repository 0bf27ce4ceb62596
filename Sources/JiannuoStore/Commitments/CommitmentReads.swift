import GRDB
import JiannuoCore

extension LedgerEngine {
    public func commitment(_ id: String) throws -> Commitment { try reading { r in try requireCommitment(r, id) } }
    public func commitments(_ f: ListFilter) throws -> [Commitment] { try list(.commitments, f) }
    public func commitmentCount(_ f: ListFilter) throws -> Int { try count(.commitments, f) }
    /// Every commitment matching `f`, one at a time, in id order.
    public func eachCommitment(_ f: ListFilter, _ body: (Commitment) throws -> Void) throws { try stream(.commitments, f, body) }

    /// Progress, fulfilment and feedback, in date order: of a promise the actor may see.
    public func commitmentEntries(_ id: String) throws -> [CommitmentEntry] {
        try reading { r in
            _ = try requireCommitment(r, id)
            return try r.records(CommitmentEntry.self, "SELECT * FROM commitment_entries WHERE commitment = ? ORDER BY date, id", [id])
        }
    }

    /// The changes of terms, in date order: the terms in force on a past day are read from them.
    public func amendments(_ id: String) throws -> [Amendment] {
        try reading { r in
            _ = try requireCommitment(r, id)
            return try r.records(Amendment.self, "SELECT * FROM amendments WHERE commitment = ? ORDER BY date, id", [id])
        }
    }
}

extension ListSpec {
    /// `status` is a status (or its Chinese word) or `open` (still owed).
    static let commitments = ListSpec(table: "commitments", unit: "department", date: "made", order: "deadline, id", status: { s in
        s == "open" ? CoreSQL.commitmentOpen() : "status = \(CoreSQL.literal(try CommitmentStatus.parse(s, Field("状态", "status")).rawValue))"
    })
}
