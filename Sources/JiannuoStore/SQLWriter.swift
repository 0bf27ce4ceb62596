import GRDB
import JiannuoCore

/// A transaction both engines write through with the same code: the records' own encodings
/// (GRDB's `PersistableRecord`), `?` placeholders, and what differs asked of `SQLDialect`.
protocol SQLWriter: SQLReader {
    func execute(_ sql: String, _ arguments: [DatabaseValueConvertible?]) throws
    /// Inserts a record; returns the key the engine gave it when its table numbers its rows.
    @discardableResult func insert<R: PersistableRecord>(_ record: R) throws -> Int64?
    /// Updates the columns of a record that differ from `before`, found by its key: a column the
    /// command did not change is not written (a liaison on PostgreSQL never reads the real contact).
    func update<R: PersistableRecord>(_ record: R, from before: R) throws
}

extension GRDBReader: SQLWriter {
    func execute(_ sql: String, _ arguments: [DatabaseValueConvertible?]) throws {
        try db.execute(sql: sql, arguments: StatementArguments(arguments.map { $0 ?? DatabaseValue.null }))
    }
    func insert<R: PersistableRecord>(_ record: R) throws -> Int64? {
        try record.insert(db)
        return db.lastInsertedRowID
    }
    func update<R: PersistableRecord>(_ record: R, from before: R) throws { try record.updateChanges(db, from: before) }
}

extension PGReader: SQLWriter {
    func execute(_ sql: String, _ arguments: [DatabaseValueConvertible?]) throws {
        _ = try connection.execute(PGReader.numbered(sql), arguments.map { $0.flatMap(PGReader.text) })
    }

    func insert<R: PersistableRecord>(_ record: R) throws -> Int64? {
        let table = R.databaseTableName, identity = PGSchema.identities[table]
        // A row the engine numbers is inserted without its key (NULL would not be numbered).
        let values = try record.databaseDictionary.filter { !($0.key == identity && $0.value.isNull) }.sorted { $0.key < $1.key }
        let placeholders = values.indices.map { "$\($0 + 1)" }.joined(separator: ", ")
        let returning = identity.map { " RETURNING \(PGSQL.quoted($0))" } ?? ""
        let rows = try connection.execute(
            "INSERT INTO \(target(table)) (\(values.map { PGSQL.quoted($0.key) }.joined(separator: ", "))) VALUES (\(placeholders))\(returning)",
            values.map { PGReader.text($0.value) })
        return identity == nil ? nil : rows.rows.first?[0].flatMap { Int64($0) }
    }

    func update<R: PersistableRecord>(_ record: R, from before: R) throws {
        let table = R.databaseTableName, key = PGSchema.primaryKey(table)
        let old = try before.databaseDictionary, new = try record.databaseDictionary
        let changed = new.filter { $0.key != key && old[$0.key] != $0.value }.sorted { $0.key < $1.key }
        guard !changed.isEmpty else { return }
        guard let id = old[key] else { throw JiannuoError.database("内部错误：记录缺少主键", "internal error: a record without its key") }
        let set = changed.enumerated().map { "\(PGSQL.quoted($0.element.key)) = $\($0.offset + 2)" }.joined(separator: ", ")
        _ = try connection.execute("UPDATE \(target(table)) SET \(set) WHERE \(PGSQL.quoted(key)) = $1",
                                   [PGReader.text(id)] + changed.map { PGReader.text($0.value) })
    }

    /// A ledger table by its schema: a liaison's search path puts the masked view of the complaints
    /// first, which is for reading.
    private func target(_ table: String) -> String {
        schema.map { "\(PGSQL.quoted($0)).\(PGSQL.quoted(table))" } ?? PGSQL.quoted(table)
    }
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
    /// The next id of a yearly series, e.g. `CN-2026-0007`: one statement, so that concurrent writers
    /// on PostgreSQL queue on the series' row instead of taking the same number.
    func nextId(prefix: String, year: Int, digits: Int) throws -> String {
        let key = "\(prefix)-\(year)"
        let last = try int("INSERT INTO sequences(prefix, last) VALUES (?, 1) ON CONFLICT(prefix) DO UPDATE SET last = sequences.last + 1 RETURNING last",
                           [key])
        return "\(key)-" + String(format: "%0\(digits)d", last)
    }
}
