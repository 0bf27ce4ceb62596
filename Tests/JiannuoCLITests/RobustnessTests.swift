import Foundation
import Testing

/// Faults: an import killed at random moments leaves the database intact with none or all of the file.
@Suite("CLI: robustness under kills", .serialized) struct RobustnessTests {
    @Test("twenty SIGKILLs at random moments during an import: intact, audit chain holds, none or all imported")
    func killsDuringImport() throws {
        let cli = try CLI(today: "2026-11-20")
        #expect(try cli.run(["demo"]).status == 0)
        for kind in ["departments", "commitments", "complaints"] {
            #expect(try cli.run(["export", kind, "-o", cli.path("\(kind).csv")]).status == 0)
        }
        let target = cli.path("target.sqlite")
        func fresh() throws {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: target + suffix) }
            #expect(try cli.run(["init"], db: target).status == 0)
            #expect(try cli.run(["import", "departments", cli.path("departments.csv")], db: target).status == 0)
            #expect(try cli.run(["import", "commitments", cli.path("commitments.csv")], db: target).status == 0)
        }
        try fresh()
        var generator = SystemRandomNumberGenerator()
        var outcomes: [Int: Int] = [:]
        for _ in 1...20 {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: cli.bin)
            p.arguments = ["import", "complaints", cli.path("complaints.csv"), "--db", target, "--today", "2026-11-20"]
            var env = ProcessInfo.processInfo.environment
            env["LANG"] = "C.UTF-8"; env["JIANNUO_DB"] = nil
            p.environment = env
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            Thread.sleep(forTimeInterval: Double.random(in: 0.05...1.5, using: &generator))
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
            let (_, check, _) = try cli.sqlite(["PRAGMA integrity_check"], db: target)
            #expect(check.trimmingCharacters(in: .whitespacesAndNewlines) == "ok")
            let verify = try cli.run(["audit", "verify"], db: target)
            #expect(verify.status == 0, "\(verify)")
            let (_, n, _) = try cli.sqlite(["SELECT count(*) FROM complaints"], db: target)
            let count = Int(n.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
            #expect(count == 0 || count == 3_000, "a killed import left \(count) of 3,000 rows")
            outcomes[count, default: 0] += 1
            if count != 0 { try fresh() }
        }
        print("kills during import: \(outcomes[0] ?? 0) left nothing, \(outcomes[3_000] ?? 0) had finished")
    }

    @Test("a newer schema, a path that cannot be a database, a read-only database: a clear message, exit 74, nothing written")
    func unusableDatabases() throws {
        let cli = try CLI(today: "2026-11-20")
        #expect(try cli.run(["demo"]).status == 0)
        let before = try cli.dump()

        // Read-only: reads work, every write is refused and the dashboard says so.
        #expect(try cli.run(["department", "list", "--read-only"]).status == 0)
        let add = try cli.run(["complaint", "add", "--channel", "hotline", "--department", "FGW", "--content", "只读测试", "--read-only"])
        #expect(add.status == 74 && add.stderr.contains("只读"), "\(add)")
        let screen = try cli.run(["render", "--read-only", "--width", "100", "--height", "14", "--keys",
                                  "a Tab Tab Tab Tab Tab 任 店 Tab Tab Tab 内 容 C-s"])
        #expect(screen.status == 0 && screen.stdout.contains("【只读】") && screen.stdout.contains("不能写入"), "\(screen)")
        #expect(try cli.dump() == before, "nothing was written")

        // A database written by a newer Jiannuo.
        let newer = cli.path("newer.sqlite")
        #expect(try cli.run(["init"], db: newer).status == 0)
        _ = try cli.sqlite(["INSERT INTO grdb_migrations(identifier) VALUES ('v99-from-the-future')"], db: newer)
        let r = try cli.run(["status"], db: newer)
        #expect(r.status == 74 && r.stderr.contains("更新版本"), "\(r)")

        // A directory that cannot exist (under a file), and a missing database for a read.
        let file = cli.path("a-file")
        try "x".write(toFile: file, atomically: true, encoding: .utf8)
        let under = try cli.run(["init"], db: file + "/sub/ledger.sqlite")
        #expect(under.status == 74 && hasCJK(under.stderr), "\(under)")
        let missing = try cli.run(["status"], db: cli.path("nowhere/ledger.sqlite"))
        #expect(missing.status == 74 && hasCJK(missing.stderr), "\(missing)")
        #expect(!FileManager.default.fileExists(atPath: cli.path("nowhere")), "a read creates nothing")
    }
}
