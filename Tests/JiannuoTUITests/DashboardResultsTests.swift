import Foundation
import JiannuoCore
import JiannuoStore
@testable import JiannuoTUI
import Testing

/// What the officer sees after an effect ran, decided by `DashboardUpdate.result` alone: each result
/// is applied to a hand-made state, without a terminal or a database.
@Suite struct DashboardResultsTests {
    init() { _ = Width.ensureLocale() }

    static let today = Day("2026-11-20")!
    static let now = DateTime(day: today, minute: 9 * 60 + 30)

    /// 100 commitments and 40 complaints, a window of 24 of each held.
    static func data(lang: Lang = .zh) -> DashboardData {
        var d = DashboardUpdateTests.data()
        d.lang = lang
        let rows = (0..<24).map { i in
            Complaint(id: String(format: "TS-2026-%04d", i), channel: .hotline, received: now, urgency: .normal, complainant: "王五",
                      contact: "138****5678", department: "FGW", category: 1, commitment: nil, content: "工程款拖欠", acceptDue: today)
        }
        d.complaints = .init(rows: rows, total: 40, offset: 0)
        return d
    }

    static func record(_ id: String, _ lines: [String]) -> RecordContent {
        RecordContent(id: id, title: "投诉 \(id)", department: "FGW", lines: lines.map { DocLine($0) })
    }

    static func state() -> DashboardState { DashboardState(size: Size(width: 100, height: 30)) }

    static func complaint(_ id: String) -> Complaint {
        Complaint(id: id, channel: .hotline, received: now, urgency: .urgent, complainant: nil, contact: nil, department: "FGW",
                  category: nil, commitment: nil, content: "新投诉", acceptDue: Day("2026-11-23")!)
    }

    // MARK: the intake form

    @Test func aFormThatFailsItsCheckKeepsItsErrorsAndSaysHowMany() {
        var s = Self.state()
        s.form = IntakeForm(now: Self.now)
        var checked = IntakeForm(now: Self.now)
        checked.errors = [.department: "请输入单位名称或代码", .content: "投诉内容不能为空"]
        checked.focus = .department
        let effects = DashboardUpdate.result(.intake(.invalid(checked)), &s, Self.data())
        #expect(effects.isEmpty, "nothing is written or read again")
        #expect(s.form == checked, "the form stays open with its errors")
        #expect(s.message == "有 2 项需要修改")
        checked.errors = [.content: "投诉内容不能为空"]
        _ = DashboardUpdate.result(.intake(.invalid(checked)), &s, Self.data(lang: .en))
        #expect(s.message == "1 field needs fixing")
    }

    @Test func aSaveTheDatabaseRefusesShowsTheReasonInTheFormAndShortInTheFooter() {
        var s = Self.state()
        let form = IntakeForm(now: Self.now)
        s.form = form
        let refusal = JiannuoError.database("数据库为只读：attempt to write a readonly database", "the database is read-only")
        let effects = DashboardUpdate.result(.intake(.refused(form, refusal)), &s, Self.data())
        #expect(effects.isEmpty, "the draft is kept: nothing was saved")
        #expect(s.form?.errors[.content] == "数据库为只读：attempt to write a readonly database", "the form says it in full")
        #expect(s.message == "未保存：数据库只读或不可用，不能写入", "the footer says it in one line")
        _ = DashboardUpdate.result(.intake(.refused(form, .invalid("承诺 CN-1 不存在", "commitment CN-1 not found"))), &s, Self.data(lang: .en))
        #expect(s.message == "Not saved: commitment CN-1 not found", "another refusal is said as it is")
    }

