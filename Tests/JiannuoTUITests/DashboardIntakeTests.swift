import Foundation
import JiannuoCore
@testable import JiannuoTUI
import Testing

/// The complaint intake form: editing by display width, pickers, validation in place, cancel, and a
/// complaint typed in Chinese in a real terminal saved exactly as typed.
@Suite struct DashboardIntakeTests {
    init() { _ = Width.ensureLocale() }

    static let names = ["410422101": "任店镇", "410422102": "保安镇", "FGW": "县发改委"]
    static let now = DateTime("2026-11-20 09:30")!

    static func type(_ text: String, _ f: inout IntakeForm) {
        for c in text { _ = f.handle(.char(c)) }
    }

    @Test func chineseEditingMovesByDisplayWidth() {
        var f = IntakeForm(now: Self.now)
        f.focus = .content
        Self.type("工程款拖欠", &f)
        #expect(f.editors[.content]!.cursorColumn == 10, "five Han characters are ten columns")
        _ = f.handle(.backspace)
        #expect(f.text(.content) == "工程款拖")
        _ = f.handle(.left); _ = f.handle(.left)
        _ = f.handle(.char("款"))
        #expect(f.text(.content) == "工程款款拖")
        #expect(f.editors[.content]!.cursorColumn == 6, "after 工程款")
        _ = f.handle(.ctrl("u"))
        #expect(f.text(.content) == "款拖", "Ctrl-U kills to the start of the line")
        _ = f.handle(.ctrl("e"))
        _ = f.handle(.enter)
        Self.type("第二行", &f)
        #expect(f.text(.content) == "款拖\n第二行", "Enter in the content starts a new line")
    }

    @Test func tabAndPickersMoveThroughTheFields() {
        var f = IntakeForm(now: Self.now)
        #expect(f.focus == .channel)
        _ = f.handle(.right)
        #expect(IntakeForm.channels[f.channel] == .phone)
        _ = f.handle(.char("1"))
        #expect(IntakeForm.channels[f.channel] == .hotline, "a digit picks directly; 12345 is first")
        _ = f.handle(.tab); _ = f.handle(.tab)
        #expect(f.focus == .urgency)
        _ = f.handle(.left)
        #expect(IntakeForm.urgencies[f.urgency] == .critical, "← wraps round")
        _ = f.handle(.backTab)
        #expect(f.focus == .received)
        #expect(f.text(.received) == "2026-11-20 09:30", "received defaults to now")
    }

    @Test func invalidFieldsAreMarkedAndNothingIsReturned() {
        var f = IntakeForm(now: Self.now)
        f.focus = .received
        _ = f.handle(.ctrl("u"))
        Self.type("2026-02-30 10:00", &f)
        f.focus = .department
        Self.type("镇", &f)      // matches two townships
        let draft = f.validated(names: Self.names, calendar: WorkCalendar(), rules: .defaults, clock: Clock(today: Day("2026-11-20")!, minute: 18 * 60))
        #expect(draft == nil)
        #expect(f.errors[.received] != nil)
        #expect(f.errors[.department]?.contains("2 个") == true, "\(f.errors)")
        #expect(f.errors[.content] != nil, "content is required")
        #expect(f.focus == .received, "the cursor goes to the first bad field")
    }

    @Test func aValidFormGivesTheDraftAsTyped() throws {
        var f = IntakeForm(now: Self.now)
        f.focus = .complainant; Self.type("王小明", &f)
        f.focus = .contact; Self.type("13812345678", &f)
        f.focus = .department; Self.type("任店", &f)
        f.focus = .category; _ = f.handle(.char("3"))
        f.focus = .content; Self.type("工程款拖欠半年，多次催要无果", &f)
        let validated = f.validated(names: Self.names, calendar: WorkCalendar(), rules: .defaults, clock: Clock(today: Day("2026-11-20")!, minute: 18 * 60))
        let d = try #require(validated, "\(f.errors)")
        #expect(d.department == "410422101")
        #expect(d.category == "3")
        #expect(d.complainant == "王小明" && d.contact == "13812345678")
        #expect(d.content == "工程款拖欠半年，多次催要无果")
        #expect(d.channel == "hotline" && d.received == "2026-11-20 09:30")
    }

