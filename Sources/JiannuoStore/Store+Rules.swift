import GRDB
import JiannuoCore

extension Store {
    /// Puts a rules file's time limits into force: the stored limits of open complaints are computed
    /// again with them, in one audited transaction. Nothing else recomputes them: reading with
    /// `--rules` never changes the ledger.
    public func applyRules(_ new: Rules, source: String) throws -> Int {
        try authorize(.rulesApply)
        return try write { db, audit in
            let before = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'deadline_rules'")
            let open = try Int.fetchOne(db, sql: "SELECT count(*) FROM complaints WHERE responded_at IS NULL") ?? 0
            try refreshOpenDeadlines(db, deadlines: new.deadlines)
            let fingerprint = AuditWriter.json(new.deadlines)
            try db.execute(sql: "INSERT INTO meta(key, value) VALUES ('deadline_rules', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                           arguments: [fingerprint])
            try audit.append(action: "rules.apply", entity: "rules", id: source, before: before, after: fingerprint)
            return open
        }
    }
}
