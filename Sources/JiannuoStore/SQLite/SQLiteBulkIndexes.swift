import Foundation
import GRDB

/// A bulk write that adds more rows to a table than it holds drops the table's secondary indexes and
/// builds them again once the rows are in: one sort instead of a B-tree insert per row and index. Inside
/// the writing transaction, so no reader ever finds them missing, and a rollback puts them back.
enum SQLiteBulkIndexes {
    /// Runs `body`, which adds about `adding` rows to each of `tables`, with the secondary indexes of those
    /// tables that hold fewer rows than that dropped meanwhile. Unique and primary-key indexes stay.
    static func without<T>(_ db: Database, tables: [String], adding: Int, _ body: () throws -> T) throws -> T {
        var dropped: [String] = []
        for t in tables {
            let held = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(LedgerDigest.quoted(t))") ?? 0
            guard adding > held else { continue }
            // Only the indexes made by CREATE INDEX (`sql` set), never a UNIQUE one: they may be what refuses a duplicate.
            for (name, sql) in try Row.fetchAll(db, sql: """
                SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL
                    AND sql NOT LIKE 'CREATE UNIQUE%'
                """, arguments: [t]).map({ ($0[0] as String, $0[1] as String) }) {
                try db.execute(sql: "DROP INDEX \(LedgerDigest.quoted(name))")
                dropped.append(sql)
            }
        }
        let result = try body()
        guard !dropped.isEmpty else { return result }
        // Each index is one sort of the whole table: SQLite's sorter may merge on other cores (the index
        // of 130,000 score facts 0.24-0.29 → 0.18 s on two); the connection is put back as it was.
        let threads = try Int.fetchOne(db, sql: "PRAGMA threads") ?? 0
        try db.execute(sql: "PRAGMA threads = \(max(1, min(4, ProcessInfo.processInfo.activeProcessorCount)))")
        defer { try? db.execute(sql: "PRAGMA threads = \(threads)") }
        for sql in dropped { try db.execute(sql: sql) }
        return result
    }
}
