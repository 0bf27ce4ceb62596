/// The ledger digests in PostgreSQL, computed as `LedgerDigest.rowHash` computes them: the SHA-256 of
/// the table's name and each stored column with its storage class (0 NULL; 1 and 8 bytes for an
/// integer; 2 and the 8 bytes of a double; 3, a 4-byte length and the UTF-8 of a text; 4, a length and
/// the bytes of a blob), all big-endian. The same bytes give the same hash, so a chain sealed in a
/// SQLite file still adds up after its rows move here, and the other way round.
///
/// Each ledger table has triggers that add the hashes of the rows a statement inserts, updates or deletes
/// to `jn_pending`, under the transaction's id; the audit append sums them into `ledger_digest` in the same
/// transaction and clears them. At commit the engine refuses a transaction that leaves any (`PGAuditSQL`):
/// a write through `psql` either appends its audit row, as its own role at the server's time, or is undone.
enum PGDigestSQL {
    /// `jn_enc`: one value's bytes, one function per storage class (PostgreSQL picks by the column's type).
    /// The text one is STABLE, as `convert_to` is: a function declared more constant than its body is
    /// called row by row instead of inlined into the trigger's query (~0.2 ms of each complaint's insert).
    /// Schemas made before keep their IMMUTABLE one, which hashes the same, more slowly.
    static let encoders = """
    CREATE FUNCTION jn_enc(v text) RETURNS bytea LANGUAGE sql STABLE PARALLEL SAFE AS $$
        SELECT CASE WHEN v IS NULL THEN '\\x00'::bytea
                    ELSE '\\x03'::bytea || int4send(octet_length(v)) || convert_to(v, 'UTF8') END $$;
    CREATE FUNCTION jn_enc(v bigint) RETURNS bytea LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT CASE WHEN v IS NULL THEN '\\x00'::bytea ELSE '\\x01'::bytea || int8send(v) END $$;
    CREATE FUNCTION jn_enc(v double precision) RETURNS bytea LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT CASE WHEN v IS NULL THEN '\\x00'::bytea ELSE '\\x02'::bytea || float8send(v) END $$;
    CREATE FUNCTION jn_enc(v bytea) RETURNS bytea LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT CASE WHEN v IS NULL THEN '\\x00'::bytea ELSE '\\x04'::bytea || int4send(length(v)) || v END $$;
    """

    /// The expression whose SHA-256 is a row's hash; `alias` is the row (`NEW`, `OLD` or a table alias).
    static func rowBytes(table: String, columns: [String], alias: String) -> String {
        (["jn_enc('\(table)'::text)"] + columns.map { "jn_enc(\(alias).\(PGSQL.quoted($0)))" }).joined(separator: " || ")
    }

    /// The triggers that digest one table: one per kind of statement, each summing the hashes of the
    /// statement's rows (as numbers, modulo 2^256 later) into one row of `jn_pending` for the transaction,
    /// set-based from its transition tables (a hundred thousand imported rows are hashed in one query).
    /// They run as the schema's owner (no officer may touch `jn_pending`), with the schema fixed so that a
    /// session's search path cannot send the hashes elsewhere. A statement that changes no row adds nothing.
    static let triggerNames = ["jn_digest_insert", "jn_digest_update", "jn_digest_delete"]

    static func trigger(schema: String, table: String, columns: [String]) -> String {
        let s = PGSQL.quoted(schema), fn = "jn_digest_\(table)", t = "\(s).\(PGSQL.quoted(table))"
        return """
        CREATE FUNCTION \(s).\(fn)() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = \(s), pg_temp AS $$
        BEGIN
            IF TG_OP <> 'INSERT' THEN
                INSERT INTO jn_pending(xact, tbl, delta)
                    SELECT txid_current(), '\(table)', -sum(jn_num(sha256(\(rowBytes(table: table, columns: columns, alias: "o"))))) FROM jn_old o HAVING count(*) > 0;
            END IF;
            IF TG_OP <> 'DELETE' THEN
                INSERT INTO jn_pending(xact, tbl, delta)
                    SELECT txid_current(), '\(table)', sum(jn_num(sha256(\(rowBytes(table: table, columns: columns, alias: "n"))))) FROM jn_new n HAVING count(*) > 0;
            END IF;
            RETURN NULL;
        END $$;
        CREATE TRIGGER jn_digest_insert AFTER INSERT ON \(t) REFERENCING NEW TABLE AS jn_new FOR EACH STATEMENT EXECUTE FUNCTION \(s).\(fn)();
        CREATE TRIGGER jn_digest_update AFTER UPDATE ON \(t) REFERENCING OLD TABLE AS jn_old NEW TABLE AS jn_new
            FOR EACH STATEMENT EXECUTE FUNCTION \(s).\(fn)();
        CREATE TRIGGER jn_digest_delete AFTER DELETE ON \(t) REFERENCING OLD TABLE AS jn_old FOR EACH STATEMENT EXECUTE FUNCTION \(s).\(fn)();
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
