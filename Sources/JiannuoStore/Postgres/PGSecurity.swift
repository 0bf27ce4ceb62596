import JiannuoCore

/// Roles enforced by the engine for one ledger schema. Each account is a login role; it belongs to
/// the group of its ledger role (`ledger_410422_liaison` …), and the groups hold the privileges that
/// Core's `RoleTable` gives that role, translated here into tables. Row-level security, forced on
/// every table, confines a liaison to its unit and the units merged into it (listed in `role_units`),
/// and column privileges never give a liaison a complainant's contact. So `psql` as a liaison reads
/// and changes no more than the program would let it. The audit log has no UPDATE, DELETE or
/// TRUNCATE grant for anyone, and triggers refuse them even to its owner.
enum PGSecurity {
    /// The group of one ledger role in one ledger schema.
    static func group(_ schema: String, _ role: AccountRole) -> String { "\(schema)_\(role.rawValue)" }
    /// Every role that sees the whole ledger (all but liaisons).
    static func wide(_ schema: String) -> String { "\(schema)_wide" }

    /// Where a table names the unit a row belongs to, as a condition a liaison's row must meet.
    /// (Membership is asked once per statement, `(SELECT pg_has_role(…))`, not once per row.)
    /// Child rows follow their parent, whose own policy then applies (the subquery runs as the liaison);
    /// `EXISTS` by key, so that the planner costs one index probe per row, not the parent table whole.
    static let unitCondition: [String: String] = [
        "commitments": "department IN (SELECT department FROM role_units WHERE role = current_user)",
        "complaints": "department IN (SELECT department FROM role_units WHERE role = current_user)",
        "breaches": "department IN (SELECT department FROM role_units WHERE role = current_user)",
        "opinions": "department IN (SELECT department FROM role_units WHERE role = current_user)",
        "findings": "department IN (SELECT department FROM role_units WHERE role = current_user)",
        "escalations": "department IN (SELECT department FROM role_units WHERE role = current_user)",
        "attachments": "department IN (SELECT department FROM role_units WHERE role = current_user)",
        "difficulties": "department IN (SELECT department FROM role_units WHERE role = current_user)",
        "letters": "department IN (SELECT department FROM role_units WHERE role = current_user)",
        "attachment_files": "EXISTS (SELECT 1 FROM attachments a WHERE a.sha256 = attachment_files.sha256)",
        "stage_tallies": "department IN (SELECT department FROM role_units WHERE role = current_user)",
        "stage_months": "department IN (SELECT department FROM role_units WHERE role = current_user)",
        "event_tallies": "department IN (SELECT department FROM role_units WHERE role = current_user)",
        "score_facts": "department IN (SELECT department FROM role_units WHERE role = current_user)",
        "rectifications": "unit IN (SELECT department FROM role_units WHERE role = current_user)",
        "accountability": """
            department IN (SELECT department FROM role_units WHERE role = current_user)
            OR EXISTS (SELECT 1 FROM breaches p WHERE p.id = breach) OR EXISTS (SELECT 1 FROM complaints p WHERE p.id = complaint)
            OR EXISTS (SELECT 1 FROM findings p WHERE p.id = finding)
            """,
        "commitment_entries": "EXISTS (SELECT 1 FROM commitments p WHERE p.id = commitment)",
        "amendments": "EXISTS (SELECT 1 FROM commitments p WHERE p.id = commitment)",
        "followups": "EXISTS (SELECT 1 FROM complaints p WHERE p.id = complaint)",
        "complaint_steps": "EXISTS (SELECT 1 FROM complaints p WHERE p.id = complaint)",
        "complaint_rounds": "department IN (SELECT department FROM role_units WHERE role = current_user)",
        "dated_claims": "EXISTS (SELECT 1 FROM rectifications p WHERE p.id = record) OR EXISTS (SELECT 1 FROM opinions p WHERE p.id = record)",
        "users": "account = current_user",
    ]

