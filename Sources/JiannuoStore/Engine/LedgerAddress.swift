/// What `--db` (or `JIANNUO_DB`) names: a SQLite file by default, or a PostgreSQL database when it is
/// a libpq URI (`postgresql://…`, `postgres://…`) or connection string (`host=… dbname=…`).
public struct LedgerAddress: Sendable, Equatable {
    public let text: String
    public init(_ text: String) { self.text = text }

    public var isPostgres: Bool {
        if text.hasPrefix("postgresql://") || text.hasPrefix("postgres://") { return true }
        // A connection string is words of key=value; a file path with "=" in it still has a slash or no space-separated keys.
        let words = text.split(separator: " ", omittingEmptySubsequences: true)
        let keys: Set<String> = ["host", "hostaddr", "port", "dbname", "user", "password", "service", "sslmode", "application_name", "connect_timeout"]
        return !words.isEmpty && words.allSatisfy { w in
            guard let eq = w.firstIndex(of: "=") else { return false }
            return keys.contains(String(w[..<eq]))
        }
    }
}
