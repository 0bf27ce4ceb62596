import Foundation
import JiannuoCore
import JiannuoStore
@testable import JiannuoTUI
import Testing

/// The deadlines pane holds only the most urgent alerts until more are needed: its header counts are
/// the whole list's, paging down reads more, and filtering, reordering or going to the end reads all.
@Suite struct DeadlinesWindowTests {
    init() { _ = Width.ensureLocale() }

    func app() throws -> (DashboardApp, [Alert], () -> Void) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("jiannuo-window-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent("ledger.sqlite").path
        let clock = Clock(today: Day("2026-11-20")!, minute: 23 * 60)
        let store = try SQLiteLedger(path: path, clock: clock, operatorName: "window-tester", rules: .defaults, access: .create)
        _ = try store.generateDemo(size: .small, seed: 5)
        let app = try DashboardApp(size: Size(width: 100, height: 30), clock: clock) {
            try SQLiteLedger(path: path, clock: clock, operatorName: "window-tester", rules: .defaults, access: .read)
        }
        app.alertsAtLeast = 1   // the small demo's 64 alerts, held a few screens at a time
        try app.loadAll()
        return (app, try store.alerts(), { try? FileManager.default.removeItem(at: dir) })
    }

    @Test func theHeadIsHeldAndTheCountsAreTheWholeList() throws {
        let (app, all, done) = try app()
        defer { done() }
        #expect(all.count > 40, "enough alerts that the pane holds only its head (\(all.count))")
        #expect(!app.data.alertsComplete && app.data.alerts.count < all.count)
        #expect(app.data.alerts.map(\.record) == all.prefix(app.data.alerts.count).map(\.record))
        for level in Alert.Level.allCases { #expect(app.data.count(level) == all.filter { $0.level == level }.count, "\(level)") }
        #expect(app.data.total(.deadlines, app.state[.deadlines]) == all.count)
        // The header says the same counts as a full read.
        let header = app.frame().lines()[0]
        #expect(header.contains("\(all.filter { $0.level == .escalate }.count)"), "\(header)")
    }

    @Test func pagingDownReadsMoreAndTheEndIsTheListsEnd() throws {
        let (app, all, done) = try app()
        defer { done() }
        try app.handle(.char("3"))
        let held = app.data.alerts.count
        for _ in 0..<6 { try app.handle(.pageDown) }
        #expect(app.data.alerts.count > held, "paging past what is held reads more")
        let ps = app.state[.deadlines]
        let selected = app.data.alerts(ps).dropFirst(ps.selected).first
        #expect(selected?.record == all[ps.selected].record && selected == all[ps.selected], "the selected row is the full list's row")
        try app.handle(.end)
        #expect(app.data.alertsComplete)
        #expect(app.state[.deadlines].selected == all.count - 1)
        let screen = app.frame().lines().joined(separator: "\n")
        #expect(screen.contains("临期/逾期 (\(all.count)/\(all.count))"), "the pane's title says the last row of the whole list")
    }

    @Test func inTheLiveLoopEveryAlertIsReadOffTheKeyboard() throws {
        let (app, all, done) = try app()
        defer { done() }
        let lane = LoadMailbox()
        app.alertLane = lane
        try app.handle(.char("3"))
        try app.handle(.char("/"))
        try app.handle(.char("C"))
        // The key returns at once; the pane says it is reading, and shows no partial list meanwhile.
        #expect(app.readingAllAlerts && !app.data.alertsComplete)
        let waiting = app.frame().lines().joined(separator: "\n")
        #expect(waiting.contains("读取全部提醒…"), "the pane does not say it is reading")
        let end = Date().addingTimeInterval(20)
        while lane.isLoading && Date() < end { Thread.sleep(forTimeInterval: 0.01) }
        #expect(try app.applyLoads(lane))
        #expect(app.data.alertsComplete && !app.readingAllAlerts)
        let shown = app.data.alerts(app.state[.deadlines])
        #expect(!shown.isEmpty && shown.map(\.record) == app.data.filteredAlerts(app.state[.deadlines], from: nil).map(\.record))
        #expect(shown.count == all.filter { $0.record.contains("C") || $0.message(.zh).contains("C") || app.data.name($0.department).contains("C") || $0.department.contains("C") }.count)
        #expect(!app.frame().lines().joined(separator: "\n").contains("读取全部提醒…"))
        // A read that began before newer alerts were held is dropped when it arrives.
        DashboardUpdate.loaded(.allAlerts(app.data.today, AlertPage(alerts: [], complete: true), sequence: 0), &app.state, &app.data)
        #expect(app.data.alerts.count == all.count, "a stale read replaced newer alerts")
    }

    @Test func filteringReadsEveryAlert() throws {
        let (app, all, done) = try app()
        defer { done() }
        let unit = try #require(all.last { !$0.department.isEmpty }?.department)
        let name = app.data.name(unit)
        try app.handle(.char("3"))
        try app.handle(.char("/"))
        for c in name { try app.handle(.char(c)) }
        try app.handle(.enter)
        #expect(app.data.alertsComplete)
        let shown = app.data.alerts(app.state[.deadlines])
        #expect(shown.count == all.filter { $0.department == unit || $0.record.contains(name) || app.data.name($0.department).contains(name) || $0.message(.zh).contains(name) }.count)
    }
}

/// The deadlines pane's rows are worked out once per filter or order and kept; a longer filter narrows
/// the kept rows. Either way they are the rows a fresh computation gives.
@Suite struct ShownAlertsTests {
    @Test func keptRowsEqualAFreshComputation() throws {
        var d = DashboardUpdateTests.data()
        var ps = PaneState()
        for filter in ["C", "CN", "CN-2026", "CN-2026-00", "龙", ""] {
            ps.filter = filter
            d.keepShownAlerts(ps)
            #expect(d.alerts(ps).map(\.record) == d.filteredAlerts(ps, from: nil).map(\.record), "filter \(filter)")
        }
        ps.filter = "CN"
        ps.sort = PaneSort(column: 1, descending: true)
        d.keepShownAlerts(ps)
        ps.filter = "CN-2026"
        d.keepShownAlerts(ps)
        #expect(d.alerts(ps).map(\.record) == d.filteredAlerts(ps, from: nil).map(\.record), "narrowed in another order")
        #expect(!d.alerts(ps).isEmpty)
        // New alerts drop what was kept.
        d.alerts = Array(d.alerts.prefix(1))
        #expect(d.shownAlerts == nil && d.alerts(ps).count <= 1)
    }
}
