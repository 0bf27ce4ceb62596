import ArgumentParser
import Foundation
import JiannuoCore
import JiannuoStore

/// One line per check of the ledger's health; exits 65 when any fails (warnings do not fail).
struct DoctorCommand: JiannuoCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor", abstract: T("体检：文件权限、数据库完整性、审计链与摘要、结构版本、账号", "Health check: file permissions, database integrity, audit chain and digests, schema version, account"))
    @OptionGroup var global: GlobalOptions

    enum Outcome: String, Encodable { case ok, warning, failed }
    struct Check: Encodable { let check: String; let outcome: Outcome; let detail: String }

    static func permissionWarnings(_ path: String) -> [String] {
        var out: [String] = []
        let dir = (path as NSString).deletingLastPathComponent
        for (what, p) in [("数据库文件", path), ("-wal", path + "-wal"), ("-shm", path + "-shm"), ("所在目录", dir.isEmpty ? "." : dir)] {
            guard let mode = (try? FileManager.default.attributesOfItem(atPath: p))?[.posixPermissions] as? Int else { continue }
            if mode & 0o007 != 0 { out.append("\(what) \(p) 的权限为 \(String(mode, radix: 8))，其他用户可以访问（应去掉 o 位：chmod o-rwx）") }
        }
        return out
    }

    func execute(_ out: Output) throws {
        let store = try out.reader()
        var checks: [Check] = []
        let perms = DoctorCommand.permissionWarnings(store.path)
        checks.append(Check(check: "permissions", outcome: perms.isEmpty ? .ok : .warning,
                            detail: perms.isEmpty ? "文件与目录不对其他用户开放" : perms.joined(separator: "；")))
        let quick = try store.read { db in try String.fetchAll(db, sql: "PRAGMA quick_check") }
        checks.append(Check(check: "quick_check", outcome: quick == ["ok"] ? .ok : .failed, detail: quick.joined(separator: "；")))
        checks.append(Check(check: "schema", outcome: .ok, detail: "结构为当前版本"))
        let r = try store.verifyAudit()
        let reasons = (r.reason.map { [$0] } ?? []) + r.tampered.map(\.reason)
        checks.append(Check(check: "audit", outcome: r.intact ? .ok : .failed,
                            detail: r.intact ? "审计链完好（\(r.rows) 行），各台账表与摘要一致" : reasons.map(\.zh).joined(separator: "；")))
        let accounts = try store.accounts()
        let admins = accounts.filter { $0.role == .admin && $0.active }
        checks.append(Check(check: "admin", outcome: admins.isEmpty ? .failed : .ok,
                            detail: admins.isEmpty ? "没有启用的管理员账号" : "管理员：\(admins.map(\.account).joined(separator: "、"))"))
        let units = Dictionary(uniqueKeysWithValues: try store.departments().map { ($0.code, $0) })
        let stale = accounts.filter { $0.active && $0.role == .liaison && $0.department.map { units[$0]?.active != true } == true }
        checks.append(Check(check: "liaisons", outcome: stale.isEmpty ? .ok : .warning,
                            detail: stale.isEmpty ? "联络员均绑定在用单位" : stale.map { "\($0.account) 绑定的 \($0.department ?? "") 已合并或不存在" }.joined(separator: "；")))
        if out.json {
            out.emit(checks)
        } else {
            for c in checks {
                let mark = c.outcome == .ok ? "✓" : c.outcome == .warning ? "!" : "✗"
                out.line("\(mark) \(c.check)  \(Sanitize.visible(c.detail))")
            }
        }
        if checks.contains(where: { $0.outcome == .failed }) {
            throw JiannuoError.invalid("体检未通过", "doctor found a failure")
        }
    }
}
