import Foundation
import GRDB
import JiannuoTestSupport
import Testing
@testable import JiannuoCore
@testable import JiannuoStore

@Suite("Store: opening and schema")
struct OpeningTests {
    @Test("migrations create the schema, in WAL mode with foreign keys on")
    func schema() throws {
        let f = try Fixture()
        let store = try f.store()
        #expect(!store.readOnly)
        let tables = try store.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        }
        for t in ["departments", "department_events", "commitments", "commitment_entries", "amendments", "complaints", "breaches",
                  "rectifications", "accountability", "opinions", "calendar_overrides", "calendar_years", "sequences", "audit_log",
                  "meta", "grdb_migrations"] {
            #expect(tables.contains(t), "missing table \(t)")
        }
        #expect(try store.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") } == "wal")
        #expect(try store.read { db in try Int.fetchOne(db, sql: "PRAGMA foreign_keys") } == 1)
        #expect(try f.scalar("SELECT count(*) FROM grdb_migrations WHERE identifier = 'v1-ledger'") == 1)
        #expect(try store.integrityCheck() == "ok")
        // Opening again migrates nothing and keeps the data.
        _ = try store.addDepartment(code: "FGW", name: "县发改委", kind: .countyDepartment)
        let again = try f.store()
        #expect(try again.departments().map(\.code) == ["FGW"])
    }

    @Test("a database from a newer program is refused")
    func newerSchema() throws {
        let f = try Fixture()
        _ = try f.store()
        try f.sql("INSERT INTO grdb_migrations(identifier) VALUES ('v99-from-the-future')")
        let e = #expect(throws: JiannuoError.self) { _ = try f.store() }
        #expect(e?.kind == .database)
        #expect(e?.text.zh.contains("更新版本") == true)
        let r = #expect(throws: JiannuoError.self) { _ = try f.store(readOnly: true) }
        #expect(r?.kind == .database)
    }

    @Test("a file that is not a database is refused", arguments: [
        String(repeating: "这不是数据库。This is not a database.\n", count: 200),
        String(repeating: "\u{0}\u{1}garbage", count: 600),
    ])
    func notADatabase(_ content: String) throws {
        let f = try Fixture()
        try content.write(toFile: f.path, atomically: true, encoding: .utf8)
        let e = #expect(throws: JiannuoError.self) { _ = try f.store() }
        #expect(e?.kind == .database)
        #expect(e?.text.zh.contains("不是 Jiannuo 账本") == true, "\(String(describing: e))")
        // The file is left as it was.
        #expect(try String(contentsOfFile: f.path, encoding: .utf8) == content)
    }

    @Test("a missing file is not created when reading only")
    func missingReadOnly() throws {
        let f = try Fixture()
        let e = #expect(throws: JiannuoError.self) { _ = try f.store(readOnly: true) }
        #expect(e?.kind == .database)
        #expect(!FileManager.default.fileExists(atPath: f.path))
    }

    @Test("opened read-only: reading works, every write is refused and nothing changes")
    func readOnly() throws {
        let s = try Seeded()
        let before = try s.fixture.snapshot()
        let ro = try s.fixture.store(readOnly: true)
        #expect(ro.readOnly)
        #expect(try ro.departments().count == 3)
        #expect(try ro.complaint(s.complaint.id).id == s.complaint.id)
        expectKind(.database) { try ro.addDepartment(code: "SLJ", name: "县水利局", kind: .countyDepartment) }
        expectKind(.database) { try ro.accept(s.complaint.id, at: nil) }
        expectKind(.database) { try ro.addCalendarOverride(CalendarOverride(date: d("2026-03-03"), kind: .holiday)) }
        #expect(try s.fixture.snapshot() == before)
        #expect(try ro.verifyAudit().intact)
    }
}

