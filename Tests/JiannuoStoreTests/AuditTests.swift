import Foundation
import GRDB
import JiannuoTestSupport
import Testing
@testable import JiannuoCore
@testable import JiannuoStore

@Suite("Store: hash-chained audit log")
struct AuditTests {
    /// A ledger with many audited operations.
    func busy() throws -> Seeded {
        let s = try Seeded()
        for i in 0..<20 {
            let c = try s.store.addComplaint(ComplaintDraft(channel: "phone", received: "2026-03-02 0\(i % 9):00", urgency: "normal",
                                                            complainant: "投诉人\(i)", contact: nil, department: i % 2 == 0 ? "FGW" : "CZJ",
                                                            category: "\(i % 6 + 1)", commitment: nil, content: "第 \(i) 件"))
            if i % 3 == 0 { _ = try s.store.accept(c.id, at: nil) }
        }
        _ = try s.store.addCalendarOverride(CalendarOverride(date: d("2026-03-03"), kind: .holiday, note: "测试"))
        try s.store.removeCalendarOverride(d("2026-03-03"))
        return s
    }

    @Test("the chain is intact after many operations")
    func intact() throws {
        let s = try busy()
        let r = try s.store.verifyAudit()
        #expect(r.intact)
        #expect(r.firstBad == nil)
        let count = try s.fixture.scalar("SELECT count(*) FROM audit_log")
        #expect(r.rows == count)
        #expect(count == 1 + 5 + 20 + 7 + 2)   // the first admin, seed, complaints, acceptances (0,3,…,18), two calendar changes
        // Every row links to the one before.
        let linked = try s.fixture.scalar("SELECT count(*) FROM audit_log a JOIN audit_log b ON b.seq = a.seq - 1 WHERE a.prev_hash = b.hash")
        #expect(linked == count - 1)
    }

    @Test("tampering is detected at the first bad row", arguments: [
        ("UPDATE audit_log SET after = replace(after, '张三', '李四') WHERE seq = 6", Int64(6)),
        ("UPDATE audit_log SET after = 'x' WHERE seq = 3", 3),
        ("DELETE FROM audit_log WHERE seq = 7", 7),
        ("DELETE FROM audit_log WHERE seq = (SELECT max(seq) FROM audit_log)", -1),           // the last row
        ("DELETE FROM audit_log WHERE seq >= 30", 30),                                        // the tail
        ("UPDATE audit_log SET at = 123 WHERE seq = 2", 2),                                   // no longer text
        ("UPDATE audit_log SET before = X'00' WHERE seq = 12", 12),                           // a blob
        ("UPDATE audit_log SET operator = 'someone else' WHERE seq = 1", 1),
        ("UPDATE audit_log SET seq = seq + 1000 WHERE seq = 9", 9),
        ("UPDATE audit_log SET prev_hash = hash WHERE seq = 4", 4),
        ("UPDATE audit_log SET action = 'complaint.delete' WHERE seq = 8", 8),
        ("UPDATE meta SET value = 'x' WHERE key = 'audit_head'", -2),                         // the head: reported past the end
    ])
    func tamper(_ sql: String, _ expected: Int64) throws {
        let s = try busy()
        let count = Int64(try s.fixture.scalar("SELECT count(*) FROM audit_log"))
        #expect(try s.store.verifyAudit().intact)
        try s.fixture.sql(sql)
        let r = try s.store.verifyAudit()
        #expect(!r.intact)
        #expect(r.firstBad == (expected == -1 ? count : expected == -2 ? count + 1 : expected))
        #expect(r.reason != nil)
        // A fresh process sees the same.
        #expect(try s.fixture.store().verifyAudit().firstBad == r.firstBad)
    }

    @Test("a consistent forgery of one row's hash still breaks the next link")
    func rehash() throws {
        let s = try busy()
        try s.fixture.sql("UPDATE audit_log SET hash = '\(String(repeating: "a", count: 64))' WHERE seq = 6")
        #expect(try s.store.verifyAudit().firstBad == 6)
    }

