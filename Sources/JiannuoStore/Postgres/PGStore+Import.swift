import GRDB
import JiannuoCore

/// Imports on PostgreSQL: checked as on SQLite (`LedgerImport`), then the new rows sent in batches in
/// one transaction; the triggers digest and count each row, and promises are judged in one pass at the end.
extension PGStore {
    public func importDepartments(_ rows: [(Int, Department)], source: String) throws -> ImportResult {
        try importRecords(rows, entity: "departments", source: source, idOf: \.code, check: { try LedgerImport.departments($0, file: rows) }) { c, w, fresh in
            // Successors after every unit of the file is in.
            try insertAll(c, fresh.map { var d = $0; d.successor = nil; return d })
            for d in fresh { if let s = d.successor { try w.execute("UPDATE departments SET successor = ? WHERE code = ?", [s, d.code]) } }
        }
    }

    public func importCommitments(_ rows: [(Int, Commitment)], source: String) throws -> ImportResult {
        try importRecords(rows, entity: "commitments", source: source, idOf: \.id, check: LedgerImport.commitments) { c, _, fresh in
            try c.execute("SET LOCAL jiannuo.bulk = 'commitments'")
            try insertAll(c, fresh)
            try c.execute("RESET jiannuo.bulk")
            try c.execute("SELECT jn_judge_commitments($1::text[])", [PGSQL.array(fresh.map(\.id))])
        }
    }

    public func importComplaints(_ rows: [(Int, Complaint)], source: String) throws -> ImportResult {
        try importRecords(rows, entity: "complaints", source: source, idOf: \.id, check: LedgerImport.complaints) { c, w, fresh in
            try insertAll(c, fresh)
            for r in fresh {
                if let at = r.followupAt {
                    try w.execute("INSERT INTO followups(complaint, at, satisfied, note) VALUES (?, ?, ?, ?)",
                                  [r.id, at.iso, (r.satisfied ?? true) ? 1 : 0, r.followupNote])
                }
            }
        }
    }

    private func importRecords<R: PersistableRecord>(
        _ rows: [(Int, R)], entity: String, source: String, idOf: KeyPath<R, String>,
        check: (PGReader) throws -> LedgerImport.Check<R>, insert: (PGConnection, PGReader, [R]) throws -> Void
    ) throws -> ImportResult {
        try authorize(.importLedger)
        let result: Result<ImportResult, ImportRefused> = try write { c, audit in
            let w = PGReader(connection: c, schema: schema)
            let sorted = try LedgerImport.sort(w, rows, idOf: idOf, check: try check(w))
            guard sorted.problems.isEmpty else { return .failure(ImportRefused(problems: sorted.problems)) }
            if !sorted.fresh.isEmpty { try insert(c, w, sorted.fresh) }
            let result = ImportResult(imported: sorted.fresh.count, skipped: sorted.skipped)
            try LedgerImport.bumpSequences(w, ids: sorted.fresh.map { $0[keyPath: idOf] })
            try LedgerImport.record(audit, entity: entity, source: source, result)
            return .success(result)
        }
        return try result.get()
    }

    /// Records in multi-row INSERTs of a few hundred rows each, in the columns of their own encoding
    /// (COPY does not run under forced row security).
    private func insertAll<R: PersistableRecord>(_ c: PGConnection, _ records: [R]) throws {
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
            _ = try c.execute(head + rows.joined(separator: ", "), values)
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
