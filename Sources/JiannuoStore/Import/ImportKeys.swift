import GRDB
import JiannuoCore

/// Rows of an office's own 台账 carry no ids: each is known by its natural key, so that the same file
/// imported twice adds nothing, and a new one takes the next id of its year's series.
enum ImportKeys {
    struct Key<R>: Sendable {
        let kind: RecordKind
        /// The columns whose values make a record the same one, and those values of a record.
        let columns: [String]
        let values: @Sendable (R) -> [DatabaseValueConvertible]
        let year: @Sendable (R) -> Int
    }

    static let commitments = Key<Commitment>(kind: .commitment, columns: ["department", "counterparty", "content", "made"],
                                             values: { [$0.department, $0.counterparty, $0.content, $0.made.string] }, year: { $0.made.year })
    static let complaints = Key<Complaint>(kind: .complaint, columns: ["department", "channel", "received", "content"],
                                           values: { [$0.department, $0.channel.rawValue, $0.received.iso, $0.content] },
                                           year: { $0.received.day.year })

    /// The rows with ids (`assign`: from the series; else a stand-in for a dry run, which writes nothing),
    /// and how many unnamed rows were already in the ledger or earlier in the file.
    static func name<R: TableRecord, W: SQLWriter>(_ w: W, _ rows: [(Int, R)], idOf: WritableKeyPath<R, String>, key: Key<R>,
                                                   assign: Bool) throws -> (rows: [(Int, R)], skipped: Int) {
        let sql = "SELECT count(*) FROM \(R.databaseTableName) WHERE " + key.columns.map { "\($0) = ?" }.joined(separator: " AND ")
        var out: [(Int, R)] = [], skipped = 0, seen: Set<String> = []
        for (row, r) in rows {
            guard r[keyPath: idOf].isEmpty else { out.append((row, r)); continue }
            let values = key.values(r)
            let natural = values.map { "\($0.databaseValue)" }.joined(separator: "\u{1F}")
            let there = try w.int(sql, values) > 0
            if seen.contains(natural) || there { skipped += 1; continue }
            seen.insert(natural)
            var named = r
            named[keyPath: idOf] = assign ? try w.nextId(key.kind, year: key.year(r)) : "（第 \(row) 行）"
            out.append((row, named))
        }
        return (out, skipped)
    }
}
