import Foundation
import GRDB
import JiannuoTestSupport
import Testing
@testable import JiannuoCore
@testable import JiannuoStore

@Suite("Store: demo data")
struct DemoTests {
    func json<T: Encodable>(_ v: T) throws -> String {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys]
        return String(decoding: try e.encode(v), as: UTF8.self)
    }

    func lists(_ store: SQLiteLedger) throws -> [String] {
        [try json(store.departments()), try json(store.commitments(ListFilter())), try json(store.complaints(ListFilter())),
         try json(store.breaches(ListFilter())), try json(store.rectifications(ListFilter())), try json(store.accountability(ListFilter())),
         try json(store.opinions(ListFilter()))]
    }

    @Test("the same seed and day give identical data; another seed does not")
    func deterministic() throws {
        let a = try Fixture(today: "2026-11-20"), b = try Fixture(today: "2026-11-20"), c = try Fixture(today: "2026-11-20")
        // Different times of day after office hours must not matter either (before them, the demo
        // stops at now: no event is dated in the future).
        let sa = try a.store(minute: 18 * 60), sb = try b.store(minute: 23 * 60 + 59), sc = try c.store()
        let ca = try sa.generateDemo(size: .small, seed: 7)
        _ = try sb.generateDemo(size: .small, seed: 7)
        _ = try sc.generateDemo(size: .small, seed: 8)
        let la = try lists(sa), lb = try lists(sb), lc = try lists(sc)
        for i in la.indices { #expect(la[i] == lb[i], "list \(i) differs") }
        #expect(la[1] != lc[1])
        #expect(la[2] != lc[2])
        #expect(ca.commitments == 300)
        #expect(ca.complaints == 3_000)
        #expect(try sa.commitmentCount(ListFilter()) == 300)
        #expect(try sa.complaintCount(ListFilter()) == 3_000)
        #expect(try sa.verifyAudit().intact)
        #expect(try sa.integrityCheck() == "ok")
        #expect(try a.scalar("PRAGMA foreign_key_check") == -1)   // no rows
        expectKind(.invalid) { try sa.generateDemo(size: .small, seed: 7) }

        // Generated at 08:00, nothing is dated after 08:00.
        let early = try Fixture(today: "2026-11-20")
        let se = try early.store(minute: 8 * 60)
        _ = try se.generateDemo(size: .small, seed: 7)
        for column in ["received", "accepted_at", "resolved_at", "responded_at", "returned_at", "verified_at", "followup_at"] {
            #expect(try early.scalar("SELECT count(*) FROM complaints WHERE \(column) > '2026-11-20T08:00:00+08:00'") == 0, "\(column)")
        }
    }

    @Test("demo data has every stage, status, category, and overdue, nearing and escalated items, and a merged unit")
    func coverage() throws {
        let f = try Fixture(today: "2026-11-20")
        let store = try f.store()
        _ = try store.generateDemo(size: .small, seed: 1)
        let commitments = try store.commitments(ListFilter())
        let complaints = try store.complaints(ListFilter())
        #expect(Set(commitments.map(\.status)) == Set(CommitmentStatus.allCases))
        #expect(Set(commitments.map(\.category)) == Set(1...6))
        #expect(Set(complaints.map(\.stage)) == Set(Complaint.Stage.allCases))
        #expect(Set(complaints.map(\.channel)) == Set(Channel.allCases))
        #expect(Set(complaints.map(\.urgency)) == Set(Urgency.allCases))
        #expect(complaints.contains { $0.returnedFrom != nil })
        #expect(complaints.contains { $0.extensionDays != nil })
        #expect(complaints.contains { $0.followupAt != nil })
        let breaches = try store.breaches(ListFilter())
        #expect(Set(breaches.map(\.category)) == Set(1...6))
        #expect(breaches.contains { $0.reportedOn != nil })
        let rects = try store.rectifications(ListFilter())
        #expect(rects.contains { $0.completedOn == nil } && rects.contains { $0.completedOn != nil })
        #expect(!(try store.accountability(ListFilter())).isEmpty)
        let opinions = try store.opinions(ListFilter())
        #expect(opinions.count == 30)
        #expect(Set(opinions.map(\.severity)) == Set(Severity.allCases))

        let departments = try store.departments()
        let merged = departments.filter { $0.successor != nil }
        #expect(merged.count == 1)
        #expect(merged.allSatisfy { !$0.active })
        #expect(Set(departments.map(\.kind)) == Set(DepartmentKind.allCases.filter { $0 != .other }))
        #expect(departments.contains { $0.code == "410422101" && $0.name == "任店镇" })
        #expect(departments.contains { $0.code == "410422203" && $0.name == "马庄回族乡" })

        // Late, nearing and escalated items exist; complaints are late in more than one stage.
        let alerts = try store.alerts()
        let levels = Set(alerts.map(\.level))
        #expect(levels.isSuperset(of: [.escalate, .overdue, .nearing]))
        #expect(Set(alerts.map(\.kind)).isSuperset(of: [.commitment, .complaintAccept, .complaintResolve, .complaintRespond, .rectification, .arrears]))
        #expect(commitments.contains { $0.status.isOpen && $0.deadline < f.today })
        #expect(commitments.contains { $0.status.isOpen && $0.deadline >= f.today })
        // A merged unit's items are shown under its successor.
        let successor = try #require(merged.first?.successor)
        #expect(!alerts.contains { $0.department == merged.first!.code })
        #expect(try store.commitments(ListFilter(department: successor)).contains { $0.department == merged.first!.code })
    }

    @Test("the store's indexed alert query misses nothing a full scan would find")
    func indexedAlertsMatchFullScan() throws {
        let f = try Fixture(today: "2026-11-20")
        let store = try f.store()
        _ = try store.generateDemo(size: .small, seed: 3)
        for today in ["2026-11-20", "2026-09-30", "2026-10-08", "2026-12-31", "2027-01-04"] {
            var all = AlertInputs()
            all.commitments = try store.commitments(ListFilter())
            all.complaints = try store.complaints(ListFilter())
            all.rectifications = try store.rectifications(ListFilter())
            all.breaches = try store.breaches(ListFilter())
            all.opinions = try store.opinions(ListFilter())
            all.difficulties = try store.difficulties(ListFilter(), record: nil)
            all.departments = Dictionary(uniqueKeysWithValues: try store.departments().map { ($0.code, $0) })
            for e in try store.escalations(ListFilter()) where e.date <= d(today) { all.escalated[e.record] = min(all.escalated[e.record] ?? e.date, e.date) }
            let full = Alerts.compute(all, calendar: store.calendar, rules: store.rules.deadlines, today: d(today))
            let indexed = try store.alerts(today: d(today))
            #expect(indexed == full, "alerts differ on \(today): \(indexed.count) vs \(full.count)")
        }
    }
}