    /// What a liaison's changed row must meet where it differs from what it may take: a misrouted complaint
    /// it returns goes to another unit, and stays the one it returned (`returned_from`), which the
    /// program's return writes in the same statement. In `psql` it may read such a row (it answers for
    /// a late return), never change it again.
    static let unitCheck: [String: String] = [
        "complaints": """
            department IN (SELECT department FROM role_units WHERE role = current_user)
            OR returned_from IN (SELECT department FROM role_units WHERE role = current_user)
            """,
    ]

    /// Tables every role of the ledger reads whole: they hold no unit's records. The units themselves
    /// (names, kinds, published contacts, renames and mergers) are public, as on a ledger file: a liaison
    /// names the unit a misrouted complaint belongs to.
    static let shared = ["departments", "department_events", "grdb_migrations", "calendar_overrides", "calendar_years", "sequences", "meta", "ledger_digest",
                         "inspections", "role_units", "bulletins"]

    /// The writes each permission needs, by table. A switch, so that a new permission in Core's table
    /// cannot be forgotten here.
    static func writes(_ p: Permission) -> [(table: String, privileges: String)] {
        let ids = ("sequences", "INSERT, UPDATE")
        switch p {
        case .read, .revealContact, .backup, .writeOtherDay: return []
        // The limits of open complaints are computed again, and the generation dashboards watch moves.
        case .rulesApply: return [("complaints", "UPDATE"), ("meta", "INSERT, UPDATE")]
        case .complaintAdd: return [("complaints", "INSERT"), ids]
        // A step typed about the past keeps its claim beside the record.
        case .complaintAccept, .complaintReturn, .complaintResolve, .complaintRespond, .complaintExtend:
            return [("complaints", "UPDATE"), ("complaint_steps", "INSERT")]
        // A dissatisfied follow-up closes the round in hand.
        case .complaintFollowup: return [("complaints", "UPDATE"), ("followups", "INSERT"), ("complaint_rounds", "INSERT")]
        case .complaintVerify: return [("complaints", "UPDATE"), ("breaches", "INSERT"), ids]
        case .commitmentAdd: return [("commitments", "INSERT"), ids]
        case .commitmentAmend: return [("commitments", "UPDATE"), ("amendments", "INSERT")]
        case .commitmentProgress, .commitmentFulfill, .commitmentFeedback: return [("commitments", "UPDATE"), ("commitment_entries", "INSERT")]
        case .breachReport: return [("breaches", "UPDATE"), ("escalations", "INSERT"), ids]
        case .escalate: return [("escalations", "INSERT"), ("breaches", "UPDATE"), ids]
        case .inspectionManage: return [("inspections", "INSERT, UPDATE"), ("findings", "INSERT"), ids]
        case .rectificationAdd: return [("rectifications", "INSERT"), ids]
        case .rectificationDone: return [("rectifications", "UPDATE"), ("dated_claims", "INSERT")]
        case .accountabilityAdd: return [("accountability", "INSERT"), ids]
        case .opinionAdd: return [("opinions", "INSERT"), ids]
        case .opinionHandle: return [("opinions", "UPDATE"), ("dated_claims", "INSERT")]
        case .departmentChange: return [("departments", "INSERT, UPDATE"), ("department_events", "INSERT"), ("role_units", "INSERT, DELETE")]
        case .calendarChange: return [("calendar_overrides", "INSERT, UPDATE, DELETE"), ("calendar_years", "INSERT, UPDATE, DELETE"),
                                      ("complaints", "UPDATE"), ("meta", "INSERT, UPDATE")]
        case .importLedger: return [("commitments", "INSERT"), ("complaints", "INSERT"), ("departments", "INSERT, UPDATE"), ids]
        case .userManage: return [("users", "INSERT, UPDATE"), ("role_units", "INSERT, DELETE")]
        case .countsRebuild: return []
        // A confirmed claim moves its event, and the promise it closed, to the claimed day.
        case .claimConfirm: return [("commitments", "UPDATE"), ("commitment_entries", "UPDATE"), ("amendments", "UPDATE"),
                                    ("complaints", "UPDATE"), ("complaint_steps", "UPDATE"), ("complaint_rounds", "UPDATE"),
                                    ("dated_claims", "UPDATE"), ("rectifications", "UPDATE"), ("opinions", "UPDATE")]
        case .attach: return [("attachments", "INSERT"), ("attachment_files", "INSERT"), ids]
        case .difficultyAdd: return [("difficulties", "INSERT"), ids]
        case .difficultyAnswer, .difficultyRefer: return [("difficulties", "UPDATE")]
        case .letterIssue: return [("letters", "INSERT"), ids]
        case .letterReply: return [("letters", "UPDATE")]
        case .reportIssue: return [("bulletins", "INSERT"), ids]
        }
    }

