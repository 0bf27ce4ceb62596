import Foundation
import JiannuoCore

/// What `doctor` checks beyond table grants: nothing in the database gives a role more than the role
/// table does. Row policies are exactly those `PGSecurity` and the owner's functions create (an added
/// permissive policy widens what a role reads); the ledger's groups have exactly their accounts as
/// members, and an account is in nothing but ledger groups and has no power of its own (superuser,
/// BYPASSRLS, CREATEROLE); functions are callable only by the groups `PGSecurity.functions` names;
/// PUBLIC may neither connect to the database nor make temporary objects in it.
enum PGPrivilegeCheck {
    static func problems(_ c: PGConnection, schema: String, owner: String) throws -> [String] {
        try policies(c, schema: schema, owner: owner) + memberships(c, schema: schema, owner: owner) + columnUpdates(c, schema: schema)
            + functions(c, schema: schema) + database(c)
    }

    /// Policies by `table.name`, as the setup's own statements create them.
    static func expectedPolicies(_ c: PGConnection, schema: String, owner: String) throws -> Set<String> {
        let complaintColumns = try c.execute("""
            SELECT column_name FROM information_schema.columns WHERE table_schema = $1 AND table_name = 'complaints' ORDER BY ordinal_position
            """, [schema]).rows.compactMap { $0[0] }
        let statements = PGAuditSQL.functions(schema: schema, owner: owner) + PGKeptCounts.statements(schema: schema, owner: owner)
            + PGAccountsSQL.statements(schema: schema, owner: owner)
            + PGSecurity.statements(schema: schema, tables: LedgerMigration.copied + PGSchema.engineTableNames, complaintColumns: complaintColumns)
        var out: Set<String> = []
        for s in statements where s.hasPrefix("CREATE POLICY ") {
            let words = s.split(separator: " ", maxSplits: 5)
            guard words.count >= 5, words[3] == "ON" else { continue }
            let table = words[4].split(separator: ".").last.map { $0.replacingOccurrences(of: "\"", with: "") } ?? ""
            out.insert("\(table).\(words[2])")
        }
        return out
    }

    static func policies(_ c: PGConnection, schema: String, owner: String) throws -> [String] {
        let expected = try expectedPolicies(c, schema: schema, owner: owner)
        let actual = Set(try c.execute("SELECT tablename || '.' || policyname FROM pg_policies WHERE schemaname = $1", [schema]).rows.compactMap { $0[0] })
        var out: [String] = []
        let extra = actual.subtracting(expected).sorted(), missing = expected.subtracting(actual).sorted()
        if !extra.isEmpty { out.append("多余的行级安全策略（角色表未给）：\(extra.joined(separator: "、"))") }
        if !missing.isEmpty { out.append("缺少的行级安全策略：\(missing.joined(separator: "、"))") }
        return out
    }

    static func memberships(_ c: PGConnection, schema: String, owner: String) throws -> [String] {
        var expected: Set<String> = []
        for role in AccountRole.allCases where role != .liaison { expected.insert("\(PGSecurity.wide(schema))←\(PGSecurity.group(schema, role))") }
        var accounts: [String] = []
        for r in try c.execute("SELECT account, role, active FROM users").rows {
            guard let account = r[0], let role = r[1].flatMap(AccountRole.init(rawValue:)) else { continue }
            accounts.append(account)
            if r[2] == "1" { expected.insert("\(PGSecurity.group(schema, role))←\(account)") }
        }
        let groups = [PGSecurity.wide(schema)] + AccountRole.allCases.map { PGSecurity.group(schema, $0) }
        var out: [String] = []
        let actual = Set(try c.execute("""
            SELECT g.rolname || '←' || m.rolname FROM pg_auth_members a JOIN pg_roles g ON g.oid = a.roleid JOIN pg_roles m ON m.oid = a.member
            WHERE g.rolname = ANY($1::text[])
            """, [PGSQL.array(groups)]).rows.compactMap { $0[0] })
        let extra = actual.subtracting(expected).sorted()
        if !extra.isEmpty { out.append("多余的角色成员关系（组←成员）：\(extra.joined(separator: "、"))") }
        // An account is in ledger groups only (of this county or another), and holds no power of its own
        // (the schema's owner, who made the ledger, holds it all already).
        let ledgerGroup = #"^ledger_[a-z0-9]+_(wide|"# + AccountRole.allCases.map(\.rawValue).joined(separator: "|") + ")$"
        for r in try c.execute("""
            SELECT m.rolname, g.rolname FROM pg_auth_members a JOIN pg_roles g ON g.oid = a.roleid JOIN pg_roles m ON m.oid = a.member
            WHERE m.rolname = ANY($1::text[]) AND g.rolname !~ $2 ORDER BY 1, 2
            """, [PGSQL.array(accounts), ledgerGroup]).rows {
            out.append("账号 \(r[0] ?? "") 是角色 \(r[1] ?? "") 的成员（账号只应属于账本角色组）")
        }
        for r in try c.execute("""
            SELECT rolname FROM pg_roles WHERE rolname = ANY($1::text[]) AND rolname <> $2 AND (rolsuper OR rolbypassrls OR rolcreaterole) ORDER BY 1
            """, [PGSQL.array(accounts), owner]).rows {
            out.append("账号 \(r[0] ?? "") 有超级用户、BYPASSRLS 或 CREATEROLE 属性")
        }
        return out
    }

