import Foundation
import GRDB
import JiannuoCore

/// A read that both engines run with the same SQL: the scoring reads are long, and their SQL is the
/// standard part of both dialects. `?` placeholders; what differs is asked of `SQLDialect`. Generic,
/// not an existential, so that SQLite's rows go straight from GRDB to the decoders.
protocol SQLReader {
    associatedtype Row: PositionalRow
    var dialect: SQLDialect { get }
    func each(_ sql: String, _ arguments: [DatabaseValueConvertible], _ body: (Row) throws -> Void) throws
    func records<T: FetchableRecord>(_ type: T.Type, _ sql: String, _ arguments: [DatabaseValueConvertible]) throws -> [T]
    /// `each` for results too large to hold at once (exports): row by row, through a cursor.
    func stream(_ sql: String, _ arguments: [DatabaseValueConvertible], _ body: (Row) throws -> Void) throws
    /// `sql`'s rows folded by a `CountsFingerprint` (key columns, then the count); SQLite's reads the
    /// statement's columns without making rows.
    func countsFingerprint(_ sql: String, keys: Int, salt: [UInt8]) throws -> Digest256
}

extension SQLReader {
    func countsFingerprint(_ sql: String, keys: Int, salt: [UInt8]) throws -> Digest256 {
        var f = CountsFingerprint(salt: salt)
        try stream(sql, []) { f.add($0, keys: keys) }
        return f.sum
    }

    func all<T>(_ sql: String, _ arguments: [DatabaseValueConvertible], _ decode: (Row) throws -> T) throws -> [T] {
        var out: [T] = []
        try each(sql, arguments) { out.append(try decode($0)) }
        return out
    }

    func int(_ sql: String, _ arguments: [DatabaseValueConvertible] = []) throws -> Int {
        var value = 0
        try each(sql, arguments) { value = $0.small(0) ?? 0 }
        return value
    }

    func departmentMap() throws -> [String: Department] {
        Dictionary(uniqueKeysWithValues: try records(Department.self, "SELECT * FROM departments", []).map { ($0.code, $0) })
    }

    func lineage(_ code: String) throws -> [String] {
        [code] + Lineage.predecessors(of: code, in: try departmentMap()).map(\.code)
    }
}

/// What the two engines spell differently.
struct SQLDialect: Sendable {
    let postgres: Bool
    static let sqlite = SQLDialect(postgres: false)
    static let pg = SQLDialect(postgres: true)

    /// LIMIT without a limit, for an OFFSET alone.
    var noLimit: String { postgres ? "ALL" : "-1" }
    /// SQLite's LIKE ignores the case of Latin letters; PostgreSQL's does not unless asked.
    var like: String { postgres ? "ILIKE" : "LIKE" }
    /// A column the planner must not take an index on (SQLite's unary `+`).
    func noIndex(_ column: String) -> String { postgres ? column : "+\(column)" }
    /// SQLite's `INDEXED BY`, where its planner needs telling.
    func indexedBy(_ index: String) -> String { postgres ? "" : "INDEXED BY \(index)" }
    /// The smaller of two values.
    func least(_ a: String, _ b: String) -> String { postgres ? "least(\(a), \(b))" : "min(\(a), \(b))" }
    /// The largest of several values (none of them NULL here: the engines differ on NULL).
    func greatest(_ values: [String]) -> String {
        postgres ? "greatest(\(values.joined(separator: ", ")))" : "max(\(values.joined(separator: ", ")))"
    }
    /// 1 when `column` is NULL, else 0 (PostgreSQL's booleans are not numbers).
    func isNull(_ column: String) -> String { postgres ? "(\(column) IS NULL)::int" : "\(column) IS NULL" }
    /// 1 when the text `column` does not contain `needle` (a literal), else 0.
    func lacks(_ column: String, _ needle: String) -> String {
        postgres ? "(strpos(\(column), '\(needle)') = 0)::int" : "(instr(\(column), '\(needle)') = 0)"
    }
    /// A `YYYY-MM-DD` text column as its Julian day number (SQLite's `julianday`).
    func julianDay(_ day: String) -> String {
        postgres ? "((\(day)::date - DATE '1970-01-01') + 2440587.5)" : "julianday(\(day))"
    }
    /// A `YYYY-MM-DD` text column plus a number of days, as the same text.
    func addDays(_ day: String, _ days: String) -> String {
        postgres ? "to_char(\(day)::date + (\(days))::int, 'YYYY-MM-DD')" : "date(\(day), '+' || (\(days)) || ' days')"
    }
}
