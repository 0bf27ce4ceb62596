import Foundation
import Testing

/// A throwaway PostgreSQL cluster for one test (TECH-NOTES: about 1.2 s): initdb as `postgres` into a
/// fresh directory, a server on its own Unix socket and port (no TCP), a login role for the account
/// running the tests and a database it owns. Needs PostgreSQL 15's server binaries and root (CI runs
/// as root); without them the test fails and says why, it never skips.
public final class PostgresCluster {
    public static let bin = "/usr/lib/postgresql/15/bin"
    public let dir: URL
    public let port: Int
    /// The OS account running the tests, and its role (peer authentication maps one to the other).
    public let account = String(cString: getpwuid(geteuid()).pointee.pw_name)
    public var socketDir: String { dir.appendingPathComponent("s").path }
    /// The connection string for the database of the account running the tests.
    public var conninfo: String { "host=\(socketDir) port=\(port) dbname=jiannuo" }

    public init() throws {
        guard FileManager.default.isExecutableFile(atPath: "\(Self.bin)/initdb") else {
            throw Failure("PostgreSQL 15 is not installed (\(Self.bin)/initdb): apt-get install postgresql-15")
        }
        guard getuid() == 0 else { throw Failure("a throwaway cluster is started as root (runuser -u postgres)") }
        // Short: a socket path over 107 bytes fails.
        dir = URL(fileURLWithPath: "/tmp/jn-pg-\(getpid())-\(Int.random(in: 1000...9999))")
        port = Int.random(in: 20000...29999)
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("s"), withIntermediateDirectories: true)
        try Self.run("/bin/chown", ["-R", "postgres:postgres", dir.path])
        let data = dir.appendingPathComponent("data").path
        try Self.run("/usr/sbin/runuser", ["-u", "postgres", "--", "\(Self.bin)/initdb", "-D", data, "-U", "postgres",
                                           "--auth-local=peer", "--auth-host=reject", "-E", "UTF8", "--locale=C.UTF-8"])
        try Self.run("/usr/sbin/runuser", ["-u", "postgres", "--", "\(Self.bin)/pg_ctl", "-D", data, "-l", "\(dir.path)/s/server.log", "-w",
                                           "-o", "-k \(socketDir) -p \(port) -c listen_addresses='' -c fsync=off", "start"])
        try psql("CREATE ROLE \"\(account)\" LOGIN CREATEROLE")
        try psql("CREATE DATABASE jiannuo OWNER \"\(account)\"")
    }

    /// Runs SQL as the cluster's superuser.
    public func psql(_ sql: String) throws {
        try Self.run("/usr/sbin/runuser", ["-u", "postgres", "--", "\(Self.bin)/psql", "-h", socketDir, "-p", "\(port)", "-d", "postgres",
                                           "-v", "ON_ERROR_STOP=1", "-q", "-c", sql])
    }

    /// Runs SQL as the cluster's superuser and returns what psql printed (unaligned, tuples only).
    public func query(_ sql: String, database: String = "jiannuo") throws -> String {
        let (status, out, err) = try psql(as: "postgres", sql, database: database)
        guard status == 0 else { throw Failure("psql as postgres: \(sql): \(err)") }
        return out.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// psql as an OS account over the local socket (peer authentication: the role of the same name).
    /// `searchPath`: the schemas unqualified names are looked up in (PGOPTIONS, so no `SET` is echoed).
    public func psql(as account: String, _ sql: String, database: String = "jiannuo", searchPath: String? = nil) throws -> (Int32, String, String) {
        // From /tmp: another account may not enter the tests' working directory, and psql would say so.
        let r = try ProcessRunner.run("/usr/sbin/runuser", ["-u", account, "--", "\(Self.bin)/psql", "-h", socketDir, "-p", "\(port)", "-d", database,
                                                          "-v", "ON_ERROR_STOP=1", "-X", "-A", "-t", "-c", sql],
                                      home: "/tmp", extraEnv: searchPath.map { ["PGOPTIONS": "-c search_path=\($0)"] } ?? [:], directory: "/tmp")
        return (r.status, r.stdout, r.stderr)
    }

    deinit {
        try? Self.run("/usr/sbin/runuser", ["-u", "postgres", "--", "\(Self.bin)/pg_ctl", "-D", dir.appendingPathComponent("data").path,
                                                "-m", "immediate", "stop"])
        try? FileManager.default.removeItem(at: dir)
    }

    public struct Failure: Error, CustomStringConvertible { public let description: String; init(_ d: String) { description = d } }

    /// Runs a tool through the shell with `system`, its output in a file: Foundation's Process (so
    /// ProcessRunner.run) waits forever on pg_ctl, whose server keeps what it inherited open after pg_ctl
    /// exits, and the tool must start in a directory `postgres` may enter.
    static func run(_ tool: String, _ args: [String]) throws {
        let log = "/tmp/jn-pg-run-\(getpid()).log"
        defer { unlink(log) }
        let quoted = ([tool] + args).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        let status = system("cd /tmp && \(quoted) < /dev/null > \(log) 2>&1")
        guard status == 0 else {
            let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
            throw Failure("\(tool) \(args.joined(separator: " ")) exited \(status): \(text)")
        }
    }
}