@Suite("Store: the whole chain")
struct ChainTests {
    @Test("department → commitment → complaint → accept → verify breach → report → rectify → account; opinion; closing stages")
    func fullChain() throws {
        let s = try Seeded()
        let store = s.store
        #expect(s.commitment.id == "CN-2026-0001")
        #expect(s.commitment.amount?.fen == 12_500_050)
        #expect(s.complaint.id == "TS-2026-000001")
        #expect(s.complaint.acceptDue == d("2026-03-03"))

        let accepted = try store.accept(s.complaint.id, at: dt("2026-03-02 10:00"))
        #expect(accepted.resolveDue == d("2026-03-19"))   // 13 working days from Mon 3-02: 3–6, 9–13, 16–19
        let (verified, breachOpt) = try store.verify(s.complaint.id, breach: true, finding: "拖欠属实", category: nil)
        let breach = try #require(breachOpt)
        #expect(breach.id == "SX-2026-0001")
        #expect(breach.category == 3)
        #expect(breach.commitment == s.commitment.id)
        #expect(verified.breach == true)
        #expect(try store.breach(breach.id).complaint == s.complaint.id)

        let reported = try store.reportBreach(breach.id, date: nil)
        #expect(reported.reportedOn == d("2026-03-02"))
        let rect = try store.addRectification(breach: breach.id, unit: "FGW", measures: "限期支付", deadline: d("2026-03-31"))
        #expect(rect.id == "ZG-2026-0001")
        // Nothing can be dated after the clock's today: the later steps are entered later.
        expectKind(.invalid) { try store.completeRectification(rect.id, date: d("2026-03-20")) }
        // Entered on its day; entered on 03-31 it would be a claim counted from then until confirmed.
        let done = try s.fixture.store(today: "2026-03-20").completeRectification(rect.id, date: d("2026-03-20"))
        #expect(done.completedOn == d("2026-03-20"))
        let acc = try store.addAccountability(breach: breach.id, target: "县发改委主要负责人", kind: "约谈", date: nil)
        #expect(acc.id == "WZ-2026-0001")
        #expect(try store.accountability(ListFilter(), breach: breach.id).map(\.id) == [acc.id])

        // Each step entered on its day (a step typed weeks later would be a claim waiting for confirmation).
        let resolved = try s.fixture.store(today: "2026-03-10").resolve(s.complaint.id, result: "已支付", at: dt("2026-03-10 10:00"))
        #expect(resolved.respondDue == d("2026-03-11"))
        _ = try s.fixture.store(today: "2026-03-11").respond(s.complaint.id, text: "已告知", at: dt("2026-03-11 10:00"))
        // The follow-up call is made days later: its time is the clock's.
        expectKind(.invalid) { try store.followup(s.complaint.id, satisfied: true, note: "满意") }
        let followed = try s.fixture.store(today: "2026-03-12").followup(s.complaint.id, satisfied: true, note: "满意")
        #expect(followed.stage == .responded)
        #expect(followed.satisfied == true)

        let op = try store.addOpinion(department: "FGW", title: "企业发帖反映拖欠", source: "微博", severity: .high, date: nil)
        #expect(op.id == "YQ-2026-0001")
        #expect(try store.handleOpinion(op.id, date: nil, note: "已回应").handledOn == d("2026-03-02"))

        let progressed = try store.recordProgress(s.commitment.id, percent: 60, status: nil, note: "已拨付一半")
        #expect(progressed.status == .inProgress)
        let fb = try store.addFeedback(s.commitment.id, text: "已向企业说明进度")
        #expect(fb.id != nil)
        let fulfilled = try store.fulfill(s.commitment.id, date: nil, note: nil)
        #expect(fulfilled.status == .fulfilled)
        #expect(try store.commitmentEntries(s.commitment.id).map(\.kind) == [.progress, .feedback, .fulfill])

        let second = try store.addCommitment(CommitmentDraft(department: "410422101", kind: .policy, category: 1, counterparty: "某企业",
                                                             content: "奖补", made: "2026-02-01", deadline: "2026-05-01"))
        #expect(second.id == "CN-2026-0002")
        let (amended, amendment) = try store.amend(second.id, deadline: d("2026-08-01"), content: nil, reason: "公共利益",
                                                   legalBasis: "条例", approver: "县长")
        #expect(amended.deadline == d("2026-08-01"))
        #expect(try store.amendments(second.id).map(\.oldDeadline) == [d("2026-05-01")])
        #expect(amendment.newDeadline == d("2026-08-01"))

        let renamed = try store.renameDepartment(code: "CZJ", name: "县财政局（国资）", date: nil)
        #expect(renamed.name == "县财政局（国资）")
        let merged = try store.mergeDepartment(from: "410422101", into: "FGW", date: d("2026-03-02"))
        #expect(merged.successor == "FGW" && !merged.active)
        // The successor's lists include the merged unit's records.
        #expect(try store.commitments(ListFilter(department: "FGW")).map(\.id) == [s.commitment.id, second.id])
        #expect(try store.predecessors(of: "FGW").map(\.code) == ["410422101"])
        #expect(try store.departmentEvents("410422101").map(\.kind) == [.merge])
        // A merged unit takes no new records.
        expectKind(.invalid) { try store.addComplaint(ComplaintDraft(channel: "phone", received: "2026-03-02 11:00", urgency: "normal",
                                                                     complainant: nil, contact: nil, department: "410422101", category: nil,
                                                                     commitment: nil, content: "x")) }

        let report = try store.verifyAudit()
        #expect(report.intact)
        let actions = try store.auditEntries().reversed().map(\.action)
        #expect(actions.count == report.rows)
        #expect(Array(actions.prefix(7)) == ["user.add", "department.add", "department.add", "department.add", "commitment.add", "complaint.add", "complaint.accept"])
        #expect(actions.contains("breach.add") && actions.contains("department.merge") && actions.contains("commitment.amend"))
        #expect(try store.auditEntries(entity: "complaint", id: s.complaint.id).allSatisfy { $0.operatorName == "测试员" })
    }

