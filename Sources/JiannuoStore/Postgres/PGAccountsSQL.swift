import JiannuoCore

/// Accounts as login roles, made by the owner's function so that a county's administrator needs no
/// CREATEROLE of its own: `jn_account_role(account, units)` makes the database agree with the
/// account's row in `users` (which the caller has just written in the same transaction): the login
/// role made if missing, membership in its one group of this schema (none once disabled), a liaison's
/// units in `role_units`. It reads the role from the row, never from the caller, and touches only this
/// schema's groups. Callable by the groups whose permissions write accounts or units.
enum PGAccountsSQL {
    static func statements(schema: String, owner: String) -> [String] {
        let s = PGSQL.quoted(schema), o = PGSQL.literal(owner)
        let groups = AccountRole.allCases.map { "(\(PGSQL.literal($0.rawValue)), \(PGSQL.literal(PGSecurity.group(schema, $0))))" }.joined(separator: ", ")
        return [
            """
            CREATE FUNCTION \(s).jn_account_role(p_account text, p_units text[]) RETURNS void
                LANGUAGE plpgsql SECURITY DEFINER SET search_path = \(s), pg_temp AS $$
            DECLARE acc record; g record;
            BEGIN
                SELECT role, active INTO acc FROM users WHERE account = p_account;
                IF NOT FOUND THEN
                    RAISE EXCEPTION 'jiannuo: % is not an account of this ledger', p_account USING ERRCODE = 'insufficient_privilege';
                END IF;
                IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = p_account) THEN
                    IF acc.active <> 1 THEN RETURN; END IF;
                    EXECUTE format('CREATE ROLE %I LOGIN', p_account);
                END IF;
                FOR g IN SELECT * FROM (VALUES \(groups)) AS v(role, grp) LOOP
                    IF acc.active = 1 AND g.role = acc.role THEN
                        EXECUTE format('GRANT %I TO %I', g.grp, p_account);
                    ELSE
                        EXECUTE format('REVOKE %I FROM %I', g.grp, p_account);
                    END IF;
                END LOOP;
                DELETE FROM role_units WHERE role = p_account;
                IF acc.active = 1 AND acc.role = 'liaison' THEN
                    INSERT INTO role_units(role, department) SELECT p_account, unnest(p_units);
                END IF;
            END $$
            """,
            "CREATE POLICY jn_accounts ON \(s).users FOR SELECT USING (current_user = \(o))",
            "CREATE POLICY jn_accounts ON \(s).role_units USING (current_user = \(o))",
        ]
    }
}
