import GRDB

/// The event counts on SQLite: their table, its rebuild and its triggers (`KeptEventCounts`).
enum SQLiteEventCounts {
    static let table = "event_tallies"
    static let triggerNames = ["jn_event_followup_insert", "jn_event_followup_update", "jn_event_followup_delete",
                               "jn_event_complaint_insert", "jn_event_complaint_update", "jn_event_complaint_delete"]

    static func createTable(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE IF NOT EXISTS event_tallies (
                kind TEXT NOT NULL CHECK (kind IN ('dissatisfied', 'return')),
                day TEXT NOT NULL,
                department TEXT NOT NULL,
                received TEXT NOT NULL DEFAULT '',
                n INTEGER NOT NULL CHECK (n >= 0),
                PRIMARY KEY (day, kind, department, received)
            ) WITHOUT ROWID
            """)
    }

    static func rebuild(_ db: Database) throws { try SQLiteKeptCounts.refill(db, "event_tallies", columns: KeptEventCounts.columns, from: KeptEventCounts.recomputeSQL()) }

    static func dropTriggers(_ db: Database) throws { try SQLiteKeptCounts.drop(db, triggers: triggerNames) }

    /// Adds (sign 1) or takes off (sign -1) `count` for one key; rows that reach 0 go.
    private static func change(_ sign: Int, kind: String, day: String, department: String, received: String = "''",
                               count: String = "1", when: String) -> String {
        if sign > 0 {
            return """
                INSERT INTO event_tallies (kind, day, department, received, n)
                    SELECT '\(kind)', \(day), \(department), \(received), \(count) WHERE \(when) AND \(count) > 0
                    ON CONFLICT (day, kind, department, received) DO UPDATE SET n = n + excluded.n;
                """
        }
        return """
            UPDATE event_tallies SET n = n - (\(count)) WHERE \(when) AND kind = '\(kind)' AND day = \(day)
                AND department = \(department) AND received = \(received);
            DELETE FROM event_tallies WHERE \(when) AND kind = '\(kind)' AND day = \(day) AND department = \(department)
                AND received = \(received) AND n = 0;
            """
    }

    static func installTriggers(_ db: Database) throws {
        func followup(_ sign: Int, _ r: String) -> String {
            change(sign, kind: "dissatisfied", day: "substr(\(r).at, 1, 10)",
                   department: "(SELECT department FROM complaints WHERE id = \(r).complaint)", when: "\(r).satisfied = 0")
        }
        func returned(_ sign: Int, _ r: String) -> String {
            change(sign, kind: "return", day: "substr(\(r).returned_at, 1, 10)", department: "\(r).returned_from",
                   received: "substr(\(r).received, 1, 10)", when: "\(r).returned_at IS NOT NULL")
        }
        // A complaint that changes hands takes its dissatisfied follow-ups' counts with it (one per day).
        let movedOut = """
            UPDATE event_tallies SET n = n - (SELECT count(*) FROM followups f WHERE f.complaint = OLD.id AND f.satisfied = 0
                    AND substr(f.at, 1, 10) = event_tallies.day)
                WHERE OLD.department <> NEW.department AND kind = 'dissatisfied' AND department = OLD.department AND received = ''
                    AND day IN (SELECT substr(at, 1, 10) FROM followups WHERE complaint = OLD.id AND satisfied = 0);
            DELETE FROM event_tallies WHERE OLD.department <> NEW.department AND kind = 'dissatisfied'
                AND department = OLD.department AND n = 0;
            """
        let movedIn = """
            INSERT INTO event_tallies (kind, day, department, received, n)
                SELECT 'dissatisfied', substr(at, 1, 10), NEW.department, '', count(*) FROM followups
                WHERE complaint = NEW.id AND satisfied = 0 AND OLD.department <> NEW.department GROUP BY 2
                ON CONFLICT (day, kind, department, received) DO UPDATE SET n = n + excluded.n;
            """
        try db.execute(sql: """
            CREATE TRIGGER IF NOT EXISTS jn_event_followup_insert AFTER INSERT ON followups BEGIN
            \(followup(1, "NEW"))
            END;
            CREATE TRIGGER IF NOT EXISTS jn_event_followup_update AFTER UPDATE ON followups BEGIN
            \(followup(-1, "OLD"))
            \(followup(1, "NEW"))
            END;
            CREATE TRIGGER IF NOT EXISTS jn_event_followup_delete AFTER DELETE ON followups BEGIN
            \(followup(-1, "OLD"))
            END;
            CREATE TRIGGER IF NOT EXISTS jn_event_complaint_insert AFTER INSERT ON complaints BEGIN
            \(returned(1, "NEW"))
            END;
            CREATE TRIGGER IF NOT EXISTS jn_event_complaint_update AFTER UPDATE OF department, returned_from, returned_at, received ON complaints BEGIN
            \(returned(-1, "OLD"))
            \(returned(1, "NEW"))
            \(movedOut)
            \(movedIn)
            END;
            CREATE TRIGGER IF NOT EXISTS jn_event_complaint_delete AFTER DELETE ON complaints BEGIN
            \(returned(-1, "OLD"))
            END;
            """)
    }
}