    /// The table privileges of a role's group: reading every table but the log (not for liaisons) and
    /// the complaints (granted by column), its own drafts, and the writes its permissions need.
    static func tableGrants(_ role: AccountRole, tables: [String]) -> [String: Set<String>] { grants(role, tables: tables).tables }

    /// The columns a role may UPDATE in tables it may not update whole: what its steps change
    /// (Core's `StepColumns`), so that no officer rewrites in `psql` what its steps never touch.
    static func columnUpdates(_ role: AccountRole, tables: [String]) -> [String: Set<String>] { grants(role, tables: tables).columns }

    private static func grants(_ role: AccountRole, tables: [String]) -> (tables: [String: Set<String>], columns: [String: Set<String>]) {
        var grants: [String: Set<String>] = [:], columns: [String: Set<String>] = [:]
        for t in tables where t != "audit_log" && t != "complaints" && t != "drafts" { grants[t, default: []].insert("SELECT") }
        // The log's before and after hold contacts: read whole only by who may see them (others read `maskedView`'s).
        if seesContacts(role) { grants["audit_log", default: []].insert("SELECT") }
        grants["drafts", default: []].formUnion(["SELECT", "INSERT", "UPDATE", "DELETE"])
        for p in RoleTable.permissions[role] ?? [] {
            for w in writes(p) {
                var privileges = Set(w.privileges.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
                if privileges.contains("UPDATE"), let narrowed = StepColumns.updates(p)?[w.table] {
                    privileges.remove("UPDATE")
                    columns[w.table, default: []].formUnion(narrowed)
                }
                grants[w.table, default: []].formUnion(privileges)
            }
        }
        // A table some other permission updates whole needs no column grant.
        for (t, privileges) in grants where privileges.contains("UPDATE") { columns[t] = nil }
        return (grants, columns)
    }

    /// The functions a role's group may call: the audit append (every write appends) and the digest's
    /// encoder (`audit verify` hashes rows in SQL) for every role; the rest only for the permission that
    /// calls it. Trigger functions need no grant: the engine runs them whoever writes.
    static func functions(_ role: AccountRole) -> [String] {
        var out = ["jn_audit_append(text, text, text, text, text, text)",
                   "jn_enc(text)", "jn_enc(bigint)", "jn_enc(double precision)", "jn_enc(bytea)"]
        let may = RoleTable.permissions[role] ?? []
        if may.contains(.importLedger) { out.append("jn_judge_commitments(text[])") }
        if may.contains(.countsRebuild) { out.append("jn_rebuild_counts()") }
        if may.contains(.userManage) || may.contains(.departmentChange) { out.append("jn_account_role(text, text[])") }
        return out
    }

    /// Database-wide: only the groups of a ledger may connect, and nobody makes temporary objects (a
    /// session of an officer has nothing to keep of its own). Run by the database's owner.
    static func databaseStatements(schema: String) -> [String] {
        let groups = [wide(schema)] + AccountRole.allCases.map { group(schema, $0) }
        return ["DO $$ BEGIN EXECUTE format('REVOKE CONNECT, TEMPORARY ON DATABASE %I FROM PUBLIC', current_database()); END $$"]
            + groups.map { "DO $$ BEGIN EXECUTE format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), \(PGSQL.literal($0))); END $$" }
    }

    /// The columns of `complaints` a role without the right to see contacts may read: all but the contact.
    static let hiddenContact: Set<String> = ["contact"]

    /// Whether a role reads complainants' contacts whole (Core's role table: the reveal permission).
    static func seesContacts(_ role: AccountRole) -> Bool { RoleTable.permissions[role]?.contains(.revealContact) == true }

    /// The statements that set up roles, grants and policies on a ledger schema whose tables exist.
    /// `complaintColumns` are the table's columns, for the liaison's column grant.
    static func statements(schema: String, tables: [String], complaintColumns: [String]) -> [String] {
        let s = PGSQL.quoted(schema)
        let wideGroup = PGSQL.quoted(wide(schema)), wideName = PGSQL.literal(wide(schema))
        var out: [String] = []
        out.append("REVOKE ALL ON SCHEMA \(s) FROM PUBLIC")
        for role in AccountRole.allCases {
            let g = PGSQL.quoted(group(schema, role))
            out.append("GRANT USAGE ON SCHEMA \(s) TO \(g)")
            for f in functions(role) { out.append("GRANT EXECUTE ON FUNCTION \(s).\(f) TO \(g)") }
            if role != .liaison { out.append("GRANT \(wideGroup) TO \(g)") }
            for (t, privileges) in tableGrants(role, tables: tables).sorted(by: { $0.key < $1.key }) where !privileges.isEmpty {
                out.append("GRANT \(privileges.sorted().joined(separator: ", ")) ON \(s).\(PGSQL.quoted(t)) TO \(g)")
            }
            for (t, columns) in columnUpdates(role, tables: tables).sorted(by: { $0.key < $1.key }) {
                out.append("GRANT UPDATE (\(columns.sorted().map(PGSQL.quoted).joined(separator: ", "))) ON \(s).\(PGSQL.quoted(t)) TO \(g)")
            }
            let visible = seesContacts(role) ? complaintColumns : complaintColumns.filter { !hiddenContact.contains($0) }
            out.append("GRANT SELECT (\(visible.map(PGSQL.quoted).joined(separator: ", "))) ON \(s).complaints TO \(g)")
        }
        for t in tables {
            let q = "\(s).\(PGSQL.quoted(t))"
            out.append("ALTER TABLE \(q) ENABLE ROW LEVEL SECURITY")
            out.append("ALTER TABLE \(q) FORCE ROW LEVEL SECURITY")
            if t == "drafts" {
                out.append("CREATE POLICY jn_own ON \(q) USING (operator = current_user) WITH CHECK (operator = current_user)")
                continue
            }
            if shared.contains(t) || t == "audit_log" {
                out.append("CREATE POLICY jn_read ON \(q) FOR SELECT USING (true)")
                if t != "audit_log" { out.append("CREATE POLICY jn_wide ON \(q) USING ((SELECT pg_has_role(\(wideName), 'MEMBER')))") }
                continue
            }
            out.append("CREATE POLICY jn_wide ON \(q) USING ((SELECT pg_has_role(\(wideName), 'MEMBER')))")
            if let unit = unitCondition[t], let check = unitCheck[t] {
                // Read and changed rows may be the ones it returned (an UPDATE's new row must pass the
                // read policy too); rows are taken, inserted and deleted only within its units.
                out.append("CREATE POLICY jn_unit_read ON \(q) FOR SELECT USING (\(check))")
                out.append("CREATE POLICY jn_unit_insert ON \(q) FOR INSERT WITH CHECK (\(unit))")
                out.append("CREATE POLICY jn_unit_update ON \(q) FOR UPDATE USING (\(unit)) WITH CHECK (\(check))")
                out.append("CREATE POLICY jn_unit_delete ON \(q) FOR DELETE USING (\(unit))")
            } else if let unit = unitCondition[t] {
                out.append("CREATE POLICY jn_unit ON \(q) USING (\(unit)) WITH CHECK (\(unit))")
            }
        }
        // The log is appended to, never changed: no grant allows it and these refuse even the owner.
        out.append("""
            CREATE FUNCTION \(s).jn_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'jiannuo: the audit log is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
            END $$
            """)
        out.append("CREATE TRIGGER jn_append_only BEFORE UPDATE OR DELETE ON \(s).audit_log FOR EACH ROW EXECUTE FUNCTION \(s).jn_refuse_change()")
        out.append("CREATE TRIGGER jn_no_truncate BEFORE TRUNCATE ON \(s).audit_log FOR EACH STATEMENT EXECUTE FUNCTION \(s).jn_refuse_change()")
        // Last, once every function of the schema exists: PUBLIC may call none of them.
        out.append("REVOKE ALL ON ALL FUNCTIONS IN SCHEMA \(s) FROM PUBLIC")
        return out
    }

    /// The group roles of a schema, created if missing (roles belong to the whole cluster).
    static func createGroups(schema: String) -> [String] {
        ([wide(schema)] + AccountRole.allCases.map { group(schema, $0) }).map { g in
            "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = \(PGSQL.literal(g))) THEN CREATE ROLE \(PGSQL.quoted(g)) NOLOGIN; END IF; END $$"
        }
    }

    /// The schema of the masked views, first in the search path of every role that may not see contacts.
    static func masked(_ schema: String) -> String { "\(schema)_masked" }

    /// The contact as `Privacy.mask` masks it, in SQL (`value` an expression).
    static func maskSQL(_ value: String) -> String {
        """
        CASE WHEN \(value) IS NULL THEN NULL
             WHEN char_length(\(value)) >= 7 THEN left(\(value), 3) || '****' || right(\(value), 4)
             WHEN char_length(\(value)) <= 1 THEN '*'
             ELSE left(\(value), 1) || repeat('*', char_length(\(value)) - 1) END
        """
    }

    /// What roles that may not see contacts read instead of the complaints and the audit log: the
    /// contact masked, in the complaints and in the log's before and after. The views read with their
    /// owner's rights (those roles have no grant on the contact) and so filter the rows themselves, as
    /// the tables' policies would: a liaison its units' complaints and those it returned, the office's
    /// roles all of them.
    /// The log's view is for the office's roles only: a liaison reads no log.
    static func maskedView(schema: String, columns: [String]) -> [String] {
        let s = PGSQL.quoted(schema), m = PGSQL.quoted(masked(schema)), wideName = PGSQL.literal(wide(schema))
        let readers = AccountRole.allCases.filter { !seesContacts($0) }.map { PGSQL.quoted(group(schema, $0)) }
        let logReaders = AccountRole.allCases.filter { !seesContacts($0) && $0 != .liaison }.map { PGSQL.quoted(group(schema, $0)) }
        let list = columns.map { c in c == "contact" ? maskSQL("contact") + " AS contact" : PGSQL.quoted(c) }.joined(separator: ", ")
        // A contact inside a record's JSON (`"contact":"13812345678"`), masked as the column is.
        func maskJSON(_ column: String) -> String {
            "regexp_replace(regexp_replace(\(column), '\"contact\":\"([^\"]{3})[^\"]*([^\"]{4})\"', '\"contact\":\"\\1****\\2\"', 'g'), "
                + "'\"contact\":\"([^\"])[^\"]{1,5}\"', '\"contact\":\"\\1*****\"', 'g') AS \(column)"
        }
        return [
            "CREATE SCHEMA \(m)",
            "REVOKE ALL ON SCHEMA \(m) FROM PUBLIC",
            """
            CREATE VIEW \(m).complaints WITH (security_barrier = true) AS SELECT \(list) FROM \(s).complaints
                WHERE (SELECT pg_has_role(\(wideName), 'MEMBER'))
                   OR department IN (SELECT department FROM \(s).role_units WHERE role = current_user)
                   OR returned_from IN (SELECT department FROM \(s).role_units WHERE role = current_user)
            """,
            """
            CREATE VIEW \(m).audit_log WITH (security_barrier = true) AS
                SELECT seq, at, operator, action, entity, entity_id, \(maskJSON("before")), \(maskJSON("after")), prev_hash, hash, claimed, state
                FROM \(s).audit_log WHERE (SELECT pg_has_role(\(wideName), 'MEMBER'))
            """,
        ] + readers.flatMap { g in ["GRANT USAGE ON SCHEMA \(m) TO \(g)", "GRANT SELECT ON \(m).complaints TO \(g)"] }
          + logReaders.map { g in "GRANT SELECT ON \(m).audit_log TO \(g)" }
    }
}
