import GRDB
import JiannuoCore

/// A transaction both engines write through with the same code: the records' own encodings
/// (GRDB's `PersistableRecord`), `?` placeholders, and what differs asked of `SQLDialect`.
protocol SQLWriter: SQLReader {
    func execute(_ sql: String, _ arguments: [DatabaseValueConvertible?]) throws
    /// Inserts a record; returns the key the engine gave it when its table numbers its rows.
    @discardableResult func insert<R: PersistableRecord>(_ record: R) throws -> Int64?
    /// Inserts a record whose engine-given key nobody reads (PostgreSQL then need not answer at once).
    func insertUnread<R: PersistableRecord>(_ record: R) throws
    /// Updates the columns of a record that differ from `before`, found by its key: a column the
    /// command did not change is not written (a liaison on PostgreSQL never reads the real contact).
    func update<R: PersistableRecord>(_ record: R, from before: R) throws
}

extension SQLReader {
    /// A unit by its code, refused (with the code to use) when a name was typed, and when merged
    /// unless `active` is false.
    func requireDepartment(_ code: String, active: Bool = true) throws -> Department {
        // By its key: every write asks, and the whole table is read only to explain a refusal.
        guard let d = try records(Department.self, "SELECT * FROM departments WHERE code = ?", [code]).first else {
            let resolved = try DepartmentLookup.resolve(code, in: try records(Department.self, "SELECT * FROM departments", []))
            throw JiannuoError.invalid("单位 \(Sanitize.visible(code)) 不是代码，请用代码 \(resolved)", "\(Sanitize.visible(code)) is a name: use the code")
        }
        if active && !d.active {
            let successor = Lineage.current(code, in: try departmentMap())
            throw JiannuoError.invalid("单位 \(code)（\(d.name)）已于 \(d.mergedOn?.string ?? "") 并入 \(successor)，请改用承继单位",
                                       "department \(code) was merged into \(successor); use the successor")
        }
        return d
    }
}

extension SQLWriter {
    func insertUnread<R: PersistableRecord>(_ record: R) throws { try insert(record) }

    /// The next id of a yearly series, e.g. `CN-2026-0007`: one statement, so that concurrent writers
    /// on PostgreSQL queue on the series' row instead of taking the same number.
    func nextId(_ kind: RecordKind, year: Int) throws -> String {
        let last = try int("INSERT INTO sequences(prefix, last) VALUES (?, 1) ON CONFLICT(prefix) DO UPDATE SET last = sequences.last + 1 RETURNING last",
                           ["\(kind.prefix ?? "")-\(year)"])
        return kind.id(year: year, number: last)
    }
}
