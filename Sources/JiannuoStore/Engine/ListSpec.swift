import GRDB
import JiannuoCore

/// How one kind of record is listed, as data both engines run: its table, its unit and date columns,
/// its order, and what its status words mean. A list command's filter (`ListFilter`) becomes one
/// statement with `?` placeholders; the liaison's own unit is put in by `confined` first.
struct ListSpec: Sendable {
    let table: String
    let unit: String
    let date: String
    let order: String
    /// The condition of a status word (checked against its vocabulary, never spliced raw).
    let status: @Sendable (String) throws -> String
    /// `to` takes the whole day for times (complaints), the day itself for days.
    var timeColumn = false

    /// `SELECT *` (or `count(*)`) of the list with its filter, in its order (or `order`), one page.
    /// `extra`: further conditions, each with the value of its every `?` (`breach = ?`), or none.
    func sql<R: SQLReader>(_ r: R, _ f: ListFilter, extra: [(String, DatabaseValueConvertible?)] = [], count: Bool = false,
                           order: String? = nil) throws -> (String, [DatabaseValueConvertible]) {
        var conditions: [String] = [], arguments: [DatabaseValueConvertible] = []
        for (condition, value) in extra {
            conditions.append("(\(condition))")
            if let value { arguments += Array(repeating: value, count: condition.filter { $0 == "?" }.count) }
        }
        if let d = f.department {
            let units = try r.lineage(d)
            conditions.append("\(unit) IN (\(placeholders(units.count)))")
            arguments += units as [DatabaseValueConvertible]
        }
        if let s = f.status { conditions.append(try status(s)) }
        if let c = f.category { conditions.append("category = ?"); arguments.append(c) }
        if let from = f.from { conditions.append("\(date) >= ?"); arguments.append(from.string) }
        if let to = f.to {
            conditions.append(timeColumn ? "\(date) < ?" : "\(date) <= ?")
            arguments.append(timeColumn ? to.adding(days: 1).string : to.string)
        }
        let whereClause = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        if count { return ("SELECT count(*) FROM \(table)\(whereClause)", arguments) }
        var sql = "SELECT * FROM \(table)\(whereClause) ORDER BY \(order ?? self.order)"
        if let limit = f.limit {
            sql += " LIMIT ? OFFSET ?"
            arguments += [max(0, limit), f.offset]
        } else if f.offset > 0 {
            sql += " LIMIT \(r.dialect.noLimit) OFFSET ?"
            arguments.append(f.offset)
        }
        return (sql, arguments)
    }

    static func invalid(_ zh: String, _ en: String) -> JiannuoError { .invalid(zh, en) }
}

extension LedgerEngine {
    /// A list as the actor may see it: `SELECT *` with its filter, one page, decoded.
    func list<T: FetchableRecord>(_ spec: ListSpec, _ f: ListFilter, extra: [(String, DatabaseValueConvertible?)] = []) throws -> [T] {
        try reading { r in
            let (sql, arguments) = try spec.sql(r, try confined(f, r), extra: extra)
            return try r.records(T.self, sql, arguments)
        }
    }

    /// How many records the list would give, every page.
    func count(_ spec: ListSpec, _ f: ListFilter) throws -> Int {
        try reading { r in
            var all = try confined(f, r)
            all.limit = nil; all.offset = 0
            let (sql, arguments) = try spec.sql(r, all, count: true)
            return try r.int(sql, arguments)
        }
    }

    /// The same list one row at a time, in id order (an export of millions of rows never sits in memory).
    func stream<T: PositionalRecord>(_ spec: ListSpec, _ f: ListFilter, _ body: (T) throws -> Void) throws {
        try reading { r in
            let (sql, arguments) = try spec.sql(r, try confined(f, r), order: "id")
            try r.stream(sql, arguments) { try body(try T(positional: $0)) }
        }
    }
}
