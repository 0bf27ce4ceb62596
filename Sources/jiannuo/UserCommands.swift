import ArgumentParser
import Foundation
import JiannuoCore
import JiannuoStore

struct UserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: T("账号与角色：添加、列出、改角色、停用，查看角色表", "Accounts and roles: add, list, change role, deactivate, show the role table"),
        subcommands: [Add.self, List.self, SetRole.self, Disable.self, Roles.self])

    struct AccountView: Encodable {
        let id: String, account: String, name: String, role: String, role_label: String, department: String?, active: Bool, since: String
        init(_ a: Account) {
            id = a.account; account = a.account; name = a.name; role = a.role.rawValue; role_label = a.role.label
            department = a.department; active = a.active; since = a.since
        }
    }

    static func say(_ out: Output, _ a: Account, _ zh: String, _ en: String) {
        out.record(AccountView(a)) { out.say("\(zh)：\(a.account) \(a.name) \(a.role.label)\(a.department.map { "（\($0)）" } ?? "")", "\(en): \(a.account) \(a.role.rawValue)") }
    }

    struct Add: JiannuoCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: T("添加账号（系统账号名）并赋予角色；联络员须指定单位", "Add an account (system account name) with a role; a liaison must be given a unit"))
        @Argument(help: H("系统账号名", "System account name")) var account: String
        @Option(help: H("姓名", "Full name")) var name: String
        @Option(help: H("角色：intake|supervisor|liaison|leader|admin", "Role: intake|supervisor|liaison|leader|admin")) var role: String
        @Option(help: H("联络员所属单位代码", "Code of the liaison's unit")) var department: String?
        @OptionGroup var global: GlobalOptions
        func execute(_ out: Output) throws {
            // On a ledger file who acts is the system account: one the system does not know could never sign in.
            // (A city's accounts are the database's login roles, which `user add` makes.)
            if !LedgerAddress(global.databasePath).isPostgres, getpwnam(account) == nil {
                throw JiannuoError.notFound("系统中没有账号“\(Sanitize.visible(account))”：先由系统管理员创建（useradd），再添加到账本",
                                            "the system has no account \"\(Sanitize.visible(account))\": create it first (useradd), then add it to the ledger")
            }
            let store = try out.store()
            let a = try store.addAccount(account, name: name, role: try AccountRole.parse(role), department: try department.map { try store.unitCode($0) })
            UserCommand.say(out, a, "已添加账号", "account added")
        }
    }

    struct List: JiannuoCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: T("列出账号（含已停用）", "List accounts (including deactivated ones)"))
        @OptionGroup var global: GlobalOptions
        func execute(_ out: Output) throws {
            let list = try out.reader().accounts()
            if out.json { out.emit(list.map(AccountView.init)); return }
            var t = out.table(["账号|account", "姓名|name", "角色|role", "单位|unit", "状态|state", "起始|since"])
            for a in list {
                t.add([a.account, a.name, a.role.label(out.lang), a.department ?? "", a.active ? out.t("启用", "active") : out.t("停用", "disabled"),
                       DateTime(a.since)?.string ?? a.since])
            }
            out.line(t.render())
        }
    }

    struct SetRole: JiannuoCommand {
        static let configuration = CommandConfiguration(commandName: "set-role", abstract: T("改变账号的角色（也重新启用停用的账号）", "Change an account's role (also reactivates a deactivated account)"))
        @Argument(help: H("系统账号名", "System account name")) var account: String
        @Option(help: H("角色：intake|supervisor|liaison|leader|admin", "Role: intake|supervisor|liaison|leader|admin")) var role: String
        @Option(help: H("联络员所属单位代码", "Code of the liaison's unit")) var department: String?
        @OptionGroup var global: GlobalOptions
        func execute(_ out: Output) throws {
            let store = try out.store()
            let a = try store.setRole(account, role: try AccountRole.parse(role), department: try department.map { try store.unitCode($0) })
            UserCommand.say(out, a, "已改角色", "role changed")
        }
    }

    struct Disable: JiannuoCommand {
        static let configuration = CommandConfiguration(commandName: "disable", abstract: T("停用账号（保留在历史中，不删除）", "Deactivate an account (kept in the history, not deleted)"))
        @Argument(help: H("系统账号名", "System account name")) var account: String
        @OptionGroup var global: GlobalOptions
        func execute(_ out: Output) throws {
            let a = try out.store().disableAccount(account)
            UserCommand.say(out, a, "已停用账号", "account disabled")
        }
    }

    struct Roles: JiannuoCommand {
        static let configuration = CommandConfiguration(commandName: "roles", abstract: T("角色表：每个角色能做什么（命令行与看板共用这一张表）", "Role table: what each role may do (the command line and the dashboard share this one table)"))
        @OptionGroup var global: GlobalOptions
        func execute(_ out: Output) throws {
            struct R: Encodable { let role: String; let label: String; let summary: String; let permissions: [String] }
            let rows = AccountRole.allCases.map { r in
                R(role: r.rawValue, label: r.label, summary: r.summary(out.lang),
                  permissions: Permission.allCases.filter { RoleTable.allows(r, $0) }.map(\.rawValue))
            }
            if out.json { out.emit(rows); return }
            for r in AccountRole.allCases {
                out.say("\(r.label)（\(r.rawValue)）：\(r.summary(out.lang))", "\(r.english) (\(r.rawValue)): \(r.summary(out.lang))")
                out.line("  " + Permission.allCases.filter { RoleTable.allows(r, $0) }.map { out.lang == .zh ? $0.label : $0.rawValue }.joined(separator: out.t("、", ", ")))
            }
        }
    }
}

struct WhoamiCommand: JiannuoCommand {
    static let configuration = CommandConfiguration(commandName: "whoami", abstract: T("当前系统账号及其在账本中的角色", "The current system account and its role in the ledger"))
    @OptionGroup var global: GlobalOptions
    func execute(_ out: Output) throws {
        let store = try global.openStore(.read, anyAccount: true)
        let a = store.actor
        struct R: Encodable { let id: String; let account: String; let role: String?; let department: String? }
        out.record(R(id: a.account, account: a.account, role: a.role?.rawValue, department: a.department)) {
            if let role = a.role {
                out.say("\(a.account)：\(role.label)（\(role.rawValue)）\(a.department.map { "，单位 \($0)" } ?? "")",
                        "\(a.account): \(role.rawValue)\(a.department.map { ", unit \($0)" } ?? "")")
            } else {
                out.say("\(a.account)：在账本 \(store.path) 中没有启用的角色，只能运行 --help 与 whoami",
                        "\(a.account): no active role in \(store.path); only --help and whoami")
            }
        }
    }
}
