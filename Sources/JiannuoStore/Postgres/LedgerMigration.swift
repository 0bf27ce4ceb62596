import Foundation
import GRDB
import JiannuoCore

/// `jiannuo migrate --from LEDGER.sqlite --to URI`: a county's ledger copied into the city database,
/// as one schema of its own, in one transaction. The source's chain and digests are verified first;
/// the copy is verified the same way before it commits (the chain walked, every table summed with
/// the same row hash), and its rows are counted table by table against the source. A kill at any
/// moment leaves nothing behind. Run again on the same data it changes nothing; a county already
/// there with other data is refused.
public enum LedgerMigration {
    public struct Table: Encodable, Sendable {
        public var table: String
        public var rows: Int
    }

    public struct Outcome: Encodable, Sendable {
        public var county: String
        public var schema: String
        /// The county was already there with the same data: nothing was written.
        public var alreadyThere: Bool
        public var tables: [Table]
        public var auditRows: Int
        public var head: String?
    }

    /// The city's own schema: which ledgers it holds.
    static let registry = """
    CREATE SCHEMA IF NOT EXISTS jiannuo;
    CREATE TABLE IF NOT EXISTS jiannuo.ledgers (
        county text PRIMARY KEY, schema text NOT NULL UNIQUE, source text NOT NULL, head text,
        migrated_at text NOT NULL, migrated_by text NOT NULL);
    GRANT USAGE ON SCHEMA jiannuo TO PUBLIC;
    GRANT SELECT ON jiannuo.ledgers TO PUBLIC;
    """

    /// The tables a migration copies: every table of the ledger file.
    static let copied = ["grdb_migrations", "departments", "department_events", "commitments", "commitment_entries", "amendments",
                         "complaints", "breaches", "opinions", "calendar_overrides", "calendar_years", "sequences", "audit_log", "meta",
                         "drafts", "ledger_digest", "users", "inspections", "findings", "escalations", "rectifications", "accountability",
                         "followups", "stage_tallies", "stage_months", "open_tallies", "event_tallies", "score_facts", "attachments",
                         "complaint_rounds", "complaint_steps", "dated_claims", "difficulties", "letters", "bulletins"]

    public static func run(from store: SQLiteLedger, to conninfo: String, county: String,
                           progress: @escaping (String) -> Void = { _ in }) throws -> Outcome {
        try store.actor.require(.importLedger)
        guard PGSchema.validCounty(county) else {
            throw JiannuoError.usage("县（区）代码“\(Sanitize.visible(county))”无效：只能是字母和数字（如 410422）",
                                     "the county code \"\(Sanitize.visible(county))\" is invalid: letters and digits only (e.g. 410422)")
        }
        progress("verify-source")
        let source = try store.verifyAudit()
        guard source.intact else {
            let why = (source.reason.map { [$0] } ?? []) + source.tampered.map(\.reason)
            throw JiannuoError.invalid("源账本未通过审计核验，未迁移：\(why.map(\.zh).joined(separator: "；"))",
                                       "the source ledger fails its audit check; nothing was migrated: \(why.map(\.en).joined(separator: "; "))")
        }
        let schema = PGSchema.name(county: county)
        let conn: PGConnection
        do { conn = try PGConnection(conninfo) } catch let e as PGError { throw e.jiannuoError }
        do {
            // The city's registry first, in a transaction of its own: made once, kept whatever follows.
            try conn.transaction {
                try conn.execute("SELECT pg_advisory_xact_lock(hashtext('jiannuo.migrate'))")
                try run(conn, registry)
            }
            let outcome = try store.read { db in
                try conn.transaction {
                    try conn.execute("SELECT pg_advisory_xact_lock(hashtext('jiannuo.migrate'))")
                    let counts = try sourceCounts(db)
                    let exists = try conn.execute("SELECT 1 FROM pg_namespace WHERE nspname = $1", [schema]).rows.count == 1
                    if exists {
                        try requireSame(conn, schema: schema, county: county, counts: counts, head: source.head)
                        return Outcome(county: county, schema: schema, alreadyThere: true, tables: counts, auditRows: source.rows,
                                       head: source.head?.description)
                    }
                    try create(conn, schema: schema)
                    for t in copied {
                        progress("copy \(t)")
                        try copy(db, conn, schema: schema, table: t)
                    }
                    progress("copy attachment_files")
                    try copyAttachmentFiles(db, conn, store: store)
                    // The foreign keys are checked here, once for every row; an index cannot be built while checks are pending.
                    try conn.execute("SET CONSTRAINTS ALL IMMEDIATE")
                    progress("index")
                    for statement in PGScript.statements(PGSchema.tables + PGSchema.engineIndexes) where statement.hasPrefix("CREATE INDEX") {
                        try conn.execute(statement)
                    }
                    // The planner's statistics now, not whenever autovacuum comes by: without them the
                    // first reads of two million complaints scan whole tables.
                    for t in copied + PGSchema.engineTableNames { try conn.execute("ANALYZE \(PGSQL.quoted(schema)).\(PGSQL.quoted(t))") }
                    progress("secure")
                    try secure(conn, db, store: store, schema: schema)
                    progress("verify-copy")
                    try check(conn, schema: schema, county: county, counts: counts, source: source)
                    try conn.execute("""
                        INSERT INTO jiannuo.ledgers(county, schema, source, head, migrated_at, migrated_by) VALUES ($1, $2, $3, $4, $5, $6)
                        """, [county, schema, store.path, source.head?.description, store.clock.realNow.iso, store.operatorName])
                    return Outcome(county: county, schema: schema, alreadyThere: false, tables: counts, auditRows: source.rows,
                                   head: source.head?.description)
                }
            }
            // After the commit (VACUUM runs outside a transaction): the visibility map set, so that the
            // covering indexes answer counts without the rows. A kill here leaves a whole, committed copy.
            if !outcome.alreadyThere {
                progress("vacuum")
                for t in copied + PGSchema.engineTableNames { try conn.execute("VACUUM (ANALYZE) \(PGSQL.quoted(schema)).\(PGSQL.quoted(t))") }
            }
            return outcome
        } catch let e as PGError {
            throw e.jiannuoError
        }
    }