    @Test("the log records before and after as JSON")
    func content() throws {
        let s = try Seeded()
        _ = try s.store.accept(s.complaint.id, at: nil)
        let e = try #require(try s.store.auditEntries(entity: "complaint", id: s.complaint.id, limit: 1).first)
        #expect(e.action == "complaint.accept")
        let before = try JSONSerialization.jsonObject(with: Data(try #require(e.before).utf8)) as? [String: Any]
        let after = try JSONSerialization.jsonObject(with: Data(try #require(e.after).utf8)) as? [String: Any]
        #expect(before?["accepted_at"] is NSNull)
        // Accepted "now": under a fixed day that is the clock's time, with its UTC offset.
        #expect(after?["accepted_at"] as? String == "2026-03-02T23:59:00+08:00")
        // The entry keeps the real moment it was written and, apart, the date it claims.
        #expect(e.claimed == "2026-03-02T23:59:00+08:00")
        #expect(DateTime(e.at) != nil)
        #expect(e.at != e.claimed)
    }
}

@Suite("Store: calendar overrides")
struct CalendarOverrideTests {
    @Test("adding and removing a day off moves open complaints' stored limits, not answered ones")
    func overridesMoveLimits() throws {
        let s = try Seeded()   // complaint received Mon 3-02, accept by Tue 3-03
        let accepted = try s.store.addComplaint(ComplaintDraft(channel: "visit", received: "2026-03-02 08:00", urgency: "critical",
                                                               complainant: nil, contact: nil, department: "CZJ", category: nil,
                                                               commitment: nil, content: "已受理"))
        _ = try s.store.accept(accepted.id, at: nil)   // critical: resolve by 3-03
        let answered = try s.store.addComplaint(ComplaintDraft(channel: "visit", received: "2026-03-02 08:00", urgency: "critical",
                                                               complainant: nil, contact: nil, department: "CZJ", category: nil,
                                                               commitment: nil, content: "已反馈"))
        _ = try s.store.accept(answered.id, at: nil)
        _ = try s.store.resolve(answered.id, result: "r", at: nil)
        _ = try s.store.respond(answered.id, text: "t", at: nil)
        let answeredBefore = try s.store.complaint(answered.id)
        #expect(try s.store.complaint(s.complaint.id).acceptDue == d("2026-03-03"))
        #expect(try s.store.complaint(accepted.id).resolveDue == d("2026-03-03"))

        try s.store.addCalendarOverride(CalendarOverride(date: d("2026-03-03"), kind: .holiday, note: "临时停工"))
        #expect(try s.store.complaint(s.complaint.id).acceptDue == d("2026-03-04"))
        #expect(try s.store.complaint(accepted.id).resolveDue == d("2026-03-04"))
        #expect(try s.store.complaint(answered.id) == answeredBefore)
        let reopened = try s.fixture.store()
        #expect(!reopened.calendar.isWorkday(d("2026-03-03")))
        #expect(try reopened.calendarOverrides().map(\.date) == [d("2026-03-03")])
        #expect(try reopened.alerts(today: d("2026-03-03")).filter { $0.kind == .complaintAccept }.first?.due == d("2026-03-04"))

        try reopened.removeCalendarOverride(d("2026-03-03"))
        #expect(try s.store.complaint(s.complaint.id).acceptDue == d("2026-03-03"))
        #expect(try s.store.complaint(accepted.id).resolveDue == d("2026-03-03"))
        #expect(try s.fixture.store().calendar.isWorkday(d("2026-03-03")))

        // A Saturday made a working day pulls a limit in: received Fri 3-06, accept by Mon 3-09 → Sat 3-07.
        let fri = try s.fixture.store(today: "2026-03-06").addComplaint(ComplaintDraft(channel: "phone", received: "2026-03-06 16:00", urgency: "normal", complainant: nil,
                                                          contact: nil, department: "FGW", category: nil, commitment: nil, content: "周五"))
        #expect(fri.acceptDue == d("2026-03-09"))
        try s.store.addCalendarOverride(CalendarOverride(date: d("2026-03-07"), kind: .workday))
        #expect(try s.store.complaint(fri.id).acceptDue == d("2026-03-07"))
        #expect(try s.store.verifyAudit().intact)
    }

    @Test("the shipped 2025 and 2026 calendars are loaded")
    func shipped() throws {
        let f = try Fixture()
        let store = try f.store()
        #expect(store.calendar.hasData(forYear: 2025))
        #expect(store.calendar.hasData(forYear: 2026))
        #expect(store.calendar.workdays(from: d("2026-02-01"), to: d("2026-02-28")) == 16)
    }

    @Test("a year's calendar loaded into the database counts from then on")
    func loadYear() throws {
        let f = try Fixture(today: "2026-12-31")
        let store = try f.store()
        _ = try store.addDepartment(code: "FGW", name: "县发改委", kind: .countyDepartment)
        let c = try store.addComplaint(ComplaintDraft(channel: "phone", received: "2026-12-31 10:00", urgency: "normal", complainant: nil,
                                                      contact: nil, department: "FGW", category: nil, commitment: nil, content: "跨年"))
        #expect(c.acceptDue == d("2027-01-01"))   // no 2027 data: a Friday counts
        #expect(try store.alerts().contains { $0.kind == .calendar && $0.record == "2027" })
        _ = try store.loadCalendarYear(text: "year = 2027\n[[holiday]]\nname = \"元旦\"\nfrom = \"2027-01-01\"\nto = \"2027-01-03\"\n", source: "2027.toml")
        #expect(try store.complaint(c.id).acceptDue == d("2027-01-04"))
        #expect(try f.store().calendar.hasData(forYear: 2027))
        expectKind(.invalid) { try store.loadCalendarYear(text: "year = 2027\n[[workday]]\ndate = \"2027-02-30\"\n", source: "bad.toml") }
    }
}
