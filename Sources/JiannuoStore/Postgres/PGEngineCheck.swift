import JiannuoCore

/// What `doctor` checks on the engine's side of a ledger schema: row security enabled and forced on
/// every table, the audit log's refusing triggers in place, and no role holding a table privilege
/// beyond what `PGSecurity` grants its group from Core's role table.
enum PGEngineCheck {
    static func problems(_ c: PGConnection, schema: String) throws -> [String] {
        var out: [String] = []
        let unforced = try c.execute("""
            SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = $1 AND c.relkind = 'r' AND NOT (c.relrowsecurity AND c.relforcerowsecurity) ORDER BY 1
            """, [schema]).rows.compactMap { $0[0] }
        if !unforced.isEmpty { out.append("行级安全未启用或未强制（FORCE）的表：\(unforced.joined(separator: "、"))") }
        let guards = Set(try c.execute("""
            SELECT g.tgname FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = $1 AND c.relname = 'audit_log' AND g.tgenabled <> 'D'
            """, [schema]).rows.compactMap { $0[0] })
        let missing = ["jn_append_only", "jn_no_truncate"].filter { !guards.contains($0) }
        if !missing.isEmpty { out.append("审计日志的只追加触发器缺失或被停用：\(missing.joined(separator: "、"))") }
        let owner = try c.execute("SELECT nspowner::regrole::text FROM pg_namespace WHERE nspname = $1", [schema]).rows.first?[0] ?? ""
        let tables = try c.execute("""
            SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relkind = 'r'
            """, [schema]).rows.compactMap { $0[0] }
        var expected: [String: [String: Set<String>]] = [:]
        for role in AccountRole.allCases { expected[PGSecurity.group(schema, role)] = PGSecurity.tableGrants(role, tables: tables) }
        for r in try c.execute("""
            SELECT grantee, table_name, privilege_type FROM information_schema.role_table_grants
            WHERE table_schema = $1 AND grantee <> $2 ORDER BY 1, 2, 3
            """, [schema, owner]).rows {
            guard let grantee = r[0], let table = r[1], let privilege = r[2] else { continue }
            if expected[grantee]?[table]?.contains(privilege) != true {
                out.append("\(grantee) 对 \(table) 有多余的 \(privilege) 权限（角色表未给）")
            }
        }
        let blind = AccountRole.allCases.filter { !PGSecurity.seesContacts($0) }.map { PGSecurity.group(schema, $0) }
        let leaks = try c.execute("""
            SELECT grantee FROM information_schema.column_privileges
            WHERE table_schema = $1 AND table_name = 'complaints' AND column_name = 'contact' AND privilege_type = 'SELECT' AND grantee = ANY($2::text[])
            ORDER BY 1
            """, [schema, PGSQL.array(blind)]).rows.compactMap { $0[0] }
        if !leaks.isEmpty { out.append("无权查看联系方式的角色组可以读取投诉人的联系方式（contact 列）：\(leaks.joined(separator: "、"))") }
        out += try PGPrivilegeCheck.problems(c, schema: schema, owner: owner)
        return out
    }
}
