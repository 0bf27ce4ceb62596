import GRDB
import JiannuoCore

/// What a dashboard pane asks for: its typed filter, a structured filter (unit, status, urgency,
/// category, channel, dates) and an order. One window of rows at a time; searches are
/// literal (`containsPattern`).
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

extension LedgerEngine {
    public func openCommitments(_ q: PaneQuery, offset: Int, limit: Int) throws -> Window<Commitment> {
        try actor.require(.read)
        let (only, units) = liaisonFilter("department")
        return try reading { r in try PaneWindows.commitments(r, q, confined: only, units, offset: offset, limit: limit) }
    }

    public func openComplaints(_ q: PaneQuery, offset: Int, limit: Int) throws -> Window<Complaint> {
        try actor.require(.read)
        let (only, units) = liaisonFilter("department")
        return try reading { r in try PaneWindows.complaints(r, q, confined: only, units, offset: offset, limit: limit) }
    }

    /// The position of a complaint in the default order of `openComplaints`, to select it after it was added.
    public func openComplaintPosition(_ id: String) throws -> Int? {
        try openPosition(id, table: "complaints", open: CoreSQL.complaintOpen(), key: "current_due")
    }

    /// The position of a commitment in the default order of `openCommitments`, nil once it is closed.
    public func openCommitmentPosition(_ id: String) throws -> Int? {
        try openPosition(id, table: "commitments", open: CoreSQL.commitmentOpen(), key: "deadline")
    }

    /// Where an open record stands in its pane's default order (`key`, then id), as the actor sees the pane.
    private func openPosition(_ id: String, table: String, open: String, key: String) throws -> Int? {
        let (only, units) = liaisonFilter("department")
        return try reading { r in
            var value: String? = nil
            try r.each("SELECT \(key) FROM \(table) WHERE id = ? AND \(open)", [id]) { value = $0.text(0) }
            guard let value else { return nil }
            return try r.int("SELECT count(*) FROM \(table) WHERE \(open) AND (\(key) < ? OR (\(key) = ? AND id < ?))\(only)",
                             [value, value, id] + units)
        }
    }
}

/// The SQL of the two list panes, run by either engine.
enum PaneWindows {
    static func commitments<R: SQLReader>(_ r: R, _ q: PaneQuery, confined only: String, _ units: [DatabaseValueConvertible],
                                          offset: Int, limit: Int) throws -> Window<Commitment> {
        var sql = "FROM commitments \(byDue(r, q, only, AlertIndexes.openCommitments)) WHERE \(CoreSQL.commitmentOpen())" + only
        var args: [DatabaseValueConvertible] = units
        let (typed, pattern) = search(r, q.search, ["id", "department", "counterparty", "content"])
        sql += typed; args += pattern
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
        return try window(r, sql, args, order: key, descending: q.descending, offset: offset, limit: limit,
                          total: everyOpen(q, only, KeptOpenCounts.commitments)) { try Commitment(positional: $0) }
    }

    static func complaints<R: SQLReader>(_ r: R, _ q: PaneQuery, confined only: String, _ units: [DatabaseValueConvertible],
                                         offset: Int, limit: Int) throws -> Window<Complaint> {
        var sql = "FROM complaints \(byDue(r, q, only, AlertIndexes.openComplaints)) WHERE \(CoreSQL.complaintOpen())" + only
        var args: [DatabaseValueConvertible] = units
        let (typed, pattern) = search(r, q.search, ["id", "department", "content", "complainant"])
        sql += typed; args += pattern
        if let d = q.department { sql += " AND department = ?"; args.append(d) }
        if let stage = q.status.flatMap(Complaint.Stage.init(rawValue:)) { sql += " AND " + CoreSQL.complaintIn(stage) }
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
        case .status: key = CoreSQL.complaintStage { String($0.index) }
        case .category: key = "category"
        case .id: key = "id"
        default: key = "current_due"
        }
        return try window(r, sql, args, order: key, descending: q.descending, offset: offset, limit: limit,
                          total: everyOpen(q, only, KeptOpenCounts.complaints)) { try Complaint(positional: $0) }
    }

    /// The open items' index by due day for the county-wide list in its default order, whatever SQLite's
    /// statistics say (a demo file is analysed; an index made since has none): left to itself the planner
    /// read the open complaints through their stage index and sorted them all (a province's first window
    /// 1 → 94 ms). A unit's list keeps the planner's choice (its unit's indexes).
    private static func byDue<R: SQLReader>(_ r: R, _ q: PaneQuery, _ only: String, _ index: AlertIndexes.Index) -> String {
        q.order == .due && q.department == nil && only.isEmpty ? r.dialect.indexedBy(index.name) : ""
    }

    /// How many rows a pane of every open item holds, from the kept counts; nil when anything narrows it.
    private static func everyOpen(_ q: PaneQuery, _ only: String, _ part: KeptOpenCounts.Part) -> String? {
        q.isUnfiltered && (q.search ?? "").isEmpty && only.isEmpty ? KeptOpenCounts.totalSQL(part) : nil
    }

    /// ` AND (…)` for the filter line: any of `columns`, or the name of the unit, contains what was typed, literally.
    private static func search<R: SQLReader>(_ r: R, _ text: String?, _ columns: [String]) -> (String, [DatabaseValueConvertible]) {
        guard let text, !text.isEmpty else { return ("", []) }
        let like = r.dialect.like
        let terms = columns.map { "\($0) \(like) ? ESCAPE '\\'" } + ["department IN (SELECT code FROM departments WHERE name \(like) ? ESCAPE '\\')"]
        return (" AND (" + terms.joined(separator: " OR ") + ")", Array(repeating: containsPattern(text), count: terms.count))
    }

    /// The count and one window of `FROM … WHERE …`, ordered by `key` then id (so equal keys keep a fixed order).
    /// `total`: a query of the count that reads less, when there is one.
    private static func window<R: SQLReader, T: Sendable>(_ r: R, _ sql: String, _ args: [DatabaseValueConvertible], order key: String,
                                                          descending: Bool, offset: Int, limit: Int, total counted: String? = nil,
                                                          _ decode: (R.Row) throws -> T) throws -> Window<T> {
        let total = try counted.map { try r.int($0, []) } ?? r.int("SELECT count(*) " + sql, args)
        let dir = descending ? "DESC" : "ASC"
        let rows = try r.all("SELECT * \(sql) ORDER BY \(key) \(dir), id \(dir) LIMIT ? OFFSET ?", args + [limit, offset], decode)
        return Window(rows: rows, total: total, offset: offset)
    }
}
