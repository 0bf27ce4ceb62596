import Foundation
import JiannuoCore

/// Accounts as database roles: a login role named as the system account (peer authentication over
/// the local socket maps one to the other; a SCRAM password serves other hosts), in the group of its
/// ledger role. A liaison's units go into `role_units`, which the row policies read.
enum PGRoles {
    static func exists(_ conn: PGConnection, _ role: String) throws -> Bool {
        try conn.execute("SELECT 1 FROM pg_roles WHERE rolname = $1", [role]).rows.count == 1
    }

    /// Makes the database agree with one account of the ledger (its row already written): the owner's
    /// `jn_account_role` makes the login role, its one group in this schema, a liaison's units.
    static func grant(_ conn: PGConnection, schema: String, account: Account, units: [String]) throws {
        try conn.execute("SELECT \(PGSQL.quoted(schema)).jn_account_role($1, $2::text[])", [account.account, PGSQL.array(units)])
    }
}

/// A script of statements split for libpq's one-statement calls: semicolons inside quotes or
/// dollar-quoted bodies do not end a statement.
enum PGScript {
    static func statements(_ script: String) -> [String] {
        var out: [String] = [], current = ""
        var inQuote = false, inDollar = false
        let chars = Array(script)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if !inQuote && c == "$" && i + 1 < chars.count && chars[i + 1] == "$" {
                inDollar.toggle(); current += "$$"; i += 2; continue
            }
            if !inDollar && c == "'" { inQuote.toggle() }
            if c == ";" && !inQuote && !inDollar {
                let s = current.trimmingCharacters(in: .whitespacesAndNewlines)
                if !s.isEmpty { out.append(s) }
                current = ""
            } else {
                current.append(c)
            }
            i += 1
        }
        let s = current.trimmingCharacters(in: .whitespacesAndNewlines)
        if !s.isEmpty { out.append(s) }
        return out
    }
}
