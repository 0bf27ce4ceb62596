/// The ledger digests in PostgreSQL, computed as `LedgerDigest.rowHash` computes them: the SHA-256 of
/// the table's name and each stored column with its storage class (0 NULL; 1 and 8 bytes for an
/// integer; 2 and the 8 bytes of a double; 3, a 4-byte length and the UTF-8 of a text; 4, a length and
/// the bytes of a blob), all big-endian. The same bytes give the same hash, so a chain sealed in a
/// SQLite file still adds up after its rows move here, and the other way round.
///
/// Each ledger table has triggers that put the hash of every row a statement inserts, updates or deletes
/// into the session's `jn_digest_pending`; the audit append sums them into `ledger_digest` in the same
/// transaction. A session that did not make that table (psql, another tool) cannot write a ledger
/// table at all, as a sqlite3 session lacks the SQLite engine's function.
enum PGDigestSQL {
    /// `jn_enc`: one value's bytes, one function per storage class (PostgreSQL picks by the column's type).
    static let encoders = """
    CREATE FUNCTION jn_enc(v text) RETURNS bytea LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT CASE WHEN v IS NULL THEN '\\x00'::bytea
                    ELSE '\\x03'::bytea || int4send(octet_length(v)) || convert_to(v, 'UTF8') END $$;
    CREATE FUNCTION jn_enc(v bigint) RETURNS bytea LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT CASE WHEN v IS NULL THEN '\\x00'::bytea ELSE '\\x01'::bytea || int8send(v) END $$;
    CREATE FUNCTION jn_enc(v double precision) RETURNS bytea LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT CASE WHEN v IS NULL THEN '\\x00'::bytea ELSE '\\x02'::bytea || float8send(v) END $$;
    CREATE FUNCTION jn_enc(v bytea) RETURNS bytea LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT CASE WHEN v IS NULL THEN '\\x00'::bytea ELSE '\\x04'::bytea || int4send(length(v)) || v END $$;
    """

    /// The session's pending row hashes: made by the program on every connection it opens, readable
    /// by the schema's owner, whose audit append sums and clears them (a transaction that fails takes
    /// its rows with it; `ON COMMIT DELETE ROWS` would truncate the table at every commit, inside the
    /// appends' serialised section).
    static func pendingTable(schema: String) -> String {
        """
        DO $$ BEGIN
            IF to_regclass('pg_temp.jn_digest_pending') IS NULL THEN
                CREATE TEMP TABLE jn_digest_pending (tbl text NOT NULL, sign int NOT NULL, hash bytea NOT NULL);
                EXECUTE format('GRANT SELECT, DELETE ON pg_temp.jn_digest_pending TO %I',
                               (SELECT pg_get_userbyid(nspowner) FROM pg_namespace WHERE nspname = \(PGSQL.literal(schema))));
            END IF;
        END $$
        """
    }

    /// The expression whose SHA-256 is a row's hash; `alias` is the row (`NEW`, `OLD` or a table alias).
    static func rowBytes(table: String, columns: [String], alias: String) -> String {
        (["jn_enc('\(table)'::text)"] + columns.map { "jn_enc(\(alias).\(PGSQL.quoted($0)))" }).joined(separator: " || ")
    }

    /// The triggers that digest one table: one per kind of statement, each hashing the statement's rows
    /// in one set-based insert from its transition tables (a hundred thousand imported rows are hashed
    /// in one query, not by a call per row). `schema` is fixed in the function so that a session's
    /// search path cannot send the hashes elsewhere. A statement that changes no row passes.
    static let triggerNames = ["jn_digest_insert", "jn_digest_update", "jn_digest_delete"]

    static func trigger(schema: String, table: String, columns: [String]) -> String {
        let s = PGSQL.quoted(schema), fn = "jn_digest_\(table)", t = "\(s).\(PGSQL.quoted(table))"
        return """
        CREATE FUNCTION \(s).\(fn)() RETURNS trigger LANGUAGE plpgsql SET search_path = \(s), pg_temp AS $$
        BEGIN
            IF to_regclass('pg_temp.jn_digest_pending') IS NULL THEN
                IF TG_OP <> 'DELETE' THEN \(refuseIfAny("jn_new")) END IF;
                IF TG_OP <> 'INSERT' THEN \(refuseIfAny("jn_old")) END IF;
                RETURN NULL;
            END IF;
            IF TG_OP <> 'INSERT' THEN
                INSERT INTO pg_temp.jn_digest_pending SELECT '\(table)', -1, sha256(\(rowBytes(table: table, columns: columns, alias: "o"))) FROM jn_old o;
            END IF;
            IF TG_OP <> 'DELETE' THEN
                INSERT INTO pg_temp.jn_digest_pending SELECT '\(table)', 1, sha256(\(rowBytes(table: table, columns: columns, alias: "n"))) FROM jn_new n;
            END IF;
            RETURN NULL;
        END $$;
        CREATE TRIGGER jn_digest_insert AFTER INSERT ON \(t) REFERENCING NEW TABLE AS jn_new FOR EACH STATEMENT EXECUTE FUNCTION \(s).\(fn)();
        CREATE TRIGGER jn_digest_update AFTER UPDATE ON \(t) REFERENCING OLD TABLE AS jn_old NEW TABLE AS jn_new
            FOR EACH STATEMENT EXECUTE FUNCTION \(s).\(fn)();
        CREATE TRIGGER jn_digest_delete AFTER DELETE ON \(t) REFERENCING OLD TABLE AS jn_old FOR EACH STATEMENT EXECUTE FUNCTION \(s).\(fn)();
        """
    }

    /// A session that did not come through the program changed rows of a ledger table: refused. (Each
    /// transition table is named in a statement of its own: the other one does not exist for that event.)
    private static func refuseIfAny(_ rows: String) -> String {
        """
        IF EXISTS (SELECT 1 FROM \(rows)) THEN
                RAISE EXCEPTION 'jiannuo: % is a ledger table: write it through jiannuo, whose audit log keeps its digests', TG_TABLE_NAME
                    USING ERRCODE = 'insufficient_privilege';
            END IF;
        """
    }

    /// Each row's hash as the triggers compute it: `PGLedgerCheck` compares a sample with its own.
    static func rowHashes(table: String, columns: [String]) -> String {
        "SELECT sha256(\(rowBytes(table: table, columns: columns, alias: "t"))) FROM \(PGSQL.quoted(table)) t"
    }
}

/// Small helpers for writing PostgreSQL statements.
enum PGSQL {
    static func quoted(_ name: String) -> String { "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
    static func literal(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "''") + "'" }
}
