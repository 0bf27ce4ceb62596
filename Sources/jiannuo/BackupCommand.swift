import ArgumentParser
import JiannuoCore
import JiannuoStore

struct BackupCommand: JiannuoCommand {
    static let configuration = CommandConfiguration(commandName: "backup", abstract: T("在线备份数据库（可在他人使用时进行）", "Back up the database online (it may be in use by others meanwhile)"))
    @Argument(help: H("备份文件（不得已存在）", "Backup file (must not exist yet)")) var file: String
    @OptionGroup var global: GlobalOptions

    func execute(_ out: Output) throws {
        // A city database is backed up with pg_dump, the engine's own tool.
        guard let ledger = try out.reader() as? LedgerFile else {
            throw JiannuoError.database("PostgreSQL 账本暂不支持备份（请用 pg_dump）：请在 SQLite 账本上进行",
                                        "the PostgreSQL ledger does not support backup (use pg_dump) yet; use a SQLite ledger")
        }
        try ledger.backup(to: file)
        struct R: Encodable { let id: String; let backup: String }
        out.record(R(id: file, backup: file)) { out.say("已备份到 \(file)", "backed up to \(file)") }
    }
}
