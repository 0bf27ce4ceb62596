import GRDB
import GRDBSQLite
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
    func countsFingerprint(_ sql: String, keys: Int, salt: [UInt8]) throws -> Digest256 {
        let statement = try db.makeStatement(sql: sql)
        let raw = statement.sqliteStatement
        defer { sqlite3_reset(raw) }
        var f = CountsFingerprint(salt: salt)
        while true {
            let code = sqlite3_step(raw)
            if code == SQLITE_DONE { return f.sum }
            guard code == SQLITE_ROW else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
            }
            f.add(count: sqlite3_column_int64(raw, Int32(keys))) { bytes in
                for i in 0..<Int32(keys) { RowBytes.appendColumn(raw, i, to: &bytes) }
            }
        }
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
