import ArgumentParser
import Foundation
import JiannuoCore
import JiannuoStore

/// Evidence files (附件): stored by their SHA-256, sealed into the chain with their record.
struct AttachCommand: JiannuoCommand {
    static let configuration = CommandConfiguration(
        commandName: "attach", abstract: T("为记录添加证据附件（PDF、图片、办公文档）", "Attach an evidence file (PDF, image, office document) to a record"),
        discussion: T("文件按 SHA-256 保存（SQLite 账本旁的 LEDGER.attachments/，PostgreSQL 库内），哈希记入审计链：文件被改动或删除，audit verify 即不通过。不执行、不渲染文件内容。",
                      "The file is kept by its SHA-256 (beside a SQLite ledger in LEDGER.attachments/, inside a PostgreSQL database), its hash in the audit chain: audit verify fails if it is changed or removed. Nothing in it is run or rendered."))
    @Argument(help: H("记录编号（CN-、TS-、SX-、ZG-、FX-、YQ-）", "Record id (CN-, TS-, SX-, ZG-, FX-, YQ-)")) var record: String
    @Argument(help: H("文件路径", "Path of the file")) var file: String
    @Option(help: H("说明", "Note")) var note: String?
    @OptionGroup var global: GlobalOptions

    func execute(_ out: Output) throws {
        let store = try out.store()
        let data = try Self.read(file, limitMB: store.rules.deadlines.attachmentMaxMB)
        let a = try store.attach(to: record, name: file, data: data, note: note)
        out.record(a) { out.say("已为 \(a.record) 添加附件 \(a.id)：\(a.name)（\(a.size) 字节，SHA-256 \(a.sha256.prefix(16))…）",
                                "attached \(a.id) to \(a.record): \(a.name) (\(a.size) bytes, SHA-256 \(a.sha256.prefix(16))…)") }
    }

    /// A regular file the user may read, no larger than the rules allow (asked before reading it all).
    static func read(_ path: String, limitMB: Int) throws -> Data {
        var st = stat()
        guard GroupPrivilege.asUser({ lstat(path, &st) }) == 0 else {
            throw errno == EACCES
                ? JiannuoError.notFound("无权读取文件：\(Sanitize.visible(path))（以本人的权限打开）", "may not read \(Sanitize.visible(path)) (it is opened with your own rights)")
                : JiannuoError.notFound("找不到文件：\(Sanitize.visible(path))", "no such file: \(Sanitize.visible(path))")
        }
        guard (st.st_mode & S_IFMT) == S_IFREG else {
            throw JiannuoError.invalid("\(Sanitize.visible(path)) 不是普通文件（目录、链接、设备或管道不能作为附件）",
                                       "\(Sanitize.visible(path)) is not a regular file (directories, links, devices and pipes cannot be attached)")
        }
        guard Int(st.st_size) <= limitMB * 1_048_576 else {
            throw JiannuoError.invalid("文件 \(Sanitize.visible(path)) 超过附件上限 \(limitMB) MB（规则 attachment_max_mb）",
                                       "\(Sanitize.visible(path)) is larger than the \(limitMB) MB attachments may be (rule attachment_max_mb)")
        }
        guard let data = UserFiles.read(path) else {
            throw JiannuoError.notFound("无法读取文件：\(Sanitize.visible(path))", "cannot read \(Sanitize.visible(path))")
        }
        return data
    }
}

struct AttachmentsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attachments", abstract: T("附件列表", "Evidence files"), subcommands: [List.self])

    struct List: JiannuoCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: T("列出附件（可只列某一记录的）", "List evidence files (of one record if given)"))
        @Argument(help: H("记录编号（可选）", "Record id (optional)")) var record: String?
        @OptionGroup var global: GlobalOptions
        func execute(_ out: Output) throws {
            let list = try out.reader().attachments(record: record)
            if out.json { out.emit(list); return }
            var t = out.table(["编号|id", "记录|record", "单位|unit", "文件名|name", "大小|size", "添加时间|added", "说明|note"], right: [4])
            for a in list { t.add([a.id, a.record, a.department, a.name, "\(a.size)", a.addedAt.string, a.note ?? ""]) }
            out.line(t.render())
            out.total(list.count, "attachments")
        }
    }
}

struct AttachmentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attachment", abstract: T("取出附件", "Get an evidence file"), subcommands: [Get.self])

    struct Get: JiannuoCommand {
        static let configuration = CommandConfiguration(commandName: "get", abstract: T("把附件原样写到文件（先核对 SHA-256）", "Write an evidence file out as attached (its SHA-256 checked first)"))
        @Argument(help: H("附件编号（FJ-）", "Attachment id (FJ-)")) var id: String
        @Option(name: [.customShort("o"), .long], help: H("输出文件（不覆盖已有文件）", "Output file (an existing file is not overwritten)")) var output: String
        @OptionGroup var global: GlobalOptions
        func execute(_ out: Output) throws {
            let (a, data) = try out.reader().attachmentContent(id)
            guard !UserFiles.exists(output) else {
                throw JiannuoError.invalid("文件 \(Sanitize.visible(output)) 已存在，不覆盖", "\(Sanitize.visible(output)) exists: it is not overwritten")
            }
            guard UserFiles.write(data, to: output, replace: false) else {
                throw JiannuoError.notFound("无法写入文件：\(Sanitize.visible(output))", "cannot write \(Sanitize.visible(output))")
            }
            struct R: Encodable { let id: String; let file: String; let sha256: String }
            out.record(R(id: a.id, file: output, sha256: a.sha256)) { out.say("已写出 \(a.id)（\(a.name)）到 \(output)", "wrote \(a.id) (\(a.name)) to \(output)") }
        }
    }
}
