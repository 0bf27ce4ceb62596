import GRDB
import JiannuoCore

/// Schema migrations. Never edit a shipped migration: add a new one.
enum Schema {
    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1-ledger") { db in
            try db.execute(sql: """
            CREATE TABLE departments (
                code TEXT PRIMARY KEY NOT NULL,
                name TEXT NOT NULL,
                kind TEXT NOT NULL,
                active INTEGER NOT NULL DEFAULT 1,
                successor TEXT REFERENCES departments(code),
                merged_on TEXT
            );
            CREATE TABLE department_events (
                id INTEGER PRIMARY KEY,
                code TEXT NOT NULL REFERENCES departments(code),
                kind TEXT NOT NULL,
                date TEXT NOT NULL,
                old_name TEXT, new_name TEXT,
                "into" TEXT REFERENCES departments(code)
            );
            CREATE INDEX department_events_code ON department_events(code);

            CREATE TABLE commitments (
                id TEXT PRIMARY KEY NOT NULL,
                department TEXT NOT NULL REFERENCES departments(code),
                kind TEXT NOT NULL,
                category INTEGER NOT NULL CHECK (category BETWEEN 1 AND 6),
                counterparty TEXT NOT NULL,
                credit_code TEXT,
                content TEXT NOT NULL,
                amount_fen INTEGER CHECK (amount_fen >= 0),
                made TEXT NOT NULL,
                deadline TEXT NOT NULL,
                status TEXT NOT NULL,
                progress INTEGER NOT NULL CHECK (progress BETWEEN 0 AND 100),
                procedures TEXT NOT NULL,
                fulfilled_on TEXT,
                delivered_on TEXT,
                payment_days INTEGER
            );
            CREATE INDEX commitments_department ON commitments(department, deadline);
            CREATE INDEX commitments_open_deadline ON commitments(deadline)
                WHERE \(CoreSQL.commitmentOpen());

            CREATE TABLE commitment_entries (
                id INTEGER PRIMARY KEY,
                commitment TEXT NOT NULL REFERENCES commitments(id),
                kind TEXT NOT NULL,
                date TEXT NOT NULL,
                percent INTEGER,
                text TEXT
            );
            CREATE INDEX commitment_entries_commitment ON commitment_entries(commitment);

            CREATE TABLE amendments (
                id INTEGER PRIMARY KEY,
                commitment TEXT NOT NULL REFERENCES commitments(id),
                date TEXT NOT NULL,
                reason TEXT NOT NULL, legal_basis TEXT NOT NULL, approver TEXT NOT NULL,
                old_deadline TEXT NOT NULL, new_deadline TEXT NOT NULL,
                old_content TEXT NOT NULL, new_content TEXT NOT NULL
            );
            CREATE INDEX amendments_commitment ON amendments(commitment);

            CREATE TABLE complaints (
                id TEXT PRIMARY KEY NOT NULL,
                channel TEXT NOT NULL,
                received TEXT NOT NULL,
                urgency TEXT NOT NULL,
                complainant TEXT, contact TEXT,
                department TEXT NOT NULL REFERENCES departments(code),
                category INTEGER CHECK (category BETWEEN 1 AND 6),
                commitment TEXT REFERENCES commitments(id),
                content TEXT NOT NULL,
                accepted_at TEXT, resolved_at TEXT, result TEXT, responded_at TEXT, response TEXT,
                extension_days INTEGER, extension_reason TEXT,
                returned_from TEXT REFERENCES departments(code), returned_at TEXT, return_reason TEXT,
                verified_at TEXT, breach INTEGER, finding TEXT,
                satisfied INTEGER, followup_note TEXT, followup_at TEXT,
                accept_due TEXT NOT NULL, resolve_due TEXT, respond_due TEXT,
                current_due TEXT GENERATED ALWAYS AS (\(CoreSQL.complaintCurrentDue())) VIRTUAL
            );
            CREATE INDEX complaints_department ON complaints(department, received);
            CREATE INDEX complaints_received ON complaints(received);
            CREATE INDEX complaints_commitment ON complaints(commitment) WHERE commitment IS NOT NULL;
            CREATE INDEX complaints_open_due ON complaints(current_due) WHERE \(CoreSQL.complaintOpen());

            CREATE TABLE breaches (
                id TEXT PRIMARY KEY NOT NULL,
                department TEXT NOT NULL REFERENCES departments(code),
                category INTEGER NOT NULL CHECK (category BETWEEN 1 AND 6),
                commitment TEXT REFERENCES commitments(id),
                complaint TEXT REFERENCES complaints(id),
                date TEXT NOT NULL,
                finding TEXT NOT NULL,
                reported_on TEXT
            );
            CREATE INDEX breaches_department ON breaches(department, date);
            CREATE INDEX breaches_complaint ON breaches(complaint);

            CREATE TABLE rectifications (
                id TEXT PRIMARY KEY NOT NULL,
                breach TEXT NOT NULL REFERENCES breaches(id),
                unit TEXT NOT NULL REFERENCES departments(code),
                measures TEXT NOT NULL,
                opened TEXT NOT NULL,
                deadline TEXT NOT NULL,
                completed_on TEXT
            );
            CREATE INDEX rectifications_breach ON rectifications(breach);
            CREATE INDEX rectifications_open ON rectifications(deadline) WHERE completed_on IS NULL;

            CREATE TABLE accountability (
                id TEXT PRIMARY KEY NOT NULL,
                breach TEXT NOT NULL REFERENCES breaches(id),
                target TEXT NOT NULL,
                kind TEXT NOT NULL,
                date TEXT NOT NULL
            );
            CREATE INDEX accountability_breach ON accountability(breach);

            CREATE TABLE opinions (
                id TEXT PRIMARY KEY NOT NULL,
                department TEXT NOT NULL REFERENCES departments(code),
                date TEXT NOT NULL,
                source TEXT NOT NULL,
                title TEXT NOT NULL,
                severity TEXT NOT NULL,
                handled_on TEXT,
                note TEXT
            );
            CREATE INDEX opinions_department ON opinions(department, date);

            CREATE TABLE calendar_overrides (
                date TEXT PRIMARY KEY NOT NULL,
                kind TEXT NOT NULL,
                note TEXT
            );
            CREATE TABLE calendar_years (
                year INTEGER PRIMARY KEY NOT NULL,
                source TEXT NOT NULL
            );

            CREATE TABLE sequences (
                prefix TEXT PRIMARY KEY NOT NULL,
                last INTEGER NOT NULL
            );

            CREATE TABLE audit_log (
                seq INTEGER PRIMARY KEY,
                at TEXT NOT NULL,
                operator TEXT NOT NULL,
                action TEXT NOT NULL,
                entity TEXT NOT NULL,
                entity_id TEXT NOT NULL,
                before TEXT,
                after TEXT,
                prev_hash TEXT NOT NULL,
                hash TEXT NOT NULL
            );
            CREATE INDEX audit_log_entity ON audit_log(entity, entity_id);

            CREATE TABLE meta (
                key TEXT PRIMARY KEY NOT NULL,
                value TEXT NOT NULL
            );
            """)
        }
        // Scores read only the complaint stages that were late or are still open, through these.
        // (SQLite 3.40 does not match a partial index whose condition is an OR: hence the generated columns.)
        m.registerMigration("v2-late-stage-indexes") { db in
            try db.execute(sql: """
            \(ComplaintLimit.allCases.map { l in """
                ALTER TABLE complaints ADD COLUMN \(CoreSQL.lateColumn(l)) INTEGER GENERATED ALWAYS AS \(CoreSQL.lateOrOpen(l)) VIRTUAL;
                CREATE INDEX complaints_\(CoreSQL.lateColumn(l)) ON complaints(\(l.dueColumn)) WHERE \(CoreSQL.lateColumn(l)) = 1;
                """ }.joined(separator: "\n"))
            CREATE INDEX commitment_entries_feedback ON commitment_entries(commitment) WHERE kind = 'feedback';
            CREATE INDEX commitments_open_debts ON commitments(delivered_on)
                WHERE \(CoreSQL.commitmentOpen()) AND category = 3
                    AND delivered_on IS NOT NULL AND amount_fen IS NOT NULL;
            CREATE INDEX breaches_unreported ON breaches(date) WHERE reported_on IS NULL;
            CREATE INDEX opinions_unhandled ON opinions(date) WHERE handled_on IS NULL;
            """)
        }
        // Forms being typed, saved as the officer types so that nothing is lost if the terminal goes.
        m.registerMigration("v3-drafts") { db in
            try db.execute(sql: """
            CREATE TABLE drafts (
                operator TEXT NOT NULL,
                kind TEXT NOT NULL,
                data TEXT NOT NULL,
                saved_at TEXT NOT NULL,
                PRIMARY KEY (operator, kind)
            );
            """)
        }
        // The ledger as evidence: times with their UTC offset (those stored before were office time,
        // +08:00), the date an extension was granted, the status after each commitment entry, the
        // claimed date and the ledger digests in the audit log, and the triggers that keep them.
        m.registerMigration("v4-evidence") { db in
            try db.execute(sql: """
            ALTER TABLE complaints ADD COLUMN extended_at TEXT;
            ALTER TABLE commitment_entries ADD COLUMN status TEXT;
            ALTER TABLE audit_log ADD COLUMN claimed TEXT;
            ALTER TABLE audit_log ADD COLUMN state TEXT;
            CREATE TABLE ledger_digest (
                tbl TEXT PRIMARY KEY NOT NULL,
                digest TEXT NOT NULL
            );
            CREATE INDEX amendments_date ON amendments(date);
            """)
            for column in ["received", "accepted_at", "resolved_at", "responded_at", "returned_at", "verified_at", "followup_at"] {
                try db.execute(sql: """
                    UPDATE complaints SET \(column) = substr(\(column), 1, 10) || 'T' || substr(\(column), 12, 5) || ':00+08:00'
                    WHERE length(\(column)) = 16
                    """)
            }
            try LedgerDigest.installTriggers(db)
        }
        // Accounts and roles (the first admin is the account that creates or upgrades the ledger).
        m.registerMigration("v5-accounts") { db in
            try db.execute(sql: """
            CREATE TABLE users (
                account TEXT PRIMARY KEY NOT NULL,
                name TEXT NOT NULL,
                role TEXT NOT NULL CHECK (role IN ('intake','supervisor','liaison','leader','admin')),
                department TEXT REFERENCES departments(code),
                active INTEGER NOT NULL DEFAULT 1,
                since TEXT NOT NULL
            );
            """)
            try LedgerDigest.installTriggers(db)
        }
        // The rest of the notice: supervision rounds and their findings, which may order rectification
        // without a breach; escalations of any overdue item; accountability that names a unit or an
        // official and follows a breach, a complaint or a finding; units' public contacts and letter.
        // Two tables are rebuilt to relax NOT NULL (SQLite cannot alter a column), hence deferred checks.
        m.registerMigration("v6-supervision", foreignKeyChecks: .deferred) { db in
            try db.execute(sql: """
            CREATE TABLE inspections (
                id TEXT PRIMARY KEY NOT NULL,
                name TEXT NOT NULL,
                from_day TEXT NOT NULL,
                to_day TEXT NOT NULL,
                departments TEXT NOT NULL,
                inspectors TEXT NOT NULL
            );
            CREATE TABLE findings (
                id TEXT PRIMARY KEY NOT NULL,
                round TEXT NOT NULL REFERENCES inspections(id),
                department TEXT NOT NULL REFERENCES departments(code),
                issue TEXT NOT NULL,
                basis TEXT NOT NULL,
                severity TEXT NOT NULL CHECK (severity IN ('low','medium','high')),
                date TEXT NOT NULL
            );
            CREATE INDEX findings_department ON findings(department, date);
            CREATE INDEX findings_round ON findings(round);
            CREATE TABLE escalations (
                id TEXT PRIMARY KEY NOT NULL,
                record TEXT NOT NULL,
                kind TEXT NOT NULL,
                department TEXT NOT NULL REFERENCES departments(code),
                recipient TEXT NOT NULL,
                date TEXT NOT NULL,
                note TEXT
            );
            CREATE INDEX escalations_record ON escalations(record);
            CREATE INDEX escalations_department ON escalations(department, date);

            CREATE TABLE rectifications_v6 (
                id TEXT PRIMARY KEY NOT NULL,
                breach TEXT REFERENCES breaches(id),
                finding TEXT REFERENCES findings(id),
                unit TEXT NOT NULL REFERENCES departments(code),
                measures TEXT NOT NULL,
                opened TEXT NOT NULL,
                deadline TEXT NOT NULL,
                completed_on TEXT,
                CHECK ((breach IS NULL) <> (finding IS NULL))
            );
            INSERT INTO rectifications_v6 (id, breach, unit, measures, opened, deadline, completed_on)
                SELECT id, breach, unit, measures, opened, deadline, completed_on FROM rectifications;
            DROP TABLE rectifications;
            ALTER TABLE rectifications_v6 RENAME TO rectifications;
            CREATE INDEX rectifications_breach ON rectifications(breach);
            CREATE INDEX rectifications_finding ON rectifications(finding);
            CREATE INDEX rectifications_open ON rectifications(deadline) WHERE completed_on IS NULL;

            CREATE TABLE accountability_v6 (
                id TEXT PRIMARY KEY NOT NULL,
                breach TEXT REFERENCES breaches(id),
                complaint TEXT REFERENCES complaints(id),
                finding TEXT REFERENCES findings(id),
                target_kind TEXT NOT NULL DEFAULT 'unit' CHECK (target_kind IN ('unit','official')),
                department TEXT REFERENCES departments(code),
                official TEXT,
                post TEXT,
                target TEXT NOT NULL,
                kind TEXT NOT NULL,
                date TEXT NOT NULL,
                CHECK ((breach IS NOT NULL) + (complaint IS NOT NULL) + (finding IS NOT NULL) = 1)
            );
            INSERT INTO accountability_v6 (id, breach, department, target, kind, date)
                SELECT a.id, a.breach, b.department, a.target, a.kind, a.date FROM accountability a JOIN breaches b ON b.id = a.breach;
            DROP TABLE accountability;
            ALTER TABLE accountability_v6 RENAME TO accountability;
            CREATE INDEX accountability_breach ON accountability(breach);
            CREATE INDEX accountability_department ON accountability(department, date);

            ALTER TABLE complaints ADD COLUMN reopened_at TEXT;
            CREATE TABLE followups (
                id INTEGER PRIMARY KEY,
                complaint TEXT NOT NULL REFERENCES complaints(id),
                at TEXT NOT NULL,
                satisfied INTEGER NOT NULL,
                note TEXT
            );
            INSERT INTO followups (complaint, at, satisfied, note)
                SELECT id, followup_at, satisfied, followup_note FROM complaints WHERE followup_at IS NOT NULL ORDER BY followup_at;
            CREATE INDEX followups_complaint ON followups(complaint);
            CREATE INDEX followups_dissatisfied ON followups(at) WHERE satisfied = 0;
            CREATE INDEX complaints_returned ON complaints(returned_at) WHERE returned_at IS NOT NULL;
            ALTER TABLE departments ADD COLUMN phone TEXT;
            ALTER TABLE departments ADD COLUMN email TEXT;
            ALTER TABLE departments ADD COLUMN letter TEXT;
            """)
            try LedgerDigest.installTriggers(db)
        }
        // Counts the ranking reads, kept on write (see KeptStageCounts).
        m.registerMigration("v7-tallies") { db in
            try SQLiteStageCounts.createTable(db)
            try SQLiteStageCounts.rebuild(db)
            try SQLiteStageCounts.installTriggers(db)
        }
        m.registerMigration("v8-event-tallies") { db in
            try SQLiteEventCounts.createTable(db)
            try SQLiteEventCounts.rebuild(db)
            try SQLiteEventCounts.installTriggers(db)
            try db.execute(sql: "CREATE INDEX IF NOT EXISTS followups_complaint_dissatisfied ON followups(complaint) WHERE satisfied = 0")
        }
        // One unit's page (department show) reads its returns without scanning every unit's.
        m.registerMigration("v9-unit-returns") { db in
            try db.execute(sql: "CREATE INDEX complaints_returned_from ON complaints(returned_from, returned_at) WHERE returned_at IS NOT NULL")
        }
        // Debts are counted by their payment limit (delivery plus the term) from the index alone (AlertSources).
        m.registerMigration("v10-debt-terms") { db in
            try db.execute(sql: """
                DROP INDEX commitments_open_debts;
                CREATE INDEX commitments_open_debts ON commitments(delivered_on, payment_days)
                    WHERE \(CoreSQL.commitmentOpen()) AND category = 3
                        AND delivered_on IS NOT NULL AND amount_fen IS NOT NULL;
                """)
        }
        // Complaints handed back and waiting for the new unit, for the late-return alerts (AlertSources).
        m.registerMigration("v11-awaiting-returns") { db in
            try db.execute(sql: "CREATE INDEX complaints_awaiting_acceptance ON complaints(returned_from) WHERE returned_at IS NOT NULL AND accepted_at IS NULL")
        }
        // The promises', breaches' and rectifications' score lines, kept on write (KeptScoreFacts).
        // It adds a table of its own: checking every foreign key of two million complaints is not needed.
        m.registerMigration("v12-score-facts", foreignKeyChecks: .immediate) { db in
            try SQLiteScoreFacts.createTable(db)
            try SQLiteScoreFacts.rebuild(db)
            try SQLiteScoreFacts.installTriggers(db)
            // A ranking judges every debt from its payment terms, read from this index alone.
            try db.execute(sql: """
                CREATE INDEX commitments_debts ON commitments(department, made, delivered_on, payment_days, status, fulfilled_on)
                    WHERE category = 3 AND delivered_on IS NOT NULL AND amount_fen IS NOT NULL
                """)
        }
        // Claims are not facts: each commitment entry and amendment keeps when it was recorded and, if it
        // claims an earlier day than the grace window allows, whether the office has confirmed it.
        m.registerMigration("v13-claims") { db in
            try db.execute(sql: ClaimColumns.sqliteMigration)
            try LedgerDigest.installTriggers(db)
        }
        // Evidence files: each a row (digested, so its hash is in the chain); the bytes beside the ledger.
        m.registerMigration("v14-attachments") { db in
            try db.execute(sql: """
            CREATE TABLE attachments (
                id TEXT PRIMARY KEY NOT NULL,
                record TEXT NOT NULL,
                department TEXT NOT NULL REFERENCES departments(code),
                sha256 TEXT NOT NULL,
                name TEXT NOT NULL,
                size INTEGER NOT NULL CHECK (size > 0),
                media TEXT NOT NULL,
                note TEXT,
                added_at TEXT NOT NULL
            );
            CREATE INDEX attachments_record ON attachments(record);
            """)
            try LedgerDigest.installTriggers(db)
        }
        // A complaint's whole history: the rounds a dissatisfied follow-up closed, and the steps typed about
        // an earlier moment than the grace window allows (EventTables).
        m.registerMigration("v15-complaint-history") { db in
            try db.execute(sql: EventTables.sqlite)
            // Promises amended after their deadline, which the alerts judge for a duty to report up.
            try db.execute(sql: "CREATE INDEX amendments_late ON amendments(date) WHERE old_deadline < date")
            try SQLiteStageCounts.installRoundTriggers(db)
            try LedgerDigest.installTriggers(db)
        }
        // The difficulties a unit reports and the office's answers (DifficultyTable).
        m.registerMigration("v16-difficulties") { db in
            try db.execute(sql: DifficultyTable.sqlite)
            try LedgerDigest.installTriggers(db)
        }
        // The platform's work-order number of a complaint (12345's 工单编号), one per channel.
        m.registerMigration("v17-work-orders") { db in
            try db.execute(sql: "ALTER TABLE complaints ADD COLUMN work_order TEXT")
            try db.execute(sql: WorkOrders.uniqueIndex)
            try LedgerDigest.installTriggers(db)
        }
        // Supervision letters to units and their replies (LetterTable).
        m.registerMigration("v18-letters") { db in
            try db.execute(sql: LetterTable.sqlite)
            try LedgerDigest.installTriggers(db)
        }
        // Bulletins as issued, to be printed again as they were (BulletinTable).
        m.registerMigration("v19-bulletins") { db in
            try db.execute(sql: BulletinTable.sqlite)
            try LedgerDigest.installTriggers(db)
        }
        // What status counts, from an index alone (SummaryIndexes).
        m.registerMigration("v20-summary-indexes") { db in
            try db.execute(sql: SummaryIndexes.openComplaintStages(.sqlite))
        }
        // Promises by unit and status, for the same counts (SummaryIndexes); the open items' indexes by due
        // day made to hold what the alerts read of a row (AlertIndexes).
        m.registerMigration("v21-read-indexes") { db in
            try db.execute(sql: SummaryIndexes.commitmentsByUnitStatus)
            for index in AlertIndexes.all {
                try db.execute(sql: "DROP INDEX IF EXISTS \(index.name)")
                try db.execute(sql: index.create(.sqlite))
            }
            // A file with statistics (the demo analyses its own) gets them for the new indexes too: without,
            // the planner takes them for the largest and reads around them.
            if try db.tableExists("sqlite_stat1") {
                try db.execute(sql: "PRAGMA analysis_limit = 1000")
                for name in AlertIndexes.all.map(\.name) + [SummaryIndexes.commitmentsByUnitStatusName] {
                    try db.execute(sql: "ANALYZE \(name)")
                }
            }
        }
        // Closed late stages per unit and month, for rankings of whole months (KeptStageCounts.monthTable),
        // kept by the stage triggers, which are put back with their new bodies.
        m.registerMigration("v22-stage-months") { db in
            try SQLiteStageCounts.createMonthTable(db)
            try SQLiteStageCounts.dropTriggers(db)
            try SQLiteStageCounts.rebuildMonths(db)
            try SQLiteStageCounts.installTriggers(db)
            if try db.tableExists("sqlite_stat1") {
                try db.execute(sql: "PRAGMA analysis_limit = 1000")
                try db.execute(sql: "ANALYZE \(KeptStageCounts.openIndexName)")
                try db.execute(sql: "ANALYZE \(KeptStageCounts.monthTable)")
            }
        }
        // Open items per kind and due day, for the first paint's counts (KeptOpenCounts).
        m.registerMigration(KeptOpenCounts.migration) { db in
            try SQLiteOpenCounts.createTable(db)
            try SQLiteOpenCounts.rebuild(db)
            try SQLiteOpenCounts.installTriggers(db)
        }
        // Each unit's late stages by limit day (KeptStageCounts.unitIndex), analysed where the file has statistics.
        m.registerMigration(KeptStageCounts.unitIndexesMigration) { db in
            for l in ComplaintLimit.allCases { try db.execute(sql: KeptStageCounts.unitIndex(l, .sqlite)) }
            if try db.tableExists("sqlite_stat1") {
                try db.execute(sql: "PRAGMA analysis_limit = 1000")
                for l in ComplaintLimit.allCases { try db.execute(sql: "ANALYZE \(KeptStageCounts.unitIndexName(l))") }
            }
        }
        return m
    }
}
