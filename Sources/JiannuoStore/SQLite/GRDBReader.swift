import GRDB
import JiannuoCore

/// SQLite's side: GRDB's connection.
struct GRDBReader: SQLReader {
    let db: Database
    var dialect: SQLDialect { .sqlite }
    func each(_ sql: String, _ arguments: [DatabaseValueConvertible], _ body: (GRDB.Row) throws -> Void) throws {
        let rows = try GRDB.Row.fetchCursor(db, sql: sql, arguments: StatementArguments(arguments))
        while let row = try rows.next() { try body(row) }
    }
    func records<T: FetchableRecord>(_ type: T.Type, _ sql: String, _ arguments: [DatabaseValueConvertible]) throws -> [T] {
        try T.fetchAll(db, sql: sql, arguments: StatementArguments(arguments))
    }
    func stream(_ sql: String, _ arguments: [DatabaseValueConvertible], _ body: (GRDB.Row) throws -> Void) throws {
        try each(sql, arguments, body)
    }
}

extension GRDBReader: SQLWriter {
    func execute(_ sql: String, _ arguments: [DatabaseValueConvertible?]) throws {
        try db.execute(sql: sql, arguments: StatementArguments(arguments.map { $0 ?? DatabaseValue.null }))
    }
    func insert<R: PersistableRecord>(_ record: R) throws -> Int64? {
        try record.insert(db)
        return db.lastInsertedRowID
    }
    func update<R: PersistableRecord>(_ record: R, from before: R) throws { try record.updateChanges(db, from: before) }
}
