import Crypto
import Foundation
import GRDB
import JiannuoCore

/// Walks the audit chain and checks the ledger against the digests it carries.
public enum AuditChain {
    static let genesis = String(repeating: "0", count: 64)

    /// Rows written before schema v4 keep the hash they were written with; later rows also cover
    /// the claimed date and the ledger's digests.
    static func hash(of e: AuditEntry) -> String {
        var fields = ["\(e.seq)", e.at, e.operatorName, e.action, e.entity, e.entityId,
                      e.before ?? "\u{0}", e.after ?? "\u{0}", e.prevHash]
        if let state = e.state { fields += [e.claimed ?? "\u{0}", state] }
        let digest = SHA256.hash(data: Data(fields.joined(separator: "\u{1F}").utf8))
        return digest.map { String(format: "%02x", $0) }.joined()
    }

    /// `SEQ:HASH`: a point of the chain worth keeping outside the file.
    public struct Anchor: Sendable, Equatable, CustomStringConvertible {
        public var seq: Int64
        public var hash: String
        public init(seq: Int64, hash: String) { self.seq = seq; self.hash = hash }
        public init?(_ text: String) {
            let parts = text.split(separator: ":", maxSplits: 1)
            guard parts.count == 2, let s = Int64(parts[0]), s > 0, parts[1].count == 64,
                  parts[1].allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else { return nil }
            seq = s; hash = String(parts[1])
        }
        public var description: String { "\(seq):\(hash)" }
    }

    public struct Problem: Sendable {
        public var reason: Text
        /// The table and records concerned, where they can be named.
        public var table: String?
        public var records: [String]
    }

    public struct Report: Sendable {
        public var rows: Int
        /// The first row of the log that does not check, and why.
        public var firstBad: Int64?
        public var reason: Text?
        /// Ledger tables whose rows no longer add up to the digests of the last entry.
        public var tampered: [Problem] = []
        public var head: Anchor?
        public var intact: Bool { firstBad == nil && reason == nil && tampered.isEmpty }
    }

