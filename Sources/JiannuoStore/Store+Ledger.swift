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
        return try importRecords(rows, entity: "departments", source: source, idOf: \.code) { db, d, row, problems in
            if let s = d.successor, s != d.code, try !Department.exists(db, key: s), !rows.contains(where: { $0.1.code == s }) {
                problems.append(LedgerProblem(row: row, column: "successor", reason: Text("承继单位 \(s) 不存在", "unknown successor \(s)")))
            }
        } insert: { db, d in
            var d = d
            let successor = d.successor
            d.successor = nil     // set after every unit of the file is in
            try d.insert(db)
            return successor.map { s in { try db.execute(sql: "UPDATE departments SET successor = ? WHERE code = ?", arguments: [s, d.code]) } }
        }
    }

    public func importCommitments(_ rows: [(Int, Commitment)], source: String) throws -> ImportResult {
        try authorize(.importLedger)
        var units: Set<String> = []
        return try importRecords(rows, entity: "commitments", source: source, idOf: \.id, prepare: { db in
            units = Set(try String.fetchAll(db, sql: "SELECT code FROM departments"))
        }) { _, c, row, problems in
            if !units.contains(c.department) {
                problems.append(LedgerProblem(row: row, column: "department", reason: Text("单位代码 \(c.department) 不存在", "unknown department \(c.department)")))
            }
        } insert: { db, c in try Store.prepared(db, Commitment.self).execute(arguments: c.insertArguments); return nil }
    }

    /// One statement per import, prepared once (GRDB caches it per connection).
    static func prepared<R: LedgerInsert>(_ db: Database, _ type: R.Type) throws -> Statement {
        try db.cachedStatement(sql: R.insertSQL)
    }

    public func importComplaints(_ rows: [(Int, Complaint)], source: String) throws -> ImportResult {
        try authorize(.importLedger)
        var units: Set<String> = [], commitments: Set<String> = []
        return try importRecords(rows, entity: "complaints", source: source, idOf: \.id, prepare: { db in
            units = Set(try String.fetchAll(db, sql: "SELECT code FROM departments"))
            commitments = Set(try String.fetchAll(db, sql: "SELECT id FROM commitments"))
        }) { _, c, row, problems in
            for (key, code) in [("department", c.department), ("returned_from", c.returnedFrom)] {
                if let code, !units.contains(code) {
                    problems.append(LedgerProblem(row: row, column: key, reason: Text("单位代码 \(code) 不存在", "unknown department \(code)")))
                }
            }
            if let cm = c.commitment, !commitments.contains(cm) {
                problems.append(LedgerProblem(row: row, column: "commitment", reason: Text("承诺 \(cm) 不存在", "unknown commitment \(cm)")))
            }
        } insert: { db, c in
            try Store.prepared(db, Complaint.self).execute(arguments: c.insertArguments)
            if let at = c.followupAt {
                try db.execute(sql: "INSERT INTO followups(complaint, at, satisfied, note) VALUES (?, ?, ?, ?)",
                               arguments: [c.id, at.iso, c.satisfied ?? true, c.followupNote])
            }
            return nil
        }
    }

    /// `prepare` reads once, inside the transaction, what every row's check needs (the units, …):
    /// a query per row costs more than the insert.
    func importRecords<R: PersistableRecord & FetchableRecord & Encodable>(
        _ rows: [(Int, R)], entity: String, source: String, idOf: KeyPath<R, String>,
        prepare: (Database) throws -> Void = { _ in },
        check: (Database, R, Int, inout [LedgerProblem]) throws -> Void,
        insert: (Database, R) throws -> (() throws -> Void)?
    ) throws -> ImportResult {
        var problems: [LedgerProblem] = []
        var seen: [String: Int] = [:]
        for (row, r) in rows {
            if let first = seen[r[keyPath: idOf]] {
                problems.append(LedgerProblem(row: row, column: "id", reason: Text("与第 \(first) 行编号重复", "same id as row \(first)")))
            }
            seen[r[keyPath: idOf]] = row
        }
        let result: Result<ImportResult, ImportRefused> = try write { db, audit in
            var result = ImportResult()
            var fresh: [R] = []
            try prepare(db)
            let key = R.databaseTableName == "departments" ? "code" : "id"
            let existing = Set(try String.fetchAll(db, sql: "SELECT \(key) FROM \(R.databaseTableName)"))
            for (row, r) in rows {
                if existing.contains(r[keyPath: idOf]) { result.skipped += 1; continue }
                try check(db, r, row, &problems)
                fresh.append(r)
            }
            guard problems.isEmpty else { return .failure(ImportRefused(problems: problems)) }
            // Appended rows are summed once at the end rather than by a trigger call each; departments
            // are also updated (successors), so their small table is summed whole.
            let table = R.databaseTableName
            // Kept counts are brought up to date once at the end too.
            try KeptTallies.importing(db, table: table) {
                try LedgerDigest.bulk(db, [table], table == "departments" ? .any : .appended, digests: digests) {
                    var after: [() throws -> Void] = []
                    for r in fresh { if let then = try insert(db, r) { after.append(then) } }
                    for then in after { try then() }
                }
            }
            result.imported = fresh.count
            try bumpSequences(db, ids: fresh.map { $0[keyPath: idOf] })
            try audit.append(action: "import.\(entity)", entity: entity, id: source, before: nil,
                             after: "{\"imported\":\(result.imported),\"skipped\":\(result.skipped)}")
            return .success(result)
        }
        return try result.get()
    }

    /// After importing `CN-2026-0042`, the next commitment of 2026 is 0043, not a duplicate.
    func bumpSequences(_ db: Database, ids: [String]) throws {
        var highest: [String: Int] = [:]
        for id in ids {
            let parts = id.split(separator: "-")
            guard parts.count == 3, let n = Int(parts[2]) else { continue }
            let key = "\(parts[0])-\(parts[1])"
            highest[key] = max(highest[key] ?? 0, n)
        }
        for (key, n) in highest {
            try db.execute(sql: """
                INSERT INTO sequences(prefix, last) VALUES (?, ?) ON CONFLICT(prefix) DO UPDATE SET last = max(last, excluded.last)
                """, arguments: [key, n])
        }
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