    @Test func aSavedComplaintClosesTheFormAndIsSelectedWhereTheDefaultListPutsIt() {
        var s = Self.state()
        s.form = IntakeForm(now: Self.now)
        s.focus = .commitments
        s.stack = [.document(DashboardUpdateTests.record(5))]
        s[.complaints].filter = "王"
        s[.complaints].selected = 3
        let saved = Self.complaint("TS-2026-0099")
        let effects = DashboardUpdate.result(.intake(.saved(saved)), &s, Self.data())
        #expect(effects == [.discardDraft, .reload, .follow("TS-2026-0099")], "the draft goes, the lists are read, the new one is found")
        #expect(s.form == nil && s.stack.isEmpty)
        #expect(s.focus == .complaints)
        #expect(s[.complaints] == PaneState(), "the default list, where the new complaint's position was read")
        #expect(s.message == "已登记 TS-2026-0099，须于 2026-11-23 前受理")
        // Its position, read once the lists are read again, selects it.
        let more = DashboardUpdate.result(.followed(.complaints, position: 30), &s, Self.data())
        #expect(more.isEmpty)
        #expect(s[.complaints].selected == 30)
        let visible = DashboardLayout(s.size).visibleRows(.complaints)
        #expect(s[.complaints].offset <= 30 && 30 < s[.complaints].offset + visible, "scrolled so that it shows")
        #expect(s.message == "已登记 TS-2026-0099，须于 2026-11-23 前受理", "the message stays")
    }

    @Test func aRecordNotInTheListAsShownMovesNoSelection() {
        var s = Self.state()
        s.focus = .complaints
        s[.complaints].selected = 7
        _ = DashboardUpdate.result(.followed(.complaints, position: nil), &s, Self.data())
        #expect(s[.complaints].selected == 7)
    }

    @Test func theFormOpensAtTheClocksTimeAndTakesTheSuggestions() {
        var s = Self.state()
        let later = DateTime(day: Self.today, minute: 16 * 60 + 5)
        _ = DashboardUpdate.result(.intake(.opened(now: later)), &s, Self.data())
        #expect(s.form == IntakeForm(now: later))
        #expect(s.form?.text(.received).hasSuffix("16:05") == true, "\(s.form?.text(.received) ?? "no form")")
        let hints = [IntakeForm.CommitmentHint(id: "CN-2026-0001", counterparty: "许昌电子有限责任公司")]
        _ = DashboardUpdate.result(.intake(.hints(hints)), &s, Self.data())
        #expect(s.form?.commitmentHints == hints)
        s.form = nil
        _ = DashboardUpdate.result(.intake(.hints(hints)), &s, Self.data())
        #expect(s.form == nil, "suggestions for a form closed meanwhile open nothing")
    }

    // MARK: the draft

    @Test func aDraftThatCannotBeReadIsDiscardedWithAMessage() {
        var s = Self.state()
        let effects = DashboardUpdate.result(.draft(.restore(json: "{not a draft", now: Self.now)), &s, Self.data())
        #expect(effects == [.discardDraft])
        #expect(s.form == nil)
        #expect(s.message == "草稿无法读取，已丢弃")
    }

    @Test func aDraftRestoredIsTheFormAsTyped() throws {
        var typed = IntakeForm(now: Self.now)
        typed.focus = .content
        _ = typed.apply(.type, key: .char("半"))
        var s = Self.state()
        let effects = DashboardUpdate.result(.draft(.restore(json: typed.draftJSON, now: Self.now)), &s, Self.data())
        #expect(effects.isEmpty, "the draft is kept until the form is saved or dropped")
        #expect(s.form?.text(.content) == "半")
        #expect(s.message == "已恢复草稿")
    }

    @Test func aDraftFoundAtStartIsOfferedWithItsTime() {
        var s = Self.state()
        _ = DashboardUpdate.result(.draft(.found(json: "{}", savedAt: "2026-11-19 17:42:10")), &s, Self.data(lang: .en))
        #expect(s.prompt?.kind == .restoreDraft(json: "{}"))
        #expect(s.prompt?.body == ["An unsaved complaint draft from 2026-11-19 17:42 was found: restore it and go on, or discard it?"])
        #expect(s.prompt?.yes == "restore" && s.prompt?.no == "discard")
        // As the ledger stores it (ISO with the office's offset), shown as every time is.
        _ = DashboardUpdate.result(.draft(.found(json: "{}", savedAt: "2026-12-06T19:14:33+08:00")), &s, Self.data())
        #expect(s.prompt?.body.first?.contains("发现 2026-12-06 19:14 未保存") == true, "\(String(describing: s.prompt?.body))")
    }

