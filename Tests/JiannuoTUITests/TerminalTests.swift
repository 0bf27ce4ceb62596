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
