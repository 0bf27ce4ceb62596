import JiannuoCore

/// A form being typed, on PostgreSQL: the officer's own row (row security keeps it theirs), not
/// ledger, not audited.
extension PostgresLedger {
    public func saveDraft(kind: String, data: String) throws {
        try drafts { c in
            try c.execute("""
                INSERT INTO drafts(operator, kind, data, saved_at) VALUES ($1, $2, $3, $4)
                ON CONFLICT (operator, kind) DO UPDATE SET data = excluded.data, saved_at = excluded.saved_at
                """, [operatorName, kind, data, clock.realNow.iso])
        }
    }

    public func draft(kind: String) throws -> Draft? {
        try read { c in
            try c.execute("SELECT kind, data, saved_at FROM drafts WHERE operator = $1 AND kind = $2", [operatorName, kind]).rows.first.map {
                Draft(kind: $0[0] ?? kind, data: $0[1] ?? "", savedAt: $0[2] ?? "")
            }
        }
    }

    public func deleteDraft(kind: String) throws {
        try drafts { c in try c.execute("DELETE FROM drafts WHERE operator = $1 AND kind = $2", [operatorName, kind]) }
    }

    private func drafts(_ body: (PGConnection) throws -> Void) throws {
        lock.lock(); defer { lock.unlock() }
        do { try connection.transaction { try body(connection) } } catch let e as PGError { throw e.jiannuoError }
    }
}