    @Test func aDraftNotWrittenIsSaid() {
        var s = Self.state()
        s.form = IntakeForm(now: Self.now)
        _ = DashboardUpdate.result(.draft(.notSaved(Text("无法创建草稿目录", "cannot make the drafts folder"))), &s, Self.data())
        #expect(s.message == "草稿未能保存：无法创建草稿目录")
        #expect(s.form != nil, "typing goes on")
    }

    // MARK: export

    @Test func anExportSaysWhereItWroteOrWhyItDidNot() {
        var s = Self.state()
        _ = DashboardUpdate.result(.export(.written(rows: 3, path: "/srv/ledger.exports/complaints.csv")), &s, Self.data())
        #expect(s.message == "已导出 3 行：/srv/ledger.exports/complaints.csv")
        _ = DashboardUpdate.result(.export(.written(rows: 1, path: "/x/a.csv")), &s, Self.data(lang: .en))
        #expect(s.message == "Exported 1 row: /x/a.csv")
        _ = DashboardUpdate.result(.export(.failed(directory: "/srv/ledger.exports")), &s, Self.data())
        #expect(s.message == "导出失败：无法写入 /srv/ledger.exports")
        _ = DashboardUpdate.result(.export(.notInRender), &s, Self.data())
        #expect(s.message == "render 不写文件：导出请在看板中进行")
    }

    // MARK: records

    @Test func aRevealThatCannotBeRecordedLeavesTheContactHiddenAndSaysWhy() {
        var s = Self.state()
        let masked = Self.record("TS-2026-0001", ["联系方式：138****5678"])
        DashboardUpdate.show(.record(masked), &s)
        let before = s.stack
        let effects = DashboardUpdate.result(.document(.revealRefused(Text("数据库为只读", "the database is read-only"))), &s, Self.data())
        #expect(effects.isEmpty)
        #expect(s.stack == before, "the record in front is unchanged: still masked")
        #expect(s.message == "无法记录查看（数据库为只读），联系方式不显示")
    }

    @Test func aRevealShowsTheContactInPlaceOrInFront() {
        var s = Self.state()
        DashboardUpdate.show(.record(Self.record("TS-2026-0001", ["联系方式：138****5678"])), &s)
        let shown = Self.record("TS-2026-0001", ["联系方式：13812345678"])
        _ = DashboardUpdate.result(.document(.revealed(shown)), &s, Self.data())
        #expect(s.stack.count == 1 && s.record == shown, "the record in front is read again in place")
        #expect(s.message == "已显示联系方式，并记入审计日志")
        s.stack = []
        _ = DashboardUpdate.result(.document(.revealed(shown)), &s, Self.data())
        #expect(s.stack.count == 1 && s.record == shown, "from a list, the record opens in front")
    }

    @Test func aRecordThatCannotBeReadIsSaidAndOneReadIsShown() {
        var s = Self.state()
        _ = DashboardUpdate.result(.document(.unreadable(Text("找不到投诉 TS-9", "complaint TS-9 not found"))), &s, Self.data(lang: .en))
        #expect(s.stack.isEmpty && s.message == "complaint TS-9 not found")
        _ = DashboardUpdate.result(.document(.read(.record(Self.record("TS-2026-0002", ["受理"])))), &s, Self.data())
        #expect(s.record?.id == "TS-2026-0002")
    }

