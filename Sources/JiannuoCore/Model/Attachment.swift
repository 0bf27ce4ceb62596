/// An evidence file attached to a record (附件): stored once, addressed by its SHA-256, which the
/// ledger row carries into the audit chain, so that a changed or missing file fails `audit verify`.
public struct Attachment: Codable, Sendable, Hashable {
    public var id: String
    public var record: String
    /// The unit of the record it is attached to (a liaison sees its own unit's).
    public var department: String
    public var sha256: String
    public var name: String
    public var size: Int
    public var media: String
    public var note: String?
    public var addedAt: DateTime

    public init(id: String, record: String, department: String, sha256: String, name: String, size: Int, media: String,
                note: String?, addedAt: DateTime) {
        self.id = id; self.record = record; self.department = department; self.sha256 = sha256; self.name = name
        self.size = size; self.media = media; self.note = note; self.addedAt = addedAt
    }

    enum CodingKeys: String, CodingKey { case id, record, department, sha256, name, size, media, note, addedAt = "added_at" }
}

/// What may be attached: documents an office keeps as evidence, recognised by their first bytes (the
/// name's extension only tells office formats apart). Nothing is ever executed or rendered.
public enum AttachmentPolicy {
    public static let accepted = Text("只接受 PDF、OFD、图片（PNG、JPEG、GIF、TIFF）与办公文档（Word、Excel、PowerPoint、WPS、OpenDocument）",
                                      "only PDF, OFD, images (PNG, JPEG, GIF, TIFF) and office documents (Word, Excel, PowerPoint, WPS, OpenDocument) are accepted")

    /// The media type of a file from its first bytes and its name, nil if it is not one accepted.
    public static func media(of head: [UInt8], name: String) -> String? {
        func starts(_ magic: [UInt8]) -> Bool { head.count >= magic.count && Array(head.prefix(magic.count)) == magic }
        let ext = name.split(separator: ".").last.map { $0.lowercased() } ?? ""
        if starts(Array("%PDF-".utf8)) { return "application/pdf" }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return "image/png" }
        if starts([0xFF, 0xD8, 0xFF]) { return "image/jpeg" }
        if starts(Array("GIF87a".utf8)) || starts(Array("GIF89a".utf8)) { return "image/gif" }
        if starts([0x49, 0x49, 0x2A, 0x00]) || starts([0x4D, 0x4D, 0x00, 0x2A]) { return "image/tiff" }
        // ZIP containers: OOXML, OpenDocument, OFD (GB/T 33190); a plain .zip could carry anything.
        if starts([0x50, 0x4B, 0x03, 0x04]) {
            let zipped: [String: String] = [
                "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
                "odt": "application/vnd.oasis.opendocument.text", "ods": "application/vnd.oasis.opendocument.spreadsheet",
                "ofd": "application/ofd",
            ]
            return zipped[ext]
        }
        // OLE2 compound files: the older Word, Excel, PowerPoint and WPS formats.
        if starts([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            let ole: [String: String] = ["doc": "application/msword", "xls": "application/vnd.ms-excel", "ppt": "application/vnd.ms-powerpoint",
                                         "wps": "application/vnd.ms-works", "et": "application/vnd.ms-excel"]
            return ole[ext]
        }
        return nil
    }
}
