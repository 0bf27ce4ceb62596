import Foundation
import Testing
@testable import JiannuoTUI
#if canImport(Glibc)
import Glibc
#endif

/// Helpers for the dashboard tests that run the built `jiannuo` (the test target does not depend on
/// JiannuoStore, so a demo database is made and read through the binary, as the CLI tests do).
enum DashboardSupport {
    /// The package root, from this file's path (Tests/JiannuoTUITests/DashboardSupport.swift).
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static let goldenDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static let today = "2026-11-20"

    /// The built `jiannuo`: `$JIANNUO_BIN`, else the one built with these tests (next to the test bundle,
    /// so that another scratch path's stale binary is never used), else `.build-tests`, `.build-e2e`,
    /// `.build` (debug). A missing binary is a failure, never a skip.
    static func binary(sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let testBundle = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
        var sameBuild: [String] = []
        for dir in [testBundle.deletingLastPathComponent(), testBundle.deletingLastPathComponent().deletingLastPathComponent()]
        where dir.path.contains("/.build") {
            sameBuild.append(dir.appendingPathComponent("jiannuo").path)
        }
        var candidates = sameBuild + [".build-tests/debug/jiannuo", ".build-e2e/debug/jiannuo", ".build/debug/jiannuo"]
            .map { packageRoot.appendingPathComponent($0).path }
        // An explicit choice is the only one: never fall back silently to another build.
        if let env = ProcessInfo.processInfo.environment["JIANNUO_BIN"], !env.isEmpty { candidates = [env] }
        let found = candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
        return try #require(found, "the jiannuo binary was not found (looked at \(candidates.joined(separator: ", "))); build it first with `swift build --scratch-path .build-e2e` or set JIANNUO_BIN", sourceLocation: sourceLocation)
    }

    static func executable(_ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let dirs = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
        let found = (dirs + ["/usr/bin", "/bin"]).map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
        return try #require(found, "\(name) is not installed (apt-get install \(name))", sourceLocation: sourceLocation)
    }

    struct Result: CustomStringConvertible {
        let args: [String]
        let status: Int32
        let stdout: String
        let stderr: String
        var description: String { "\(args.joined(separator: " ")) → \(status)\n stdout: \(stdout.prefix(600))\n stderr: \(stderr.prefix(600))" }
    }

