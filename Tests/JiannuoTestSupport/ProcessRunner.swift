import Foundation
import Testing

/// What a program did: its exit status and what it wrote.
public struct ProcessResult: CustomStringConvertible, Sendable {
    /// The program and its arguments.
    public let args: [String]
    public let status: Int32
    public let stdout: String
    public let stderr: String

    public var description: String {
        "\(args.joined(separator: " ")) → \(status)\n stdout: \(stdout.prefix(600))\n stderr: \(stderr.prefix(600))"
    }
}

/// Runs the programs the tests drive (the built `jiannuo`, sqlite3, psql, tmux, sh …) in a clean
/// environment, so that what the developer has set in their shell never changes a result.
public enum ProcessRunner {
    /// The environment of a child: the tests' own, less every JIANNUO_* variable (the program reads its
    /// database, day, rules, theme, county … from them), the locale overrides (messages are LANG=C.UTF-8's)
    /// and tmux's (a run inside tmux must not reach the developer's server); HOME and XDG_DATA_HOME in
    /// `home`, so that a default database path never points at a real one. `extra` is applied last.
    public static func environment(home: String, extra: [String: String] = [:]) -> [String: String] {
        var env = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("JIANNUO_") }
        for k in ["LC_ALL", "LC_MESSAGES", "LANGUAGE", "TMUX", "TMUX_PANE"] { env[k] = nil }
        env["LANG"] = "C.UTF-8"
        env["HOME"] = home
        env["XDG_DATA_HOME"] = home + "/data"
        env["USER"] = "tester"
        for (k, v) in extra { env[k] = v }
        return env
    }

    /// Runs `path` with `args` and waits for it. `stdin` is its input (none: /dev/null); `directory` its
    /// working directory (none: the tests'). After `timeout` seconds it is terminated and an issue recorded.
    /// For a program that leaves a daemon behind (tmux), use `spawn`.
    @discardableResult
    public static func run(_ path: String, _ args: [String], home: String, extraEnv: [String: String] = [:], stdin: String? = nil,
                           directory: String? = nil, timeout: Double? = nil,
                           sourceLocation: SourceLocation = #_sourceLocation) throws -> ProcessResult {
        let files = try OutputFiles(in: home, stdin: stdin)
        defer { files.remove() }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: path)
        p.arguments = args
        p.environment = environment(home: home, extra: extraEnv)
        if let directory { p.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let out = try FileHandle(forWritingTo: URL(fileURLWithPath: files.out))
        let err = try FileHandle(forWritingTo: URL(fileURLWithPath: files.err))
        p.standardOutput = out
        p.standardError = err
        p.standardInput = try files.input.map { try FileHandle(forReadingFrom: URL(fileURLWithPath: $0)) } ?? FileHandle.nullDevice
        try p.run()
        if let timeout {
            let deadline = Date().addingTimeInterval(timeout)
            while p.isRunning && Date() < deadline { usleep(100_000) }
            if p.isRunning {
                p.terminate()
                Issue.record("\(path) did not finish within \(Int(timeout)) s", sourceLocation: sourceLocation)
            }
        }
        p.waitUntilExit()
        try out.close(); try err.close()
        return try files.result(args: [path] + args, status: p.terminationStatus)
    }
}

/// Where a child's output goes: files, not pipes, so that megabytes of output never block a child that
/// its parent is waiting for. Named uniquely in the run's home and removed once read.
struct OutputFiles {
    let out: String
    let err: String
    let input: String?

    init(in dir: String, stdin: String?) throws {
        let id = UUID().uuidString
        out = dir + "/.out-\(id)"
        err = dir + "/.err-\(id)"
        input = stdin == nil ? nil : dir + "/.in-\(id)"
        for path in [out, err] where !FileManager.default.createFile(atPath: path, contents: nil) {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
        }
        if let input, let stdin { try Data(stdin.utf8).write(to: URL(fileURLWithPath: input)) }
    }

    /// The outputs, which must be UTF-8 (the program's are; invalid bytes would be a finding, not noise).
    func result(args: [String], status: Int32) throws -> ProcessResult {
        ProcessResult(args: args, status: status, stdout: try String(contentsOfFile: out, encoding: .utf8),
                      stderr: try String(contentsOfFile: err, encoding: .utf8))
    }

    func remove() {
        for path in [out, err] + (input.map { [$0] } ?? []) { try? FileManager.default.removeItem(atPath: path) }
    }
}
