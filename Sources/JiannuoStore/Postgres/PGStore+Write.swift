import Foundation
import GRDB
import JiannuoCore

/// One command's writes on PostgreSQL: one transaction, the session's digest table made first (the
/// ledger tables' triggers need it), and every change followed by an audit row appended through
/// `jn_audit_append` before it commits; a change left unaudited rolls the whole transaction back (a
/// command that changed nothing, such as a refused import, commits nothing).
struct PGAudit: AuditAppending {
    let connection: PGConnection
    let clock: Clock

    init(connection: PGConnection, clock: Clock) { self.connection = connection; self.clock = clock }

    func append(action: String, entity: String, id: String, before: String?, after: String?, claimed: String?) throws {
        // The real moment of entry, whatever --today says; the claimed date says what it is about (as AuditWriter).
        let claim = claimed ?? (clock.isReal ? nil : clock.today.string)
        try connection.execute("SELECT jn_audit_append($1, $2, $3, $4, $5, $6, $7)",
                               [action, entity, id, before, after, claim, clock.realNow.iso])
    }
}

extension PGStore {
    func write<T>(_ body: (PGConnection, PGAudit) throws -> T) throws -> T {
        guard !readOnly else {
            throw JiannuoError.database("数据库 \(path) 以只读方式打开，不能写入", "the database \(path) is open read-only; nothing was written")
        }
        lock.lock(); defer { lock.unlock() }
        do {
            return try connection.transaction {
                try connection.execute(PGDigestSQL.pendingTable(schema: schema))
                let audit = PGAudit(connection: connection, clock: clock)
                let value = try body(connection, audit)
                let unaudited = Int(try connection.execute("SELECT count(*) FROM pg_temp.jn_digest_pending").rows.first?[0] ?? "0") ?? 0
                guard unaudited == 0 else {
                    throw JiannuoError.database("内部错误：有改动未记入审计日志，已撤销", "internal error: a change was not audited; rolled back")
                }
                return value
            }
        } catch let e as PGError { throw e.jiannuoError }
    }

    // MARK: accounts: a row of the ledger and a role of the engine, in one transaction

    public func addAccount(_ account: String, name: String, role: AccountRole, department: String?) throws -> Account {
        try actor.require(.userManage)
        let acc = try Validate.account(account)
        let name = try Validate.text(name, Field("姓名", "name"), max: 60)
        return try write { c, audit in
            let r = PGReader(connection: c)
            if try r.int("SELECT count(*) FROM users WHERE account = ?", [acc]) > 0 { throw Account.exists(acc) }
            let dept = try Account.checkRoleDepartment(r, role: role, department: department)
            let a = Account(account: acc, name: name, role: role, department: dept, active: true, since: clock.realNow.iso)
            try c.execute("INSERT INTO users(account, name, role, department, active, since) VALUES ($1, $2, $3, $4, 1, $5)",
                          [a.account, a.name, a.role.rawValue, a.department, a.since])
            try grantRole(c, a)
            try audit.record("user.add", entity: "user", id: acc, after: a)
            return a
        }
    }

    public func setRole(_ account: String, role: AccountRole, department: String?) throws -> Account {
        try actor.require(.userManage)
        return try changeAccount(account, action: "user.set-role") { a, r in
            a.role = role
            a.department = try Account.checkRoleDepartment(r, role: role, department: department)
            a.active = true
        }
    }

    /// Disabled, never deleted: the audit log keeps naming the account, and its role keeps existing
    /// (it may belong to other counties) without this county's group.
    public func disableAccount(_ account: String) throws -> Account {
        try actor.require(.userManage)
        return try changeAccount(account, action: "user.disable") { a, _ in a.active = false }
    }

    private func changeAccount(_ account: String, action: String, _ change: (inout Account, PGReader) throws -> Void) throws -> Account {
        try write { c, audit in
            let r = PGReader(connection: c)
            guard var a = try r.records(Account.self, "SELECT * FROM users WHERE account = ?", [account]).first else {
                throw Store.notFound(Text("账号", "account"), account)
            }
            let before = a
            try change(&a, r)
            try Account.keepAnAdmin(r, changing: before, to: a)
            try c.execute("UPDATE users SET role = $2, department = $3, active = $4 WHERE account = $1",
                          [a.account, a.role.rawValue, a.department, a.active ? "1" : "0"])
            try grantRole(c, a)
            try audit.record(action, entity: "user", id: account, before: before, after: a)
            return a
        }
    }

    private func grantRole(_ c: PGConnection, _ a: Account) throws {
        let units = a.role == .liaison && a.active ? try a.department.map { try lineage(c, $0) } ?? [] : []
        try PGRoles.grant(c, schema: schema, account: a, units: units)
    }

    // MARK: reveals and drafts

    /// Looking at personal data is an audited act on either engine.
    public func recordReveal(entity: String, id: String, field: String, count: Int) throws {
        try actor.require(.revealContact)
        if !clock.isReal { try actor.require(.writeOtherDay) }
        try write { _, audit in
            try audit.append(action: "\(entity).reveal", entity: entity, id: id, before: nil, after: AuditWriter.reveal(field: field, count: count))
        }
    }

    /// A form being typed: the officer's own row (row security keeps it theirs), not ledger, not audited.
    public func saveDraft(kind: String, data: String) throws {
        try drafts { c in
            try c.execute("""
                INSERT INTO drafts(operator, kind, data, saved_at) VALUES ($1, $2, $3, $4)
                ON CONFLICT (operator, kind) DO UPDATE SET data = excluded.data, saved_at = excluded.saved_at
                """, [operatorName, kind, data, clock.realNow.iso])
        }
    }

    public func deleteDraft(kind: String) throws {
        try drafts { c in try c.execute("DELETE FROM drafts WHERE operator = $1 AND kind = $2", [operatorName, kind]) }
    }

    private func drafts(_ body: (PGConnection) throws -> Void) throws {
        lock.lock(); defer { lock.unlock() }
        do { try connection.transaction { try body(connection) } } catch let e as PGError { throw e.jiannuoError }
    }
}

