import Foundation
import JiannuoCore

/// A form being typed, kept per officer and kind. Drafts are scratch, not ledger records: they live
/// in files beside the ledger (`LEDGER.drafts/`, shared by the ledger's group, each file 0600), so that typing neither changes the ledger (whose
/// readers would all reload) nor needs the write lock, and a kill -9 loses at most the last save.
public struct Draft: Sendable, Equatable {
    public var kind: String
    public var data: String
    public var savedAt: String
}

extension SQLiteLedger {
    var draftsDirectory: String { path + ".drafts" }

    func draftPath(kind: String) -> String {
        // Any account name or kind becomes a safe file name.
        func safe(_ s: String) -> String {
            s.unicodeScalars.map { c in
                (c.isASCII && (CharacterSet.alphanumerics.contains(c) || c == "-" || c == "_")) ? String(c) : String(format: "%%%04X", c.value)
            }.joined()
        }
        return (draftsDirectory as NSString).appendingPathComponent("\(safe(operatorName)).\(safe(kind)).json")
    }

    public func saveDraft(kind: String, data: String) throws {
        let fm = FileManager.default
        // One folder for every officer of the ledger, made right whoever saves first: the ledger's group
        // may add files to it (set-group-ID, so they keep the group), each draft is its writer's alone (0600).
        if !fm.fileExists(atPath: draftsDirectory) {
            do {
                try fm.createDirectory(atPath: draftsDirectory, withIntermediateDirectories: true, attributes: nil)
                chmod(draftsDirectory, 0o3770)
            } catch {
                throw JiannuoError.database("无法创建草稿目录 \(draftsDirectory)：\(error.localizedDescription)",
                                            "cannot create the drafts folder \(draftsDirectory): \(error.localizedDescription)")
            }
        }
        struct Saved: Encodable { let data: String; let saved_at: String }
        let body = try JSONEncoder().encode(Saved(data: data, saved_at: clock.realNow.iso))
        let target = draftPath(kind: kind)
        let temp = target + ".tmp"
        // Written whole, flushed, then renamed: a kill at any moment leaves the old draft or the new one.
        guard fm.createFile(atPath: temp, contents: body, attributes: [.posixPermissions: 0o600]) else {
            throw JiannuoError.database("无法保存草稿：\(temp)", "cannot save the draft: \(temp)")
        }
        if let h = FileHandle(forWritingAtPath: temp) { try? h.synchronize(); try? h.close() }
        guard rename(temp, target) == 0 else {
            throw JiannuoError.database("无法保存草稿：\(target)", "cannot save the draft: \(target)")
        }
    }

    public func draft(kind: String) throws -> Draft? {
        struct Saved: Decodable { let data: String; let saved_at: String }
        guard let bytes = FileManager.default.contents(atPath: draftPath(kind: kind)),
              let saved = try? JSONDecoder().decode(Saved.self, from: bytes) else { return nil }
        return Draft(kind: kind, data: saved.data, savedAt: saved.saved_at)
    }

    public func deleteDraft(kind: String) throws {
        let p = draftPath(kind: kind)
        if FileManager.default.fileExists(atPath: p) { try? FileManager.default.removeItem(atPath: p) }
    }
}
