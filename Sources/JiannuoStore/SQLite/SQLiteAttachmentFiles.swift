import Foundation
import GRDB
import JiannuoCore

/// A file ledger's evidence files: `LEDGER.attachments/SHA256`, beside it (like its drafts), written
/// whole under a temporary name and renamed, so a file there is always complete. A file whose
/// transaction is then rolled back stays, unreferenced and harmless: the next attach of the same
/// bytes finds it.
extension SQLiteLedger {
    var attachmentDirectory: String { path + ".attachments" }

    func attachmentPath(_ sha256: String) -> String { attachmentDirectory + "/" + sha256 }

    func keepAttachmentFile(_ w: GRDBReader, sha256: String, data: Data) throws {
        let fm = FileManager.default
        let target = attachmentPath(sha256)
        if let existing = fm.contents(atPath: target), AttachmentCheck.sha256(existing) == sha256 { return }
        do {
            try fm.createDirectory(atPath: attachmentDirectory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o770])
            let temporary = attachmentDirectory + "/.\(sha256).\(getpid())"
            try data.write(to: URL(fileURLWithPath: temporary))
            if fm.fileExists(atPath: target) { try fm.removeItem(atPath: target) }
            try fm.moveItem(atPath: temporary, toPath: target)
        } catch {
            throw JiannuoError.database("无法保存附件文件到 \(attachmentDirectory)：\(error.localizedDescription)",
                                        "cannot store the attachment in \(attachmentDirectory): \(error.localizedDescription)")
        }
    }

    public func attachmentFile(sha256: String) throws -> Data? { FileManager.default.contents(atPath: attachmentPath(sha256)) }

    /// Every attachment's file hashed afresh.
    func attachmentProblems(_ db: Database) throws -> [AuditChain.Problem] {
        guard try db.tableExists("attachments") else { return [] }
        let rows = try Row.fetchAll(db, sql: "SELECT id, name, sha256 FROM attachments ORDER BY id")
        return AttachmentCheck.problems(try rows.map { row in
            let sha: String = row["sha256"]
            return (id: row["id"], name: row["name"], sealed: sha, place: attachmentPath(sha),
                    actual: try attachmentFile(sha256: sha).map(AttachmentCheck.sha256))
        })
    }
}