    /// UPDATE on a column where its group may update neither the table nor that column (`StepColumns`).
    static func columnUpdates(_ c: PGConnection, schema: String) throws -> [String] {
        let tables = LedgerMigration.copied + PGSchema.engineTableNames
        var allowed: [String: (tables: Set<String>, columns: [String: Set<String>])] = [:]
        for role in AccountRole.allCases {
            let whole = Set(PGSecurity.tableGrants(role, tables: tables).filter { $0.value.contains("UPDATE") }.keys)
            allowed[PGSecurity.group(schema, role)] = (whole, PGSecurity.columnUpdates(role, tables: tables))
        }
        var extra: [String] = []
        for r in try c.execute("""
            SELECT grantee, table_name, column_name FROM information_schema.column_privileges
            WHERE table_schema = $1 AND privilege_type = 'UPDATE' AND grantee = ANY($2::text[]) ORDER BY 1, 2, 3
            """, [schema, PGSQL.array(Array(allowed.keys))]).rows {
            guard let g = r[0], let t = r[1], let col = r[2], let a = allowed[g] else { continue }
            if !a.tables.contains(t) && a.columns[t]?.contains(col) != true { extra.append("\(g) 可以改 \(t).\(col)") }
        }
        return extra.isEmpty ? [] : ["超出各步骤所改列的更新权限（角色表未给）：\(extra.prefix(8).joined(separator: "、"))"]
    }

    static func functions(_ c: PGConnection, schema: String) throws -> [String] {
        var expected: Set<String> = []
        for role in AccountRole.allCases { for f in PGSecurity.functions(role) { expected.insert("\(PGSecurity.group(schema, role)):\(f)") } }
        var out: [String] = []
        for r in try c.execute("""
            SELECT coalesce(g.rolname, 'PUBLIC'), p.proname || '(' || oidvectortypes(p.proargtypes) || ')'
            FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace,
                 aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) a LEFT JOIN pg_roles g ON g.oid = a.grantee
            WHERE n.nspname = $1 AND a.grantee <> p.proowner AND a.privilege_type = 'EXECUTE' ORDER BY 1, 2
            """, [schema]).rows {
            guard let grantee = r[0], let f = r[1], !expected.contains("\(grantee):\(f)") else { continue }
            out.append("\(grantee) 可以调用函数 \(f)（角色表未给）")
        }
        return out
    }

    static func database(_ c: PGConnection) throws -> [String] {
        let open = try c.execute("""
            SELECT a.privilege_type FROM pg_database d, aclexplode(coalesce(d.datacl, acldefault('d', d.datdba))) a
            WHERE d.datname = current_database() AND a.grantee = 0 ORDER BY 1
            """).rows.compactMap { $0[0] }
        return open.isEmpty ? [] : ["所有角色（PUBLIC）对数据库有 \(open.joined(separator: "、")) 权限：应只授予各县的角色组"]
    }
}
