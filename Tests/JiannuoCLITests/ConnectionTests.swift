import Foundation
import JiannuoTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `--db` as a PostgreSQL connection string: recognised whatever its quoting (never taken for a file), and
/// a server that accepts and never answers is given up after the connect timeout (74), the password unsaid.
@Suite("CLI: connecting to PostgreSQL") struct ConnectionTests {
    /// A listening socket that never accepts: the kernel completes the handshake, nothing ever answers.
    final class SilentServer {
        let fd: Int32
        let port: Int
        init() throws {
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            self.fd = fd
            var addr = sockaddr_in()
            addr.sin_family = sa_family_t(AF_INET)
            addr.sin_addr.s_addr = inet_addr("127.0.0.1")
            addr.sin_port = 0
            var len = socklen_t(MemoryLayout<sockaddr_in>.size)
            let bound = withUnsafePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, len) } }
            let listening = listen(fd, 16)
            _ = withUnsafeMutablePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) } }
            port = Int(UInt16(bigEndian: addr.sin_port))
            try #require(bound == 0 && listening == 0)
        }
        deinit { close(fd) }
    }

    @Test("a server that never answers: exit 74 within the default 5 s; a quoted password with a space is a connection string, not a file, and is never printed")
    func silentServer() throws {
        let server = try SilentServer()
        let cli = try CLI(initialised: false)
        let conninfo = "host=127.0.0.1 port=\(server.port) dbname=jiannuo user=officer password='s3cret word'"
        let start = Date()
        let r = try cli.raw(["status", "--db", conninfo])
        let took = Date().timeIntervalSince(start)
        #expect(r.status == 74, "\(r)")
        #expect(took < 9, "took \(took) s")
        #expect(!r.stderr.contains("s3cret") && !r.stdout.contains("s3cret"), "\(r)")
        let files = try FileManager.default.contentsOfDirectory(atPath: cli.dir.path)
        #expect(!files.contains { $0.contains("host=") || $0.contains("s3cret") }, "a file was made from the connection string: \(files)")
        // The timeout the connection string gives wins over the default.
        let quick = Date()
        #expect(try cli.raw(["status", "--db", "host=127.0.0.1 port=\(server.port) dbname=x connect_timeout=2"]).status == 74)
        #expect(Date().timeIntervalSince(quick) < 4.5)
    }

    @Test("libpq is opened only for a PostgreSQL ledger: a command on a file never loads it, one given a connection string does")
    func libpqOnDemand() throws {
        let cli = try CLI()
        // glibc's loader names every library it opens on stderr.
        let file = try cli.raw(["status", "--db", cli.db], env: ["LD_DEBUG": "files"])
        #expect(file.status == 0, "\(file)")
        #expect(file.stderr.contains("libsqlite3"), "the loader's report is missing: \(file.stderr.prefix(300))")
        #expect(!file.stderr.contains("libpq"), "a SQLite command loaded libpq")
        let server = try SilentServer()
        let city = try cli.raw(["status", "--db", "host=127.0.0.1 port=\(server.port) dbname=x connect_timeout=1"], env: ["LD_DEBUG": "files"])
        #expect(city.status == 74)
        #expect(city.stderr.contains("libpq.so"), "a PostgreSQL command did not open libpq")
    }
}