    @Test func recordsReadAgainReplaceThoseOnScreenOnly() {
        var s = Self.state()
        DashboardUpdate.show(.record(Self.record("TS-2026-0001", ["待受理"])), &s)
        DashboardUpdate.show(.record(Self.record("TS-2026-0002", ["待受理"])), &s)
        let fresh = [Self.record("TS-2026-0001", ["已受理"]), Self.record("TS-2026-0003", ["已受理"])]
        _ = DashboardUpdate.result(.document(.reread(fresh)), &s, Self.data())
        let ids = s.stack.compactMap { screen -> RecordContent? in
            guard case .document(let d) = screen, case .record(let r) = d.content else { return nil }
            return r
        }
        #expect(ids.map(\.id) == ["TS-2026-0001", "TS-2026-0002"], "no record is opened by a refresh")
        #expect(ids[0].lines.map(\.text) == ["已受理"] && ids[1].lines.map(\.text) == ["待受理"])
    }

    // MARK: workflow steps

    @Test func aStepCarriedOutClosesItsFormSaysSoAndIsShownEverywhere() {
        var s = Self.state()
        let form = ActionForm.make(.accept, record: "TS-2026-0001", today: Self.today)
        s.step = form
        let effects = DashboardUpdate.result(.step(.done(record: "TS-2026-0001", message: "已受理，须于 2026-12-04 前办结", next: nil)), &s, Self.data())
        #expect(s.step == nil)
        #expect(s.message == "已受理，须于 2026-12-04 前办结")
        #expect(effects == [.reload, .follow("TS-2026-0001"), .refreshRecords])
        let rectify = ActionForm.make(.rectify, record: "BR-2026-0001", today: Self.today)
        _ = DashboardUpdate.result(.step(.done(record: "TS-2026-0001", message: "已认定失信", next: rectify)), &s, Self.data())
        #expect(s.step == rectify, "a confirmed breach goes on to its rectification")
    }

    @Test func aStepTheStoreRefusesKeepsItsFormWithTheReason() {
        var s = Self.state()
        let form = ActionForm.make(.extend, record: "TS-2026-0001", today: Self.today)
        s.step = form
        let effects = DashboardUpdate.result(.step(.refused(form, Text("已延期过一次", "already extended once"))), &s, Self.data(lang: .en))
        #expect(effects.isEmpty, "nothing was written: nothing is read again")
        #expect(s.step?.error == "already extended once" && s.step?.step == .extend)
        _ = DashboardUpdate.result(.step(.opened(.refused("受理不适用于承诺 CN-1"))), &s, Self.data())
        #expect(s.message == "受理不适用于承诺 CN-1")
    }

    // MARK: search, size

    @Test func searchHitsGoToTheSearchInFront() {
        var s = Self.state()
        s.stack = [.search(SearchState())]
        let hits = [SearchHit(kind: .complaint, id: "TS-2026-0001", title: "王五", detail: "工程款")]
        _ = DashboardUpdate.result(.searched(query: "王五", hits), &s, Self.data())
        #expect(s.search?.results == hits && s.search?.searched == "王五")
    }

    @Test func aSmallerTerminalKeepsTheSelectionInSight() {
        var s = Self.state()
        s.focus = .commitments
        DashboardUpdate.select(&s, .commitments, 20, data: Self.data())
        DashboardUpdate.resized(Size(width: 80, height: 24), &s, Self.data())
        #expect(s.size == Size(width: 80, height: 24))
        let visible = DashboardLayout(s.size).visibleRows(.commitments)
        #expect(s[.commitments].selected == 20 && s[.commitments].offset > 20 - visible, "row 20 still shows")
    }

    // MARK: list windows

    @Test func aWindowReadWhileScrollingMovesNothingAndOneReadAnewIsKeptInRange() {
        var s = Self.state()
        var d = Self.data()
        s.focus = .complaints
        DashboardUpdate.select(&s, .complaints, 30, data: d)
        let fewer = Window<Complaint>(rows: [Self.complaint("TS-2026-0001")], total: 5, offset: 0)
        DashboardUpdate.loaded(.window(.complaints(fewer)), &s, &d)
        #expect(d.complaints.total == 5)
        #expect(s[.complaints].selected == 30, "a window read to fill the screen moves no selection")
        DashboardUpdate.loaded(.reread([.complaints(fewer)]), &s, &d)
        #expect(s[.complaints].selected == 4, "a list read anew keeps the selection in it")
    }
}
