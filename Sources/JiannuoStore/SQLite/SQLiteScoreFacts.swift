import GRDB
import JiannuoCore

/// The kept score facts on SQLite: their table, its rebuild and its triggers (`KeptScoreFacts`).
enum SQLiteScoreFacts {
    static func createTable(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE IF NOT EXISTS score_facts (
                source TEXT NOT NULL CHECK (source IN ('commitment', 'rectification', 'breach', 'accountability', 'finding')),
                record TEXT NOT NULL,
                kind TEXT NOT NULL CHECK (kind IN ('dated', 'standing', 'repair')),
                rule TEXT NOT NULL,
                department TEXT NOT NULL,
                day TEXT NOT NULL,
                since TEXT NOT NULL DEFAULT '',
                until TEXT NOT NULL DEFAULT '',
                times INTEGER NOT NULL CHECK (times > 0)
            );
            CREATE INDEX IF NOT EXISTS score_facts_record ON score_facts(source, record);
            CREATE INDEX IF NOT EXISTS score_facts_dated ON score_facts(kind, day, rule, department, times);
            CREATE INDEX IF NOT EXISTS score_facts_standing ON score_facts(kind, until, since, rule, department, day);
            """)
    }

    static func rebuild(_ db: Database) throws { try SQLiteKeptCounts.refill(db, "score_facts", columns: KeptScoreFacts.columns, from: KeptScoreFacts.recomputeSQL()) }

    /// Runs an import that only appends promises without the per-row triggers, then judges the new
    /// rows in one pass (a promise new to the ledger has no amendments, feedback or rectifications yet).
    static func appendingCommitments<T>(_ db: Database, _ body: () throws -> T) throws -> T {
        let before = try Int64.fetchOne(db, sql: "SELECT max(rowid) FROM commitments") ?? 0
        try dropTriggers(db)
        let result = try body()
        let added = try Int.fetchOne(db, sql: "SELECT count(*) FROM commitments WHERE rowid > ?", arguments: [before]) ?? 0
        // A promise gives one or two facts: indexed afresh when they outnumber what the table holds.
        try SQLiteBulkIndexes.without(db, tables: [KeptScoreFacts.table], adding: added) {
            try db.execute(sql: "INSERT INTO score_facts (\(KeptScoreFacts.columns)) \(KeptScoreFacts.commitmentSQL("c.rowid > \(before)"))")
        }
        try installTriggers(db)
        return result
    }

    static let triggerNames = ["commitment_insert", "commitment_update", "commitment_delete",
                               "amendment_insert", "amendment_update", "amendment_delete",
                               "entry_insert", "entry_update", "entry_delete",
                               "rectification_insert", "rectification_update", "rectification_delete",
                               "breach_insert", "breach_update", "breach_delete",
                               "accountability_insert", "accountability_update", "accountability_delete",
                               "finding_insert", "finding_update", "finding_delete"].map { "jn_facts_\($0)" }

    static func dropTriggers(_ db: Database) throws { try SQLiteKeptCounts.drop(db, triggers: triggerNames) }

    static func installTriggers(_ db: Database) throws {
        func trigger(_ name: String, _ event: String, _ table: String, when: String = "", _ body: String) -> String {
            "CREATE TRIGGER IF NOT EXISTS jn_facts_\(name) AFTER \(event) ON \(table) \(when.isEmpty ? "" : "WHEN \(when)") BEGIN\n\(body)\nEND;"
        }
        // A breach's repair follows its rectifications; a rectification's breach may change.
        let rectified = "\(KeptScoreFacts.refresh("breach", "NEW.breach"))"
        try db.execute(sql: [
            trigger("commitment_insert", "INSERT", "commitments", KeptScoreFacts.refresh("commitment", "NEW.id")),
            trigger("commitment_update", "UPDATE OF id, department, made, deadline, status, procedures, fulfilled_on", "commitments",
                    KeptScoreFacts.forget("commitment", "OLD.id") + KeptScoreFacts.refresh("commitment", "NEW.id")),
            trigger("commitment_delete", "DELETE", "commitments", KeptScoreFacts.forget("commitment", "OLD.id")),
            trigger("amendment_insert", "INSERT", "amendments", KeptScoreFacts.refresh("commitment", "NEW.commitment")),
            trigger("amendment_update", "UPDATE", "amendments", KeptScoreFacts.refresh("commitment", "OLD.commitment") + KeptScoreFacts.refresh("commitment", "NEW.commitment")),
            trigger("amendment_delete", "DELETE", "amendments", KeptScoreFacts.refresh("commitment", "OLD.commitment")),
            trigger("entry_insert", "INSERT", "commitment_entries", when: "NEW.kind = 'feedback'", KeptScoreFacts.refresh("commitment", "NEW.commitment")),
            trigger("entry_update", "UPDATE OF commitment, kind", "commitment_entries", when: "OLD.kind = 'feedback' OR NEW.kind = 'feedback'",
                    KeptScoreFacts.refresh("commitment", "OLD.commitment") + KeptScoreFacts.refresh("commitment", "NEW.commitment")),
            trigger("entry_delete", "DELETE", "commitment_entries", when: "OLD.kind = 'feedback'", KeptScoreFacts.refresh("commitment", "OLD.commitment")),
            trigger("rectification_insert", "INSERT", "rectifications", KeptScoreFacts.refresh("rectification", "NEW.id") + rectified),
            trigger("rectification_update", "UPDATE", "rectifications",
                    KeptScoreFacts.forget("rectification", "OLD.id") + KeptScoreFacts.refresh("rectification", "NEW.id") + KeptScoreFacts.refresh("breach", "OLD.breach") + rectified),
            trigger("rectification_delete", "DELETE", "rectifications", KeptScoreFacts.forget("rectification", "OLD.id") + KeptScoreFacts.refresh("breach", "OLD.breach")),
            trigger("breach_insert", "INSERT", "breaches", KeptScoreFacts.refresh("breach", "NEW.id")),
            trigger("breach_update", "UPDATE", "breaches", KeptScoreFacts.forget("breach", "OLD.id") + KeptScoreFacts.refresh("breach", "NEW.id")),
            trigger("breach_delete", "DELETE", "breaches", KeptScoreFacts.forget("breach", "OLD.id")),
            trigger("accountability_insert", "INSERT", "accountability", KeptScoreFacts.refresh("accountability", "NEW.id")),
            trigger("accountability_update", "UPDATE", "accountability", KeptScoreFacts.forget("accountability", "OLD.id") + KeptScoreFacts.refresh("accountability", "NEW.id")),
            trigger("accountability_delete", "DELETE", "accountability", KeptScoreFacts.forget("accountability", "OLD.id")),
            trigger("finding_insert", "INSERT", "findings", KeptScoreFacts.refresh("finding", "NEW.id")),
            trigger("finding_update", "UPDATE", "findings", KeptScoreFacts.forget("finding", "OLD.id") + KeptScoreFacts.refresh("finding", "NEW.id")),
            trigger("finding_delete", "DELETE", "findings", KeptScoreFacts.forget("finding", "OLD.id")),
        ].joined(separator: "\n"))
    }
}
