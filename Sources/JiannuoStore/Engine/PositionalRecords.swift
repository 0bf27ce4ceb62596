import GRDB
import JiannuoCore

// Hand-written row decoding for the two big tables: Codable decoding through GRDB costs about
// ten times as much per row, and alerts and lists read tens of thousands of these rows.

extension Row {
    func day(_ column: String) throws -> Day {
        guard let s: String = self[column], let d = Day(s) else { throw Row.corrupt(column, self[column] as String?) }
        return d
    }
    func optionalDay(_ column: String) -> Day? { (self[column] as String?).flatMap(Day.init) }
    func optionalDateTime(_ column: String) -> DateTime? { (self[column] as String?).flatMap(DateTime.init) }
    func vocabulary<V: Vocabulary>(_ column: String) throws -> V {
        guard let s: String = self[column], let v = V(rawValue: s) else { throw Row.corrupt(column, self[column] as String?) }
        return v
    }
    static func corrupt(_ column: String, _ value: String?) -> JiannuoError {
        .database("数据库中 \(column) 的值“\(Sanitize.visible(value ?? "NULL"))”无法识别", "unreadable value in column \(column)")
    }
}

/// A record decoded by position (the big tables): a PostgreSQL result decodes it the same way.
protocol PositionalRecord {
    init<R: PositionalRow>(positional row: R) throws
}

extension Commitment: PositionalRecord {}
extension Complaint: PositionalRecord {}
extension Breach: PositionalRecord {}

/// A row read by position: GRDB's `Row` for SQLite, `PGRow` for PostgreSQL. The decoders of the big
/// tables take either, so that both engines read a record the same way.
protocol PositionalRow {
    var count: Int { get }
    func text(_ i: Int) -> String?
    func int(_ i: Int) -> Int64?
    func real(_ i: Int) -> Double?
    /// The value as stored (`export --all`): its storage class where the engine gives it, else its text.
    func stored(_ i: Int) -> TransferValue
}

extension Row: PositionalRow {
    @inline(__always) func text(_ i: Int) -> String? { self[i] }
    @inline(__always) func int(_ i: Int) -> Int64? { self[i] }
    @inline(__always) func real(_ i: Int) -> Double? { self[i] }
    func stored(_ i: Int) -> TransferValue { LedgerTransfer.value(self[i] as DatabaseValue) }
}

extension PositionalRow {
    func day(at i: Int) -> Day? { text(i).flatMap(Day.init) }
    func dateTime(at i: Int) -> DateTime? { text(i).flatMap(DateTime.init) }
    func small(_ i: Int) -> Int? { int(i).map { Int($0) } }
    func flag(_ i: Int) -> Bool? { int(i).map { $0 != 0 } }
    func required(_ i: Int, _ column: String) throws -> String {
        guard let t = text(i) else { throw Row.corrupt(column, nil) }
        return t
    }
}

extension Commitment {
    /// Reads `SELECT *` by position, in the table's column order (migrations only ever append
    /// columns): looking columns up by name costs more than the rest of the decoding.
    public init(row: Row) throws { try self.init(positional: row) }

    init<R: PositionalRow>(positional row: R) throws {
        guard row.count >= 16 else { throw Row.corrupt("commitments", "\(row.count) columns") }
        let procedures = Commitment.procedures(fromJSON: row.text(12) ?? "[]")
        guard let made = row.day(at: 8) else { throw Row.corrupt("made", row.text(8)) }
        guard let deadline = row.day(at: 9) else { throw Row.corrupt("deadline", row.text(9)) }
        guard let kind = row.text(2).flatMap(CommitmentKind.init(rawValue:)) else { throw Row.corrupt("kind", row.text(2)) }
        guard let status = row.text(10).flatMap(CommitmentStatus.init(rawValue:)) else { throw Row.corrupt("status", row.text(10)) }
        guard let category = row.small(3), let progress = row.small(11) else { throw Row.corrupt("category", row.text(3)) }
        self.init(id: try row.required(0, "id"), department: try row.required(1, "department"), kind: kind, category: category,
                  counterparty: try row.required(4, "counterparty"), creditCode: row.text(5),
                  content: try row.required(6, "content"), amount: row.int(7).map(Money.init(fen:)), made: made, deadline: deadline,
                  status: status, progress: progress, procedures: procedures,
                  fulfilledOn: row.day(at: 13), deliveredOn: row.day(at: 14), paymentDays: row.small(15))
    }
}