    /// Walks the whole chain; then, unless the log itself is broken, sums every ledger table and
    /// compares with the digests of the last entry. `anchor`: a head kept elsewhere, which the log
    /// must still hold unchanged. `progress` is told the rows read so far, then each table.
    static func verify(_ db: Database, anchor: Anchor? = nil, progress: ((String) -> Void)? = nil) throws -> Report {
        var walk = ChainWalk(anchor: anchor, progress: progress)
        let cursor = try Row.fetchCursor(db, sql: "SELECT seq, at, operator, action, entity, entity_id, before, after, prev_hash, hash, claimed, state FROM audit_log ORDER BY seq")
        while let row = try cursor.next() {
            // Only TEXT counts: a value rewritten as a number or blob no longer reads.
            func text(_ i: Int) -> String? {
                if case .string(let v) = (row[i] as DatabaseValue).storage { return v }
                return nil
            }
            func optionalText(_ i: Int) -> String?? {
                let v = row[i] as DatabaseValue
                if v.isNull { return .some(nil) }
                if case .string(let t) = v.storage { return .some(t) }
                return nil
            }
            guard case .int64(let seq) = (row[0] as DatabaseValue).storage else { return walk.unreadableSeq() }
            guard let at = text(1), let op = text(2), let action = text(3), let entity = text(4),
                  let eid = text(5), let prevHash = text(8), let rowHash = text(9),
                  let before = optionalText(6), let after = optionalText(7), let claimed = optionalText(10), let state = optionalText(11)
            else { return walk.unreadable(seq) }
            let entry = AuditEntry(seq: seq, at: at, operatorName: op, action: action, entity: entity, entityId: eid,
                                   before: before, after: after, prevHash: prevHash, hash: rowHash, claimed: claimed, state: state)
            if let bad = walk.check(entry) { return bad }
        }
        if let bad = walk.end(storedHead: try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'audit_head'")) { return bad }
        var report = walk.report
        report.tampered = try checkLedger(db, lastState: walk.lastState, progress: progress)
        return report
    }

    /// The walk along the chain, row by row, whatever engine the rows come from.
    struct ChainWalk {
        let anchor: Anchor?
        let progress: ((String) -> Void)?
        var prev = genesis
        var expected: Int64 = 1
        var count = 0
        var lastState: String? = nil
        var anchorSeen = false

        init(anchor: Anchor?, progress: ((String) -> Void)?) { self.anchor = anchor; self.progress = progress }

        func bad(_ seq: Int64, _ why: Text) -> Report { Report(rows: count, firstBad: seq, reason: why) }

        mutating func unreadableSeq() -> Report {
            count += 1
            return bad(expected, Text("序号不可读", "unreadable sequence number"))
        }

        mutating func unreadable(_ seq: Int64) -> Report {
            count += 1
            guard seq == expected else { return bad(expected, Text("第 \(expected) 行缺失（被删除）", "row \(expected) is missing (deleted)")) }
            return bad(seq, Text("第 \(seq) 行的内容不可读（被改动）", "row \(seq) no longer reads (altered)"))
        }

        /// Nil when the entry checks; else the report naming it.
        mutating func check(_ entry: AuditEntry) -> Report? {
            count += 1
            if count % 50_000 == 0 { progress?("\(count)") }
            let seq = entry.seq
            guard seq == expected else {
                return bad(expected, Text("第 \(expected) 行缺失（被删除）", "row \(expected) is missing (deleted)"))
            }
            guard entry.prevHash == prev else {
                return bad(seq, Text("第 \(seq) 行与前一行的链接不符", "row \(seq) does not link to the row before"))
            }
            guard hash(of: entry) == entry.hash else {
                return bad(seq, Text("第 \(seq) 行的内容与其哈希不符（被改动）", "row \(seq) does not match its hash (altered)"))
            }
            if lastState != nil && entry.state == nil {
                return bad(seq, Text("第 \(seq) 行缺少账本摘要（被改写）", "row \(seq) lacks the ledger digests (rewritten)"))
            }
            if let anchor, anchor.seq == seq {
                guard anchor.hash == entry.hash else {
                    return bad(seq, Text("第 \(seq) 行与保存的锚点 \(anchor) 不符：日志自该处起被改写",
                                         "row \(seq) differs from the kept anchor \(anchor): the log was rewritten from there"))
                }
                anchorSeen = true
            }
            if entry.state != nil { lastState = entry.state }
            prev = entry.hash
            expected += 1
            return nil
        }

        var head: Anchor? { count == 0 ? nil : Anchor(seq: expected - 1, hash: prev) }

        /// After the last row: the anchor must have been met and the stored head must be the last row.
        func end(storedHead: String?) -> Report? {
            if let anchor, !anchorSeen {
                return Report(rows: count, firstBad: anchor.seq, reason: Text(
                    "日志中已没有锚点 \(anchor) 所指的第 \(anchor.seq) 行：日志末尾被截去或整个被删除",
                    "the log no longer holds row \(anchor.seq) of the anchor \(anchor): its end was cut off, or the whole log deleted"),
                    head: head)
            }
            if storedHead != head?.description {
                return Report(rows: count, firstBad: expected, reason: Text("日志末尾的记录被删除或链头被改动",
                                                                            "rows were cut off the end of the log, or its head was altered"), head: head)
            }
            return nil
        }

        var report: Report { Report(rows: count, firstBad: nil, reason: nil, head: head) }
    }

    /// Sums every ledger table and compares with the last entry's digests (all zero before any).
    static func checkLedger(_ db: Database, lastState: String?, progress: ((String) -> Void)?) throws -> [Problem] {
        var problems: [Problem] = []
        let existing = Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger'"))
        let missing = try LedgerDigest.triggerNames(db).filter { !existing.contains($0) }
        if !missing.isEmpty {
            problems.append(Problem(reason: Text("摘要触发器被删除：\(missing.joined(separator: "、"))", "digest triggers were dropped: \(missing.joined(separator: ", "))"),
                                    table: nil, records: []))
        }
        let expected = lastState.map(LedgerDigest.decode) ?? [:]
        let actual = try LedgerDigest.recompute(db, progress: progress)
        let kept = try LedgerDigest.stored(db)
        for t in LedgerDigest.tables {
            let want = expected[t] ?? .zero
            guard actual[t] ?? .zero != want || (lastState != nil && kept[t] ?? .zero != want) else { continue }
            let records = try suspects(db, table: t)
            let named = records.isEmpty ? "" : "（涉及：\(records.prefix(20).joined(separator: "、"))）"
            problems.append(Problem(reason: Text("表 \(t) 的内容与审计日志记载的摘要不符：有记录在程序之外被插入、改动或删除\(named)",
                                                 "table \(t) does not match the digests in the audit log: rows were inserted, changed or deleted outside the program\(records.isEmpty ? "" : " (records: \(records.prefix(20).joined(separator: ", ")))")"),
                                    table: t, records: records))
        }
        return problems
    }

    /// Records of a table that no longer agree with the log: ids the log saw added that are gone, and
    /// records whose current state differs from what their last entry wrote.
    static func suspects(_ db: Database, table: String) throws -> [String] {
        guard let entity = LedgerEntity.byTable[table] else { return [] }
        var out: [String] = []
        let rows = try Row.fetchAll(db, sql: """
            SELECT entity_id, after, state FROM audit_log WHERE seq IN
                (SELECT max(seq) FROM audit_log WHERE entity = ? AND after IS NOT NULL AND action NOT LIKE '%.reveal' GROUP BY entity_id)
            """, arguments: [entity.name])
        for row in rows {
            let id: String = row["entity_id"]
            guard let current = try entity.json(db, id) else {
                out.append(id)
                continue
            }
            // Entries from before v4 wrote times without offsets: compare only what v4 wrote.
            if (row["state"] as String?) != nil, let after = row["after"] as String?, after != current,
               entity.comparesWhole { out.append(id) }
        }
        return out.sorted()
    }
}

/// The records the audit log names, by table: how to read one back as the log wrote it.
struct LedgerEntity: Sendable {
    let name: String
    /// Whether an entry's `after` is the whole record (so a difference means a change).
    let comparesWhole: Bool
    let json: @Sendable (Database, String) throws -> String?