    @Test func escAsksBeforeThrowingTypedTextAway() {
        let d = DashboardData(today: Day("2026-11-20")!, operatorName: "t", database: "d", readOnly: false, calendar: WorkCalendar())
        var s = DashboardState(size: Size(width: 100, height: 30))
        s.form = IntakeForm(now: Self.now)
        #expect(DashboardUpdate.key(.escape, to: &s, data: d) == [.discardDraft], "nothing typed: Esc closes at once")
        #expect(s.form == nil && s.prompt == nil)
        s.form = IntakeForm(now: Self.now)
        s.form?.focus = .content
        for c in "写了一半" { _ = DashboardUpdate.key(.char(c), to: &s, data: d) }
        #expect(DashboardUpdate.key(.escape, to: &s, data: d).isEmpty)
        #expect(s.prompt?.kind == .discardIntake && s.form != nil, "typed text: Esc asks")
        let text = DashboardView.render(s, d).lines().joined(separator: "\n")
        #expect(text.contains("放弃登记") && text.contains("Enter 放弃") && text.contains("Esc 继续编辑"), "\(text)")
        _ = DashboardUpdate.key(.char("x"), to: &s, data: d)
        #expect(s.prompt != nil && s.form?.text(.content) == "写了一半", "a stray key neither answers nor types")
        _ = DashboardUpdate.key(.escape, to: &s, data: d)
        #expect(s.prompt == nil && s.form?.text(.content) == "写了一半", "Esc goes back to editing")
        _ = DashboardUpdate.key(.escape, to: &s, data: d)
        #expect(DashboardUpdate.key(.char("y"), to: &s, data: d) == [.discardDraft])
        #expect(s.form == nil && s.prompt == nil)
    }

    @Test func aSuggestedCommitmentIsSavedOnlyWhenTakenWithItsKey() {
        var f = IntakeForm(now: Self.now)
        f.focus = .commitment
        f.commitmentHints = [.init(id: "CN-2026-0001", counterparty: "甲公司"), .init(id: "CN-2026-0002", counterparty: "乙公司")]
        #expect(f.text(.commitment).isEmpty, "a suggestion beside the field is not its value")
        _ = f.handle(.ctrl("n"))
        #expect(f.text(.commitment) == "CN-2026-0001")
        _ = f.handle(.ctrl("n"))
        #expect(f.text(.commitment) == "CN-2026-0002", "Ctrl-N again takes the next one")
        _ = f.handle(.ctrl("n"))
        #expect(f.text(.commitment) == "CN-2026-0001")
        var s = DashboardState(size: Size(width: 120, height: 30))
        s.form = f
        let d = DashboardData(today: Day("2026-11-20")!, operatorName: "t", database: "d", readOnly: false, calendar: WorkCalendar())
        #expect(DashboardView.render(s, d).lines().last?.contains("Ctrl-N 采用建议") == true, "the footer names the key")
        s.form?.focus = .content
        #expect(DashboardView.render(s, d).lines().last?.contains("Ctrl-N") == false, "and only where it works")
    }

    @Test func theChosenCategoryIsVisibleAt80Columns() throws {
        var f = IntakeForm(now: Self.now)
        f.focus = .category
        _ = f.handle(.char("5"))
        #expect(f.category == 5)
        var s = DashboardState(size: Size(width: 80, height: 24))
        s.form = f
        let d = DashboardData(today: Day("2026-11-20")!, operatorName: "t", database: "d", readOnly: false, calendar: WorkCalendar())
        let g = DashboardView.render(s, d)
        let y = try #require(g.lines().firstIndex { $0.contains("类别") })
        #expect(g.lines()[y].contains("[5 法院判决不执行]"), "\(g.lines()[y])")
        #expect(g.roles(y: y).contains(.selected), "the chosen item carries the selection role")
    }

    @Test func theFormIsDrawnWithItsErrors() throws {
        var f = IntakeForm(now: Self.now)
        _ = f.validated(names: Self.names, calendar: WorkCalendar(), rules: .defaults, clock: Clock(today: Day("2026-11-20")!, minute: 18 * 60))
        var s = DashboardState(size: Size(width: 100, height: 24))
        s.form = f
        let d = DashboardData(today: Day("2026-11-20")!, operatorName: "t", database: "d", readOnly: false, calendar: WorkCalendar())
        let lines = DashboardView.render(s, d).lines()
        #expect(lines.contains { $0.contains("登记投诉") })
        #expect(lines.contains { $0.contains("投诉内容") && $0.contains("✗") }, "\(lines.joined(separator: "\n"))")
        #expect(lines.last?.contains("Ctrl-S 保存") == true)
    }

