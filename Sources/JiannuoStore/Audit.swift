import Crypto
import Foundation
import GRDB
import JiannuoCore

/// Appends hash-chained rows to `audit_log` inside the current write transaction.
/// Each row's hash covers its fields and the previous row's hash, so editing or deleting a row
/// outside the program breaks the chain at that row.
struct AuditWriter {
    let db: Database
    let operatorName: String
    let clock: Clock

    func record<B: Encodable, A: Encodable>(_ action: String, entity: String, id: String, before: B?, after: A?) throws {
        try append(action: action, entity: entity, id: id, before: before.map(AuditWriter.json), after: after.map(AuditWriter.json))
    }

    func record<A: Encodable>(_ action: String, entity: String, id: String, after: A) throws {
        try append(action: action, entity: entity, id: id, before: nil, after: AuditWriter.json(after))
    }

    func append(action: String, entity: String, id: String, before: String?, after: String?) throws {
        let last = try Row.fetchOne(db, sql: "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1")
        let seq: Int64 = (last?["seq"] as Int64? ?? 0) + 1
        let prev: String = last?["hash"] ?? AuditChain.genesis
        let row = AuditEntry(seq: seq, at: AuditWriter.timestamp(clock), operatorName: operatorName, action: action,
                             entity: entity, entityId: id, before: before, after: after, prevHash: prev, hash: "")
        let hash = AuditChain.hash(of: row)
        try db.execute(sql: """
            INSERT INTO audit_log(seq, at, operator, action, entity, entity_id, before, after, prev_hash, hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [seq, row.at, operatorName, action, entity, id, before, after, prev, hash])
        // The head guards against rows cut off the end of the chain.
        try db.execute(sql: "INSERT INTO meta(key, value) VALUES ('audit_head', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                       arguments: ["\(seq):\(hash)"])
    }

    static func timestamp(_ clock: Clock) -> String {
        // The real instant, whatever --today says: the log records when a thing was done.
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let real = f.string(from: Date())
        return clock.today == Clock.system().today ? real : "\(real) (today=\(clock.today))"
    }

    static func json<T: Encodable>(_ value: T) -> String {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? e.encode(value)).flatMap { String(data: $0, encoding: .utf8) } ?? "null"
    }
}

public struct AuditEntry: Codable, Sendable {
    public var seq: Int64
    public var at: String
    public var operatorName: String
    public var action: String
    public var entity: String
    public var entityId: String
    public var before: String?
    public var after: String?
    public var prevHash: String
    public var hash: String

    enum CodingKeys: String, CodingKey {
        case seq, at, operatorName = "operator", action, entity, entityId = "entity_id", before, after
        case prevHash = "prev_hash", hash
    }
}

public enum AuditChain {
    static let genesis = String(repeating: "0", count: 64)

    static func hash(of e: AuditEntry) -> String {
        let fields = ["\(e.seq)", e.at, e.operatorName, e.action, e.entity, e.entityId,
                      e.before ?? "\u{0}", e.after ?? "\u{0}", e.prevHash]
        let digest = SHA256.hash(data: Data(fields.joined(separator: "\u{1F}").utf8))
        return digest.map { String(format: "%02x", $0) }.joined()
    }

    public struct Report: Sendable {
        public var rows: Int
        /// The first row that does not check, and why.
        public var firstBad: Int64?
        public var reason: Text?
        public var intact: Bool { firstBad == nil }
    }

    /// Walks the whole chain. A row whose values no longer read as text counts as broken too.
    static func verify(_ db: Database) throws -> Report {
        var prev = genesis
        var expected: Int64 = 1
        var count = 0
        let cursor = try Row.fetchCursor(db, sql: "SELECT * FROM audit_log ORDER BY seq")
        while let row = try cursor.next() {
            count += 1
            // Only TEXT counts: a value rewritten as a number or blob no longer reads.
            func text(_ col: String) -> String? {
                if case .string(let v) = (row[col] as DatabaseValue).storage { return v }
                return nil
            }
            func optionalText(_ col: String) -> String?? {
                let v = row[col] as DatabaseValue
                if v.isNull { return .some(nil) }
                if case .string(let t) = v.storage { return .some(t) }
                return nil
            }
            guard case .int64(let seq) = (row["seq"] as DatabaseValue).storage else {
                return Report(rows: count, firstBad: expected, reason: Text("序号不可读", "unreadable sequence number"))
            }
            guard seq == expected else {
                return Report(rows: count, firstBad: expected, reason: Text("第 \(expected) 行缺失（被删除）", "row \(expected) is missing (deleted)"))
            }
            guard let at = text("at"), let op = text("operator"), let action = text("action"), let entity = text("entity"),
                  let eid = text("entity_id"), let prevHash = text("prev_hash"), let rowHash = text("hash"),
                  let before = optionalText("before"), let after = optionalText("after")
            else {
                return Report(rows: count, firstBad: seq, reason: Text("第 \(seq) 行的内容不可读（被改动）", "row \(seq) no longer reads (altered)"))
            }
            let entry = AuditEntry(seq: seq, at: at, operatorName: op, action: action, entity: entity, entityId: eid,
                                   before: before, after: after, prevHash: prevHash, hash: rowHash)
            guard prevHash == prev else {
                return Report(rows: count, firstBad: seq, reason: Text("第 \(seq) 行与前一行的链接不符", "row \(seq) does not link to the row before"))
            }
            guard hash(of: entry) == rowHash else {
                return Report(rows: count, firstBad: seq, reason: Text("第 \(seq) 行的内容与其哈希不符（被改动）", "row \(seq) does not match its hash (altered)"))
            }
            prev = rowHash
            expected += 1
        }
        let head = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'audit_head'")
        let actual = count == 0 ? nil : "\(expected - 1):\(prev)"
        if head != actual {
            return Report(rows: count, firstBad: expected, reason: Text("日志末尾的记录被删除或链头被改动", "rows were cut off the end of the log, or its head was altered"))
        }
        return Report(rows: count, firstBad: nil, reason: nil)
    }
}
