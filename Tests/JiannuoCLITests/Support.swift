import Foundation
import Testing

/// The package root, from this file's path (Tests/JiannuoCLITests/Support.swift).
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The build products directory of the running tests (`.build/debug` for `swift test`): the
/// `jiannuo` built alongside them is the one these tests are about.
let testProductsDirectory: [String] = {
    let runner = URL(fileURLWithPath: CommandLine.arguments.first ?? "").deletingLastPathComponent()
    return [runner.path, Bundle.main.bundleURL.deletingLastPathComponent().path]
}()

/// The built `jiannuo`: `$JIANNUO_BIN`, else the one beside the running tests, else `.build-tests` or `.build`.
/// A missing binary is a failure, never a skip.
func jiannuoBinary(sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
    var candidates = testProductsDirectory.map { $0 + "/jiannuo" }
        + [".build-tests/debug/jiannuo", ".build/debug/jiannuo"].map { packageRoot.appendingPathComponent($0).path }
    // An explicit choice is the only one: never fall back silently to another build.
    if let env = ProcessInfo.processInfo.environment["JIANNUO_BIN"], !env.isEmpty { candidates = [env] }
    let found = candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    return try #require(found, "the jiannuo binary was not found (looked at \(candidates.joined(separator: ", "))); build it first with `swift build --scratch-path .build-tests` or set JIANNUO_BIN", sourceLocation: sourceLocation)
}

func executable(_ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
    let dirs = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
    let found = dirs.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    return try #require(found, "\(name) is not installed (apt-get install \(name))", sourceLocation: sourceLocation)
}

struct Run: CustomStringConvertible {
    let args: [String]
    let status: Int32
    let stdout: String
    let stderr: String
    var description: String { "jiannuo \(args.joined(separator: " ")) → \(status)\n stdout: \(stdout.prefix(400))\n stderr: \(stderr.prefix(400))" }

    func json() throws -> Any { try JSONSerialization.jsonObject(with: Data(stdout.utf8)) }
    func object() throws -> [String: Any] { try #require(try json() as? [String: Any], "not a JSON object: \(self)") }
    func array() throws -> [[String: Any]] { try #require(try json() as? [[String: Any]], "not a JSON array: \(self)") }
}

func hasCJK(_ s: String) -> Bool { s.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } }

/// Runs a program with a clean environment: LANG=C.UTF-8, no JIANNUO_* variables, HOME in `home`.
func runProcess(_ path: String, _ args: [String], home: String, extraEnv: [String: String] = [:]) throws -> (Int32, String, String) {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: path)
    p.arguments = args
    var env = ProcessInfo.processInfo.environment
    for k in ["JIANNUO_DB", "JIANNUO_TODAY", "JIANNUO_RULES", "LC_ALL", "LC_MESSAGES", "LANGUAGE"] { env[k] = nil }
    env["LANG"] = "C.UTF-8"
    env["HOME"] = home
    env["XDG_DATA_HOME"] = home + "/data"
    env["USER"] = "tester"
    for (k, v) in extraEnv { env[k] = v }
    p.environment = env
    // Files, not pipes: outputs can be megabytes and must not block the child.
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
    let o = try String(contentsOfFile: outPath, encoding: .utf8), e = try String(contentsOfFile: errPath, encoding: .utf8)
    try? FileManager.default.removeItem(atPath: outPath); try? FileManager.default.removeItem(atPath: errPath)
    return (p.terminationStatus, o, e)
}

/// A temporary directory with a database path, and `jiannuo` run against it.
final class CLI: @unchecked Sendable {
    let dir: URL
    let db: String
    let today: String
    let bin: String

    /// `initialised`: the ledger is created with `jiannuo init` (only init and demo create one).
    init(today: String = "2026-03-02", initialised: Bool = true, sourceLocation: SourceLocation = #_sourceLocation) throws {
        bin = try jiannuoBinary(sourceLocation: sourceLocation)
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("jiannuo-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        db = dir.appendingPathComponent("ledger.sqlite").path
        self.today = today
        if initialised {
            let r = try raw(["init", "--db", db])
            try #require(r.status == 0, "jiannuo init failed: \(r)", sourceLocation: sourceLocation)
        }
    }

    deinit { try? FileManager.default.removeItem(at: dir) }

    func path(_ name: String) -> String { dir.appendingPathComponent(name).path }

    /// `jiannuo ARGS --db DB --today TODAY`.
    @discardableResult
    func run(_ args: [String], db: String? = nil, today: String? = nil) throws -> Run {
        let full = args + ["--db", db ?? self.db, "--today", today ?? self.today]
        return try raw(full)
    }

    @discardableResult
    func raw(_ args: [String], env: [String: String] = [:]) throws -> Run {
        let (s, o, e) = try runProcess(bin, args, home: dir.path, extraEnv: env)
        return Run(args: args, status: s, stdout: o, stderr: e)
    }

    /// Runs and requires exit 0; returns the parsed JSON object (adds --json).
    @discardableResult
    func ok(_ args: [String], today: String? = nil, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Any] {
        let r = try run(args + ["--json"], today: today)
        try #require(r.status == 0, "\(r)", sourceLocation: sourceLocation)
        let o = try r.object()
        #expect(o["id"] != nil, "no \"id\" in \(r)", sourceLocation: sourceLocation)
        return o
    }

    func sqlite(_ args: [String], db: String? = nil) throws -> (Int32, String, String) {
        try runProcess(try executable("sqlite3"), [db ?? self.db] + args, home: dir.path)
    }

    /// The whole database as SQL text: equal dumps mean nothing was written.
    func dump() throws -> String {
        let (s, o, e) = try sqlite([".dump"])
        try #require(s == 0, "sqlite3 .dump failed: \(e)")
        return o
    }

    func count(_ table: String) throws -> Int {
        let (s, o, e) = try sqlite(["SELECT count(*) FROM \(table)"])
        try #require(s == 0, "sqlite3 failed: \(e)")
        return try #require(Int(o.trimmingCharacters(in: .whitespacesAndNewlines)))
    }
}
