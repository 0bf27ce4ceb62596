import Crypto
import Foundation
import GRDB
import JiannuoCore

/// Appends hash-chained rows to `audit_log` inside the current write transaction.
/// Each row's hash covers its fields, the digests of every ledger table after the change, and the
/// previous row's hash: editing or deleting a row of the log breaks the chain there, and changing
/// a ledger row outside the program no longer matches the digests of the last row.
/// What writes audit rows, in either engine: `append` is the engine's; `record` encodes the records.
protocol AuditAppending {
    func append(action: String, entity: String, id: String, before: String?, after: String?, claimed: String?) throws
}

extension AuditAppending {
    /// `claimed`: the date or time the recorded event claims (a backfilled acceptance, say), kept
    /// beside the moment the row was entered.
    func record<B: Encodable, A: Encodable>(_ action: String, entity: String, id: String, before: B?, after: A?,
                                            claimed: String? = nil) throws {
        // Plain conditionals, not `map`: a closure over a generic value would capture its metatype.
        var b: String? = nil, a: String? = nil
        if let before { b = AuditWriter.json(before) }
        if let after { a = AuditWriter.json(after) }
        try append(action: action, entity: entity, id: id, before: b, after: a, claimed: claimed)
    }

    func record<A: Encodable>(_ action: String, entity: String, id: String, after: A, claimed: String? = nil) throws {
        try append(action: action, entity: entity, id: id, before: nil, after: AuditWriter.json(after), claimed: claimed)
    }

    func append(action: String, entity: String, id: String, before: String?, after: String?) throws {
        try append(action: action, entity: entity, id: id, before: before, after: after, claimed: nil)
    }
}

struct AuditWriter: AuditAppending {
    let db: Database
    let operatorName: String
    let clock: Clock
    let digests: DigestAccumulator

    func append(action: String, entity: String, id: String, before: String?, after: String?, claimed: String?) throws {
        let state = try LedgerDigest.flush(db, digests)
        let last = try Row.fetchOne(db, sql: "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1")
        let seq: Int64 = (last?["seq"] as Int64? ?? 0) + 1
        let prev: String = last?["hash"] ?? AuditChain.genesis
        // The real moment of entry, whatever --today says; the claimed date says what it is about.
        let claim = claimed ?? (clock.isReal ? nil : clock.today.string)
        var row = AuditEntry(seq: seq, at: clock.realNow.iso, operatorName: operatorName, action: action,
                             entity: entity, entityId: id, before: before, after: after, prevHash: prev, hash: "",
                             claimed: claim, state: state)
        row.hash = AuditChain.hash(of: row)
        try db.execute(sql: """
            INSERT INTO audit_log(seq, at, operator, action, entity, entity_id, before, after, prev_hash, hash, claimed, state)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [seq, row.at, operatorName, action, entity, id, before, after, prev, row.hash, claim, state])
        // The head guards against rows cut off the end of the chain (an anchor kept elsewhere does it better).
        try db.execute(sql: "INSERT INTO meta(key, value) VALUES ('audit_head', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                       arguments: ["\(seq):\(row.hash)"])
    }

    /// What a reveal's row says: the field shown, and how many records when an export showed several.
    static func reveal(field: String, count: Int) -> String {
        count == 1 ? "{\"field\":\"\(field)\"}" : "{\"field\":\"\(field)\",\"records\":\(count)}"
    }

    static func json<T: Encodable>(_ value: T) -> String {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? e.encode(value)).flatMap { String(data: $0, encoding: .utf8) } ?? "null"
    }
}

public struct AuditEntry: Codable, Sendable {
    public var seq: Int64
    public var at: String
    public var operatorName: String
    public var action: String
    public var entity: String
    public var entityId: String
    public var before: String?
    public var after: String?
    public var prevHash: String
    public var hash: String
    /// The date the event claims, when it differs from the moment of entry (backfilling, --today).
    public var claimed: String?
    /// The digests of every ledger table after this entry (rows from before schema v4 have none).
    public var state: String?

    enum CodingKeys: String, CodingKey {
        case seq, at, operatorName = "operator", action, entity, entityId = "entity_id", before, after
        case prevHash = "prev_hash", hash, claimed, state
    }
}
