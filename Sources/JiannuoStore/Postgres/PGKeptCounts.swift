/// The kept counts and score facts on PostgreSQL, maintained on write as SQLite's triggers maintain
/// them (`KeptStageCounts`, `KeptEventCounts`, `KeptScoreFacts`, whose reasons hold here too), with the
/// same SQL where the dialects agree. The trigger functions run with their owner's rights: no
/// officer's role has a grant on a kept table, so a count can only change with the records it counts.
/// Their schema is fixed in each function, so a session's search path cannot send a count elsewhere.
enum PGKeptCounts {
    /// In the order a rebuild fills them: the monthly stages are summed from the daily ones.
    static let tables = ["stage_tallies", KeptStageCounts.monthTable, "event_tallies", "score_facts", KeptOpenCounts.table]
    /// The record tables the functions read while they count (as the owner, under its own policy).
    static let counted = ["complaints", "complaint_rounds", "followups", "commitments", "amendments", "commitment_entries", "rectifications",
                          "breaches", "accountability", "findings"]

    /// What each kept table must equal, grouped afresh from the records.
    static func recompute(_ table: String) -> (columns: String, sql: String) {
        let d = SQLDialect.pg
        switch table {
        case "stage_tallies": return (KeptStageCounts.columns, KeptStageCounts.recomputeSQL(d))
        case KeptStageCounts.monthTable: return (KeptStageCounts.monthColumns, KeptStageCounts.monthsSQL)
        case "event_tallies": return (KeptEventCounts.columns, KeptEventCounts.recomputeSQL())
        case KeptOpenCounts.table: return (KeptOpenCounts.columns, KeptOpenCounts.recomputeSQL())
        default: return (KeptScoreFacts.columns, KeptScoreFacts.recomputeSQL(d))
        }
    }

    static func statements(schema: String, owner: String) -> [String] {
        let s = PGSQL.quoted(schema), ownerName = PGSQL.literal(owner)
        var out: [String] = []
        for t in tables { out.append("CREATE POLICY jn_kept ON \(s).\(t) USING (current_user = \(ownerName))") }
        for t in counted { out.append("CREATE POLICY jn_kept ON \(s).\(t) FOR SELECT USING (current_user = \(ownerName))") }
        func function(_ name: String, old: String, new: String, update: String = "", first: String = "") -> String {
            """
            CREATE FUNCTION \(s).\(name)() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = \(s), pg_temp AS $$
            BEGIN
            \(first)
                IF TG_OP <> 'INSERT' THEN
            \(old)
                END IF;
                IF TG_OP <> 'DELETE' THEN
            \(new)
                END IF;
                IF TG_OP = 'UPDATE' THEN
            \(update)
                END IF;
                RETURN NULL;
            END $$
            """
        }
        func trigger(_ name: String, _ table: String, of columns: String? = nil) -> String {
            let update = columns.map { "UPDATE OF \($0)" } ?? "UPDATE"
            return "CREATE TRIGGER \(name) AFTER INSERT OR DELETE OR \(update) ON \(s).\(table) FOR EACH ROW EXECUTE FUNCTION \(s).\(name)()"
        }
        // Stages, then events.
        let watched = (["department"] + KeptStageCounts.stages.flatMap { [$0.1, $0.2] }).joined(separator: ", ")
        out.append(function("jn_tally_stages", old: stages(-1, "OLD"), new: stages(1, "NEW")))
        out.append(function("jn_tally_rounds", old: stages(-1, "OLD", KeptStageCounts.roundStages), new: stages(1, "NEW", KeptStageCounts.roundStages)))
        out.append(function("jn_tally_followups", old: followup(-1, "OLD"), new: followup(1, "NEW")))
        out.append(function("jn_tally_returns", old: returned(-1, "OLD"), new: returned(1, "NEW"), update: moved))
        // Score facts: each record's rows recomputed whole, as in SQLite.
        let d = SQLDialect.pg
        let facts: [(String, String, String?, String, String)] = [
            ("commitments", "commitments", "id, department, made, deadline, status, procedures, fulfilled_on",
             KeptScoreFacts.forget("commitment", "OLD.id"), KeptScoreFacts.refresh("commitment", "NEW.id", d)),
            ("amendments", "amendments", nil,
             KeptScoreFacts.refresh("commitment", "OLD.commitment", d), KeptScoreFacts.refresh("commitment", "NEW.commitment", d)),
            ("entries", "commitment_entries", "commitment, kind",
             "IF OLD.kind = 'feedback' THEN \(KeptScoreFacts.refresh("commitment", "OLD.commitment", d)) END IF;",
             "IF NEW.kind = 'feedback' THEN \(KeptScoreFacts.refresh("commitment", "NEW.commitment", d)) END IF;"),
            ("rectifications", "rectifications", nil,
             KeptScoreFacts.forget("rectification", "OLD.id") + KeptScoreFacts.refresh("breach", "OLD.breach", d),
             KeptScoreFacts.refresh("rectification", "NEW.id", d) + KeptScoreFacts.refresh("breach", "NEW.breach", d)),
            ("breaches", "breaches", nil, KeptScoreFacts.forget("breach", "OLD.id"), KeptScoreFacts.refresh("breach", "NEW.id", d)),
            ("accountability", "accountability", nil,
             KeptScoreFacts.forget("accountability", "OLD.id"), KeptScoreFacts.refresh("accountability", "NEW.id", d)),
            ("findings", "findings", nil, KeptScoreFacts.forget("finding", "OLD.id"), KeptScoreFacts.refresh("finding", "NEW.id", d)),
        ]
        var triggers: [(name: String, table: String, sql: String)] = [
            ("jn_tally_stages", "complaints", trigger("jn_tally_stages", "complaints", of: watched)),
            ("jn_tally_rounds", KeptStageCounts.roundTable, trigger("jn_tally_rounds", KeptStageCounts.roundTable)),
            ("jn_tally_followups", "followups", trigger("jn_tally_followups", "followups")),
            ("jn_tally_returns", "complaints", trigger("jn_tally_returns", "complaints", of: "department, returned_from, returned_at, received")),
        ]
        for table in KeptOpenCounts.tables {
            let parts = KeptOpenCounts.parts.filter { $0.table == table }
            out.append(function("jn_open_\(table)", old: parts.map { open(-1, "OLD", $0) }.joined(separator: "\n"),
                                new: parts.map { open(1, "NEW", $0) }.joined(separator: "\n")))
            triggers.append(("jn_open_\(table)", table, trigger("jn_open_\(table)", table, of: KeptOpenCounts.watched(table).joined(separator: ", "))))
        }
        for (name, table, columns, old, new) in facts {
            out.append(function("jn_facts_\(name)", old: old, new: new, first: name == "commitments" ? bulkSkip : ""))
            triggers.append(("jn_facts_\(name)", table, trigger("jn_facts_\(name)", table, of: columns)))
        }
        out += triggers.map(\.sql)
        out.append("""
            CREATE FUNCTION \(s).jn_judge_commitments(ids text[]) RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = \(s), pg_temp AS $$
            BEGIN
                DELETE FROM score_facts WHERE source = 'commitment' AND record = ANY(ids);
                INSERT INTO score_facts (\(KeptScoreFacts.columns)) \(KeptScoreFacts.commitmentSQL("c.id = ANY(ids)", d));
            END $$
            """)
        out.append(rebuild(schema: schema, triggers: triggers))
        return out
    }

