import Foundation
import JiannuoCore

/// Files a user names: read and written with the user's own rights (`GroupPrivilege.asUser`), never
/// with the ledger group's. Outputs are the user's alone (0600) and never replace an existing file
/// unless asked; a link is not followed at the last step, so an output cannot land on another file.
public enum UserFiles {
    public static func read(_ path: String) -> Data? {
        GroupPrivilege.asUser { FileManager.default.contents(atPath: path) }
    }

    public static func text(_ path: String) -> String? {
        read(path).flatMap { String(data: $0, encoding: .utf8) }
    }

    public static func exists(_ path: String) -> Bool {
        GroupPrivilege.asUser { FileManager.default.fileExists(atPath: path) }
    }

    public static func directoryEntries(_ path: String) -> [String]? {
        GroupPrivilege.asUser { try? FileManager.default.contentsOfDirectory(atPath: path) }
    }

    /// Opens a new or truncated output for writing, 0600. `replace: false` refuses an existing file.
    public static func create(_ path: String, replace: Bool = true, append: Bool = false) -> FileHandle? {
        var flags = O_WRONLY | O_CREAT | O_NOFOLLOW | O_CLOEXEC
        flags |= append ? O_APPEND : (replace ? O_TRUNC : O_EXCL)
        let fd = GroupPrivilege.asUser { open(path, flags, 0o600) }
        return fd < 0 ? nil : FileHandle(fileDescriptor: fd, closeOnDealloc: true)
    }

    /// Writes a whole file (0600); false when it cannot be written.
    @discardableResult
    public static func write(_ data: Data, to path: String, replace: Bool = true) -> Bool {
        guard let h = create(path, replace: replace) else { return false }
        do { try h.write(contentsOf: data); try h.close(); return true } catch { return false }
    }

    /// Makes a directory of the user's (and its parents), `mode` for the last one.
    public static func makeDirectory(_ path: String, mode: Int) throws {
        try GroupPrivilege.asUser {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: mode])
        }
    }
}
