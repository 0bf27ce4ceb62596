import Foundation
import GRDB
import JiannuoCore

/// Problems that refuse a whole import: each names its row and column.
public struct ImportRefused: Error, Sendable {
    public var problems: [SheetProblem]
    public init(problems: [SheetProblem]) { self.problems = problems }
}

/// A problem as a script reads it (`--json`).
public struct ImportProblem: Sendable, Encodable {
    public var row: Int
    public var column: String
    public var reason: String
    public var reason_en: String
    public init(_ p: SheetProblem) { row = p.row; column = p.column; reason = p.reason.zh; reason_en = p.reason.en }
}

public struct ImportResult: Sendable, Encodable {
    public var imported = 0
    public var skipped = 0
    /// Rows left out for a problem (`--skip-bad`), and each problem with its row and column.
    public var bad = 0
    public var problems: [ImportProblem] = []
    /// Checked only: `imported` is what would have been written.
    public var dry_run = false
}

/// Imports in one transaction, the same on both engines: a record whose id is already there is skipped
/// (importing a file twice adds nothing), references are checked first (`ImportChecks`), the new rows
/// go in as one bulk write of the engine's, and one audit row records the import.
extension LedgerEngine {
    public func importDepartments(_ rows: [(Int, Department)], source: String, dryRun: Bool, skipBad: Bool) throws -> ImportResult {
        try importRecords(rows, entity: "departments", source: source, dryRun: dryRun, skipBad: skipBad, idOf: \.code, check: { try ImportChecks.departments($0, file: rows) }) { w, fresh in
            // Successors after every unit of the file is in.
            try insertAll(w, fresh.map { var d = $0; d.successor = nil; return d })
            for d in fresh { if let s = d.successor { try w.execute("UPDATE departments SET successor = ? WHERE code = ?", [s, d.code]) } }
        }
    }

    public func importCommitments(_ rows: [(Int, Commitment)], source: String, dryRun: Bool, skipBad: Bool) throws -> ImportResult {
        try importRecords(rows, entity: "commitments", source: source, dryRun: dryRun, skipBad: skipBad, idOf: \.id, unnamed: ImportKeys.commitments,
                          check: ImportChecks.commitments) { w, fresh in
            try insertAll(w, fresh)
        }
    }

    public func importComplaints(_ rows: [(Int, Complaint)], source: String, dryRun: Bool, skipBad: Bool) throws -> ImportResult {
        try importRecords(rows, entity: "complaints", source: source, dryRun: dryRun, skipBad: skipBad, idOf: \.id, unnamed: ImportKeys.complaints,
                          check: ImportChecks.complaints) { w, fresh in
            try insertAll(w, fresh)
            for c in fresh {
                if let at = c.followupAt {
                    try w.execute("INSERT INTO followups(complaint, at, satisfied, note) VALUES (?, ?, ?, ?)",
                                  [c.id, at.iso, (c.satisfied ?? true) ? 1 : 0, c.followupNote])
                }
            }
        }
    }

    /// `check` reads once, inside the transaction, what every row's check needs (the units, …).
    private func importRecords<R: PersistableRecord>(
        _ rows: [(Int, R)], entity: String, source: String, dryRun: Bool, skipBad: Bool, idOf: WritableKeyPath<R, String>,
        unnamed: ImportKeys.Key<R>? = nil, check: (Writer) throws -> ImportChecks.Check<R>, insert: (Writer, [R]) throws -> Void
    ) throws -> ImportResult {
        try authorize(.importLedger)
        // A refusal rolls the transaction back (ids may have been taken for unnamed rows) and is then said.
        var refused: ImportRefused? = nil
        do {
            return try transaction { w, audit in
                // Rows without an id: one already in the ledger (by its natural key) is skipped, the rest get ids.
                var rows = rows, already = 0
                if let unnamed, rows.contains(where: { $0.1[keyPath: idOf].isEmpty }) {
                    (rows, already) = try ImportKeys.name(w, rows, idOf: idOf, key: unnamed, assign: !dryRun)
                }
                var sorted = try ImportChecks.sort(w, rows, idOf: idOf, check: try check(w), skipBad: skipBad)
                sorted.skipped += already
                // With --skip-bad the bad rows are out of `fresh` already; they are said, not written.
                guard sorted.problems.isEmpty || skipBad else {
                    let r = ImportRefused(problems: sorted.problems)
                    refused = r
                    throw r
                }
                // A dry run stops here: checked as the import would be, in its transaction, and nothing changed.
                let bad = Set(sorted.problems.map(\.row)).count
                let said = sorted.problems.map(ImportProblem.init)
                if dryRun { return ImportResult(imported: sorted.fresh.count, skipped: sorted.skipped, bad: bad, problems: said, dry_run: true) }
                let ids = sorted.fresh.map { $0[keyPath: idOf] }
                if !sorted.fresh.isEmpty { try bulkImport(w, table: R.databaseTableName, ids: ids) { try insert(w, sorted.fresh) } }
                let result = ImportResult(imported: sorted.fresh.count, skipped: sorted.skipped, bad: bad, problems: said)
                try ImportChecks.bumpSequences(w, ids: ids)
                try ImportChecks.record(audit, entity: entity, source: source, result)
                return result
            }
        } catch {
            if let refused { throw refused }
            throw error
        }
    }
}
