import GRDB
import JiannuoCore

/// Appends hash-chained rows to `audit_log` inside the current SQLite write transaction.
struct SQLiteAuditWriter: AuditAppending {
    let db: Database
    let operatorName: String
    let clock: Clock
    let digests: DigestAccumulator

    func append(action: String, entity: String, id: String, before: String?, after: String?, claimed: String?) throws {
        try AuditActions.requireListed(action)
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
}