    /// `jn_rebuild_counts()`: every kept table recomputed from the records, and any trigger that was
    /// disabled or dropped put back, as the owner (who alone may). Administrators only.
    private static func rebuild(schema: String, triggers: [(name: String, table: String, sql: String)]) -> String {
        let s = PGSQL.quoted(schema), admin = PGSQL.literal(PGSecurity.group(schema, .admin))
        let refill = tables.map { t -> String in
            let (columns, sql) = recompute(t)
            return "DELETE FROM \(t);\nINSERT INTO \(t) (\(columns)) \(sql);"
        }.joined(separator: "\n")
        let restore = triggers.map { t -> String in """
            IF NOT EXISTS (SELECT 1 FROM pg_trigger WHERE tgname = \(PGSQL.literal(t.name)) AND tgrelid = \(PGSQL.literal("\(schema).\(t.table)"))::regclass) THEN
                EXECUTE \(PGSQL.literal(t.sql));
            END IF;
            ALTER TABLE \(s).\(t.table) ENABLE TRIGGER \(t.name);
            """ }.joined(separator: "\n")
        return """
            CREATE FUNCTION \(s).jn_rebuild_counts() RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = \(s), pg_temp AS $$
            BEGIN
                IF NOT pg_has_role(session_user, \(admin), 'MEMBER') THEN
                    RAISE EXCEPTION 'jiannuo: only administrators rebuild the kept counts' USING ERRCODE = 'insufficient_privilege';
                END IF;
            \(restore)
            \(refill)
            END $$
            """
    }

    /// An import of promises inserts them without judging each (`SET LOCAL jiannuo.bulk = 'commitments'`),
    /// then judges them all in one pass (`jn_judge_commitments`): a promise new to the ledger has no
    /// amendments, feedback or rectifications yet. A session that skips the judging is caught by doctor.
    static let bulkSkip = "IF TG_OP = 'INSERT' AND current_setting('jiannuo.bulk', true) = 'commitments' THEN RETURN NULL; END IF;"

    /// The triggers above, for `doctor`: (name, table).
    static let triggerNames = ["jn_tally_stages", "jn_tally_rounds", "jn_tally_followups", "jn_tally_returns"]
        + ["commitments", "amendments", "entries", "rectifications", "breaches", "accountability", "findings"].map { "jn_facts_\($0)" }
        + KeptOpenCounts.tables.map { "jn_open_\($0)" }

