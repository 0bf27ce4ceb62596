import GRDB
import JiannuoCore

extension Store {
    public func auditEntries(entity: String? = nil, id: String? = nil, limit: Int? = nil) throws -> [AuditEntry] {
        try read { db in
            var q = AuditEntry.all()
            if let entity { q = q.filter(Column("entity") == entity) }
            if let id { q = q.filter(Column("entity_id") == id) }
            q = q.order(Column("seq").desc)
            if let limit { q = q.limit(limit) }
            return try q.fetchAll(db)
        }
    }

    public func verifyAudit() throws -> AuditChain.Report {
        try read { db in try AuditChain.verify(db) }
    }

    /// Records that an officer looked at personal data (e.g. revealed a contact on screen).
    public func recordReveal(entity: String, id: String, field: String) throws {
        try write { _, audit in
            try audit.append(action: "\(entity).reveal", entity: entity, id: id, before: nil, after: "{\"field\":\"\(field)\"}")
        }
    }
}