    /// Runs a program with a clean environment (LANG=C.UTF-8, no JIANNUO_*, HOME in `home`); output goes
    /// to files, not pipes, so that a large output never blocks the child.
    @discardableResult
    static func run(_ path: String, _ args: [String], home: String, extraEnv: [String: String] = [:]) throws -> Result {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: path)
        p.arguments = args
        var env = ProcessInfo.processInfo.environment
        for k in ["JIANNUO_DB", "JIANNUO_TODAY", "JIANNUO_RULES", "JIANNUO_THEME", "LC_ALL", "LC_MESSAGES", "LANGUAGE", "TMUX", "TMUX_PANE"] {
            env[k] = nil
        }
        env["LANG"] = "C.UTF-8"
        env["HOME"] = home
        env["XDG_DATA_HOME"] = home + "/data"
        env["USER"] = "tester"
        for (k, v) in extraEnv { env[k] = v }
        p.environment = env
        let id = UUID().uuidString
        let outPath = home + "/.out-\(id)", errPath = home + "/.err-\(id)"
        _ = FileManager.default.createFile(atPath: outPath, contents: nil)
        _ = FileManager.default.createFile(atPath: errPath, contents: nil)
        let out = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
        let err = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        p.standardOutput = out
        p.standardError = err
        p.standardInput = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        try out.close(); try err.close()
        let o = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
        let e = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
        try? FileManager.default.removeItem(atPath: outPath); try? FileManager.default.removeItem(atPath: errPath)
        return Result(args: [path] + args, status: p.terminationStatus, stdout: o, stderr: e)
    }

    /// Runs a program through posix_spawn, for programs that leave a daemon behind (tmux). Foundation's
    /// Process cannot be used for those: its child inherits a socket that Process waits to see closed
    /// (the daemon keeps it open, so waitUntilExit never returns), and a test's worker thread blocks
    /// SIGTERM, which the daemon would inherit (tmux kill-server then does nothing). Here the child gets
    /// no descriptor beyond 0–2, an empty signal mask and default signal handlers.
    @discardableResult
    static func spawn(_ path: String, _ args: [String], home: String, extraEnv: [String: String] = [:]) throws -> Result {
        var env = ProcessInfo.processInfo.environment
        for k in ["JIANNUO_DB", "JIANNUO_TODAY", "JIANNUO_RULES", "JIANNUO_THEME", "LC_ALL", "LC_MESSAGES", "LANGUAGE", "TMUX", "TMUX_PANE"] {
            env[k] = nil
        }
        env["LANG"] = "C.UTF-8"
        env["HOME"] = home
        env["USER"] = "tester"
        for (k, v) in extraEnv { env[k] = v }
        let id = UUID().uuidString
        let outPath = home + "/.out-\(id)", errPath = home + "/.err-\(id)"
        defer { try? FileManager.default.removeItem(atPath: outPath); try? FileManager.default.removeItem(atPath: errPath) }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
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
        let envp: [UnsafeMutablePointer<CChar>?] = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for p in argv + envp { free(p) } }
        var pid = pid_t()
        let rc = posix_spawn(&pid, path, &actions, &attr, argv, envp)
        guard rc == 0 else { throw POSIXError(POSIXErrorCode(rawValue: rc) ?? .EINVAL) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let code: Int32 = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        let o = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
        let e = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
        return Result(args: [path] + args, status: code, stdout: o, stderr: e)
    }

    /// A temporary directory, removed with the value.
    final class TempDir: @unchecked Sendable {
        let url: URL
        var path: String { url.path }
        init(_ prefix: String) throws {
            url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        }
        deinit { try? FileManager.default.removeItem(at: url) }
        func file(_ name: String) -> String { url.appendingPathComponent(name).path }
    }

    /// A small demo database (`demo --seed 1 --today 2026-11-20`) in a directory of its own.
    final class Demo: @unchecked Sendable {
        let dir: TempDir
        let bin: String
        var db: String { dir.file("d.sqlite") }

        init(sourceLocation: SourceLocation = #_sourceLocation) throws {
            bin = try DashboardSupport.binary(sourceLocation: sourceLocation)
            dir = try TempDir("jiannuo-dash")
            let r = try DashboardSupport.run(bin, ["demo", "--db", dir.file("d.sqlite"), "--today", DashboardSupport.today, "--seed", "1"],
                                             home: dir.path)
            try #require(r.status == 0, "demo failed: \(r)", sourceLocation: sourceLocation)
        }

        /// `jiannuo ARGS --db DB --today 2026-11-20`.
        @discardableResult
        func cli(_ args: [String]) throws -> Result {
            try DashboardSupport.run(bin, args + ["--db", db, "--today", DashboardSupport.today], home: dir.path)
        }

        /// `jiannuo render` at a size, after optional keys; the screen's lines.
        func render(width: Int, height: Int, extra: [String] = [], sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
            let r = try cli(["render", "--width", "\(width)", "--height", "\(height)"] + extra)
            try #require(r.status == 0, "render failed: \(r)", sourceLocation: sourceLocation)
            return r.stdout
        }
    }

    /// One demo database for every read-only test of a run, made on first use.
    nonisolated(unsafe) private static var sharedDemo: Demo?
    private static let lock = NSLock()
    static func shared(sourceLocation: SourceLocation = #_sourceLocation) throws -> Demo {
        lock.lock(); defer { lock.unlock() }
        if let d = sharedDemo { return d }
        let d = try Demo(sourceLocation: sourceLocation)
        sharedDemo = d
        // A static is never deinitialised: remove its directory when the test process exits.
        atexit { DashboardSupport.sharedDemo = nil }
        return d
    }

    // MARK: screen text

    /// A line as cells: each character with the display column it starts at (wcwidth widths).
    static func columns(_ line: String) -> [(col: Int, char: Character)] {
        var out: [(Int, Character)] = []
        var x = 0
        for c in line {
            out.append((x, c))
            x += Width.of(c)
        }
        return out
    }

    /// The character that starts at display column `col`, if any.
    static func char(at col: Int, in line: String) -> Character? {
        columns(line).first { $0.col == col }?.char
    }

    /// Lines without trailing spaces, and without trailing empty lines.
    static func normalise(_ text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { l -> String in
            var s = Substring(l)
            while s.last == " " { s = s.dropLast() }
            return String(s)
        }
        while lines.last == "" { lines.removeLast() }
        return lines
    }

    /// Every box drawn on the screen (┌ … ┐ on one row) whose sides do not run down the same display
    /// columns to its └ … ┘, described; empty when all line up. With `allowOccluded`, a box whose side
    /// is covered by something drawn over it (an overlay) is skipped rather than reported.
    static func misalignedBoxes(_ text: String, allowOccluded: Bool = false) -> (boxes: Int, problems: [String]) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let grid = lines.map { columns($0) }
        func at(_ y: Int, _ x: Int) -> Character? { grid[y].first { $0.col == x }?.char }
        var boxes = 0
        var problems: [String] = []
        for (y, row) in grid.enumerated() {
            for (x, c) in row where c == "┌" {
                guard let right = row.first(where: { $0.col > x && $0.char == "┐" })?.col else {
                    problems.append("row \(y): ┌ at column \(x) has no ┐ after it: \(lines[y])")
                    continue
                }
                var yy = y + 1
                var closed = false
                var box: [String] = []
                while yy < grid.count {
                    let l = at(yy, x), r = at(yy, right)
                    if l == "└" {
                        if r != "┘" { box.append("row \(yy): └ at column \(x) but \(r.map { "“\($0)”" } ?? "no character") at column \(right), expected ┘") }
                        closed = true
                        break
                    }
                    if l != "│" || r != "│" {
                        box.append("row \(yy): expected │ at columns \(x) and \(right) (from the ┌┐ on row \(y)), found \(l.map { "“\($0)”" } ?? "none") and \(r.map { "“\($0)”" } ?? "none"): \(lines[yy])")
                        break
                    }
                    yy += 1
                }
                if !closed && box.isEmpty { box.append("box at row \(y), column \(x): no └ below it") }
                if box.isEmpty { boxes += 1 } else if !allowOccluded { problems += box }
            }
        }
        return (boxes, problems)
    }
}
