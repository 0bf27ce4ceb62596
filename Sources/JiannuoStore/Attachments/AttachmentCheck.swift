import Crypto
import Foundation
import JiannuoCore

/// Evidence files against the hashes their digested rows carry, for `audit verify` on both engines.
enum AttachmentCheck {
    static func sha256(_ data: Data) -> String { hex(SHA256.hash(data: data)) }

    static func hex<S: Sequence>(_ bytes: S) -> String where S.Element == UInt8 {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        for b in bytes { out.append(digits[Int(b >> 4)]); out.append(digits[Int(b & 15)]) }
        return String(decoding: out, as: UTF8.self)
    }

    /// `found`: each attachment's id, name, sealed hash and where its bytes are, with the hash of
    /// the bytes found there (nil: no file).
    static func problems(_ found: [(id: String, name: String, sealed: String, place: String, actual: String?)]) -> [AuditChain.Problem] {
        found.compactMap { f in
            guard f.actual != f.sealed else { return nil }
            let what = f.actual == nil ? Text("缺失", "missing") : Text("已被改动", "changed")
            return AuditChain.Problem(reason: Text("附件 \(f.id)（\(f.name)）的文件 \(f.place) \(what.zh)：与账本记载的 SHA-256 不符",
                                                   "the file \(f.place) of attachment \(f.id) (\(f.name)) is \(what.en): its SHA-256 is not the one sealed in the ledger"),
                                      table: "attachments", records: [f.id])
        }
    }
}
