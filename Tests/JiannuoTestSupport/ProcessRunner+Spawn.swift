import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension ProcessRunner {
    /// Runs a program through posix_spawn, for programs that leave a daemon behind (tmux). Foundation's
    /// Process cannot be used for those: its child inherits a socket that Process waits to see closed
    /// (the daemon keeps it open, so waitUntilExit never returns), and a test's worker thread blocks
    /// SIGTERM, which the daemon would inherit (tmux kill-server then does nothing). Here the child gets
    /// no descriptor beyond 0–2, an empty signal mask and default signal handlers; same environment as `run`.
    @discardableResult
    public static func spawn(_ path: String, _ args: [String], home: String, extraEnv: [String: String] = [:],
                             stdin: String? = nil) throws -> ProcessResult {
        let files = try OutputFiles(in: home, stdin: stdin)
        defer { files.remove() }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, files.input ?? "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, files.out, O_WRONLY | O_TRUNC, 0)
        posix_spawn_file_actions_addopen(&actions, 2, files.err, O_WRONLY | O_TRUNC, 0)
        // glibc ≥ 2.34 has closefrom as a spawn action; Swift does not import it, so look it up.
        typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
        guard let sym = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np") else {
            throw POSIXError(.ENOSYS)
        }
        _ = unsafeBitCast(sym, to: CloseFrom.self)(&actions, 3)
        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        defer { posix_spawnattr_destroy(&attr) }
        var mask = sigset_t()
        sigemptyset(&mask)
        posix_spawnattr_setsigmask(&attr, &mask)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for sig in [SIGHUP, SIGINT, SIGQUIT, SIGPIPE, SIGTERM, SIGCHLD, SIGALRM, SIGUSR1, SIGUSR2, SIGWINCH, SIGTSTP, SIGTTIN, SIGTTOU] {
            sigaddset(&defaults, sig)
        }
        posix_spawnattr_setsigdefault(&attr, &defaults)
        posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv: [UnsafeMutablePointer<CChar>?] = ([path] + args).map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = environment(home: home, extra: extraEnv).map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for p in argv + envp { free(p) } }
        var pid = pid_t()
        let rc = posix_spawn(&pid, path, &actions, &attr, argv, envp)
        guard rc == 0 else { throw POSIXError(POSIXErrorCode(rawValue: rc) ?? .EINVAL) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        // The shell's convention: the exit code, or 128 + the signal that ended it.
        let code: Int32 = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return try files.result(args: [path] + args, status: code)
    }
}