    /// The evidence files beside the ledger file, into the database (by hash, each once).
    static func copyAttachmentFiles(_ db: Database, _ conn: PGConnection, store: SQLiteLedger) throws {
        for sha in try String.fetchAll(db, sql: "SELECT DISTINCT sha256 FROM attachments ORDER BY sha256") {
            guard let data = try store.attachmentFile(sha256: sha) else {
                throw JiannuoError.notFound("附件文件 \(store.attachmentPath(sha)) 缺失，未迁移", "the attachment file \(store.attachmentPath(sha)) is missing: nothing was migrated")
            }
            try conn.execute("INSERT INTO attachment_files(sha256, content) VALUES ($1, decode($2, 'hex')) ON CONFLICT DO NOTHING",
                             [sha, AttachmentCheck.hex(data)])
        }
    }

    static func sourceCounts(_ db: Database) throws -> [Table] {
        try copied.map { t in Table(table: t, rows: try Int.fetchOne(db, sql: "SELECT count(*) FROM \(LedgerDigest.quoted(t))") ?? 0) }
    }

    static func create(_ conn: PGConnection, schema: String) throws {
        try conn.execute("CREATE SCHEMA \(PGSQL.quoted(schema))")
        try conn.execute("SET LOCAL search_path = \(PGSQL.quoted(schema))")
        // Indexes after the rows: building one is faster than keeping it through two million inserts.
        for statement in PGScript.statements(PGSchema.tables + PGSchema.engineTables) where !statement.hasPrefix("CREATE INDEX") {
            try conn.execute(statement)
        }
        try run(conn, PGDigestSQL.encoders)
        try conn.execute("SET CONSTRAINTS ALL DEFERRED")
    }

    /// Runs a script of statements (no parameters) one by one: libpq's parameterised call takes one.
    static func run(_ conn: PGConnection, _ script: String) throws {
        for statement in PGScript.statements(script) { try conn.execute(statement) }
    }

    /// One table, row by row through COPY, in the source's column order (generated columns are
    /// computed again on arrival).
    static func copy(_ db: Database, _ conn: PGConnection, schema: String, table: String) throws {
        let columns = try LedgerDigest.columns(db, table)
        let target = try PGLedgerCheck.columns(conn, schema: schema, table: table)
        guard columns == target else {
            throw JiannuoError.database("表 \(table) 在两个引擎中的列不一致（\(columns.joined(separator: ",")) ≠ \(target.joined(separator: ","))）：请升级程序",
                                        "table \(table) has different columns in the two engines; upgrade the program")
        }
        let list = columns.map(PGSQL.quoted).joined(separator: ", ")
        try conn.copyIn("COPY \(PGSQL.quoted(schema)).\(PGSQL.quoted(table)) (\(list)) FROM STDIN") { row in
            let cursor = try Row.fetchCursor(db, sql: "SELECT \(columns.map(LedgerDigest.quoted).joined(separator: ", ")) FROM \(LedgerDigest.quoted(table))")
            var values = [String?](repeating: nil, count: columns.count)
            while let r = try cursor.next() {
                for i in 0..<columns.count { values[i] = text((r[i] as DatabaseValue)) }
                try row(values)
            }
        }
        if let id = PGSchema.identities[table] {
            try conn.execute("SELECT setval(pg_get_serial_sequence($1, $2), coalesce((SELECT max(\(PGSQL.quoted(id))) FROM \(PGSQL.quoted(schema)).\(PGSQL.quoted(table))), 0) + 1, false)",
                             ["\(PGSQL.quoted(schema)).\(PGSQL.quoted(table))", id])
        }
    }

