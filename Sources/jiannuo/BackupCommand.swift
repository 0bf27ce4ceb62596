import ArgumentParser
import JiannuoCore
import JiannuoStore

struct BackupCommand: JiannuoCommand {
    static let configuration = CommandConfiguration(commandName: "backup", abstract: T("在线备份数据库（可在他人使用时进行）", "Back up the database online (it may be in use by others meanwhile)"))
    @Argument(help: H("备份文件（不得已存在）", "Backup file (must not exist yet)")) var file: String
    @OptionGroup var global: GlobalOptions

    func execute(_ out: Output) throws {
        let store = try out.reader()
        try store.backup(to: file)
        struct R: Encodable { let id: String; let backup: String }
        out.record(R(id: file, backup: file)) { out.say("已备份到 \(file)", "backed up to \(file)") }
    }
}
