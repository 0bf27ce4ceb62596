import GRDB

extension LedgerDigest {
    /// How a bulk write's change of digest is found once it is done.
    enum BulkChange {
        /// Rows were only appended: the change is the sum of the rows past the old highest rowid.
        case appended
        /// Anything: the table is summed whole and the old digest taken off.
        case any
    }

    /// Runs a bulk write (a demo, an import) without the per-row triggers, then adds the change of each
    /// table's digest in one pass over the new rows (or the table): the sums come out the same, at a
    /// fraction of the cost of a trigger call per row. The triggers are dropped and put back inside
    /// the same transaction, so no other writer ever sees them missing.
    static func bulk<T>(_ db: Database, _ tables: [String], _ change: BulkChange, digests: DigestAccumulator,
                        _ body: () throws -> T) throws -> T {
        var highest: [String: Int64] = [:]
        for t in tables {
            highest[t] = try Int64.fetchOne(db, sql: "SELECT max(rowid) FROM \(quoted(t))") ?? 0
            for kind in ["insert", "update", "delete"] { try db.execute(sql: "DROP TRIGGER IF EXISTS jn_digest_\(t)_\(kind)") }
        }
        let result = try body()
        let before = try stored(db)
        for t in tables {
            let cols = try columns(db, t).map(quoted)
            switch change {
            case .appended:
                let d = try SQLiteDigestSum.sum(db, table: t, columns: cols, filter: "rowid > ?", arguments: [highest[t] ?? 0])
                digests.touch(t, d, sign: 1)
            case .any:
                var delta = try SQLiteDigestSum.sum(db, table: t, columns: cols)
                delta.subtract(before[t] ?? .zero)
                // Everything since the last audit row, including what the triggers saw earlier in this transaction.
                digests.replace(t, delta)
            }
        }
        try installTriggers(db)
        return result
    }
}