@Suite("Store: the first page of alerts")
struct AlertPageTests {
    @Test("the first page is the head of the full list and counts all of it, on any day and for any length")
    func pageIsTheHeadOfTheList() throws {
        let f = try Fixture(today: "2026-11-20")
        _ = try f.store().generateDemo(size: .small, seed: 5)
        // A promise overdue on 11-20 whose deadline is moved on 11-25, and items reported up on 11-20.
        let store = try f.store()
        let late = try #require(try store.alerts().first { $0.kind == .commitment && $0.level == .escalate })
        _ = try f.store(today: "2026-11-25").amend(late.record, deadline: d("2027-03-01"), content: nil, reason: "测试",
                                                   legalBasis: "测试", approver: "县政府")
        let reported = Set(try store.alerts().filter { $0.level == .escalate && $0.kind != .breachReport }.map(\.record)).sorted().prefix(3)
        for record in reported { _ = try store.escalate(record, to: "县委县政府", date: nil, note: nil) }
        for today in ["2026-11-20", "2026-10-08", "2026-12-31", "2027-01-04", "2026-06-30"] {
            let s = try f.store(today: today)
            #expect(try s.alerts().count > 20, "\(today): too few alerts to page")
            try expectPagesAreHeads(s, limits: [0, 1, 5, 15, 100, 100_000], today)
        }
    }
}

/// `alertPage` gives the head of `alerts` and the counts of the whole list by level.
func expectPagesAreHeads(_ store: SQLiteLedger, limits: [Int], _ context: String) throws {
    let all = try store.alerts()
    func brief(_ a: Alert) -> String { "\(a.level.rawValue) \(a.kind.rawValue) \(a.record) \(a.due) \(a.daysLeft)" }
    for limit in limits {
        let page = try store.alertPage(limit: limit)
        let expected = Array(all.prefix(limit))
        let differs = zip(page.alerts, expected).enumerated().first { $0.element.0 != $0.element.1 }
        #expect(page.alerts.count == expected.count && differs == nil,
                "\(context), first \(limit): \(page.alerts.count) against \(expected.count); first difference \(differs.map { "#\($0.offset): \(brief($0.element.0)) against \(brief($0.element.1))" } ?? "none")")
        #expect(page.total == all.count && page.complete == (limit >= all.count), "\(context), \(limit): total \(page.total) of \(all.count)")
        for level in Alert.Level.allCases {
            #expect(page.counts[level] ?? 0 == all.filter { $0.level == level }.count, "\(context), \(limit): \(level)")
        }
    }
}
