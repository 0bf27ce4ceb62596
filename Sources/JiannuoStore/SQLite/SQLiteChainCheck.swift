import GRDB
import JiannuoCore

/// `audit verify` on a ledger file: the chain walked row by row (`AuditChain.ChainWalk`), then every
/// ledger table summed afresh through the digest functions and compared with the last entry's digests.
extension AuditChain {
    /// Walks the whole chain; then, unless the log itself is broken, sums every ledger table and
    /// compares with the digests of the last entry. `anchor`: a head kept elsewhere, which the log
    /// must still hold unchanged. `progress` is told the rows read so far, then each table.
    /// `keptCounts`: the kept counts' differences from the records, when the caller computes them
    /// itself (on another connection, at the same time); nil: computed here, after the digests.
    static func verify(_ db: Database, anchor: Anchor? = nil, progress: ((String) -> Void)? = nil,
                       keptCounts: (() throws -> [KeptCountDifference]?)? = nil) throws -> Report {
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
        report.tampered = try checkLedger(db, lastState: walk.lastState, progress: progress) + (try zoneProblems(GRDBReader(db: db)))
        if let keptCounts {
            progress?("score_facts")
            report.tampered += AuditChain.keptCountProblems(try keptCounts() ?? [])
        } else if try KeptCountsCheck.tables.allSatisfy({ try db.tableExists($0) }) {
            progress?("score_facts")
            report.tampered += AuditChain.keptCountProblems(try KeptCountsCheck.differences(GRDBReader(db: db)))
        }
        return report
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
        "complaints": LedgerEntity(name: "complaint", comparesWhole: true) { db, id in try Complaint.fetchOne(db, key: id).map(AuditText.json) },
        "breaches": LedgerEntity(name: "breach", comparesWhole: true) { db, id in try Breach.fetchOne(db, key: id).map(AuditText.json) },
        "rectifications": LedgerEntity(name: "rectification", comparesWhole: true) { db, id in try Rectification.fetchOne(db, key: id).map(AuditText.json) },
        "accountability": LedgerEntity(name: "accountability", comparesWhole: true) { db, id in try Accountability.fetchOne(db, key: id).map(AuditText.json) },
        "opinions": LedgerEntity(name: "opinion", comparesWhole: true) { db, id in try OpinionEvent.fetchOne(db, key: id).map(AuditText.json) },
        "departments": LedgerEntity(name: "department", comparesWhole: true) { db, id in try Department.fetchOne(db, key: id).map(AuditText.json) },
        "commitments": LedgerEntity(name: "commitment", comparesWhole: false) { db, id in try Commitment.fetchOne(db, key: id).map(AuditText.json) },
        "users": LedgerEntity(name: "user", comparesWhole: true) { db, id in try Account.fetchOne(db, key: id).map(AuditText.json) },
        "inspections": LedgerEntity(name: "inspection", comparesWhole: true) { db, id in try InspectionRound.fetchOne(db, key: id).map(AuditText.json) },
        "findings": LedgerEntity(name: "finding", comparesWhole: true) { db, id in try Finding.fetchOne(db, key: id).map(AuditText.json) },
        "escalations": LedgerEntity(name: "escalation", comparesWhole: true) { db, id in try Escalation.fetchOne(db, key: id).map(AuditText.json) },
    ]
}
