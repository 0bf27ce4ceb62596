import Foundation
import GRDB
import JiannuoCore

/// PostgreSQL's side: `?` numbered into `$1, $2…`, values sent as text.
struct PGReader: SQLReader {
    let connection: PGConnection
    /// The ledger's schema, which writes name (reads go by the search path).
    var schema: String? = nil
    var dialect: SQLDialect { .pg }

    func each(_ sql: String, _ arguments: [DatabaseValueConvertible], _ body: (PGRow) throws -> Void) throws {
        for row in try run(sql, arguments).positional { try body(row) }
    }
    func records<T: FetchableRecord>(_ type: T.Type, _ sql: String, _ arguments: [DatabaseValueConvertible]) throws -> [T] {
        try run(sql, arguments).records(T.self)
    }
    /// Through a cursor, a batch at a time: an export of millions of rows never sits in memory.
    func stream(_ sql: String, _ arguments: [DatabaseValueConvertible], _ body: (PGRow) throws -> Void) throws {
        try connection.each(PGReader.numbered(sql), arguments.map(PGReader.text)) { try body(PGRow(values: $0)) }
    }

    func run(_ sql: String, _ arguments: [DatabaseValueConvertible]) throws -> PGRows {
        try connection.execute(PGReader.numbered(sql), arguments.map(PGReader.text))
    }

    static func text(_ v: DatabaseValueConvertible) -> String? {
        switch v.databaseValue.storage {
        case .null: return nil
        case .int64(let i): return String(i)
        case .double(let d): return String(d)
        case .string(let s): return s
        case .blob(let d): return "\\x" + d.map { String(format: "%02x", $0) }.joined()
        }
    }

    /// `?` outside quotes becomes `$1`, `$2`…
    static func numbered(_ sql: String) -> String {
        var out = "", n = 0, quoted = false
        for ch in sql {
            if ch == "'" { quoted.toggle() }
            if ch == "?" && !quoted { n += 1; out += "$\(n)" } else { out.append(ch) }
        }
        return out
    }
}

extension PGReader: SQLWriter {
    func execute(_ sql: String, _ arguments: [DatabaseValueConvertible?]) throws {
        _ = try connection.execute(PGReader.numbered(sql), arguments.map { $0.flatMap(PGReader.text) })
    }

    func insert<R: PersistableRecord>(_ record: R) throws -> Int64? {
        let table = R.databaseTableName, identity = PGSchema.identities[table]
        let (sql, values) = try insertStatement(record, returning: identity)
        // A row keyed by the program is not answered for: it goes with the next statement read, or the commit.
        guard identity != nil else {
            try connection.executeDeferred(sql, values)
            return nil
        }
        return try connection.execute(sql, values).rows.first?[0].flatMap { Int64($0) }
    }

    func insertUnread<R: PersistableRecord>(_ record: R) throws {
        let (sql, values) = try insertStatement(record, returning: nil)
        try connection.executeDeferred(sql, values)
    }

    private func insertStatement<R: PersistableRecord>(_ record: R, returning: String?) throws -> (String, [String?]) {
        let table = R.databaseTableName, identity = PGSchema.identities[table]
        // A row the engine numbers is inserted without its key (NULL would not be numbered).
        let values = try record.databaseDictionary.filter { !($0.key == identity && $0.value.isNull) }.sorted { $0.key < $1.key }
        let placeholders = values.indices.map { "$\($0 + 1)" }.joined(separator: ", ")
        let suffix = returning.map { " RETURNING \(PGSQL.quoted($0))" } ?? ""
        return ("INSERT INTO \(target(table)) (\(values.map { PGSQL.quoted($0.key) }.joined(separator: ", "))) VALUES (\(placeholders))\(suffix)",
                values.map { PGReader.text($0.value) })
    }

    func update<R: PersistableRecord>(_ record: R, from before: R) throws {
        let table = R.databaseTableName, key = PGSchema.primaryKey(table)
        let old = try before.databaseDictionary, new = try record.databaseDictionary
        let changed = new.filter { $0.key != key && old[$0.key] != $0.value }.sorted { $0.key < $1.key }
        guard !changed.isEmpty else { return }
        guard let id = old[key] else { throw JiannuoError.database("内部错误：记录缺少主键", "internal error: a record without its key") }
        let set = changed.enumerated().map { "\(PGSQL.quoted($0.element.key)) = $\($0.offset + 2)" }.joined(separator: ", ")
        try connection.executeDeferred("UPDATE \(target(table)) SET \(set) WHERE \(PGSQL.quoted(key)) = $1",
                                       [PGReader.text(id)] + changed.map { PGReader.text($0.value) })
    }

    /// A ledger table by its schema: a liaison's search path puts the masked view of the complaints
    /// first, which is for reading.
    private func target(_ table: String) -> String {
        schema.map { "\(PGSQL.quoted($0)).\(PGSQL.quoted(table))" } ?? PGSQL.quoted(table)
    }
}
