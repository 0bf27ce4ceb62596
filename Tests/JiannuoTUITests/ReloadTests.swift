import Foundation
import JiannuoCore
import JiannuoStore
@testable import JiannuoTUI
import Testing

/// Another officer's write reaches an open dashboard without reopening its store; a change of the
/// calendar or the rules reopens it (the store keeps both from when it was opened).
@Suite struct ReloadTests {
    @Test func ordinaryWritesReloadWithoutReopeningTheStore() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("jiannuo-reload-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("ledger.sqlite").path
        let clock = Clock(today: Day("2026-11-20")!, minute: 23 * 60)
        let me = "reload-tester"
        let other = try SQLiteLedger(path: path, clock: clock, operatorName: me, rules: .defaults, access: .create)
        _ = try other.generateDemo(size: .small, seed: 5)
        let app = try DashboardApp(size: Size(width: 120, height: 40), clock: clock) {
            try SQLiteLedger(path: path, clock: clock, operatorName: me, rules: .defaults, access: .read)
        }
        try app.loadAll()
        let before = app.data.complaints.total
        #expect(try !app.needsReload())

        var draft = ComplaintDraft()
        draft.channel = "phone"; draft.department = try #require(try other.departments(includeInactive: false).first?.code)
        draft.content = "另一位督查员登记的投诉"; draft.received = "2026-11-20 09:00"
        _ = try other.addComplaint(draft)
        #expect(try app.needsReload())
        try app.reload()
        #expect(app.data.complaints.total == before + 1, "the new complaint is on screen")
        #expect(app.storesOpened == 1, "an ordinary write reopens nothing")
        #expect(try !app.needsReload())

        try other.addCalendarOverride(CalendarOverride(date: Day("2026-11-23")!, kind: .holiday, note: "临时休息"))
        #expect(try app.needsReload())
        try app.reload()
        #expect(app.storesOpened == 2, "a calendar change reopens the store")
        #expect(!app.store.calendar.isWorkday(Day("2026-11-23")!), "and the new calendar is in force")
    }

    @Test func loadsComeBackAsMessagesAndOnlyTheUpdateAppliesThem() throws {
        var d = DashboardUpdateTests.data(alerts: 4)
        var s = DashboardState(size: Size(width: 120, height: 40))
        let q = Period.currentQuarter(d.today)
        // A ranking of another quarter (a load that started before midnight of a quarter's end) is dropped.
        DashboardUpdate.loaded(.scores(q.shifted(-1), [ScoreEntry(department: "X", name: "旧", score: 1, rank: 1, change: nil)]), &s, &d)
        #expect(d.scores?.contains { $0.name == "旧" } != true)
        DashboardUpdate.loaded(.scores(q, [ScoreEntry(department: "X", name: "新", score: 90, rank: 1, change: nil)]), &s, &d)
        #expect(d.scores?.first?.name == "新")
        // A first paint of the next day drops the old day's ranking and brings its alerts.
        let next = DashboardLoad.FirstPaint(today: d.today.adding(days: 1), names: ["X": "某单位"], alerts: AlertPage(alerts: [], complete: true), openRounds: 2,
                                            calendar: d.calendar, rules: d.rules, scoring: d.scoring, actor: d.actor)
        DashboardUpdate.loaded(.firstPaint(next), &s, &d)
        #expect(d.scores == nil && d.alerts.isEmpty && d.openRounds == 2 && d.name("X") == "某单位")
        DashboardUpdate.loaded(.failed(Text("读取失败", "reading failed")), &s, &d)
        #expect(s.message == "读取失败")
    }
}
