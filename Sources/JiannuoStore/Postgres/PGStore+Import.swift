import GRDB
import JiannuoCore

/// Imports on PostgreSQL: checked as on SQLite (`LedgerImport`), then the new rows sent by COPY in one
/// transaction; the triggers digest and count each row, and promises are judged in one pass at the end.
extension PGStore {
    public func importDepartments(_ rows: [(Int, Department)], source: String) throws -> ImportResult {
        try importRecords(rows, entity: "departments", source: source, idOf: \.code, check: { try LedgerImport.departments($0, file: rows) }) { c, w, fresh in
            // Successors after every unit of the file is in.
            try copy(c, fresh.map { var d = $0; d.successor = nil; return d })
            for d in fresh { if let s = d.successor { try w.execute("UPDATE departments SET successor = ? WHERE code = ?", [s, d.code]) } }
        }
    }

    public func importCommitments(_ rows: [(Int, Commitment)], source: String) throws -> ImportResult {
        try importRecords(rows, entity: "commitments", source: source, idOf: \.id, check: LedgerImport.commitments) { c, _, fresh in
            try c.execute("SET LOCAL jiannuo.bulk = 'commitments'")
            try copy(c, fresh)
            try c.execute("RESET jiannuo.bulk")
            try c.execute("SELECT jn_judge_commitments($1::text[])", [PGSQL.array(fresh.map(\.id))])
        }
    }

    public func importComplaints(_ rows: [(Int, Complaint)], source: String) throws -> ImportResult {
        try importRecords(rows, entity: "complaints", source: source, idOf: \.id, check: LedgerImport.complaints) { c, w, fresh in
            try copy(c, fresh)
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

    /// Records by COPY, in the columns of their own encoding.
    private func copy<R: PersistableRecord>(_ c: PGConnection, _ records: [R]) throws {
        guard let first = records.first else { return }
        let columns = try first.databaseDictionary.keys.sorted()
        let table = "\(PGSQL.quoted(schema)).\(PGSQL.quoted(R.databaseTableName))"
        try c.copyIn("COPY \(table) (\(columns.map(PGSQL.quoted).joined(separator: ", "))) FROM STDIN") { row in
            for r in records {
                let values = try r.databaseDictionary
                try row(columns.map { values[$0].flatMap { PGReader.text($0) } })
            }
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