extension Complaint {
    /// By position, in the table's column order (see `Commitment.init(row:)`): alerts and the
    /// dashboard read tens of thousands of these.
    public init(row: Row) throws { try self.init(positional: row) }

    init<R: PositionalRow>(positional row: R) throws {
        guard row.count >= 29 else { throw Row.corrupt("complaints", "\(row.count) columns") }
        guard let received = row.dateTime(at: 2) else { throw Row.corrupt("received", row.text(2)) }
        guard let channel = row.text(1).flatMap(Channel.init(rawValue:)) else { throw Row.corrupt("channel", row.text(1)) }
        guard let urgency = row.text(3).flatMap(Urgency.init(rawValue:)) else { throw Row.corrupt("urgency", row.text(3)) }
        guard let acceptDue = row.day(at: 26) else { throw Row.corrupt("accept_due", row.text(26)) }
        self.init(id: try row.required(0, "id"), channel: channel, received: received, urgency: urgency, complainant: row.text(4),
                  contact: row.text(5), department: try row.required(6, "department"), category: row.small(7), commitment: row.text(8),
                  content: try row.required(9, "content"), acceptDue: acceptDue)
        acceptedAt = row.dateTime(at: 10); resolvedAt = row.dateTime(at: 11); result = row.text(12)
        respondedAt = row.dateTime(at: 13); response = row.text(14)
        extensionDays = row.small(15); extensionReason = row.text(16)
        returnedFrom = row.text(17); returnedAt = row.dateTime(at: 18); returnReason = row.text(19)
        verifiedAt = row.dateTime(at: 20); breach = row.flag(21); finding = row.text(22)
        satisfied = row.flag(23); followupNote = row.text(24); followupAt = row.dateTime(at: 25)
        resolveDue = row.day(at: 27); respondDue = row.day(at: 28)
        // Columns 29–32 are generated; schema v4 appended extended_at, v6 reopened_at, v17 work_order.
        if row.count > 33 { extendedAt = row.dateTime(at: 33) }
        if row.count > 34 { reopenedAt = row.dateTime(at: 34) }
        if row.count > 35 { workOrder = row.text(35) }
    }
}

extension Commitment {
    /// The stored `["expert","public"]`, read byte by byte: splitting it as Characters cost more
    /// than all the other columns together.
    static func procedures(fromJSON text: String) -> [Procedure] {
        var out: [Procedure] = []
        var token: [UInt8] = []
        var quoted = false
        for b in text.utf8 {
            if b == UInt8(ascii: "\"") {
                if quoted, let p = Procedure(rawValue: String(decoding: token, as: UTF8.self)) { out.append(p) }
                token.removeAll(keepingCapacity: true)
                quoted.toggle()
            } else if quoted {
                token.append(b)
            }
        }
        return out
    }
}

extension Breach {
    /// By position, like `Commitment.init(row:)`.
    public init(row: Row) throws { try self.init(positional: row) }

    init<R: PositionalRow>(positional row: R) throws {
        guard row.count >= 8, let date = row.day(at: 5), let category = row.small(2) else { throw Row.corrupt("breaches", row.text(5)) }
        self.init(id: try row.required(0, "id"), department: try row.required(1, "department"), category: category,
                  commitment: row.text(3), complaint: row.text(4), date: date, finding: try row.required(6, "finding"),
                  reportedOn: row.day(at: 7))
    }
}

extension Rectification {
    /// By name: schema v6 rebuilt the table with `finding` after `breach`.
    public init(row: Row) throws {
        self.init(id: row["id"], breach: row["breach"], finding: row["finding"], unit: row["unit"], measures: row["measures"],
                  opened: try row.day("opened"), deadline: try row.day("deadline"), completedOn: row.optionalDay("completed_on"))
    }
}

extension Accountability {
    public init(row: Row) throws {
        let kind: AccountabilityTarget = (row["target_kind"] as String?).flatMap(AccountabilityTarget.init(rawValue:)) ?? .unit
        self.init(id: row["id"], breach: row["breach"], complaint: row["complaint"], finding: row["finding"], targetKind: kind,
                  department: row["department"], official: row["official"], post: row["post"],
                  target: row["target"], kind: row["kind"], date: try row.day("date"))
    }
}

extension OpinionEvent {
    public init(row: Row) throws {
        self.init(id: row["id"], department: row["department"], date: try row.day("date"), source: row["source"], title: row["title"],
                  severity: try row.vocabulary("severity"), handledOn: row.optionalDay("handled_on"), note: row["note"])
    }
}
