import GRDB
import JiannuoCore

/// An account of the ledger: a system account with a role (and, for a liaison, its unit).
public struct Account: Codable, Sendable, Equatable {
    public var account: String
    public var name: String
    public var role: AccountRole
    public var department: String?
    public var active: Bool
    public var since: String

    enum CodingKeys: String, CodingKey { case account, name, role, department, active, since }
}

extension Account: FetchableRecord, PersistableRecord { public static let databaseTableName = "users" }

extension LedgerEngine {
    /// Every account; a liaison sees those of its own unit only (the engine's row security does the same).
    public func accounts() throws -> [Account] {
        try actor.require(.read)
        let all = try reading { r in try r.records(Account.self, "SELECT * FROM users ORDER BY account", []) }
        guard let role = actor.role, RoleTable.isConfined(role) else { return all }
        return all.filter { $0.account == actor.account || $0.department.map(actor.sees) == true }
    }

    public func addAccount(_ account: String, name: String, role: AccountRole, department: String?) throws -> Account {
        try actor.require(.userManage)
        let acc = try Validate.account(account)
        let name = try Validate.text(name, Field("姓名", "name"), max: 60)
        return try transaction { w, audit in
            if try w.int("SELECT count(*) FROM users WHERE account = ?", [acc]) > 0 { throw Account.exists(acc) }
            let dept = try Account.checkRoleDepartment(w, role: role, department: department)
            let a = Account(account: acc, name: name, role: role, department: dept, active: true, since: clock.realNow.iso)
            try w.insert(a)
            try accountWritten(w, a)
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

    /// Disabled, never deleted: the audit log keeps naming the account.
    public func disableAccount(_ account: String) throws -> Account {
        try actor.require(.userManage)
        return try changeAccount(account, action: "user.disable") { a, _ in a.active = false }
    }

    private func changeAccount(_ account: String, action: String, _ change: (inout Account, Writer) throws -> Void) throws -> Account {
        try transaction { w, audit in
            guard var a = try w.records(Account.self, "SELECT * FROM users WHERE account = ?", [account]).first else {
                throw JiannuoError.notFound(Text("账号", "account"), account)
            }
            let before = a
            try change(&a, w)
            try Account.keepAnAdmin(w, changing: before, to: a)
            try w.update(a, from: before)
            try accountWritten(w, a)
            try audit.record(action, entity: "user", id: account, before: before, after: a)
            return a
        }
    }
}

/// The account rules both engines keep.
extension Account {
    static func exists(_ account: String) -> JiannuoError {
        .invalid("账号 \(account) 已存在（停用的账号也保留在历史中），请用 user set-role", "account \(account) exists; use user set-role")
    }

    static func checkRoleDepartment<R: SQLReader>(_ r: R, role: AccountRole, department: String?) throws -> String? {
        if role == .liaison {
            guard let d = department else {
                throw JiannuoError.invalid("单位联络员须指定所属单位（--department 单位代码）", "a liaison needs --department")
            }
            guard let unit = try r.records(Department.self, "SELECT * FROM departments WHERE code = ?", [d]).first else {
                throw JiannuoError.notFound(RecordKind.department.word, d)
            }
            guard unit.active else {
                throw JiannuoError.invalid("单位 \(d) 已合并，联络员应绑定其承继单位 \(unit.successor ?? "")", "unit \(d) was merged; bind the liaison to its successor")
            }
            return d
        }
        guard department == nil else {
            throw JiannuoError.invalid("只有单位联络员绑定单位；\(role.label)不需要 --department", "only a liaison is bound to a department")
        }
        return nil
    }

    /// The ledger never loses its last active admin.
    static func keepAnAdmin<R: SQLReader>(_ r: R, changing before: Account, to after: Account) throws {
        guard before.role == .admin, before.active, !(after.role == .admin && after.active) else { return }
        let others = try r.int("SELECT count(*) FROM users WHERE role = 'admin' AND active = 1 AND account <> ?", [before.account])
        if others == 0 {
            throw JiannuoError.invalid("不能停用或降级最后一个管理员 \(before.account)", "cannot disable or demote the last admin \(before.account)")
        }
    }
}

extension Actor {
    /// The account as the ledger holds it now must be the one this command or dashboard started as: a
    /// role changed or an account disabled since is refused from its next act (read in the writing
    /// transaction, so no write slips between the check and the change).
    func requireStanding<R: SQLReader>(_ r: R) throws {
        guard role != nil else { return }
        let now = try Actor.load(r, account: account)
        guard now.role == role && now.department == department else {
            throw JiannuoError.permission(
                now.role == nil ? "账号 \(Sanitize.visible(account)) 已停用，不能再写入" : "账号 \(Sanitize.visible(account)) 的角色已变更为\(now.role!.label)，请重新打开后再操作",
                now.role == nil ? "account \(Sanitize.visible(account)) has been disabled: nothing more is written"
                                : "the role of account \(Sanitize.visible(account)) has changed to \(now.role!.rawValue): open the ledger again")
        }
    }

    /// The account as the ledger knows it: its role, and a liaison's unit with those merged into it.
    static func load<R: SQLReader>(_ r: R, account: String) throws -> Actor {
        guard let a = try r.records(Account.self, "SELECT * FROM users WHERE account = ?", [account]).first, a.active else {
            return Actor(account: account, role: nil)
        }
        let units = try a.department.map { Set(try r.lineage($0)) } ?? []
        return Actor(account: account, role: a.role, department: a.department, departments: units)
    }
}