    @Test("refused operations leave the database exactly as it was")
    func refusedChangeNothing() throws {
        let s = try Seeded()
        let store = s.store
        _ = try store.accept(s.complaint.id, at: dt("2026-03-02 10:00"))
        let other = try store.addComplaint(ComplaintDraft(channel: "visit", received: "2026-03-02 09:30", urgency: "urgent", complainant: nil,
                                                          contact: nil, department: "CZJ", category: nil, commitment: nil, content: "无类别"))
        _ = try store.accept(other.id, at: dt("2026-03-02 10:00"))
        let before = try s.fixture.snapshot()
        let auditRows = try s.fixture.scalar("SELECT count(*) FROM audit_log")

        expectKind(.invalid) { try store.addDepartment(code: "FGW", name: "重复", kind: .countyDepartment) }
        expectKind(.invalid) { try store.addDepartment(code: "X\u{1B}", name: "坏代码", kind: .other) }
        expectKind(.invalid) {
            try store.addCommitment(CommitmentDraft(department: "NOPE", kind: .policy, category: 1, counterparty: "a", content: "b",
                                                    made: "2026-01-01", deadline: "2026-02-01"))
        }
        expectKind(.invalid) {
            try store.addCommitment(CommitmentDraft(department: "FGW", kind: .policy, category: 1, counterparty: "a", content: "b",
                                                    made: "2026-03-01", deadline: "2026-02-01"))
        }
        // A complaint naming an unknown commitment is refused input, like an unknown department.
        expectKind(.invalid) {
            try store.addComplaint(ComplaintDraft(channel: "hotline", received: "", urgency: "normal", complainant: nil, contact: nil,
                                                  department: "FGW", category: nil, commitment: "CN-2026-9999", content: "x"))
        }
        expectKind(.invalid) {
            try store.addComplaint(ComplaintDraft(channel: "hotline", received: "", urgency: "normal", complainant: nil, contact: nil,
                                                  department: "NOPE", category: nil, commitment: nil, content: "x"))
        }
        expectKind(.invalid) { try store.accept(s.complaint.id, at: nil) }
        // The breach id is drawn before the refusal: the sequence must roll back too.
        expectKind(.invalid) { try store.verify(other.id, breach: true, finding: "属实", category: nil) }
        expectKind(.invalid) { try store.respond(other.id, text: "x", at: nil) }
        expectKind(.invalid) { try store.returnComplaint(other.id, to: "FGW", reason: "错派", at: nil) }
        expectKind(.invalid) { try store.extend(other.id, days: 11, reason: "x") }
        expectKind(.invalid) { try store.mergeDepartment(from: "FGW", into: "FGW", date: nil) }
        expectKind(.invalid) { try store.renameDepartment(code: "FGW", name: "县发改委", date: nil) }
        expectKind(.invalid) { try store.amend(s.commitment.id, deadline: nil, content: nil, reason: "r", legalBasis: "b", approver: "a") }
        expectKind(.invalid) { try store.recordProgress(s.commitment.id, percent: 101, status: nil, note: nil) }
        expectKind(.invalid) { try store.addFeedback(s.commitment.id, text: "a\u{202E}b") }
        expectKind(.invalid) { try store.addOpinion(department: "FGW", title: " ", source: "微博", severity: .low, date: nil) }
        expectKind(.notFound) { try store.accept("TS-2026-999999", at: nil) }
        expectKind(.notFound) { try store.fulfill("CN-2026-9999", date: nil, note: nil) }
        expectKind(.notFound) { try store.reportBreach("SX-2026-0009", date: nil) }
        expectKind(.notFound) { try store.completeRectification("ZG-2026-0009", date: nil) }
        expectKind(.notFound) { try store.handleOpinion("YQ-2026-0009", date: nil, note: nil) }
        expectKind(.notFound) { try store.removeCalendarOverride(d("2026-03-05")) }

        #expect(try s.fixture.snapshot() == before)
        #expect(try s.fixture.scalar("SELECT count(*) FROM audit_log") == auditRows)
        // The next breach still gets the first number.
        let (_, b) = try store.verify(other.id, breach: true, finding: "属实", category: 6)
        #expect(b?.id == "SX-2026-0001")
    }

