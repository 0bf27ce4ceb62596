import Foundation
import JiannuoCore

extension LedgerEngine {
    /// Stores an evidence file for a record the actor may see: checked (kind, size), addressed by its
    /// SHA-256, its row (and so its hash) sealed into the chain with the rest of the change.
    public func attach(to record: String, name: String, data: Data, note: String?) throws -> Attachment {
        try authorize(.attach)
        let name = try Validate.text((name as NSString).lastPathComponent, Field("文件名", "file name"), max: 200)
        let note = try Validate.optionalText(note, Field("说明", "note"), max: 500, multiline: true)
        let limit = rules.deadlines.attachmentMaxMB * 1_048_576
        guard !data.isEmpty else { throw JiannuoError.invalid("文件 \(name) 是空的", "\(name) is empty") }
        guard data.count <= limit else {
            throw JiannuoError.invalid("文件 \(name) 有 \(data.count / 1_048_576) MB，超过附件上限 \(rules.deadlines.attachmentMaxMB) MB（规则 attachment_max_mb）",
                                       "\(name) is larger than the \(rules.deadlines.attachmentMaxMB) MB attachments may be (rule attachment_max_mb)")
        }
        guard let media = AttachmentPolicy.media(of: Array(data.prefix(16)), name: name) else {
            throw JiannuoError.invalid("文件 \(name) 不能作为附件：" + AttachmentPolicy.accepted.zh, "\(name) cannot be attached: " + AttachmentPolicy.accepted.en)
        }
        let sha = AttachmentCheck.sha256(data)
        let now = clock.now
        return try transaction { w, audit in
            let department = try owner(w, record)
            let a = try insertNew(.attachment, on: now.day, w, audit) { id in
                Attachment(id: id, record: record, department: department, sha256: sha, name: name, size: data.count, media: media,
                           note: note, addedAt: now)
            }
            try keepAttachmentFile(w, sha256: sha, data: data)
            return a
        }
    }

    /// The unit of the record a file is attached to, which the actor must be able to see.
    private func owner(_ w: Writer, _ id: String) throws -> String {
        switch RecordKind(id) {
        case .commitment: return try requireCommitment(w, id).department
        case .complaint: return try requireComplaint(w, id).department
        case .breach: return try requireBreach(w, id).department
        case .rectification: return try requireRectification(w, id).unit
        case .finding: return try requireFinding(w, id).department
        case .opinion: return try requireOpinion(w, id).department
        default:
            throw JiannuoError.invalid("附件只能添加到承诺、投诉、失信、整改、检查发现或舆情记录（\(RecordKind.markers([.commitment, .complaint, .breach, .rectification, .finding, .opinion], .zh))）",
                                       "files attach to commitments, complaints, breaches, rectifications, findings or opinion events")
        }
    }
}
