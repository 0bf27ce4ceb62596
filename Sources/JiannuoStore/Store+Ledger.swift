import Foundation
import GRDB
import JiannuoCore

/// Problems that refuse a whole import: each names its row and column.
public struct ImportRefused: Error, Sendable {
    public var problems: [LedgerProblem]
    public init(problems: [LedgerProblem]) { self.problems = problems }
}

public struct ImportResult: Sendable, Encodable {
    public var imported = 0
    public var skipped = 0
}

extension Store {
    /// Every complaint matching `f`, one at a time (an export of millions must not hold them all).
    public func eachComplaint(_ f: ListFilter, _ body: (Complaint) throws -> Void) throws {
        try read { db in
            let cursor = try complaintRequest(db, f).order(Column("id")).page(f).fetchCursor(db)
            while let c = try cursor.next() { try body(c) }
        }
    }

    public func eachCommitment(_ f: ListFilter, _ body: (Commitment) throws -> Void) throws {
        try read { db in
            let cursor = try commitmentRequest(db, f).order(Column("id")).page(f).fetchCursor(db)
            while let c = try cursor.next() { try body(c) }
        }
    }

    /// Imports in one transaction: a record whose id is already there is skipped (importing a file
    /// twice adds nothing), references are checked first, and one audit row records the import.
    public func importDepartments(_ rows: [(Int, Department)], source: String) throws -> ImportResult {
        try authorize(.importLedger)
        return try importRecords(rows, entity: "departments", source: source, idOf: \.code, check: { try LedgerImport.departments($0, file: rows) }) { db, d in
            var d = d
            let successor = d.successor
            d.successor = nil     // set after every unit of the file is in
            try d.insert(db)
            return successor.map { s in { try db.execute(sql: "UPDATE departments SET successor = ? WHERE code = ?", arguments: [s, d.code]) } }
        }
    }

    public func importCommitments(_ rows: [(Int, Commitment)], source: String) throws -> ImportResult {
        try authorize(.importLedger)
        return try importRecords(rows, entity: "commitments", source: source, idOf: \.id, check: LedgerImport.commitments) { db, c in
            try Store.prepared(db, Commitment.self).execute(arguments: c.insertArguments)
            return nil
        }
    }

    /// One statement per import, prepared once (GRDB caches it per connection).
    static func prepared<R: LedgerInsert>(_ db: Database, _ type: R.Type) throws -> Statement {
        try db.cachedStatement(sql: R.insertSQL)
    }

    public func importComplaints(_ rows: [(Int, Complaint)], source: String) throws -> ImportResult {
        try authorize(.importLedger)
        return try importRecords(rows, entity: "complaints", source: source, idOf: \.id, check: LedgerImport.complaints) { db, c in
            try Store.prepared(db, Complaint.self).execute(arguments: c.insertArguments)
            if let at = c.followupAt {
                try db.execute(sql: "INSERT INTO followups(complaint, at, satisfied, note) VALUES (?, ?, ?, ?)",
                               arguments: [c.id, at.iso, c.satisfied ?? true, c.followupNote])
            }
            return nil
        }
    }

    /// `check` reads once, inside the transaction, what every row's check needs (the units, …).
    func importRecords<R: PersistableRecord & FetchableRecord & Encodable>(
        _ rows: [(Int, R)], entity: String, source: String, idOf: KeyPath<R, String>,
        check: (GRDBReader) throws -> LedgerImport.Check<R>,
        insert: (Database, R) throws -> (() throws -> Void)?
    ) throws -> ImportResult {
        let result: Result<ImportResult, ImportRefused> = try write { db, audit in
            let reader = GRDBReader(db: db)
            let sorted = try LedgerImport.sort(reader, rows, idOf: idOf, check: try check(reader))
            guard sorted.problems.isEmpty else { return .failure(ImportRefused(problems: sorted.problems)) }
            // Appended rows are summed once at the end rather than by a trigger call each; departments
            // are also updated (successors), so their small table is summed whole.
            let table = R.databaseTableName
            // Kept counts are brought up to date once at the end too.
            try KeptTallies.importing(db, table: table) {
                try LedgerDigest.bulk(db, [table], table == "departments" ? .any : .appended, digests: digests) {
                    var after: [() throws -> Void] = []
                    for r in sorted.fresh { if let then = try insert(db, r) { after.append(then) } }
                    for then in after { try then() }
                }
            }
            let result = ImportResult(imported: sorted.fresh.count, skipped: sorted.skipped)
            try LedgerImport.bumpSequences(reader, ids: sorted.fresh.map { $0[keyPath: idOf] })
            try LedgerImport.record(audit, entity: entity, source: source, result)
            return .success(result)
        }
        return try result.get()
    }
}

extension Store {
    /// A consistent copy through SQLite's online backup: safe while officers keep working.
    public func backup(to path: String) throws {
        try authorize(.backup)
        guard !FileManager.default.fileExists(atPath: path) else {
            throw JiannuoError.invalid("备份文件 \(path) 已存在，请换一个文件名（不会覆盖已有文件）", "\(path) exists; choose another name")
        }
        do {
            let copy = try DatabaseQueue(path: path)
            try pool.backup(to: copy)
            try copy.close()
        } catch {
            try? FileManager.default.removeItem(atPath: path)
            throw Store.databaseError(error, path: path)
        }
    }
}
