import Foundation
import JiannuoTestSupport
import Testing
@testable import JiannuoTUI

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The dashboard in a real terminal: tmux on a socket of its own, killed at the end whatever happens.
final class DashboardTmux: @unchecked Sendable {
    let tmux: String
    let socket = "jiannuo-dash-\(UUID().uuidString.prefix(8))"
    let session = "dash"
    let demo: DashboardSupport.Demo
    var dir: String { demo.dir.path }
    var exitFile: String { demo.dir.file("exit") }
    var pidFile: String { demo.dir.file("pid") }
    private var killed = false

    static func signal(_ pid: pid_t, _ sig: Int32) -> Int32 {
        #if canImport(Glibc)
        Glibc.kill(pid, sig)
        #else
        Darwin.kill(pid, sig)
        #endif
    }

    /// Starts `jiannuo --db DB --today 2026-11-20` in a `width`×`height` tmux session. The script saves the
    /// terminal settings before and after, writes EXIT=status to a file and to the screen, then waits.
    /// `demo`: another session's database, to start a second dashboard on the same ledger. `prefix`: a
    /// command the dashboard runs under (`setsid`: a session of its own, which no SIGHUP reaches).
    init(width: Int = 120, height: Int = 40, demo shared: DashboardSupport.Demo? = nil, env: [String: String] = [:],
         prefix: [String] = [], sourceLocation: SourceLocation = #_sourceLocation) throws {
        tmux = try executable("tmux", sourceLocation: sourceLocation)
        demo = try shared ?? DashboardSupport.Demo(sourceLocation: sourceLocation)
        let q = { (s: String) in "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        let script = """
        trap : INT TERM
        stty -g > \(q(demo.dir.file("stty.before")))
        sh -c 'echo $$ > "$0"; exec env LANG=C.UTF-8 TERM=xterm-256color USER=tester \(env.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")) "$@"' \(q(pidFile)) \(prefix.map(q).joined(separator: " ")) \(q(demo.bin)) --db \(q(demo.db)) --today \(DashboardSupport.today)
        s=$?
        stty -g > \(q(demo.dir.file("stty.after")))
        echo EXIT=$s > \(q(exitFile))
        echo EXIT=$s
        sleep 600
        """
        let scriptPath = demo.dir.file("run.sh")
        try script.write(toFile: scriptPath, atomically: true, encoding: .utf8)
        do {
            let r = try cmd(["new-session", "-d", "-s", session, "-x", "\(width)", "-y", "\(height)", "sh \(q(scriptPath))"])
            try #require(r.status == 0, "tmux new-session failed: \(r)", sourceLocation: sourceLocation)
        } catch {
            kill()
            throw error
        }
    }

    deinit { kill() }

    @discardableResult
    func cmd(_ args: [String]) throws -> ProcessResult {
        try ProcessRunner.spawn(tmux, ["-u", "-L", socket] + args, home: dir)
    }

    func capture() -> String {
        (try? cmd(["capture-pane", "-p", "-t", session]))?.stdout ?? ""
    }

    func send(_ keys: String...) throws {
        let r = try cmd(["send-keys", "-t", session] + keys)
        try #require(r.status == 0, "send-keys failed: \(r)")
    }

    func resize(_ width: Int, _ height: Int) throws {
        let r = try cmd(["resize-window", "-t", session, "-x", "\(width)", "-y", "\(height)"])
        try #require(r.status == 0, "resize-window failed: \(r)")
    }

    var dashboardPid: pid_t? {
        (try? String(contentsOfFile: pidFile, encoding: .utf8)).flatMap { pid_t($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }

    var exitText: String? {
        (try? String(contentsOfFile: exitFile, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Kills this test's tmux server (and the dashboard, if it outlived it): always, even after a failure.
    func kill() {
        guard !killed else { return }
        killed = true
        _ = try? cmd(["kill-server"])
        if let pid = dashboardPid, Self.signal(pid, 0) == 0 {
            // Give SIGHUP from the closed terminal a moment, then make sure.
            usleep(200_000)
            if Self.signal(pid, 0) == 0, (try? String(contentsOfFile: "/proc/\(pid)/cmdline", encoding: .utf8))?.contains("jiannuo") == true {
                _ = Self.signal(pid, SIGKILL)
            }
        }
    }

    /// Polls the screen until `done` holds; returns the last screen and whether it held.
    func waitFor(timeout: TimeInterval, every: TimeInterval = 0.02, _ done: (String) -> Bool) -> (ok: Bool, screen: String) {
        let end = Date().addingTimeInterval(timeout)
        var screen = capture()
        while !done(screen) {
            if Date() > end { return (false, screen) }
            Thread.sleep(forTimeInterval: every)
            screen = capture()
        }
        return (true, screen)
    }

    func waitForExit(timeout: TimeInterval) -> String? {
        let end = Date().addingTimeInterval(timeout)
        while Date() < end {
            if let t = exitText, !t.isEmpty { return t }
            Thread.sleep(forTimeInterval: 0.02)
        }
        return exitText
    }

    /// Waits until the live screen equals `jiannuo render` at the same size after the same keys
    /// (trailing spaces and trailing empty lines aside).
    func expectMatchesRender(width: Int, height: Int, keys: String, timeout: TimeInterval = 5,
                             sourceLocation: SourceLocation = #_sourceLocation) throws {
        let expected = DashboardSupport.normalise(try demo.render(width: width, height: height,
                                                                  extra: keys.isEmpty ? [] : ["--keys", keys]))
        let (ok, screen) = waitFor(timeout: timeout) { DashboardSupport.normalise($0) == expected }
        if !ok {
            let live = DashboardSupport.normalise(screen)
            let diffs = (0..<max(live.count, expected.count)).filter { i in
                (i < live.count ? live[i] : "") != (i < expected.count ? expected[i] : "")
            }
            let shown = diffs.prefix(6).map { i in
                "line \(i + 1):\n  live:   \(i < live.count ? live[i] : "(none)")\n  render: \(i < expected.count ? expected[i] : "(none)")"
            }
            Issue.record("live screen at \(width)×\(height) after keys “\(keys)” differs from `jiannuo render` on \(diffs.count) line(s) within \(timeout) s:\n\(shown.joined(separator: "\n"))\n--- live screen ---\n\(screen)",
                         sourceLocation: sourceLocation)
        }
    }

    static func panesVisible(_ s: String) -> Bool {
        ["1 承诺事项", "2 投诉举报", "3 临期/逾期", "4 部门评分"].allSatisfy { s.contains($0) } && !s.contains("计算中")
    }

    /// The complaints pane's count, from its title “2 投诉举报 (1/70)”.
    static func complaintsTotal(_ screen: String) -> Int? {
        guard let r = screen.range(of: #"2 投诉举报 \(\d+/(\d+)\)"#, options: .regularExpression) else { return nil }
        let t = screen[r]
        guard let slash = t.lastIndex(of: "/") else { return nil }
        return Int(t[t.index(after: slash)...].dropLast())
    }
}

@Suite(.serialized) struct DashboardTmuxTests {
    init() { _ = Width.ensureLocale() }

    @Test func liveDashboardInTmux() throws {
        let t = try DashboardTmux(width: 120, height: 40)
        defer { t.kill() }

        // First paint.
        let started = Date()
        let (up, first) = t.waitFor(timeout: 10, DashboardTmux.panesVisible)
        try #require(up, "the dashboard did not show its four panes within 10 s; screen:\n\(first)")
        print("dashboard: panes visible \(Int(Date().timeIntervalSince(started) * 1000)) ms after the session started (debug build)")
        try t.expectMatchesRender(width: 120, height: 40, keys: "")

        // Move, open, back.
        try t.send("j")
        try t.expectMatchesRender(width: 120, height: 40, keys: "j")
        try t.send("Enter")
        let (opened, detail) = t.waitFor(timeout: 3) { $0.contains("承诺 CN-") && $0.contains("经过：") }
        #expect(opened, "the commitment's detail did not open; screen:\n\(detail)")
        try t.expectMatchesRender(width: 120, height: 40, keys: "j Enter")
        try t.send("Escape")
        let (back, list) = t.waitFor(timeout: 2) { DashboardTmux.panesVisible($0) && !$0.contains("经过：") }
        #expect(back, "Esc did not go back to the panes at once; screen:\n\(list)")
        try t.expectMatchesRender(width: 120, height: 40, keys: "j Enter Escape")

        // Smaller, then back: redrawn at each size.
        try t.resize(60, 15)
        try t.expectMatchesRender(width: 60, height: 15, keys: "j Enter Escape")
        try t.resize(120, 40)
        let (again, big) = t.waitFor(timeout: 3) { DashboardTmux.panesVisible($0) && $0.split(separator: "\n").first.map { Width.of(String($0)) > 100 } == true }
        #expect(again, "panes not redrawn after resizing back to 120×40; screen:\n\(big)")
        try t.expectMatchesRender(width: 120, height: 40, keys: "j Enter Escape")
        // Below the minimum: a notice, and the panes come back.
        try t.resize(40, 10)
        let (small, notice) = t.waitFor(timeout: 3) { $0.contains("终端太小") }
        #expect(small, "no 'terminal too small' notice at 40×10; screen:\n\(notice)")
        try t.resize(120, 40)
        let (restored, whole) = t.waitFor(timeout: 3) { DashboardTmux.panesVisible($0) && $0.contains("(2/114)") }
        #expect(restored, "panes not redrawn after 40×10 → 120×40, or the selection moved; screen:\n\(whole)")
        // At 40×10 the commitments pane had room for one row, so it scrolled to keep row 2 in view and
        // stays scrolled; g j selects row 2 again from the top, as the render does.
        try t.send("g")
        try t.send("j")
        try t.expectMatchesRender(width: 120, height: 40, keys: "j Enter Escape")

        // A write by another process shows up by itself.
        let before = try #require(DashboardTmux.complaintsTotal(t.capture()), "no complaints count in the title:\n\(t.capture())")
        let writeStart = Date()
        let add = try t.demo.cli(["complaint", "add", "--channel", "hotline", "--department", "410422101",
                                  "--content", "外部进程写入：路灯不亮", "--received", "2026-11-20 06:00", "--urgency", "critical"])
        try #require(add.status == 0, "complaint add failed: \(add)")
        let written = Date()
        let (seen, after) = t.waitFor(timeout: 3, every: 0.005) { (DashboardTmux.complaintsTotal($0) ?? 0) > before }
        let delay = Date().timeIntervalSince(written)
        print(String(format: "dashboard: external write → redrawn count in %.0f ms (CLI took %.0f ms; count %d → %@)",
                     delay * 1000, written.timeIntervalSince(writeStart) * 1000, before,
                     DashboardTmux.complaintsTotal(after).map(String.init) ?? "?"))
        #expect(seen && delay <= 2, "the complaints count did not increase from \(before) within 2 s of the write (\(delay) s); screen:\n\(after)")
        try t.expectMatchesRender(width: 120, height: 40, keys: "j Enter Escape")

        // q quits with status 0 and gives the terminal back as it was.
        try t.send("q")
        let exit = t.waitForExit(timeout: 5)
        #expect(exit == "EXIT=0", "exit file says \(exit ?? "nothing") after q; screen:\n\(t.capture())")
        try Self.expectTerminalRestored(t)
    }

    enum Quit: String, CaseIterable, Sendable { case sigterm, ctrlC, sighup }

    /// SIGTERM (and Ctrl-C, and SIGHUP from a closed terminal) quit cleanly: status 0, terminal restored.
    @Test(arguments: [Quit.sigterm, Quit.ctrlC, Quit.sighup])
    func signalsQuitCleanly(_ how: Quit) throws {
        let t = try DashboardTmux(width: 100, height: 30)
        defer { t.kill() }
        let (up, first) = t.waitFor(timeout: 10, DashboardTmux.panesVisible)
        try #require(up, "the dashboard did not show its four panes within 10 s; screen:\n\(first)")
        let pid = try #require(t.dashboardPid, "no pid file")
        let comm = (try? String(contentsOfFile: "/proc/\(pid)/comm", encoding: .utf8)) ?? ""
        #expect(comm.hasPrefix("jiannuo"), "pid \(pid) is “\(comm)”, not the dashboard")
        switch how {
        case .sigterm: #expect(DashboardTmux.signal(pid, SIGTERM) == 0)
        case .ctrlC: try t.send("C-c")
        case .sighup: #expect(DashboardTmux.signal(pid, SIGHUP) == 0)
        }
        let exit = t.waitForExit(timeout: 5)
        #expect(exit == "EXIT=0", "\(how): exit file says \(exit ?? "nothing"); screen:\n\(t.capture())")
        try Self.expectTerminalRestored(t)
    }

    /// The shell after the dashboard prints EXIT=… on the normal screen (the dashboard's alternate
    /// screen is gone) and finds the terminal settings it saved before.
    static func expectTerminalRestored(_ t: DashboardTmux, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let (shown, screen) = t.waitFor(timeout: 3) { $0.contains("EXIT=") }
        #expect(shown && screen.contains("EXIT=0"), "the shell did not print EXIT=0; screen:\n\(screen)", sourceLocation: sourceLocation)
        #expect(!screen.contains("┌") && !screen.contains("承诺事项"), "the dashboard is still on the screen after it exited:\n\(screen)",
                sourceLocation: sourceLocation)
        let before = try? String(contentsOfFile: t.demo.dir.file("stty.before"), encoding: .utf8)
        let after = try? String(contentsOfFile: t.demo.dir.file("stty.after"), encoding: .utf8)
        #expect(before != nil && before == after, "terminal settings not restored: before \(before ?? "?"), after \(after ?? "?")",
                sourceLocation: sourceLocation)
    }
}
