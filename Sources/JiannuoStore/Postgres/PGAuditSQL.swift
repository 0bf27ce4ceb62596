/// The audit append in PostgreSQL: one function, run with its owner's rights, so that no officer's
/// role needs (or has) a grant on the log. It takes the head's lock (appends are serialised), adds the
/// session's pending row hashes into `ledger_digest` (sums modulo 2^256, as `Digest256`), and writes
/// the row with the hash `AuditChain.hash` computes: the operator is the session's user, which the
/// engine authenticated. A chain written here verifies in SQLite and the other way round.
enum PGAuditSQL {
    /// The channel a county's writes are announced on.
    static func channel(_ schema: String) -> String { "jiannuo_\(schema)" }

    static func functions(schema: String, owner: String) -> [String] {
        let s = PGSQL.quoted(schema)
        let tables = LedgerDigest.tables.map(PGSQL.literal).joined(separator: ", ")
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
            """
            CREATE FUNCTION \(s).jn_audit_append(p_action text, p_entity text, p_id text, p_before text, p_after text,
                                                 p_claimed text, p_at text) RETURNS text
                LANGUAGE plpgsql SECURITY DEFINER SET search_path = \(s), pg_temp AS $$
            DECLARE
                modulus numeric := 2::numeric ^ 256;
                pend record; kept text; d numeric; state text; last_seq bigint; prev text; n bigint; h text;
                sep bytea := '\\x1f'::bytea; nul bytea := '\\x00'::bytea;
            BEGIN
                PERFORM pg_advisory_xact_lock(hashtext('jiannuo.audit.' || \(PGSQL.literal(schema))));
                IF to_regclass('pg_temp.jn_digest_pending') IS NOT NULL THEN
                    FOR pend IN SELECT tbl, sum(sign * jn_num(hash)) AS delta FROM pg_temp.jn_digest_pending GROUP BY tbl LOOP
                        SELECT digest INTO kept FROM ledger_digest WHERE tbl = pend.tbl;
                        d := mod(coalesce(jn_num(decode(kept, 'hex')), 0) + pend.delta, modulus);
                        IF d < 0 THEN d := d + modulus; END IF;
                        INSERT INTO ledger_digest(tbl, digest) VALUES (pend.tbl, jn_hex(d))
                            ON CONFLICT (tbl) DO UPDATE SET digest = excluded.digest;
                    END LOOP;
                    DELETE FROM pg_temp.jn_digest_pending;
                END IF;
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
        ]
    }
}
