import CThreadCredentials
import Foundation
import JiannuoCore

/// The shared-host install (README, `jiannuo setup shared`): the binary is set-group-ID to a group no
/// officer belongs to, and only that group may open the ledger's directory. Identity stays the real
/// user; the group's privilege is kept only while the ledger named is one of that group's ledgers, and
/// every path a user names is opened with the user's own rights (`asUser`). A run that names anything
/// else as its ledger (a file of its own, a PostgreSQL database) gives the group up for good at start.
public enum GroupPrivilege {
    public enum State: Sendable, Equatable {
        /// Not set-group-ID: one office, or a group-shared file (README says what that protects).
        case plain
        /// Set-group-ID, and the ledger is the install's: held for the ledger, dropped for user paths.
        case held(group: gid_t, ledger: String)
        /// Set-group-ID, but the ledger named is not the install's: the group was given up.
        case dropped(reason: String)
    }

    private static let state = Locked<State?>(nil)

    /// What `settle` decided (nil before it runs).
    public static var current: State? { state.update { $0 } }

    /// The ledger path to open: under a held privilege, the resolved path the check approved (so that a
    /// link swapped afterwards cannot redirect the privileged open).
    public static func ledgerPath(_ asked: String) -> String {
        if case .held(_, let ledger)? = current { return ledger }
        return asked
    }

    /// Decides once, at start, before any file is opened. `ledger` is nil when the run opens no file
    /// (a PostgreSQL address, help): then the group is given up.
    @discardableResult
    public static func settle(ledger: String?) -> State {
        state.update { s in
            if let s { return s }
            let decided: State
            let group = getegid()
            if group == getgid() {
                decided = .plain
            } else if let ledger, let resolved = installLedger(ledger, group: group) {
                decided = .held(group: group, ledger: resolved)
            } else {
                giveUpForGood()
                decided = .dropped(reason: ledger == nil ? "no ledger file" : "not the install's ledger")
            }
            s = decided
            return decided
        }
    }

    /// Runs `body` with the user's own group on this thread only, then takes the group back. Files a
    /// user names (exports, reports, rules, themes, keys, import sources, attachments) are opened inside:
    /// the user cannot reach the ledger through them, and what is created belongs to the user.
    /// It asks the thread's own ids, not `settle`'s answer, so that nothing runs a user's path with the group.
    public static func asUser<T>(_ body: () throws -> T) rethrows -> T {
        let group = getegid()
        guard group != getgid() else { return try body() }
        guard jiannuo_thread_set_effective_gid(getgid()) == 0 else {
            // Never open a user's path with the group's rights: fail closed.
            fatalError("cannot give up the ledger group for a user's file (errno \(errno))")
        }
        defer { _ = jiannuo_thread_set_effective_gid(group) }
        return try body()
    }

    /// Real, effective and saved group all become the user's: nothing later can take the group back.
    static func giveUpForGood() {
        let g = getgid()
        if jiannuo_set_all_gids(g) != 0 { fatalError("cannot give up the set-group-ID group (errno \(errno))") }
    }

    /// A path is the install's ledger when it resolves to a regular file of the group, closed to
    /// others, in a directory owned by root and the group and closed to others, and it is a SQLite
    /// database in WAL mode (as every ledger is). Anything else is opened, if at all, as the user.
    static func installLedger(_ path: String, group: gid_t) -> String? {
        guard let real = realpath(path, nil) else { return nil }
        defer { free(real) }
        let resolved = String(cString: real)
        var file = stat(), dir = stat()
        let parent = (resolved as NSString).deletingLastPathComponent
        guard lstat(resolved, &file) == 0, (file.st_mode & S_IFMT) == S_IFREG, file.st_gid == group, file.st_mode & 0o007 == 0,
              stat(parent, &dir) == 0, (dir.st_mode & S_IFMT) == S_IFDIR, dir.st_uid == 0, dir.st_gid == group, dir.st_mode & 0o007 == 0
        else { return nil }
        let fd = open(resolved, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var header = [UInt8](repeating: 0, count: 20)
        guard read(fd, &header, 20) == 20, SQLiteLedger.isLedgerHeader(header) else { return nil }
        return resolved
    }
}
