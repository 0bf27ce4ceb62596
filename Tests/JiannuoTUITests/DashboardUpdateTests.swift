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
                         message: Text(String(format: "承诺 CN-2026-%04d（某某有限公司）兑现时限", i), "commitment"))
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
        DashboardUpdate.key(key, to: &s, data: d)
    }

    /// A record of `n` numbered lines, in front of the panes.
    static func record(_ n: Int, id: String = "CN-2026-0001") -> DocState {
        DocState(.record(RecordContent(id: id, title: "承诺 \(id)", department: "FGW", lines: (1...n).map { DocLine("第 \($0) 行：经过") })))
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
        #expect(try Self.press("j j Enter", &s, d) == [.openRecord("CN-2026-0002")])
        #expect(try Self.press("3 G Enter", &s, d) == [.openRecord("CN-2026-0029")])
        #expect(try Self.press("4 Enter", &s, d) == [.openDrill("D0")], "Enter on a score opens the department's record")
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

    @Test func theHelpScrollsToEveryKeyAndClosesOnlyWithItsOwnKeys() throws {
        let d = Self.data()
        var s = DashboardState(size: Size(width: 80, height: 24))
        try Self.press("2 ?", &s, d)
        let help = try #require(s.help)
        guard case .help(let content) = help.content else { Issue.record("not the help"); return }
        #expect(content.place == [.complaints, .panes], "the help starts with the keys of the place it was opened from")
        // Keys that mean something on the panes only scroll the help, or do nothing: the panes stay as they were.
        let before = s
        try Self.press("j j 3 Tab x", &s, d)
        #expect(s.help?.scroll == 2 && s.focus == before.focus && s[.complaints] == before[.complaints])
        try Self.press("G", &s, d)
        let layout = DocumentLayout(s.size)
        let rows = DocContent.help(content).rows(width: layout.width)
        #expect(s.help?.scroll == rows.count - layout.visibleRows, "G shows the last row at the bottom")
        let text = DashboardView.render(s, d).lines().joined(separator: "\n")
        #expect(text.contains(rows.last!.text.trimmingCharacters(in: .whitespaces)), "\(text)")
        #expect(text.contains("上方还有"), "the help says that rows lie above:\n\(text)")
        for key in ["Escape", "q", "?", "F1"] {
            s.help = help
            try Self.press(key, &s, d)
            #expect(s.help == nil && !s.quit, "\(key) closes the help")
        }
        try Self.press("? C-c", &s, d)
        #expect(s.quit, "Ctrl-C quits from the help too")
    }

    @Test func theKeyTableIsSoundAndEveryPlaceHasAWayOutAndToTheHelp() {
        #expect(DashboardKeys.map.conflicts().isEmpty, "\(DashboardKeys.map.conflicts())")
        let places: [[KeyContext]] = [[.commitments, .panes], [.complaints, .panes], [.deadlines, .panes], [.scores, .panes], [.filter],
                                      [.record, .complaints], [.drill], [.search, .edit], [.edit, .intake], [.picker, .step],
                                      [.multiline, .edit, .step], [.prompt], [.help]]
        for p in places {
            let actions = Set(DashboardKeys.map.active(in: p).map(\.action))
            #expect(actions.contains(.help) || p == [.help], "\(p): no key opens the help")
            #expect(!actions.isDisjoint(with: [.back, .cancel, .clearFilter, .dismiss, .quit]), "\(p): no way out")
            #expect(!DashboardKeys.map.footerBindings(in: p).isEmpty, "\(p): an empty footer")
        }
    }

    @Test func theHelpListsEveryBindingOfEveryPlace() {
        let rows = HelpContent(place: [.commitments, .panes]).lines(width: 76).map(\.text).joined(separator: "\n")
        for b in DashboardKeys.map.bindings {
            #expect(rows.contains(b.help.zh), "help lacks “\(b.help.zh)” (\(b.keyNames), \(b.context))")
            #expect(rows.contains(b.keyNames), "help lacks the keys \(b.keyNames) (\(b.context))")
        }
        for (title, _) in DashboardKeys.places { #expect(rows.contains(title.zh)) }
    }

    @Test func qQuitsFromThePanesOnlyAndClosesEverythingElse() throws {
        let d = Self.data()
        for key in ["q", "C-c"] {
            var s = DashboardState(size: Size(width: 80, height: 24))
            try Self.press(key, &s, d)
            #expect(s.quit, "\(key)")
        }
        var s = DashboardState(size: Size(width: 80, height: 24))
        #expect(try Self.press("r", &s, d) == [.reload])
        #expect(!s.quit)
        // In a record over the search, q closes both and leaves the program running.
        try Self.press(":", &s, d)
        s.stack.append(.document(Self.record(3)))
        try Self.press("q", &s, d)
        #expect(!s.quit && s.stack.isEmpty)
        s.stack.append(.document(Self.record(3)))
        try Self.press("C-c", &s, d)
        #expect(s.quit, "Ctrl-C quits from anywhere")
    }

    @Test func aRecordScrollsOverItsWrappedRowsAndSaysWhatLiesAboveAndBelow() throws {
        let d = Self.data()
        var s = DashboardState(size: Size(width: 80, height: 24))
        // 30 lines, one of them wrapping over three rows at 80 columns.
        var doc = Self.record(30)
        if case .record(var r) = doc.content {
            r.lines[5] = DocLine(String(repeating: "很长的一行经过", count: 12))
            doc.content = .record(r)
        }
        s.stack = [.document(doc)]
        let layout = DocumentLayout(s.size)
        let rows = doc.rows(layout).count
        #expect(rows == 32 && layout.visibleRows == 20)
        func cursor() -> Int { s.document!.cursor }
        func scroll() -> Int { s.document!.scroll }
        try Self.press("k", &s, d)
        #expect(cursor() == 0 && scroll() == 0)
        var text = DashboardView.render(s, d).lines().joined(separator: "\n")
        #expect(text.contains("↓ 下方还有 12 行") && !text.contains("上方还有"), "\(text)")
        try Self.press("j j", &s, d)
        #expect(cursor() == 2)
        Self.press(.pageDown, &s, d)
        #expect(cursor() == 22 && scroll() == 3)
        try Self.press("G", &s, d)
        #expect(cursor() == 31 && scroll() == 12, "the last row at the bottom")
        text = DashboardView.render(s, d).lines().joined(separator: "\n")
        #expect(text.contains("第 30 行") && text.contains("↑ 上方还有 12 行") && !text.contains("下方还有"), "\(text)")
        Self.press(.pageUp, &s, d)
        #expect(cursor() == 11)
        try Self.press("g", &s, d)
        #expect(cursor() == 0 && scroll() == 0)
        // Pane keys do nothing under a record; the panes keep their state.
        try Self.press("Tab 3", &s, d)
        #expect(s.focus == .commitments && s[.commitments] == PaneState() && s.document != nil)
        try Self.press("Escape", &s, d)
        #expect(s.stack.isEmpty)
        text = DashboardView.render(s, d).lines().joined(separator: "\n")
        #expect(text.contains("1 承诺事项"))
    }

    @Test func enterFollowsTheLinkUnderTheCursorAndEscReturnsToWhereItWas() throws {
        let d = Self.data()
        var s = DashboardState(size: Size(width: 80, height: 24))
        let lines = [DocLine("渠道  一般  已反馈"), DocLine("关联承诺：CN-2026-0003", link: "CN-2026-0003"), .blank,
                     DocLine("失信 SX-2026-0001", link: "SX-2026-0001"), DocLine("  整改 ZG-2026-0001", link: "ZG-2026-0001")]
        s.stack = [.document(DocState(.record(RecordContent(id: "TS-2026-000001", title: "投诉", department: "FGW", lines: lines))))]
        #expect(try Self.press("Enter", &s, d).isEmpty, "the first row leads nowhere")
        #expect(!DashboardView.render(s, d).lines()[23].contains("打开"), "the footer offers Enter only on a row that leads somewhere")
        #expect(try Self.press("j j j Enter", &s, d) == [.openRecord("SX-2026-0001")])
        #expect(DashboardView.render(s, d).lines()[23].contains("Enter 打开 SX-2026-0001"))
        // The breach opens over the complaint; Esc comes back to the complaint with the cursor where it was.
        DashboardUpdate.show(.record(RecordContent(id: "SX-2026-0001", title: "失信", department: "FGW",
                                                   lines: [DocLine("来自投诉：TS-2026-000001", link: "TS-2026-000001")])), &s)
        #expect(try Self.press("Enter", &s, d) == [.openRecord("TS-2026-000001")], "a breach leads back to its complaint")
        try Self.press("Escape", &s, d)
        #expect(s.stack.count == 1 && s.document?.cursor == 3)
        #expect(try Self.press("d", &s, d) == [.openDrill("FGW")])
        #expect(try Self.press("h", &s, d) == [.openStep(.verify, .record("TS-2026-000001"))], "a complaint's keys act on the record")
    }

    @Test func theFooterOnlyOffersKeysThatDoSomething() throws {
        let d = Self.data()
        var s = DashboardState(size: Size(width: 120, height: 24))
        s.stack = [.document(Self.record(100))]
        let footer = DashboardView.render(s, d).lines()[23]
        for word in ["Tab", "筛选", "刷新", "Enter"] {
            #expect(!footer.contains(word), "the record's footer offers “\(word)”, which does nothing there: \(footer)")
        }
        // Every key the footer names moves, closes or quits.
        for (key, name) in [("Escape", "Esc"), ("j", "j/k"), ("PageDown", "PgDn"), ("q", "q"), ("G", "g/G"), ("d", "d")] {
            #expect(footer.contains(name), "footer lacks \(name): \(footer)")
            var t = s
            let effects = try Self.press(key, &t, d)
            #expect(t.stack != s.stack || t.quit || !effects.isEmpty, "\(key) does nothing in the record")
        }
        s.stack = []
        s.help = DocState(.help(HelpContent(place: [.commitments, .panes])))
        #expect(DashboardView.render(s, d).lines()[23].contains("Esc/q 关闭"))
    }

    @Test func aFooterTooNarrowEndsWithMoreAndKeepsThePlacesOwnKeys() throws {
        var d = Self.data()
        d.complaints = .init(rows: [Complaint(id: "TS-2026-000001", channel: .hotline, received: DateTime(day: Self.today), urgency: .normal,
                                              complainant: nil, contact: nil, department: "FGW", category: nil, commitment: nil,
                                              content: "x", acceptDue: Self.today.adding(days: 1))], total: 1, offset: 0)
        var s = DashboardState(size: Size(width: 80, height: 24))
        try Self.press("2", &s, d)
        let footer = DashboardView.render(s, d).lines()[23]
        #expect(footer.hasSuffix("? 更多"), "\(footer)")
        for hint in ["Enter 详情", "s 受理", "d 档案", "/ 筛选", ": 搜索"] { #expect(footer.contains(hint), "\(hint) missing: \(footer)") }
        #expect(!footer.contains("b 办结"), "a complaint not yet accepted cannot be resolved: \(footer)")
        s.size = Size(width: 200, height: 24)
        let wide = DashboardView.render(s, d).lines()[23]
        #expect(wide.hasSuffix("? 帮助") && wide.contains("Tab 切换") && wide.contains("q 退出"), "\(wide)")
    }

    // MARK: render

    @Test(arguments: [(1, 1), (20, 5), (59, 11), (60, 11), (59, 12), (2, 30), (300, 2), (60, 12), (80, 24), (500, 200)])
    func renderNeverCrashesAndSaysWhenTooSmall(_ w: Int, _ h: Int) throws {
        let d = Self.data()
        var states: [DashboardState] = []
        var s = DashboardState(size: Size(width: w, height: h))
        states.append(s)
        try Self.press("3 G", &s, d); states.append(s)
        s.help = DocState(.help(HelpContent(place: [.panes]))); states.append(s)
        s.help = nil
        s.stack = [.document(DocState(.record(RecordContent(id: "TS-2026-000001", title: "投诉 TS-2026-000001", department: nil,
                                                            lines: [DocLine("内容：\u{1B}[31m红字\u{07}"), DocLine(String(repeating: "很长的一行", count: 40))]))))]
        states.append(s)
        s.stack = []; s.filtering = true; s[.deadlines].filter = "龙泉"; states.append(s)
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
                if st.stack.isEmpty && st.help == nil {
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
            for case .openRecord(let id) in effects {
                #expect(d.alerts.contains { $0.record == id } || d.commitments.rows.contains { $0.id == id })
                DashboardUpdate.show(.record(RecordContent(id: id, title: "x", department: nil, lines: [DocLine("y")])), &s)
            }
            s.quit = false
            Self.expectConsistent(s, d)
            if i % 50 == 0 { _ = DashboardView.render(s, d) }
        }
    }
}
