import GRDB
import JiannuoCore

/// What a dashboard pane asks for: its typed filter, a structured filter (unit, status, urgency,
/// category, channel, dates) and an order. One window of rows at a time, as `Store+Panes` does for the
/// default order; searches are literal (`containsPattern`).
public struct PaneQuery: Sendable, Equatable {
    /// What the rows are ordered by; `.due` is the default (nearest deadline or limit first).
    public enum Order: String, Sendable, CaseIterable {
        case due, received, made, department, counterparty, status, progress, channel, urgency, category, id
    }

    public var search: String?
    /// A department code.
    public var department: String?
    /// A commitment status (raw value) or a complaint stage (`received`, `accepted`, `resolved`).
    public var status: String?
    public var urgency: String?
    public var category: Int?
    public var channel: String?
    /// Made (commitments) or received (complaints), inclusive.
    public var from: Day?
    public var to: Day?
    public var order: Order = .due
    public var descending = false

    public init(search: String? = nil) { self.search = search }

    /// True when nothing narrows the list (the free-text filter aside).
    public var isUnfiltered: Bool {
        department == nil && status == nil && urgency == nil && category == nil && channel == nil && from == nil && to == nil
    }
}

extension Store {
    public func openCommitments(_ q: PaneQuery, offset: Int, limit: Int) throws -> Window<Commitment> {
        let (only, units) = confinedSQL()
        return try read { db in try PaneWindows.commitments(GRDBReader(db: db), q, confined: only, units, offset: offset, limit: limit) }
    }

    public func openComplaints(_ q: PaneQuery, offset: Int, limit: Int) throws -> Window<Complaint> {
        let (only, units) = confinedSQL()
        return try read { db in try PaneWindows.complaints(GRDBReader(db: db), q, confined: only, units, offset: offset, limit: limit) }
    }
}

/// The SQL of the two list panes, run by either engine.
enum PaneWindows {
    static func commitments<R: SQLReader>(_ r: R, _ q: PaneQuery, confined only: String, _ units: [DatabaseValueConvertible],
                                          offset: Int, limit: Int) throws -> Window<Commitment> {
        var sql = "FROM commitments WHERE status IN ('not_started','in_progress','stalled')" + only
        var args: [DatabaseValueConvertible] = units
        if let s = q.search, !s.isEmpty {
            let like = r.dialect.like
            sql += """
                 AND (id \(like) ? ESCAPE '\\' OR department \(like) ? ESCAPE '\\' OR counterparty \(like) ? ESCAPE '\\'
                      OR content \(like) ? ESCAPE '\\' OR department IN (SELECT code FROM departments WHERE name \(like) ? ESCAPE '\\'))
                """
            args += Array(repeating: Store.containsPattern(s), count: 5)
        }
        if let d = q.department { sql += " AND department = ?"; args.append(d) }
        if let s = q.status { sql += " AND status = ?"; args.append(s) }
        if let c = q.category { sql += " AND category = ?"; args.append(c) }
        if let f = q.from { sql += " AND made >= ?"; args.append(f.string) }
        if let t = q.to { sql += " AND made <= ?"; args.append(t.string) }
        let key: String
        switch q.order {
        case .made, .received: key = "made"
        case .department: key = "(SELECT name FROM departments d WHERE d.code = commitments.department)"
        case .counterparty: key = "counterparty"
        case .status: key = "status"
        case .progress: key = "progress"
        case .category: key = "category"
        case .id: key = "id"
        default: key = "deadline"
        }
        return try window(r, sql, args, order: key, descending: q.descending, offset: offset, limit: limit) { try Commitment(positional: $0) }
    }

    static func complaints<R: SQLReader>(_ r: R, _ q: PaneQuery, confined only: String, _ units: [DatabaseValueConvertible],
                                         offset: Int, limit: Int) throws -> Window<Complaint> {
        var sql = "FROM complaints WHERE responded_at IS NULL" + only
        var args: [DatabaseValueConvertible] = units
        if let s = q.search, !s.isEmpty {
            let like = r.dialect.like
            sql += """
                 AND (id \(like) ? ESCAPE '\\' OR department \(like) ? ESCAPE '\\' OR content \(like) ? ESCAPE '\\'
                      OR complainant \(like) ? ESCAPE '\\' OR department IN (SELECT code FROM departments WHERE name \(like) ? ESCAPE '\\'))
                """
            args += Array(repeating: Store.containsPattern(s), count: 5)
        }
        if let d = q.department { sql += " AND department = ?"; args.append(d) }
        switch q.status {
        case "received": sql += " AND accepted_at IS NULL"
        case "accepted": sql += " AND accepted_at IS NOT NULL AND resolved_at IS NULL"
        case "resolved": sql += " AND resolved_at IS NOT NULL"
        default: break
        }
        if let u = q.urgency { sql += " AND urgency = ?"; args.append(u) }
        if let c = q.category { sql += " AND category = ?"; args.append(c) }
        if let ch = q.channel { sql += " AND channel = ?"; args.append(ch) }
        if let f = q.from { sql += " AND received >= ?"; args.append(f.string) }
        if let t = q.to { sql += " AND received < ?"; args.append(t.adding(days: 1).string) }
        let key: String
        switch q.order {
        case .received, .made: key = "received"
        case .department: key = "(SELECT name FROM departments d WHERE d.code = complaints.department)"
        case .channel: key = "channel"
        case .urgency: key = "CASE urgency WHEN 'critical' THEN 0 WHEN 'urgent' THEN 1 ELSE 2 END"
        case .status: key = "CASE WHEN accepted_at IS NULL THEN 0 WHEN resolved_at IS NULL THEN 1 ELSE 2 END"
        case .category: key = "category"
        case .id: key = "id"
        default: key = "current_due"
        }
        return try window(r, sql, args, order: key, descending: q.descending, offset: offset, limit: limit) { try Complaint(positional: $0) }
    }

    /// The count and one window of `FROM … WHERE …`, ordered by `key` then id (so equal keys keep a fixed order).
    private static func window<R: SQLReader, T: Sendable>(_ r: R, _ sql: String, _ args: [DatabaseValueConvertible], order key: String,
                                                          descending: Bool, offset: Int, limit: Int,
                                                          _ decode: (R.Row) throws -> T) throws -> Window<T> {
        let total = try r.int("SELECT count(*) " + sql, args)
        let dir = descending ? "DESC" : "ASC"
        let rows = try r.all("SELECT * \(sql) ORDER BY \(key) \(dir), id \(dir) LIMIT ? OFFSET ?", args + [limit, offset], decode)
        return Window(rows: rows, total: total, offset: offset)
    }
}
