import GRDB
import JiannuoCore

extension Store {
    public func auditEntries(entity: String? = nil, id: String? = nil, limit: Int? = nil) throws -> [AuditEntry] {
        // The log holds every unit's records: not for a liaison.
        if let role = actor.role, RoleTable.isConfined(role) {
            throw JiannuoError.permission("单位联络员不能查看审计日志（其中有其他单位的记录）", "a liaison may not read the audit log")
        }
        try actor.require(.read)
        return try read { db in
            var q = AuditEntry.all()
            if let entity { q = q.filter(Column("entity") == entity) }
            if let id { q = q.filter(Column("entity_id") == id) }
            q = q.order(Column("seq").desc)
            if let limit { q = q.limit(limit) }
            return try q.fetchAll(db)
        }
    }

    /// The chain, the head and every ledger table against the digests; read-only.
    public func verifyAudit(anchor: AuditChain.Anchor? = nil, progress: ((String) -> Void)? = nil) throws -> AuditChain.Report {
        try read { db in try AuditChain.verify(db, anchor: anchor, progress: progress) }
    }

    /// The head of the chain, with the day of its last entry: what to keep outside the file.
    public func auditAnchor() throws -> (anchor: AuditChain.Anchor, at: String)? {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT seq, hash, at FROM audit_log ORDER BY seq DESC LIMIT 1") else { return nil }
            return (AuditChain.Anchor(seq: row["seq"], hash: row["hash"]), row["at"])
        }
    }

    /// Records that an officer looked at personal data (e.g. revealed a contact on screen).
    /// `count`: how many records an export revealed at once (one row says so).
    public func recordReveal(entity: String, id: String, field: String, count: Int = 1) throws {
        try authorize(.revealContact)
        return try write { _, audit in
            try audit.append(action: "\(entity).reveal", entity: entity, id: id, before: nil, after: AuditWriter.reveal(field: field, count: count))
        }
    }
}
