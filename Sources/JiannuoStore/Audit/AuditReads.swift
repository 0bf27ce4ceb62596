import GRDB
import JiannuoCore

extension LedgerEngine {
    /// The log, newest first; not for a liaison (it holds every unit's records).
    public func auditEntries(entity: String?, id: String?, limit: Int?) throws -> [AuditEntry] {
        if isConfined {
            throw JiannuoError.permission("单位联络员不能查看审计日志（其中有其他单位的记录）", "a liaison may not read the audit log")
        }
        try actor.require(.read)
        return try reading { r in
            var conditions: [String] = [], arguments: [DatabaseValueConvertible] = []
            if let entity { conditions.append("entity = ?"); arguments.append(entity) }
            if let id { conditions.append("entity_id = ?"); arguments.append(id) }
            let w = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
            var sql = "SELECT * FROM audit_log\(w) ORDER BY seq DESC"
            if let limit { sql += " LIMIT ?"; arguments.append(limit) }
            return try r.records(AuditEntry.self, sql, arguments)
        }
    }

    /// The head of the chain, with the time of its last entry: what to keep outside the ledger.
    public func auditAnchor() throws -> (anchor: AuditChain.Anchor, at: String)? {
        try reading { r in
            var head: (AuditChain.Anchor, String)? = nil
            try r.each("SELECT seq, hash, at FROM audit_log ORDER BY seq DESC LIMIT 1", []) { row in
                if let seq = row.int(0), let hash = row.text(1) { head = (AuditChain.Anchor(seq: seq, hash: hash), row.text(2) ?? "") }
            }
            return head
        }
    }

    /// Looking at personal data is an audited act: one row says who revealed which field of how many records.
    public func recordReveal(entity: String, id: String, field: String, count: Int) throws {
        try authorize(.revealContact)
        try transaction { _, audit in
            try audit.append(action: "\(entity).reveal", entity: entity, id: id, before: nil, after: AuditText.reveal(field: field, count: count))
        }
    }
}