    /// A SQLite value in COPY's text form.
    static func text(_ v: DatabaseValue) -> String? {
        switch v.storage {
        case .null: return nil
        case .int64(let i): return String(i)
        case .double(let d): return d.isFinite ? "\(d)" : (d.isNaN ? "NaN" : d > 0 ? "Infinity" : "-Infinity")
        case .string(let s): return s
        case .blob(let data): return "\\x" + data.map { String(format: "%02x", $0) }.joined()
        }
    }

    /// The digest triggers, the roles of the ledger's accounts and the policies.
    static func secure(_ conn: PGConnection, _ db: Database, store: SQLiteLedger, schema: String) throws {
        for t in LedgerDigest.tables {
            try run(conn, PGDigestSQL.trigger(schema: schema, table: t, columns: try PGLedgerCheck.columns(conn, schema: schema, table: t)))
        }
        for statement in PGSecurity.createGroups(schema: schema) { try conn.execute(statement) }
        let tables = copied + PGSchema.engineTableNames
        let complaintColumns = try conn.execute("""
            SELECT column_name FROM information_schema.columns WHERE table_schema = $1 AND table_name = 'complaints' ORDER BY ordinal_position
            """, [schema]).rows.compactMap { $0[0] }
        let owner = conn.sessionUser
        // The append function first: the grants below cover every function of the schema.
        for statement in PGAuditSQL.functions(schema: schema, owner: owner) + PGKeptCounts.statements(schema: schema, owner: owner)
            + PGAccountsSQL.statements(schema: schema, owner: owner) + PGEventsSQL.statements(schema: schema)
            + PGClaimsSQL.statements(schema: schema, owner: owner)
            + PGSecurity.statements(schema: schema, tables: tables, complaintColumns: complaintColumns)
            + PGSecurity.maskedView(schema: schema, columns: complaintColumns) + PGSecurity.databaseStatements(schema: schema) {
            try conn.execute(statement)
        }
        for account in try Account.fetchAll(db) {
            try PGRoles.grant(conn, schema: schema, account: account,
                              units: account.role == .liaison ? try account.department.map { try GRDBReader(db: db).lineage($0) } ?? [] : [])
        }
    }

    /// What the copy must show before it commits: an intact chain with the source's head, the same
    /// digests (so the same row hashes), and every table's rows counted alike.
    static func check(_ conn: PGConnection, schema: String, county: String, counts: [Table], source: AuditChain.Report) throws {
        let copy = try PGLedgerCheck.verifyInTransaction(conn, schema: schema)
        guard copy.intact, copy.head == source.head, copy.rows == source.rows else {
            let why = (copy.reason.map { [$0] } ?? []) + copy.tampered.map(\.reason)
            throw JiannuoError.database("迁移后的账本未通过核验，已撤销：\(why.map(\.zh).joined(separator: "；"))",
                                        "the copied ledger fails its check; rolled back: \(why.map(\.en).joined(separator: "; "))")
        }
        let differing = try counts.filter { t in try targetCount(conn, schema: schema, table: t.table) != t.rows }
        guard differing.isEmpty else {
            throw JiannuoError.database("迁移后行数不符，已撤销：\(differing.map(\.table).joined(separator: "、"))",
                                        "row counts differ after the copy; rolled back: \(differing.map(\.table).joined(separator: ", "))")
        }
    }

    static func targetCount(_ conn: PGConnection, schema: String, table: String) throws -> Int {
        Int(try conn.execute("SELECT count(*) FROM \(PGSQL.quoted(schema)).\(PGSQL.quoted(table))").rows.first?[0] ?? "") ?? -1
    }

    /// A county already in the city database: the same ledger (same head, same digests, same counts)
    /// is fine and nothing is written; anything else is refused.
    static func requireSame(_ conn: PGConnection, schema: String, county: String, counts: [Table], head: AuditChain.Anchor?) throws {
        try conn.execute("SET LOCAL search_path = \(PGSQL.quoted(schema))")
        let theirHead = try conn.execute("SELECT value FROM meta WHERE key = 'audit_head'").rows.first?[0]
        let differing = try counts.filter { t in try targetCount(conn, schema: schema, table: t.table) != t.rows }.map(\.table)
        guard theirHead == head?.description, differing.isEmpty else {
            let what = theirHead != head?.description ? Text("审计链头不同", "a different audit head")
                : Text("行数不同的表：\(differing.joined(separator: "、"))", "tables with other row counts: \(differing.joined(separator: ", "))")
            throw JiannuoError.invalid("县（区）\(county) 已在城市库中（模式 \(schema)），且数据与源账本不同（\(what.zh)）：未写入",
                                       "county \(county) is already in the city database (schema \(schema)) with other data (\(what.en)); nothing was written")
        }
    }
}
