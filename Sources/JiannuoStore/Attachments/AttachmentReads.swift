import Foundation
import JiannuoCore

extension LedgerEngine {
    /// A record's files (or every file the actor may see), oldest first.
    public func attachments(record: String?) throws -> [Attachment] {
        try actor.require(.read)
        let unit = liaisonFilter("department")
        return try reading { r in
            try r.records(Attachment.self, "SELECT * FROM attachments WHERE 1 = 1\(record == nil ? "" : " AND record = ?")\(unit.sql) ORDER BY added_at, id",
                          (record.map { [$0] } ?? []) + unit.arguments)
        }
    }

    /// A file as it was attached: refused if its bytes no longer have the hash the ledger sealed.
    public func attachmentContent(_ id: String) throws -> (Attachment, Data) {
        try actor.require(.read)
        guard let a = try reading({ r in try r.records(Attachment.self, "SELECT * FROM attachments WHERE id = ?", [id]).first }) else {
            throw actor.missing(RecordKind.attachment.word, id, hiddenByEngine: engine == .postgres)
        }
        try actor.requireVisible(a.department)
        guard let data = try attachmentFile(sha256: a.sha256), AttachmentCheck.sha256(data) == a.sha256 else {
            throw JiannuoError.invalid("附件 \(a.id)（\(a.name)）的文件缺失或已被改动，与账本记载的 SHA-256 不符",
                                       "the file of \(a.id) (\(a.name)) is missing or changed: its SHA-256 is not the one the ledger sealed")
        }
        return (a, data)
    }
}
