import Foundation
import JiannuoTestSupport
import Testing

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

/// The shared runner's result as the (status, stdout, stderr) these tests take apart.
func runProcess(_ path: String, _ args: [String], home: String, extraEnv: [String: String] = [:], timeout: Double? = nil,
                sourceLocation: SourceLocation = #_sourceLocation) throws -> (Int32, String, String) {
    let r = try ProcessRunner.run(path, args, home: home, extraEnv: extraEnv, timeout: timeout, sourceLocation: sourceLocation)
    return (r.status, r.stdout, r.stderr)
}

/// A temporary directory with a database path, and `jiannuo` run against it.
final class CLI: @unchecked Sendable {
    let temporary: TemporaryDirectory
    var dir: URL { temporary.url }
    let db: String
    let today: String
    let bin: String

    /// `initialised`: the ledger is created with `jiannuo init` (only init and demo create one).
    init(today: String = "2026-03-02", initialised: Bool = true, sourceLocation: SourceLocation = #_sourceLocation) throws {
        bin = try jiannuoBinary(sourceLocation: sourceLocation)
        temporary = try TemporaryDirectory("jiannuo-cli")
        db = temporary.file("ledger.sqlite")
        self.today = today
        if initialised {
            let r = try raw(["init", "--db", db])
            try #require(r.status == 0, "jiannuo init failed: \(r)", sourceLocation: sourceLocation)
        }
    }

    func path(_ name: String) -> String { temporary.file(name) }

    /// `jiannuo ARGS --db DB --today TODAY`; without a day, a step typed `--at` an earlier day is entered on it (`entryDay`).
    @discardableResult
    func run(_ args: [String], db: String? = nil, today: String? = nil) throws -> Run {
        let full = args + ["--db", db ?? self.db, "--today", today ?? entryDay(args, today: self.today)]
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