    @Test("breach, rectification and accountability refusals")
    func breachRefusals() throws {
        let s = try Seeded()
        _ = try s.store.accept(s.complaint.id, at: nil)
        let (_, b) = try s.store.verify(s.complaint.id, breach: true, finding: "属实", category: nil)
        let breach = try #require(b)
        _ = try s.store.reportBreach(breach.id, date: nil)
        expectKind(.invalid) { try s.store.reportBreach(breach.id, date: nil) }
        expectKind(.invalid) { try s.store.addRectification(breach: breach.id, unit: "FGW", measures: "x", deadline: d("2026-03-01")) }
        expectKind(.invalid) { try s.store.addRectification(breach: breach.id, unit: "NOPE", measures: "x", deadline: d("2026-04-01")) }
        expectKind(.notFound) { try s.store.addRectification(breach: "SX-2026-0042", unit: "FGW", measures: "x", deadline: d("2026-04-01")) }
        expectKind(.invalid) { try s.store.addAccountability(breach: breach.id, target: "x", kind: "约谈", date: d("2026-03-01")) }
        let r = try s.store.addRectification(breach: breach.id, unit: "CZJ", measures: "协调资金", deadline: d("2026-04-01"))
        _ = try s.store.completeRectification(r.id, date: nil)
        expectKind(.invalid) { try s.store.completeRectification(r.id, date: nil) }
        #expect(try s.store.verifyAudit().intact)
    }
}