    @Test func aComplaintTypedInChineseInTmuxIsSavedExactly() throws {
        let t = try DashboardTmux(width: 120, height: 40)
        defer { t.kill() }
        let (up, first) = t.waitFor(timeout: 10, DashboardTmux.panesVisible)
        try #require(up, "no panes; screen:\n\(first)")
        try t.send("a")
        let (open, form) = t.waitFor(timeout: 3) { $0.contains("登记投诉") }
        try #require(open, "the form did not open; screen:\n\(form)")
        try t.send("Tab", "Tab", "Right", "Tab")             // urgency: 紧急
        try t.send("-l", "王小明"); try t.send("Tab")
        try t.send("-l", "13812345678"); try t.send("Tab")
        try t.send("-l", "任店"); try t.send("Tab")
        try t.send("Right", "Right", "Right", "Tab", "Tab")   // category 3
        let content = "企业反映工程款拖欠半年，多次催要无果。请尽快处理！"
        try t.send("-l", content)
        try t.send("C-s")
        let (saved, after) = t.waitFor(timeout: 3) { $0.contains("已登记 TS-") }
        try #require(saved, "not saved; screen:\n\(after)")
        let r = try t.demo.cli(["complaint", "list", "--json", "--department", "410422101", "--status", "received"])
        let list = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
        let match = list.first { $0["content"] as? String == content }
        let c = try #require(match, "\(r.stdout)")
        #expect(c["complainant"] as? String == "王小明")
        #expect(c["contact"] as? String == "138****5678", "masked in lists")
        let full = try t.demo.cli(["complaint", "show", c["id"] as! String, "--reveal", "--json"])
        #expect((try JSONSerialization.jsonObject(with: Data(full.stdout.utf8)) as? [String: Any])?["contact"] as? String == "13812345678")
        #expect(c["urgency"] as? String == "urgent")
        #expect(c["category"] as? Int == 3)
        #expect(c["channel"] as? String == "hotline")
        try t.send("q")
        #expect(t.waitForExit(timeout: 5) == "EXIT=0")
    }
}

/// Nothing typed is lost: the draft survives SIGKILL and is offered at the next start.
@Suite(.serialized) struct DashboardDraftTests {
    init() { _ = Width.ensureLocale() }

    @Test func aDraftSurvivesSIGKILLAndIsRestored() throws {
        let t = try DashboardTmux(width: 120, height: 40)
        defer { t.kill() }
        let (up, first) = t.waitFor(timeout: 10, DashboardTmux.panesVisible)
        try #require(up, "no panes; screen:\n\(first)")
        try t.send("a")
        _ = t.waitFor(timeout: 3) { $0.contains("登记投诉") }
        try t.send("Tab", "Tab", "Tab")
        try t.send("-l", "李四")
        try t.send("Tab", "Tab")
        try t.send("-l", "叶邑")
        try t.send("Tab", "Tab", "Tab")
        let content = "正在输入的投诉内容，终端突然关闭"
        try t.send("-l", content)
        // Typing within a field is saved every two seconds; wait past that, then kill without warning.
        Thread.sleep(forTimeInterval: 2.6)
        let pid = try #require(Int32((try String(contentsOfFile: t.pidFile, encoding: .utf8)).trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(DashboardTmux.signal(pid, SIGKILL) == 0)
        _ = t.waitForExit(timeout: 5)

        // A second dashboard on the same database offers the draft; Enter restores every field.
        let again = try DashboardTmux(width: 120, height: 40, demo: t.demo)
        defer { again.kill() }
        let (offered, offer) = again.waitFor(timeout: 10) { $0.contains("未保存的投诉登记草稿") }
        try #require(offered, "no draft offered; screen:\n\(offer)")
        try again.send("Enter")
        let (restored, form) = again.waitFor(timeout: 3) { $0.contains(content) && $0.contains("李四") && $0.contains("叶邑镇（410422105）") }
        #expect(restored, "the draft was not restored; screen:\n\(form)")
        try again.send("C-s")
        let (saved, after) = again.waitFor(timeout: 3) { $0.contains("已登记 TS-") }
        #expect(saved, "the restored draft did not save; screen:\n\(after)")
        let r = try t.demo.cli(["complaint", "list", "--json", "--department", "410422105", "--status", "received"])
        #expect(r.stdout.contains(content))
    }
}
