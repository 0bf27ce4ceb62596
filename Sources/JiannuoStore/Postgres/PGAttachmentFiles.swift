import Foundation
import JiannuoCore

/// A city's evidence files: in `attachment_files`, by hash, in the attaching transaction.
extension PostgresLedger {
    func keepAttachmentFile(_ w: PGReader, sha256: String, data: Data) throws {
        try w.execute("INSERT INTO attachment_files(sha256, content) VALUES (?, decode(?, 'hex')) ON CONFLICT DO NOTHING",
                      [sha256, AttachmentCheck.hex(data)])
    }

    public func attachmentFile(sha256: String) throws -> Data? {
        try reading { r in
            var hex: String? = nil
            try r.each("SELECT encode(content, 'hex') FROM attachment_files WHERE sha256 = ?", [sha256]) { hex = $0.text(0) }
            return hex.map(PGAttachmentFiles.bytes)
        }
    }
}

enum PGAttachmentFiles {
    static func bytes(_ hex: String) -> Data {
        var out = Data(capacity: hex.utf8.count / 2)
        var high: UInt8? = nil
        for c in hex.utf8 {
            let v: UInt8 = c >= 97 ? c - 87 : c - 48
            if let h = high { out.append(h << 4 | v); high = nil } else { high = v }
        }
        return out
    }

    /// Every attachment's bytes hashed by the server.
    static func problems(_ conn: PGConnection) throws -> [AuditChain.Problem] {
        let rows = try conn.execute("""
            SELECT a.id, a.name, a.sha256, encode(sha256(f.content), 'hex') FROM attachments a
            LEFT JOIN attachment_files f ON f.sha256 = a.sha256 ORDER BY a.id
            """).rows
        return AttachmentCheck.problems(rows.map { r in
            (id: r[0] ?? "", name: r[1] ?? "", sealed: r[2] ?? "", place: "attachment_files[\((r[2] ?? "").prefix(12))…]", actual: r[3])
        })
    }
}
