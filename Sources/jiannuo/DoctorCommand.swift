import ArgumentParser
import Foundation
import JiannuoCore
import JiannuoStore

/// One line per check of the ledger's health; exits 65 when any fails (warnings do not fail).
struct DoctorCommand: JiannuoCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor", abstract: T("体检：文件权限、数据库完整性、审计链与摘要、结构版本、账号", "Health check: file permissions, database integrity, audit chain and digests, schema version, account"))
    @Flag(name: .customLong("rebuild-counts"), help: H("先从记录重算排名所用的计数（仅管理员；记入审计日志）", "First recompute the counts the ranking reads from the records (administrators only; recorded in the audit log)"))
    var rebuildCounts = false
    @OptionGroup var global: GlobalOptions

    enum Outcome: String, Encodable { case ok, warning, failed }
    struct Check: Encodable {
        let check: String; let outcome: Outcome; let detail: String
        /// What people read instead of the check's code.
        let label: String
    }

    static func permissionWarnings(_ path: String, _ lang: Lang = .zh) -> [String] {
        var out: [String] = []
        let dir = (path as NSString).deletingLastPathComponent
        for (what, p) in [(Text("数据库文件", "database file"), path), (Text("-wal", "-wal"), path + "-wal"), (Text("-shm", "-shm"), path + "-shm"),
                          (Text("所在目录", "directory"), dir.isEmpty ? "." : dir)] {
            guard let mode = (try? FileManager.default.attributesOfItem(atPath: p))?[.posixPermissions] as? Int else { continue }
            if mode & 0o007 != 0 {
                out.append(Text("\(what.zh) \(p) 的权限为 \(String(mode, radix: 8))，其他用户可以访问（应去掉 o 位：chmod o-rwx）",
                                "\(what.en) \(p) has mode \(String(mode, radix: 8)): other users can reach it (chmod o-rwx)")(lang))
            }
        }
        return out
    }

    func execute(_ out: Output) throws {
        if rebuildCounts {
            let fixed = try out.store().rebuildKeptCounts()
            out.say("已从记录重算计分计数（此前不符 \(fixed) 处）", "kept counts recomputed from the records (\(fixed) differed)")
        }
        let store = try out.reader()
        let l = out.lang
        var checks: [Check] = []
        func add(_ code: String, _ label: Text, _ outcome: Outcome, _ detail: Text) {
            checks.append(Check(check: code, outcome: outcome, detail: detail(l), label: label(l)))
        }
        let postgres = store.engine == .postgres
        if !postgres {
            let perms = DoctorCommand.permissionWarnings(store.path, l)
            add("permissions", Text("权限", "permissions"), perms.isEmpty ? .ok : .warning,
                perms.isEmpty ? Text("文件与目录不对其他用户开放", "files and directory are closed to other users")
                              : Text(perms.joined(separator: "；"), perms.joined(separator: "; ")))
            switch GroupPrivilege.current {
            case .held(let gid, let ledger)?:
                let problems = SharedInstall.problems(ledger: ledger, binary: SharedInstall.runningBinary, gid: gid)
                add("install", Text("共享安装", "shared install"), problems.isEmpty ? .ok : .failed,
                    problems.isEmpty ? Text("程序 set-group-ID，账本目录只对专用组开放，组内没有账号", "the program is set-group-ID, the ledger's directory is open to its group only, and no account is in the group")
                                     : Text(problems.map(\.zh).joined(separator: "；"), problems.map(\.en).joined(separator: "; ")))
            case .dropped?:
                add("install", Text("共享安装", "shared install"), .warning,
                    Text("程序是 set-group-ID 的，但这个文件不是安装目录里的账本：以本人权限打开", "the program is set-group-ID, but this file is not a ledger of its install: opened with the user's own rights"))
            default: break
            }
        }
        let quick = try store.engineCheck()
        let passed = postgres ? Text("每张表强制行级安全，审计日志只追加，各角色权限不超出角色表", "row security forced on every table, the audit log append-only, no role beyond the role table")
                              : Text("SQLite 快速检查通过", "SQLite quick check passed")
        add(postgres ? "engine" : "quick_check", postgres ? Text("数据库引擎", "engine") : Text("数据库完整性", "integrity"), quick == ["ok"] ? .ok : .failed,
            quick == ["ok"] ? passed : Text(quick.joined(separator: "；"), quick.joined(separator: "; ")))
        add("schema", Text("结构版本", "schema"), .ok, Text("结构为当前版本", "the schema is current"))
        let r = try store.verifyAudit()
        let reasons = (r.reason.map { [$0] } ?? []) + r.tampered.map(\.reason)
        add("audit", Text("审计链", "audit"), r.intact ? .ok : .failed,
            r.intact ? Text("审计链完好（\(r.rows) 行），各台账表与摘要一致", "the chain holds (\(r.rows) rows) and every table matches its digests")
                     : Text(reasons.map(\.zh).joined(separator: "；"), reasons.map(\.en).joined(separator: "; ")))
        do {
            let tallies = try store.keptCountsCheck()
            let shown = tallies.differences.prefix(5).map { "\($0.department) \($0.kind) \($0.day)\($0.open ? " open" : ""): \($0.kept) ≠ \($0.recomputed)" }
            let triggersGone = tallies.missingTriggers.joined(separator: ", ")
            add("tallies", Text("计分计数", "kept counts"), tallies.differences.isEmpty && tallies.missingTriggers.isEmpty ? .ok : .failed,
                tallies.differences.isEmpty && tallies.missingTriggers.isEmpty
                    ? Text("排名所用的计数与记录重算一致", "the counts the ranking reads equal a recomputation from the records")
                    : Text("计数与记录重算不符 \(tallies.differences.count) 处\(shown.isEmpty ? "" : "：" + shown.joined(separator: "；"))\(triggersGone.isEmpty ? "" : "；计数触发器被删除：" + triggersGone)（管理员可运行 jiannuo doctor --rebuild-counts 重算）",
                           "\(tallies.differences.count) kept counts differ from the records\(shown.isEmpty ? "" : ": " + shown.joined(separator: "; "))\(triggersGone.isEmpty ? "" : "; count triggers dropped: " + triggersGone) (an administrator can run jiannuo doctor --rebuild-counts)"))
        }
        let accounts = try store.accounts()
        let admins = accounts.filter { $0.role == .admin && $0.active }
        // A liaison sees its own unit's accounts only: the county's administrators are not its to count.
        let confined = store.actor.role.map(RoleTable.isConfined) == true
        if !confined { add("admin", Text("管理员", "admin"), admins.isEmpty ? .failed : .ok,
            admins.isEmpty ? Text("没有启用的管理员账号", "no active administrator")
                           : Text("管理员：\(admins.map(\.account).joined(separator: "、"))", "administrators: \(admins.map(\.account).joined(separator: ", "))")) }
        let units = Dictionary(uniqueKeysWithValues: try store.departments().map { ($0.code, $0) })
        let stale = accounts.filter { $0.active && $0.role == .liaison && $0.department.map { units[$0]?.active != true } == true }
        add("liaisons", Text("联络员", "liaisons"), stale.isEmpty ? .ok : .warning,
            stale.isEmpty ? Text("联络员均绑定在用单位", "every liaison is bound to a unit in use")
                          : Text(stale.map { "\($0.account) 绑定的 \($0.department ?? "") 已合并或不存在" }.joined(separator: "；"),
                                 stale.map { "\($0.account)'s unit \($0.department ?? "") was merged or does not exist" }.joined(separator: "; ")))
        if out.json {
            out.emit(checks)
        } else {
            for c in checks {
                let mark = c.outcome == .ok ? "✓" : c.outcome == .warning ? "!" : "✗"
                out.line("\(mark) \(c.label)  \(Sanitize.visible(c.detail))")
            }
        }
        if checks.contains(where: { $0.outcome == .failed }) {
            throw JiannuoError.invalid("体检未通过", "doctor found a failure")
        }
    }
}