    static let byTable: [String: LedgerEntity] = [
        "complaints": LedgerEntity(name: "complaint", comparesWhole: true) { db, id in try Complaint.fetchOne(db, key: id).map(AuditWriter.json) },
        "breaches": LedgerEntity(name: "breach", comparesWhole: true) { db, id in try Breach.fetchOne(db, key: id).map(AuditWriter.json) },
        "rectifications": LedgerEntity(name: "rectification", comparesWhole: true) { db, id in try Rectification.fetchOne(db, key: id).map(AuditWriter.json) },
        "accountability": LedgerEntity(name: "accountability", comparesWhole: true) { db, id in try Accountability.fetchOne(db, key: id).map(AuditWriter.json) },
        "opinions": LedgerEntity(name: "opinion", comparesWhole: true) { db, id in try OpinionEvent.fetchOne(db, key: id).map(AuditWriter.json) },
        "departments": LedgerEntity(name: "department", comparesWhole: true) { db, id in try Department.fetchOne(db, key: id).map(AuditWriter.json) },
        "commitments": LedgerEntity(name: "commitment", comparesWhole: false) { db, id in try Commitment.fetchOne(db, key: id).map(AuditWriter.json) },
        "users": LedgerEntity(name: "user", comparesWhole: true) { db, id in try Account.fetchOne(db, key: id).map(AuditWriter.json) },
        "inspections": LedgerEntity(name: "inspection", comparesWhole: true) { db, id in try InspectionRound.fetchOne(db, key: id).map(AuditWriter.json) },
        "findings": LedgerEntity(name: "finding", comparesWhole: true) { db, id in try Finding.fetchOne(db, key: id).map(AuditWriter.json) },
        "escalations": LedgerEntity(name: "escalation", comparesWhole: true) { db, id in try Escalation.fetchOne(db, key: id).map(AuditWriter.json) },
    ]
}