    /// Adds or takes off one open item of `part` (`KeptOpenCounts`); rows that reach 0 go.
    private static func open(_ sign: Int, _ r: String, _ part: KeptOpenCounts.Part) -> String {
        let t = KeptOpenCounts.table, due = "\(r).\(part.due)", days = part.days("\(r).")
        let key = "kind = '\(part.kind)' AND due = \(due) AND days = \(days)"
        return sign > 0 ? """
            IF \(part.kept("\(r).")) THEN
                INSERT INTO \(t) (kind, due, days, n) VALUES ('\(part.kind)', \(due), \(days), 1)
                    ON CONFLICT (kind, due, days) DO UPDATE SET n = \(t).n + 1;
            END IF;
            """ : """
            IF \(part.kept("\(r).")) THEN
                UPDATE \(t) SET n = n - 1 WHERE \(key);
                DELETE FROM \(t) WHERE \(key) AND n = 0;
            END IF;
            """
    }

    private static func stages(_ sign: Int, _ r: String, _ stages: [(String, String, String, String)] = KeptStageCounts.stages) -> String {
        stages.map { stage, due, done, late in
            let key = "stage = '\(stage)' AND due = \(r).\(due) AND department = \(r).department AND open = (\(r).\(done) IS NULL)::int"
            let months = KeptStageCounts.monthTable, month = KeptStageCounts.month("\(r).\(due)")
            let monthKey = "stage = '\(stage)' AND month = \(month) AND department = \(r).department"
            return sign > 0 ? """
                IF \(r).\(late) = 1 THEN
                    INSERT INTO stage_tallies (stage, due, department, open, n)
                        VALUES ('\(stage)', \(r).\(due), \(r).department, (\(r).\(done) IS NULL)::int, 1)
                        ON CONFLICT (due, stage, department, open) DO UPDATE SET n = stage_tallies.n + 1;
                    IF \(r).\(done) IS NOT NULL THEN
                        INSERT INTO \(months) (stage, month, department, n) VALUES ('\(stage)', \(month), \(r).department, 1)
                            ON CONFLICT (month, stage, department) DO UPDATE SET n = \(months).n + 1;
                    END IF;
                END IF;
                """ : """
                IF \(r).\(late) = 1 THEN
                    UPDATE stage_tallies SET n = n - 1 WHERE \(key);
                    DELETE FROM stage_tallies WHERE \(key) AND n = 0;
                    IF \(r).\(done) IS NOT NULL THEN
                        UPDATE \(months) SET n = n - 1 WHERE \(monthKey);
                        DELETE FROM \(months) WHERE \(monthKey) AND n = 0;
                    END IF;
                END IF;
                """
        }.joined(separator: "\n")
    }

    /// Adds or takes off one for a key of `event_tallies`; rows that reach 0 go.
    private static func event(_ sign: Int, kind: String, day: String, department: String, received: String, when: String) -> String {
        let key = "kind = '\(kind)' AND day = \(day) AND department = \(department) AND received = \(received)"
        return sign > 0 ? """
            IF \(when) THEN
                INSERT INTO event_tallies (kind, day, department, received, n) VALUES ('\(kind)', \(day), \(department), \(received), 1)
                    ON CONFLICT (day, kind, department, received) DO UPDATE SET n = event_tallies.n + 1;
            END IF;
            """ : """
            IF \(when) THEN
                UPDATE event_tallies SET n = n - 1 WHERE \(key);
                DELETE FROM event_tallies WHERE \(key) AND n = 0;
            END IF;
            """
    }

    private static func followup(_ sign: Int, _ r: String) -> String {
        event(sign, kind: "dissatisfied", day: "substr(\(r).at, 1, 10)",
              department: "(SELECT c.department FROM complaints c WHERE c.id = \(r).complaint)", received: "''", when: "\(r).satisfied = 0")
    }

    private static func returned(_ sign: Int, _ r: String) -> String {
        event(sign, kind: "return", day: "substr(\(r).returned_at, 1, 10)", department: "\(r).returned_from",
              received: "substr(\(r).received, 1, 10)", when: "\(r).returned_at IS NOT NULL")
    }

    /// A complaint that changes hands takes its dissatisfied follow-ups' counts with it (one per day).
    private static let moved = """
        IF OLD.department IS DISTINCT FROM NEW.department THEN
            UPDATE event_tallies t SET n = t.n - x.k
                FROM (SELECT substr(f.at, 1, 10) AS day, count(*) AS k FROM followups f
                      WHERE f.complaint = OLD.id AND f.satisfied = 0 GROUP BY 1) x
                WHERE t.kind = 'dissatisfied' AND t.department = OLD.department AND t.received = '' AND t.day = x.day;
            DELETE FROM event_tallies WHERE kind = 'dissatisfied' AND department = OLD.department AND n = 0;
            INSERT INTO event_tallies (kind, day, department, received, n)
                SELECT 'dissatisfied', substr(f.at, 1, 10), NEW.department, '', count(*) FROM followups f
                WHERE f.complaint = NEW.id AND f.satisfied = 0 GROUP BY 2
                ON CONFLICT (day, kind, department, received) DO UPDATE SET n = event_tallies.n + excluded.n;
        END IF;
        """
}
