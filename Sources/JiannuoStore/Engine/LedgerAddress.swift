/// What `--db` (or `JIANNUO_DB`) names: a SQLite file by default, or a PostgreSQL database when it is
/// a libpq URI (`postgresql://…`, `postgres://…`) or connection string (`host=… dbname=…`).
public struct LedgerAddress: Sendable, Equatable {
    public let text: String
    public init(_ text: String) { self.text = text }

    public var isPostgres: Bool {
        if text.hasPrefix("postgresql://") || text.hasPrefix("postgres://") { return true }
        // A connection string is `key=value` words (a value may be single-quoted, with spaces and `\'`),
        // every key one libpq knows: `host=db user=x password='a b'` is never taken for a file name.
        guard let pairs = LedgerAddress.keywords(text), !pairs.isEmpty else { return false }
        return pairs.allSatisfy { LedgerAddress.libpqKeys.contains($0.key) }
    }

    /// The keywords of libpq's connection strings (PostgreSQL 15, "Parameter Key Words").
    static let libpqKeys: Set<String> = [
        "host", "hostaddr", "port", "dbname", "user", "password", "passfile", "channel_binding", "connect_timeout",
        "client_encoding", "options", "application_name", "fallback_application_name", "keepalives", "keepalives_idle",
        "keepalives_interval", "keepalives_count", "tcp_user_timeout", "replication", "gssencmode", "sslmode", "requiressl",
        "sslcompression", "sslcert", "sslkey", "sslpassword", "sslrootcert", "sslcrl", "sslcrldir", "sslsni", "requirepeer",
        "ssl_min_protocol_version", "ssl_max_protocol_version", "krbsrvname", "gsslib", "service", "target_session_attrs",
    ]

    /// The `key=value` pairs of a connection string, nil if it is not one (libpq's own grammar: spaces
    /// around `=` allowed, values bare or in single quotes with `\'` and `\\`).
    static func keywords(_ s: String) -> [(key: String, value: String)]? {
        var out: [(String, String)] = []
        var i = s.startIndex
        func skipSpaces() { while i < s.endIndex, s[i].isWhitespace { i = s.index(after: i) } }
        while true {
            skipSpaces()
            guard i < s.endIndex else { return out }
            var key = ""
            while i < s.endIndex, s[i] != "=", !s[i].isWhitespace { key.append(s[i]); i = s.index(after: i) }
            skipSpaces()
            guard !key.isEmpty, i < s.endIndex, s[i] == "=" else { return nil }
            i = s.index(after: i)
            skipSpaces()
            var value = ""
            if i < s.endIndex, s[i] == "'" {
                i = s.index(after: i)
                var closed = false
                while i < s.endIndex {
                    let c = s[i]
                    if c == "\\" {
                        i = s.index(after: i)
                        guard i < s.endIndex else { return nil }
                        value.append(s[i])
                    } else if c == "'" {
                        closed = true
                        break
                    } else {
                        value.append(c)
                    }
                    i = s.index(after: i)
                }
                guard closed else { return nil }
                i = s.index(after: i)
            } else {
                while i < s.endIndex, !s[i].isWhitespace { value.append(s[i]); i = s.index(after: i) }
            }
            out.append((key, value))
        }
    }
}
