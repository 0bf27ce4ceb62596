import Foundation
import Testing
import JiannuoCore
@testable import JiannuoTUI

/// The dashboard's pure update and view on hand-made data: no Store, no terminal.
@Suite struct DashboardUpdateTests {
    init() { _ = Width.ensureLocale() }

    static let today = Day("2026-11-20")!
    static let departments = ["410422207": "龙泉乡", "410422101": "任店镇", "FGW": "县发改委", "GXJ": "县工信局"]

    /// 30 alerts (every 3rd in 龙泉乡), 25 scores, and a window of 24 commitments out of 100.
    static func data(alerts: Int = 30, scores: Int = 25, commitments: Int = 100) -> DashboardData {
        var d = DashboardData(today: today, operatorName: "tester", database: "/tmp/测试.sqlite", readOnly: false, calendar: WorkCalendar())
        d.names = departments
        let codes = ["410422207", "410422101", "FGW"]
        d.alerts = (0..<alerts).map { i in
            let level: Alert.Level = [.escalate, .overdue, .dueToday, .nearing][i * 4 / max(1, alerts)]
            return Alert(level: level, kind: .commitment, record: String(format: "CN-2026-%04d", i), department: codes[i % 3],
                         due: today.adding(days: i - 10), daysLeft: i - 10, dayUnit: .calendar,
                         message: String(format: "承诺 CN-2026-%04d（某某有限公司）兑现时限", i))
        }
        d.scores = (0..<scores).map { i in
            ScoreEntry(department: "D\(i)", name: i == 0 ? "龙泉乡" : "单位\(i)", score: 100 - Double(i) * 1.5, rank: i + 1,
                       change: i % 3 == 0 ? nil : i % 2 == 0 ? 1 : -2)
        }
        let rows = (0..<min(24, commitments)).map { i in
            Commitment(id: String(format: "CN-2026-%04d", i), department: codes[i % 3], kind: .contract, category: 1,
                       counterparty: "许昌电子有限责任公司", content: "支付工程款", made: today.adding(days: -100),
                       deadline: today.adding(days: i - 5), status: .inProgress, progress: i * 4)
        }
        d.commitments = .init(rows: rows, total: commitments, offset: 0)
        return d
    }

    /// What DashboardApp.handle does with a key, minus the Store: the key table, then the pure update.
    @discardableResult
    static func press(_ key: KeyEvent, _ s: inout DashboardState, _ d: DashboardData) -> [DashboardEffect] {
        if s.filtering { return DashboardUpdate.filterKey(key, to: &s) }
        let contexts: [KeyContext] = s.overlay == nil ? [KeyContext(s.focus.context)] : ["overlay"]
        guard let action = DashboardKeys.map.action(for: key, in: contexts) else {
            if s.overlay == .help { s.overlay = nil }
            return []
        }
        return DashboardUpdate.apply(action, to: &s, data: d)
    }

    @discardableResult
    static func press(_ keys: String, _ s: inout DashboardState, _ d: DashboardData) throws -> [DashboardEffect] {
        var all: [DashboardEffect] = []
        for k in try KeyEvent.parseSequence(keys) { all += press(k, &s, d) }
        return all
    }

