import JiannuoCore

/// The audit append in PostgreSQL: one function, run with its owner's rights, so that no officer's
/// role needs (or has) a grant on the log. It takes the head's row lock (appends are serialised), adds
/// the transaction's pending row hashes into `ledger_digest` (sums modulo 2^256, as `Digest256`), and
/// writes the row with the hash `AuditChain.hash` computes. Who and when are the engine's: the operator
/// is the session's user, which the engine authenticated, and the time is the server's clock; the caller
/// names only what it did. A chain written here verifies in SQLite and the other way round.
enum PGAuditSQL {
    /// The channel a county's writes are announced on.
    static func channel(_ schema: String) -> String { "jiannuo_\(schema)" }

    static func functions(schema: String, owner: String) -> [String] {
        let s = PGSQL.quoted(schema)
        let tables = LedgerDigest.tables.map(PGSQL.literal).joined(separator: ", ")
        // Core's AuditActions with the role table: which groups may record which act.
        let acts = AuditActions.permission.keys.sorted().flatMap { action in
            AuditActions.roles(action).map { "(\(PGSQL.literal(action)), \(PGSQL.literal(PGSecurity.group(schema, $0))))" }
        }.joined(separator: ", ")
        return [
            // A 32-byte hash as a number, and back as 64 hex digits.
            """
            CREATE FUNCTION \(s).jn_num(b bytea) RETURNS numeric LANGUAGE plpgsql IMMUTABLE AS $$
            DECLARE n numeric := 0;
            BEGIN
                FOR i IN 0 .. length(b) - 1 LOOP n := n * 256 + get_byte(b, i); END LOOP;
                RETURN n;
            END $$
            """,
            """
            CREATE FUNCTION \(s).jn_hex(n numeric) RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$
            DECLARE out text := ''; v numeric := n;
            BEGIN
                FOR i IN 1 .. 32 LOOP out := lpad(to_hex(mod(v, 256)::int), 2, '0') || out; v := div(v, 256); END LOOP;
                RETURN out;
            END $$
            """,
            // What the digest triggers leave for the append, by transaction; and the row whose lock serialises
            // appends. Neither is granted to anyone: only the owner's functions reach them.
            "CREATE TABLE \(s).jn_pending (xact bigint NOT NULL, tbl text NOT NULL, delta numeric NOT NULL)",
            "CREATE INDEX jn_pending_xact ON \(s).jn_pending(xact)",
            "CREATE TABLE \(s).jn_chain_head (one int PRIMARY KEY CHECK (one = 1))",
            "INSERT INTO \(s).jn_chain_head VALUES (1)",
            // At commit: a transaction that changed ledger rows and appended no audit row after them is refused.
            """
            CREATE FUNCTION \(s).jn_require_audit() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = \(s), pg_temp AS $$
            BEGIN
                IF EXISTS (SELECT 1 FROM jn_pending WHERE xact = NEW.xact) THEN
                    RAISE EXCEPTION 'jiannuo: % is a ledger table: write it through jiannuo, whose audit log keeps its digests (a change with no audit row after it is refused)', NEW.tbl
                        USING ERRCODE = 'insufficient_privilege';
                END IF;
                RETURN NULL;
            END $$
            """,
            """
            CREATE CONSTRAINT TRIGGER jn_audited AFTER INSERT ON \(s).jn_pending DEFERRABLE INITIALLY DEFERRED
                FOR EACH ROW EXECUTE FUNCTION \(s).jn_require_audit()
            """,
            """
            CREATE FUNCTION \(s).jn_audit_append(p_action text, p_entity text, p_id text, p_before text, p_after text, p_claimed text) RETURNS text
                LANGUAGE plpgsql SECURITY DEFINER SET search_path = \(s), pg_temp AS $$
            DECLARE
                modulus numeric := 2::numeric ^ 256;
                pend record; kept text; d numeric; state text; last_seq bigint; prev text; n bigint; h text;
                zone text; local timestamp; off int; p_at text; moment timestamptz;
                sep bytea := '\\x1f'::bytea; nul bytea := '\\x00'::bytea;
            BEGIN
                -- The act must be one the session's role may do (the owner's upkeep aside): an officer in psql
                -- cannot record its write as another's kind of act.
                IF session_user <> \(PGSQL.literal(owner)) AND NOT EXISTS (
                    SELECT 1 FROM (VALUES \(acts)) AS a(act, grp)
                    JOIN pg_roles g ON g.rolname = a.grp JOIN pg_auth_members m ON m.roleid = g.oid JOIN pg_roles u ON u.oid = m.member
                    WHERE a.act = p_action AND u.rolname = session_user) THEN
                    RAISE EXCEPTION 'jiannuo: % is not an act the role of % may record', p_action, session_user USING ERRCODE = 'insufficient_privilege';
                END IF;
                -- A row lock no officer can take (no grant on the table): appends wait only for each other.
                PERFORM 1 FROM jn_chain_head FOR UPDATE;
                -- The server's clock, once the lock is held, in the office's zone as the program writes times.
                moment := clock_timestamp();
                zone := coalesce((SELECT value FROM meta WHERE key = 'office_zone'), \(PGSQL.literal(Clock.defaultZone.identifier)));
                local := moment AT TIME ZONE zone;
                off := round(extract(epoch FROM (local - (moment AT TIME ZONE 'UTC'))) / 60)::int;
                p_at := to_char(local, 'YYYY-MM-DD"T"HH24:MI:SS') || CASE WHEN off < 0 THEN '-' ELSE '+' END
                        || lpad((abs(off) / 60)::text, 2, '0') || ':' || lpad((abs(off) % 60)::text, 2, '0');
                FOR pend IN SELECT tbl, sum(delta) AS delta FROM jn_pending WHERE xact = txid_current() GROUP BY tbl LOOP
                    SELECT digest INTO kept FROM ledger_digest WHERE tbl = pend.tbl;
                    d := mod(coalesce(jn_num(decode(kept, 'hex')), 0) + pend.delta, modulus);
                    IF d < 0 THEN d := d + modulus; END IF;
                    INSERT INTO ledger_digest(tbl, digest) VALUES (pend.tbl, jn_hex(d))
                        ON CONFLICT (tbl) DO UPDATE SET digest = excluded.digest;
                END LOOP;
                DELETE FROM jn_pending WHERE xact = txid_current();
                SELECT string_agg(t.name || '=' || coalesce(g.digest, repeat('0', 64)), ';' ORDER BY t.ord) INTO state
                    FROM unnest(ARRAY[\(tables)]) WITH ORDINALITY AS t(name, ord) LEFT JOIN ledger_digest g ON g.tbl = t.name;
                SELECT a.seq, a.hash INTO last_seq, prev FROM audit_log a ORDER BY a.seq DESC LIMIT 1;
                n := coalesce(last_seq, 0) + 1;
                prev := coalesce(prev, repeat('0', 64));
                h := encode(sha256(
                    convert_to(n::text, 'UTF8') || sep || convert_to(p_at, 'UTF8') || sep || convert_to(session_user::text, 'UTF8') || sep
                    || convert_to(p_action, 'UTF8') || sep || convert_to(p_entity, 'UTF8') || sep || convert_to(p_id, 'UTF8') || sep
                    || coalesce(convert_to(p_before, 'UTF8'), nul) || sep || coalesce(convert_to(p_after, 'UTF8'), nul) || sep
                    || convert_to(prev, 'UTF8') || sep || coalesce(convert_to(p_claimed, 'UTF8'), nul) || sep || convert_to(state, 'UTF8')), 'hex');
                INSERT INTO audit_log(seq, at, operator, action, entity, entity_id, before, after, prev_hash, hash, claimed, state)
                    VALUES (n, p_at, session_user, p_action, p_entity, p_id, p_before, p_after, prev, h, p_claimed, state);
                INSERT INTO meta(key, value) VALUES ('audit_head', n || ':' || h) ON CONFLICT (key) DO UPDATE SET value = excluded.value;
                -- Every dashboard on this county hears of the write when it commits (LISTEN), on any host.
                PERFORM pg_notify(\(PGSQL.literal(PGAuditSQL.channel(schema))), n::text);
                RETURN n || ':' || h;
            END $$
            """,
            // The function writes as its owner: these let it, and no one else.
            "CREATE POLICY jn_definer ON \(s).audit_log FOR INSERT WITH CHECK (current_user = \(PGSQL.literal(owner)))",
            "CREATE POLICY jn_definer ON \(s).meta USING (current_user = \(PGSQL.literal(owner)))",
            "CREATE POLICY jn_definer ON \(s).ledger_digest USING (current_user = \(PGSQL.literal(owner)))",
            "ALTER TABLE \(s).jn_pending ENABLE ROW LEVEL SECURITY", "ALTER TABLE \(s).jn_pending FORCE ROW LEVEL SECURITY",
            "CREATE POLICY jn_definer ON \(s).jn_pending USING (current_user = \(PGSQL.literal(owner)))",
            "ALTER TABLE \(s).jn_chain_head ENABLE ROW LEVEL SECURITY", "ALTER TABLE \(s).jn_chain_head FORCE ROW LEVEL SECURITY",
            "CREATE POLICY jn_definer ON \(s).jn_chain_head USING (current_user = \(PGSQL.literal(owner)))",
        ]
    }
}
