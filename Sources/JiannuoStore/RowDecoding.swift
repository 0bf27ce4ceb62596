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

extension Commitment {
    /// Reads `SELECT *` by position, in the table's column order (migrations only ever append
    /// columns): looking columns up by name costs more than the rest of the decoding.
    public init(row: Row) throws {
        guard row.count >= 16 else { throw Row.corrupt("commitments", "\(row.count) columns") }
        let procedures = Commitment.procedures(fromJSON: row[12] as String? ?? "[]")
        guard let made = (row[8] as String?).flatMap(Day.init) else { throw Row.corrupt("made", row[8]) }
        guard let deadline = (row[9] as String?).flatMap(Day.init) else { throw Row.corrupt("deadline", row[9]) }
        guard let kind = (row[2] as String?).flatMap(CommitmentKind.init(rawValue:)) else { throw Row.corrupt("kind", row[2]) }
        guard let status = (row[10] as String?).flatMap(CommitmentStatus.init(rawValue:)) else { throw Row.corrupt("status", row[10]) }
        self.init(id: row[0], department: row[1], kind: kind, category: row[3], counterparty: row[4], creditCode: row[5],
                  content: row[6], amount: (row[7] as Int64?).map(Money.init(fen:)), made: made, deadline: deadline,
                  status: status, progress: row[11], procedures: procedures,
                  fulfilledOn: (row[13] as String?).flatMap(Day.init), deliveredOn: (row[14] as String?).flatMap(Day.init),
                  paymentDays: row[15])
    }
}

extension Complaint {
    /// By position, in the table's column order (see `Commitment.init(row:)`): alerts and the
    /// dashboard read tens of thousands of these.
    public init(row: Row) throws {
        guard row.count >= 29 else { throw Row.corrupt("complaints", "\(row.count) columns") }
        func dt(_ i: Int) -> DateTime? { (row[i] as String?).flatMap(DateTime.init) }
        func day(_ i: Int) -> Day? { (row[i] as String?).flatMap(Day.init) }
        guard let received = dt(2) else { throw Row.corrupt("received", row[2]) }
        guard let channel = (row[1] as String?).flatMap(Channel.init(rawValue:)) else { throw Row.corrupt("channel", row[1]) }
        guard let urgency = (row[3] as String?).flatMap(Urgency.init(rawValue:)) else { throw Row.corrupt("urgency", row[3]) }
        guard let acceptDue = day(26) else { throw Row.corrupt("accept_due", row[26]) }
        self.init(id: row[0], channel: channel, received: received, urgency: urgency, complainant: row[4], contact: row[5],
                  department: row[6], category: row[7], commitment: row[8], content: row[9], acceptDue: acceptDue)
        acceptedAt = dt(10); resolvedAt = dt(11); result = row[12]; respondedAt = dt(13); response = row[14]
        extensionDays = row[15]; extensionReason = row[16]
        returnedFrom = row[17]; returnedAt = dt(18); returnReason = row[19]
        verifiedAt = dt(20); breach = row[21]; finding = row[22]
        satisfied = row[23]; followupNote = row[24]; followupAt = dt(25)
        resolveDue = day(27); respondDue = day(28)
        // Columns 29–32 are generated; schema v4 appended extended_at, v6 reopened_at.
        if row.count > 33 { extendedAt = dt(33) }
        if row.count > 34 { reopenedAt = dt(34) }
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
    public init(row: Row) throws {
        guard row.count >= 8, let date = (row[5] as String?).flatMap(Day.init) else { throw Row.corrupt("breaches", row[5]) }
        self.init(id: row[0], department: row[1], category: row[2], commitment: row[3], complaint: row[4], date: date,
                  finding: row[6], reportedOn: (row[7] as String?).flatMap(Day.init))
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
