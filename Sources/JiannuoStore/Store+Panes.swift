import GRDB
import JiannuoCore

/// What the dashboard's lists ask for: one window of rows and the total, never a whole table.
public struct Window<T: Sendable>: Sendable {
    public var rows: [T]
    public var total: Int
    public var offset: Int
    public init(rows: [T], total: Int, offset: Int) { self.rows = rows; self.total = total; self.offset = offset }

    /// The row at absolute position `i`, if this window holds it.
    public func row(_ i: Int) -> T? { i >= offset && i < offset + rows.count ? rows[i - offset] : nil }
    public func covers(_ range: Range<Int>) -> Bool {
        range.lowerBound >= offset && min(range.upperBound, total) <= offset + rows.count
    }
}

extension Store {
    /// Open commitments, nearest deadline first (through the open-deadline index). `search` matches
    /// the id, department, counterparty or content.
    public func openCommitments(search: String?, offset: Int, limit: Int) throws -> Window<Commitment> {
        try read { db in
            var q = Commitment.filter(["not_started", "in_progress", "stalled"].contains(Column("status")))
            if let s = search, !s.isEmpty {
                let p = Store.containsPattern(s)
                let e = "\\"
                q = q.filter(Column("id").like(p, escape: e) || Column("department").like(p, escape: e)
                             || Column("counterparty").like(p, escape: e) || Column("content").like(p, escape: e)
                             || SQL("department IN (SELECT code FROM departments WHERE name LIKE \(p) ESCAPE '\\')"))
            }
            let total = try q.fetchCount(db)
            let rows = try q.order(Column("deadline"), Column("id")).limit(limit, offset: offset).fetchAll(db)
            return Window(rows: rows, total: total, offset: offset)
        }
    }

    /// Complaints not yet answered, nearest limit first (through the open-due index).
    public func openComplaints(search: String?, offset: Int, limit: Int) throws -> Window<Complaint> {
        try read { db in
            var sql = "FROM complaints WHERE responded_at IS NULL"
            var args: [DatabaseValueConvertible] = []
            if let s = search, !s.isEmpty {
                sql += """
                     AND (id LIKE ? ESCAPE '\\' OR department LIKE ? ESCAPE '\\' OR content LIKE ? ESCAPE '\\'
                          OR complainant LIKE ? ESCAPE '\\'
                          OR department IN (SELECT code FROM departments WHERE name LIKE ? ESCAPE '\\'))
                    """
                args += Array(repeating: Store.containsPattern(s), count: 5)
            }
            let total = try Int.fetchOne(db, sql: "SELECT count(*) " + sql, arguments: StatementArguments(args)) ?? 0
            let rows = try Complaint.fetchAll(db, sql: "SELECT * " + sql + " ORDER BY current_due, id LIMIT ? OFFSET ?",
                                              arguments: StatementArguments(args + [limit, offset]))
            return Window(rows: rows, total: total, offset: offset)
        }
    }

    /// The position of a complaint in `openComplaints`, to select it after it was added.
    public func openComplaintPosition(_ id: String) throws -> Int? {
        try read { db in
            guard let c = try Complaint.fetchOne(db, key: id), let due = c.currentDue else { return nil }
            return try Int.fetchOne(db, sql: """
                SELECT count(*) FROM complaints WHERE responded_at IS NULL AND (current_due < ? OR (current_due = ? AND id < ?))
                """, arguments: [due.string, due.string, id])
        }
    }

    /// The position of a commitment in `openCommitments` (no search), nil once it is closed.
    public func openCommitmentPosition(_ id: String) throws -> Int? {
        try read { db in
            guard let c = try Commitment.fetchOne(db, key: id), c.status.isOpen else { return nil }
            return try Int.fetchOne(db, sql: """
                SELECT count(*) FROM commitments WHERE status IN ('not_started','in_progress','stalled')
                    AND (deadline < ? OR (deadline = ? AND id < ?))
                """, arguments: [c.deadline.string, c.deadline.string, id])
        }
    }

    public func departmentNames() throws -> [String: String] {
        try read { db in
            Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT code, name FROM departments").map { ($0["code"], $0["name"]) })
        }
    }
}
