import Foundation
import JiannuoTestSupport
import Testing

/// The README's PostgreSQL setup, run as written and in order: the superuser's block as `postgres`, the
/// owner's as the owner's system account. Only the places change: the cluster's socket and port for
/// `/run/postgresql`, a demo file for the county's ledger. CI runs as root.
@Suite("README: the PostgreSQL setup runs as written", .serialized) struct ReadmeSetupTests {
    static func block(_ readme: String, _ marker: String) throws -> [String] {
        let text = try #require(readme.components(separatedBy: marker).dropFirst().first?.components(separatedBy: "<!-- end -->").first, "no block \(marker)")
        return text.split(separator: "\n").map(String.init).filter { line in
            let t = line.trimmingCharacters(in: .whitespaces)
            return !t.isEmpty && !t.hasPrefix("```") && !t.hasPrefix("#")
        }
    }

    @Test("createuser, createdb, then init, migrate, status and doctor as the owner")
    func postgresSetup() throws {
        let readme = try String(contentsOf: packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let superuser = try Self.block(readme, "<!-- postgres setup: as postgres -->")
        let owner = try Self.block(readme, "<!-- postgres setup: as the owner -->")
        #expect(superuser.count >= 2 && owner.count >= 4, "\(superuser) \(owner)")
        let pg = try PostgresCluster()
        // The README makes the database itself: the cluster's own one goes first.
        try pg.psql("DROP DATABASE jiannuo")
        let account = "cityadmin"
        let dir = try TemporaryDirectory("jiannuo-readme-pg")
        func sh(_ cmd: String) throws {
            let r = try ProcessRunner.run("/bin/sh", ["-c", cmd], home: "/tmp")
            try #require(r.status == 0, "\(cmd): \(r)")
        }
        try sh("id -u \(account) >/dev/null 2>&1 || useradd -M -N -s /bin/sh \(account)")
        // The program where the owner's account can run it, and the county's file, made by that account (its admin).
        let built = try jiannuoBinary()
        let bin = dir.file("bin"), file = dir.file("yexian.sqlite")
        try sh("mkdir -p \(bin) && cp \(built) \(bin)/ && (cp -r \((built as NSString).deletingLastPathComponent)/*.resources \(bin)/ 2>/dev/null; true) && chmod -R a+rX \(dir.url.path) && chown \(account) \(dir.url.path)")
        let env = ["PATH=\(bin):/usr/bin:/bin", "HOME=\(dir.url.path)", "LANG=C.UTF-8"]
        let demo = try ProcessRunner.run("/usr/sbin/runuser", ["-u", account, "--", "env"] + env + ["jiannuo", "demo", "--db", file], home: "/tmp", directory: dir.url.path)
        try #require(demo.status == 0, "\(demo)")

        let asPostgres = try ProcessRunner.run("/usr/sbin/runuser", ["-u", "postgres", "--", "env", "PGHOST=\(pg.socketDir)", "PGPORT=\(pg.port)",
                                                                    "PATH=\(PostgresCluster.bin):/usr/bin:/bin", "/bin/sh", "-e", "-x", "-c",
                                                                    superuser.joined(separator: "\n")], home: "/tmp", directory: "/tmp")
        #expect(asPostgres.status == 0, "\(asPostgres)")
        let script = owner.map {
            $0.replacingOccurrences(of: "host=/run/postgresql", with: "host=\(pg.socketDir)&port=\(pg.port)")
              .replacingOccurrences(of: "/srv/jiannuo/yexian.sqlite", with: file)
        }.joined(separator: "\n")
        let asOwner = try ProcessRunner.run("/usr/sbin/runuser", ["-u", account, "--", "env"] + env + ["/bin/sh", "-e", "-x", "-c", script],
                                            home: "/tmp", directory: dir.url.path)
        #expect(asOwner.status == 0, "\(asOwner)")
        #expect(asOwner.stdout.contains("✓ 数据库引擎") && asOwner.stdout.contains("✓ 审计链"), "\(asOwner.stdout)")
        #expect(try pg.query("SELECT string_agg(county, ',' ORDER BY county) FROM jiannuo.ledgers") == "410421,410422")
    }
}