    /// Selection inside the list, and the window of shown rows containing it and inside the list.
    static func expectConsistent(_ s: DashboardState, _ d: DashboardData, sourceLocation: SourceLocation = #_sourceLocation) {
        let layout = DashboardLayout(s.size)
        for p in Pane.allCases {
            let ps = s[p]
            let total = d.total(p, filter: ps.filter)
            let visible = layout.visibleRows(p)
            #expect(ps.selected >= 0 && (total == 0 ? ps.selected == 0 : ps.selected < total), "\(p): selected \(ps.selected) of \(total)",
                    sourceLocation: sourceLocation)
            #expect(ps.offset >= 0 && ps.offset <= max(0, total - visible), "\(p): offset \(ps.offset) for \(total) rows, \(visible) visible",
                    sourceLocation: sourceLocation)
            if total > 0 {
                #expect(ps.offset <= ps.selected && ps.selected < ps.offset + visible, "\(p): selected \(ps.selected) not shown from \(ps.offset)",
                        sourceLocation: sourceLocation)
            }
        }
    }

    // MARK: focus

    @Test func tabAndNumbersMoveTheFocus() throws {
        let d = Self.data()
        var s = DashboardState(size: Size(width: 80, height: 24))
        #expect(s.focus == .commitments)
        var seen: [Pane] = []
        for _ in 0..<4 { Self.press(.tab, &s, d); seen.append(s.focus) }
        #expect(seen == [.complaints, .deadlines, .scores, .commitments])
        seen = []
        for _ in 0..<4 { Self.press(.backTab, &s, d); seen.append(s.focus) }
        #expect(seen == [.scores, .deadlines, .complaints, .commitments])
        for (key, pane) in [("3", Pane.deadlines), ("1", .commitments), ("4", .scores), ("2", .complaints)] {
            let effects = try Self.press(key, &s, d)
            #expect(s.focus == pane, "key \(key)")
            #expect(effects.isEmpty)
        }
        // Focus changes keep each pane's own selection.
        try Self.press("3 j j 4 j", &s, d)
        #expect(s[.deadlines].selected == 2 && s[.scores].selected == 1)
        try Self.press("3", &s, d)
        #expect(s[.deadlines].selected == 2)
    }

    // MARK: moving

    @Test func movingStaysInsideTheListAndKeepsTheSelectionVisible() throws {
        let d = Self.data()
        var s = DashboardState(size: Size(width: 80, height: 24))
        let visible = DashboardLayout(s.size).visibleRows(.deadlines)
        #expect(visible == 8)
        try Self.press("3", &s, d)
        try Self.press("k", &s, d)
        #expect(s[.deadlines].selected == 0 && s[.deadlines].offset == 0, "k at the top stays at the top")
        try Self.press("j j", &s, d)
        #expect(s[.deadlines].selected == 2 && s[.deadlines].offset == 0)
        Self.press(.up, &s, d)
        Self.press(.down, &s, d)
        #expect(s[.deadlines].selected == 2)
        Self.press(.pageDown, &s, d)
        #expect(s[.deadlines].selected == 2 + visible)
        #expect(s[.deadlines].offset == 3, "scrolled just enough to show the selection")
        Self.expectConsistent(s, d)
        try Self.press("G", &s, d)
        #expect(s[.deadlines].selected == 29 && s[.deadlines].offset == 30 - visible)
        Self.press(.pageDown, &s, d)
        try Self.press("j", &s, d)
        #expect(s[.deadlines].selected == 29 && s[.deadlines].offset == 30 - visible, "past the end stays at the end")
        Self.press(.pageUp, &s, d)
        #expect(s[.deadlines].selected == 29 - visible)
        Self.expectConsistent(s, d)
        try Self.press("g", &s, d)
        #expect(s[.deadlines].selected == 0 && s[.deadlines].offset == 0)
        Self.press(.end, &s, d)
        #expect(s[.deadlines].selected == 29)
        Self.press(.home, &s, d)
        #expect(s[.deadlines].selected == 0)
        Self.press(.ctrl("f"), &s, d)
        #expect(s[.deadlines].selected == visible)
        Self.press(.ctrl("b"), &s, d)
        #expect(s[.deadlines].selected == 0)
        // Other panes did not move.
        #expect(s[.commitments] == PaneState() && s[.scores] == PaneState())
    }

    @Test func theCommitmentsListMovesOverItsWholeTotalNotJustTheWindowHeld() throws {
        let d = Self.data(commitments: 100)
        var s = DashboardState(size: Size(width: 120, height: 40))
        try Self.press("G", &s, d)
        #expect(s[.commitments].selected == 99)
        Self.expectConsistent(s, d)
        // Rows outside the window held are not drawn (the app reads that window next), and nothing breaks.
        let g = DashboardView.render(s, d)
        #expect(g.lines().joined(separator: "\n").contains("(100/100)"))
        try Self.press("g", &s, d)
        #expect(s[.commitments].selected == 0 && s[.commitments].offset == 0)
    }

    @Test func emptyListsHoldTheSelectionAtZero() throws {
        let d = Self.data(alerts: 0, scores: 0, commitments: 0)
        var s = DashboardState(size: Size(width: 80, height: 24))
        for key in ["j", "G", "PageDown", "k", "g", "PageUp"] {
            for p in ["1", "2", "3", "4"] {
                try Self.press("\(p) \(key)", &s, d)
                #expect(s[s.focus].selected == 0 && s[s.focus].offset == 0, "\(key) in pane \(p)")
            }
        }
        #expect(try Self.press("1 Enter", &s, d).isEmpty, "Enter on an empty list opens nothing")
        let text = DashboardView.render(s, d).lines().joined(separator: "\n")
        #expect(text.contains("（无）"))
        #expect(text.contains("(0)"))
    }

    @Test func enterAsksForTheSelectedRecord() throws {
        let d = Self.data()
        var s = DashboardState(size: Size(width: 80, height: 24))
        #expect(try Self.press("j j Enter", &s, d) == [.openDetail(.commitments, 2)])
        #expect(try Self.press("3 G Enter", &s, d) == [.openDetail(.deadlines, 29)])
    }

    @Test func resizingKeepsTheSelectionVisible() throws {
        let d = Self.data()
        var s = DashboardState(size: Size(width: 200, height: 60))
        try Self.press("3 G", &s, d)
        for size in [Size(width: 60, height: 15), Size(width: 80, height: 24), Size(width: 60, height: 12), Size(width: 1, height: 1), Size(width: 200, height: 60)] {
            s.size = size
            DashboardUpdate.clamp(&s, data: d)
            Self.expectConsistent(s, d)
            #expect(s[.deadlines].selected == 29)
        }
    }

    // MARK: filter

    @Test func slashFiltersTheDeadlinesPaneAsYouTypeAndEscClearsIt() throws {
        let d = Self.data()
        var s = DashboardState(size: Size(width: 80, height: 24))
        try Self.press("3 j j", &s, d)
        #expect(try Self.press("/", &s, d).isEmpty)
        #expect(s.filtering)
        #expect(try Self.press("龙", &s, d) == [.refilter(.deadlines)])
        #expect(s[.deadlines].filter == "龙" && s[.deadlines].selected == 0, "typing narrows and goes back to the top")
        try Self.press("泉", &s, d)
        #expect(d.total(.deadlines, filter: s[.deadlines].filter) == 10, "every 3rd alert is in 龙泉乡")
        #expect(d.alerts(matching: "龙泉").allSatisfy { $0.department == "410422207" })
        // j while typing is text, not a move.
        try Self.press("j", &s, d)
        #expect(s[.deadlines].filter == "龙泉j" && d.total(.deadlines, filter: "龙泉j") == 0)
        Self.press(.backspace, &s, d)
        #expect(s[.deadlines].filter == "龙泉")
        var text = DashboardView.render(s, d).lines().joined(separator: "\n")
        #expect(text.contains("(1/10) /龙泉▏"), "the title shows the count and the filter being typed:\n\(text)")
        try Self.press("Enter", &s, d)
        #expect(!s.filtering && s[.deadlines].filter == "龙泉", "Enter keeps the filter")
        try Self.press("G", &s, d)
        #expect(s[.deadlines].selected == 9)
        Self.expectConsistent(s, d)
        text = DashboardView.render(s, d).lines().joined(separator: "\n")
        #expect(text.contains("(10/10) /龙泉 "))
        // Other panes are not filtered.
        #expect(s[.commitments].filter.isEmpty && d.total(.scores, filter: s[.scores].filter) == 25)
        // Esc clears it, back to the whole list.
        #expect(try Self.press("Escape", &s, d) == [.refilter(.deadlines)], "Esc after Enter should clear the filter")
        #expect(s[.deadlines].filter.isEmpty && s[.deadlines].selected == 0)
        #expect(d.total(.deadlines, filter: s[.deadlines].filter) == 30)
    }

    @Test func escWhileTypingClearsTheFilterAndNoMatchSaysSo() throws {
        let d = Self.data()
        var s = DashboardState(size: Size(width: 80, height: 24))
        try Self.press("4 / 无 此", &s, d)
        #expect(d.total(.scores, filter: s[.scores].filter) == 0)
        let text = DashboardView.render(s, d).lines().joined(separator: "\n")
        #expect(text.contains("没有匹配“无此”"), "\(text)")
        Self.expectConsistent(s, d)
        #expect(try Self.press("Escape", &s, d) == [.refilter(.scores)])
        #expect(!s.filtering && s[.scores].filter.isEmpty)
        // Ctrl-U empties the line; Ctrl-C quits even while typing.
        try Self.press("/ 龙 C-u", &s, d)
        #expect(s[.scores].filter.isEmpty && s.filtering)
        try Self.press("C-c", &s, d)
        #expect(s.quit)
    }

    @Test func theScoresFilterMatchesNamesAndCodes() throws {
        let d = Self.data()
        var s = DashboardState(size: Size(width: 80, height: 24))
        try Self.press("4 / 龙 泉 Enter", &s, d)
        #expect(d.scores(matching: s[.scores].filter).map(\.department) == ["D0"])
        try Self.press("Escape / D 1", &s, d)
        #expect(d.total(.scores, filter: s[.scores].filter) == 11, "D1, D10…D19")
    }

    // MARK: overlays and quitting

    @Test func questionMarkOpensHelpAndAnyKeyClosesIt() throws {
        let d = Self.data()
        var s = DashboardState(size: Size(width: 80, height: 24))
        for key in ["j", "x", "Escape", "Enter", "Tab", "3", "叶", "F5", "?", "/"] {
            try Self.press("?", &s, d)
            #expect(s.overlay == .help)
            let before = s
            try Self.press(key, &s, d)
            #expect(s.overlay == nil, "\(key) should close the help")
            #expect(s.focus == before.focus && s[.commitments] == before[.commitments] && !s.filtering,
                    "\(key) closing the help should do nothing else")
            #expect(!s.quit)
        }
        try Self.press("? q", &s, d)
        #expect(s.quit, "q quits from the help too")
    }

    @Test func theHelpListsEveryBindingOfTheMainScreen() {
        var s = DashboardState(size: Size(width: 100, height: 40))
        s.overlay = .help
        let text = DashboardView.render(s, Self.data()).lines().joined(separator: "\n")
        for b in DashboardKeys.map.bindings where b.context == .global {
            #expect(text.contains(b.help), "help lacks “\(b.help)” (\(b.keyNames))")
        }
        #expect(text.contains("│ Esc "), "the help has no row for Esc (clear the filter, go back):\n\(text)")
    }

    @Test func qAndCtrlCQuit() throws {
        let d = Self.data()
        for key in ["q", "C-c"] {
            var s = DashboardState(size: Size(width: 80, height: 24))
            try Self.press(key, &s, d)
            #expect(s.quit, "\(key)")
        }
        var s = DashboardState(size: Size(width: 80, height: 24))
        #expect(try Self.press("r", &s, d) == [.reload])
        #expect(!s.quit)
    }

    @Test func theDetailViewScrollsWithinItsLinesAndEscGoesBack() throws {
        let d = Self.data()
        var s = DashboardState(size: Size(width: 80, height: 24))
        let lines = (1...50).map { "第 \($0) 行：经过" }
        s.overlay = .detail(title: "承诺 CN-2026-0001", lines: lines, scroll: 0)
        let page = 24 - 4
        func scroll() -> Int? { if case .detail(_, _, let x)? = s.overlay { x } else { nil } }
        try Self.press("k", &s, d)
        #expect(scroll() == 0)
        try Self.press("j j", &s, d)
        #expect(scroll() == 2)
        Self.press(.pageDown, &s, d)
        #expect(scroll() == 2 + page)
        for _ in 0..<10 { Self.press(.pageDown, &s, d) }
        #expect(scroll() == 50 - page, "stops with the last line at the bottom")
        var text = DashboardView.render(s, d).lines().joined(separator: "\n")
        #expect(text.contains("第 50 行") && !text.contains("第 1 行："), "\(text)")
        Self.press(.pageUp, &s, d)
        #expect(scroll() == 50 - 2 * page)
        // Pane keys do nothing under the detail; the panes keep their state.
        try Self.press("Tab 3 G", &s, d)
        #expect(s.focus == .commitments && s[.commitments] == PaneState() && s.overlay != nil)
        try Self.press("Escape", &s, d)
        #expect(s.overlay == nil)
        text = DashboardView.render(s, d).lines().joined(separator: "\n")
        #expect(text.contains("1 承诺事项"))
        s.overlay = .detail(title: "x", lines: ["a"], scroll: 0)
        try Self.press("q", &s, d)
        #expect(s.quit, "q quits from the detail too")
    }

    @Test func theFooterOnlyOffersKeysThatDoSomething() throws {
        let d = Self.data()
        var s = DashboardState(size: Size(width: 120, height: 24))
        let long = (1...100).map { "第 \($0) 行" }
        s.overlay = .detail(title: "承诺 CN-2026-0001", lines: long, scroll: 3)
        let footer = DashboardView.render(s, d).lines()[23]
        for word in ["Tab", "Enter", "筛选", "刷新", "帮助"] {
            #expect(!footer.contains(word), "the detail view's footer offers “\(word)”, which does nothing there: \(footer)")
        }
        // Every key the footer names moves, closes or quits.
        for (key, name) in [("Escape", "Esc"), ("j", "j/k"), ("k", "j/k"), ("PageDown", "PgDn"), ("PageUp", "PgUp"), ("q", "q")] {
            #expect(footer.contains(name), "footer lacks \(name): \(footer)")
            var t = s
            _ = try Self.press(key, &t, d)
            #expect(t.overlay != s.overlay || t.quit, "\(key) does nothing in the detail view")
        }
        s.overlay = .help
        #expect(DashboardView.render(s, d).lines()[23].contains("任意键"))
    }

    // MARK: render

    @Test(arguments: [(1, 1), (20, 5), (59, 11), (60, 11), (59, 12), (2, 30), (300, 2), (60, 12), (80, 24), (500, 200)])
    func renderNeverCrashesAndSaysWhenTooSmall(_ w: Int, _ h: Int) throws {
        let d = Self.data()
        var states: [DashboardState] = []
        var s = DashboardState(size: Size(width: w, height: h))
        states.append(s)
        try Self.press("3 G", &s, d); states.append(s)
        s.overlay = .help; states.append(s)
        s.overlay = .detail(title: "投诉 TS-2026-000001", lines: ["内容：\u{1B}[31m红字\u{07}", String(repeating: "很长的一行", count: 40)], scroll: 0)
        states.append(s)
        s.overlay = nil; s.filtering = true; s[.deadlines].filter = "龙泉"; states.append(s)
        for st in states {
            let g = DashboardView.render(st, d)
            #expect(g.width == w && g.height == h)
            let raw = g.lines(trimTrailing: false)
            #expect(raw.count == h)
            for l in raw { #expect(Width.of(l) == w, "\(w)×\(h): \(l)") }
            let text = g.lines().joined(separator: "\n")
            #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, "control character on screen at \(w)×\(h)")
            let tooSmall = w < 60 || h < 12
            if tooSmall {
                #expect(!text.contains("┌"), "\(w)×\(h) draws panes although too small")
                if w >= 8 { #expect(text.contains("终端太小"), "\(w)×\(h):\n\(text)") }
                if w >= 40 && h >= 1 { #expect(text.contains("60×12") && text.contains("\(w)×\(h)"), "\(w)×\(h):\n\(text)") }
            } else {
                #expect(!text.contains("终端太小"))
                if st.overlay == nil {
                    for title in ["1 承诺事项", "2 投诉举报", "3 临期/逾期", "4 部门评分"] { #expect(text.contains(title), "\(w)×\(h) lacks \(title)") }
                    #expect(DashboardSupport.misalignedBoxes(text).problems.isEmpty, "\(w)×\(h):\n\(text)")
                }
            }
        }
    }

    @Test func randomKeysKeepTheStateConsistent() throws {
        let d = Self.data()
        var rng = SystemRandomNumberGenerator()
        let keys: [KeyEvent] = [.tab, .backTab, .char("1"), .char("2"), .char("3"), .char("4"), .char("j"), .char("k"), .down, .up,
                                .pageDown, .pageUp, .char("g"), .char("G"), .home, .end, .enter, .escape, .char("/"), .char("龙"),
                                .char("?"), .backspace, .char("x"), .resize]
        let sizes = [Size(width: 80, height: 24), Size(width: 60, height: 12), Size(width: 200, height: 60), Size(width: 30, height: 8)]
        var s = DashboardState(size: sizes[0])
        for i in 0..<3000 {
            if i % 97 == 0 {
                s.size = sizes.randomElement(using: &rng)!
                DashboardUpdate.clamp(&s, data: d)
            }
            let effects = Self.press(keys.randomElement(using: &rng)!, &s, d)
            for case .openDetail(let p, let row) in effects {
                #expect(row < d.total(p, filter: s[p].filter))
                s.overlay = .detail(title: "x", lines: ["y"], scroll: 0)
            }
            s.quit = false
            Self.expectConsistent(s, d)
            if i % 50 == 0 { _ = DashboardView.render(s, d) }
        }
    }
}
