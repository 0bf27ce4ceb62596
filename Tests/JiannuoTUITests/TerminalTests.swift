import Foundation
import JiannuoTestSupport
import Testing
import JiannuoCore
@testable import JiannuoTUI

/// The dashboard on a shared host: a screen too small to show anything acts on no key, and a terminal
/// that goes away without a SIGHUP ends the dashboard instead of leaving it spinning.
@Suite struct TerminalTests {
    init() { _ = Width.ensureLocale() }

    @Test("while the screen is too small, no key but q does anything: a typed form and the panes stay as they were")
    func tooSmallTakesNoKeys() throws {
        let d = DashboardUpdateTests.data()
        var s = DashboardState(size: Size(width: 80, height: 24))
        s.form = IntakeForm(now: DateTime(day: DashboardUpdateTests.today, minute: 9 * 60))
        for c in "张三" { DashboardUpdateTests.press(.char(c), &s, d) }
        let form = try #require(s.form)
        s.size = Size(width: 40, height: 10)
        #expect(DashboardLayout(s.size).tooSmall)
        let before = s
        for keys in ["Esc", "Enter", "x", "C-s", "Tab", "j", "u"] {
            let effects = try DashboardUpdateTests.press(keys, &s, d)
            #expect(effects.isEmpty && !s.quit, "\(keys) acted on a screen too small to show it")
        }
        #expect(s.form == form && s.focus == before.focus && s[.deadlines].selected == before[.deadlines].selected)
        try DashboardUpdateTests.press("q", &s, d)
        #expect(s.quit, "q still quits (the loop keeps the draft)")
    }

    @Test("a dashboard whose terminal closes without a SIGHUP (its own session) is gone within a second")
    func terminalGoneEndsTheDashboard() throws {
        let t = try DashboardTmux(width: 80, height: 24, prefix: ["setsid"])
        defer { t.kill() }
        let (shown, screen) = t.waitFor(timeout: 20) { $0.contains("践诺") }
        try #require(shown, "the dashboard did not start: \(screen)")
        let pid = try #require(t.dashboardPid)
        #expect(DashboardTmux.signal(pid, 0) == 0)
        _ = try t.cmd(["kill-server"])
        let end = Date().addingTimeInterval(1.5)
        var alive = true
        while Date() < end {
            // Gone, or a zombie its parent has not reaped yet.
            let status = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
            if DashboardTmux.signal(pid, 0) != 0 || status.contains(") Z ") { alive = false; break }
            Thread.sleep(forTimeInterval: 0.05)
        }
        #expect(!alive, "the dashboard \(pid) still runs after its terminal went away")
    }
}

/// `?` offers what the reader's role may do: a liaison's help has no key for what it may not do.
@Suite struct RoleHelpTests {
    @Test func helpOffersOnlyWhatTheRoleMayDo() throws {
        func text(_ role: AccountRole?) -> String {
            HelpContent(place: [.commitments, .panes], role: role).lines(width: 120).map(\.text).joined(separator: "\n")
        }
        let everything = text(nil), liaison = text(.liaison), admin = text(.admin)
        let all = DashboardKeys.places.flatMap { $0.1 }.flatMap { DashboardKeys.map.bindings(of: $0) }
        let intake = try #require(all.first { $0.action == .newComplaint }).help(.zh)
        let amend = try #require(all.first { $0.action == .step(.amend) }).help(.zh)
        let progress = try #require(all.first { $0.action == .step(.progress) }).help(.zh)
        #expect(everything.contains(intake) && admin.contains(intake) && admin.contains(amend))
        #expect(!liaison.contains(intake) && !liaison.contains(amend), "\(liaison)")
        #expect(liaison.contains(progress), "what it may do stays")
    }
}

/// A dashboard left open keeps a connection, so SQLite never folds the `-wal` back by itself: the
/// dashboard does it (passively, waiting for no one) once quiet after a change.
@Suite struct IdleCheckpointTests {
    @Test("another process's commit reaches the ledger file itself while a dashboard sits idle")
    func idleDashboardCheckpoints() throws {
        let t = try DashboardTmux(width: 80, height: 24)
        defer { t.kill() }
        let (shown, screen) = t.waitFor(timeout: 20) { DashboardTmux.panesVisible($0) }
        try #require(shown, "the dashboard did not start: \(screen)")
        let add = try t.demo.cli(["complaint", "add", "--channel", "hotline", "--department", "410422101", "--content", "检查点测试",
                                  "--received", "2026-11-20 09:00", "--json"])
        try #require(add.status == 0, "\(add)")
        let sqlite3 = try executable("sqlite3")
        // The ledger file alone, without its -wal: what a crash of everything but the disk would leave.
        func countInFileAlone() throws -> String {
            let copy = t.demo.dir.file("alone-\(UUID().uuidString).sqlite")
            try FileManager.default.copyItem(atPath: t.demo.db, toPath: copy)
            let r = try ProcessRunner.run(sqlite3, [copy, "SELECT count(*) FROM complaints WHERE content = '检查点测试'"], home: t.demo.dir.path)
            return r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let end = Date().addingTimeInterval(8)
        var count = try countInFileAlone()
        while count != "1" && Date() < end {
            Thread.sleep(forTimeInterval: 0.25)
            count = try countInFileAlone()
        }
        #expect(count == "1", "the commit stayed in the -wal while the dashboard was idle")
    }
}

/// Rows of the deadlines pane are told apart by their record: at 80 columns a message that would be cut
/// gives way to the whole id and a few words.
@Suite struct NarrowAlertIdsTests {
    @Test("every alert row at 80×24 and 120×40 shows a whole record id", arguments: [(80, 24), (120, 40)])
    func wholeIds(size: (Int, Int)) throws {
        _ = Width.ensureLocale()
        let screen = try DashboardSupport.shared().render(width: size.0, height: size.1, extra: ["--focus", "3"])
        let lines = screen.split(separator: "\n").map(String.init)
        let top = try #require(lines.firstIndex { $0.contains("3 临期/逾期") })
        let rows = lines[(top + 2)...].prefix { !$0.hasPrefix("└") }
        #expect(rows.count >= 6, "\(screen)")
        for row in rows {
            // The pane is the left half: the record id must appear whole in it.
            let pane = String(row.prefix { $0 != "┐" }.split(separator: "│", omittingEmptySubsequences: false).dropFirst().first ?? "")
            // A calendar warning names a year, not a record.
            #expect(pane.contains(/[A-Z]{2}-\d{4}-\d{4,6}( |$)/) || pane.contains("工作日历"), "a cut id in \(row)")
        }
    }
}
