import GRDB
import JiannuoCore

/// Imports on PostgreSQL: the new rows in multi-row INSERTs (COPY does not run under forced row
/// security); the triggers digest and count each row, and promises are judged in one pass at the end.
extension PostgresLedger {
    func bulkImport<T>(_ w: PGReader, table: String, ids: [String], _ body: () throws -> T) throws -> T {
        guard table == Commitment.databaseTableName else { return try body() }
        try w.connection.execute("SET LOCAL jiannuo.bulk = 'commitments'")
        let result = try body()
        try w.connection.execute("RESET jiannuo.bulk")
        try w.connection.execute("SELECT jn_judge_commitments($1::text[])", [PGSQL.array(ids)])
        return result
    }

    /// Records in multi-row INSERTs of a few hundred rows each, in the columns of their own encoding.
    func insertAll<R: PersistableRecord>(_ w: PGReader, _ records: [R]) throws {
        guard let first = records.first else { return }
        let columns = try first.databaseDictionary.keys.sorted()
        let head = "INSERT INTO \(PGSQL.quoted(schema)).\(PGSQL.quoted(R.databaseTableName)) (\(columns.map(PGSQL.quoted).joined(separator: ", "))) VALUES "
        let perBatch = max(1, 8000 / columns.count)
        for start in stride(from: 0, to: records.count, by: perBatch) {
            let batch = records[start..<min(start + perBatch, records.count)]
            var values: [String?] = []
            values.reserveCapacity(batch.count * columns.count)
            var rows: [String] = []
            for r in batch {
                let d = try r.databaseDictionary
                rows.append("(" + columns.indices.map { "$\(values.count + $0 + 1)" }.joined(separator: ", ") + ")")
                values += columns.map { d[$0].flatMap { PGReader.text($0) } }
            }
            _ = try w.connection.execute(head + rows.joined(separator: ", "), values)
        }
    }
}

extension PGSQL {
    /// A text array literal (`{"a","b"}`) for a `text[]` parameter.
    static func array(_ items: [String]) -> String {
        "{" + items.map { "\"" + $0.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\"" }
            .joined(separator: ",") + "}"
    }
}
