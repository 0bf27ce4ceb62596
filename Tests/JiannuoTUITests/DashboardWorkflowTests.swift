import Foundation
import JiannuoCore
@testable import JiannuoTUI
import Testing

/// Workflow steps, search and drill-down: their pure parts, and the whole complaint chain done from the
/// dashboard's keys (replayed through `jiannuo render`) and checked in the database through the CLI.
@Suite struct DashboardWorkflowTests {
    init() { _ = Width.ensureLocale() }

    @Test func aStepFormEditsPicksAndSubmits() {
        var f = ActionForm.make(.verify, record: "TS-2026-000001", today: Day("2026-11-20")!)
        #expect(f.inputs.map(\.key) == ["breach", "category", "finding"])
        _ = f.handle(.right)
        #expect(f.value("breach") == "是")
        _ = f.handle(.tab); _ = f.handle(.right); _ = f.handle(.right); _ = f.handle(.right)
        #expect(f.choice("category") == 3)
        _ = f.handle(.tab)
        for c in "属实，未付款" { _ = f.handle(.char(c)) }
        _ = f.handle(.backspace)
        #expect(f.value("finding") == "属实，未付")
        #expect(f.handle(.ctrl("s")) == .submit)
        #expect(f.handle(.escape) == .cancel)
        var accept = ActionForm.make(.accept, record: "TS-2026-000001", today: Day("2026-11-20")!)
        #expect(accept.handle(.enter) == .submit, "a form with nothing to type is confirmed with Enter")
        let fulfil = ActionForm.make(.fulfill, record: "CN-2026-0001", today: Day("2026-11-20")!)
        #expect(fulfil.value("date") == "2026-11-20", "date fields start at today")
    }

    @Test func searchRunsOnEnterThenOpensTheSelection() {
        var s = SearchState()
        for c in "盐化" { #expect(s.handle(.char(c)) == .none) }
        #expect(s.handle(.enter) == .run)
        s.searched = "盐化"
        s.results = [.init(kind: .commitment, id: "CN-1", title: "a", detail: ""), .init(kind: .complaint, id: "TS-1", title: "b", detail: "")]
        #expect(s.handle(.char("j")) == .none && s.query.text == "盐化j", "letters type into the query")
        _ = s.handle(.backspace)
        _ = s.handle(.down)
        #expect(s.handle(.enter) == .open(s.results[1]))
        _ = s.handle(.char("x"))
        #expect(s.handle(.enter) == .run, "a changed query searches again")
        #expect(s.handle(.escape) == .close)
    }

    @Test func theDrillDownMovesOverItsLinesAndOpensTheRecordThenReturns() {
        let lines = [ScoreLine(rule: "base", dimension: nil, points: 100, record: nil, date: nil, note: "基础分")]
            + (1...30).map { ScoreLine(rule: "complaint_resolve_late", dimension: .promiseKeeping, points: -1, record: "TS-2026-\($0)", date: nil, note: "") }
        let drill = DepartmentDrill(code: "FGW", name: "县发改委", period: "2026-Q4", score: 70, onTime: "—", dimensions: [], lines: lines,
                                    breaches: [], alerts: [], trend: [], trendLabels: [], predecessors: [])
        var s = DashboardState(size: Size(width: 100, height: 30))
        s.overlay = .department(drill)
        let d = DashboardData(today: Day("2026-11-20")!, operatorName: "t", database: "d", readOnly: false, calendar: WorkCalendar())
        _ = DashboardUpdate.apply(.bottom, to: &s, data: d)
        guard case .department(let moved)? = s.overlay else { Issue.record("left the drill-down"); return }
        #expect(moved.selected == 30)
        #expect(moved.scroll > 0, "the last line is scrolled into view")
        let effects = DashboardUpdate.apply(.open, to: &s, data: d)
        #expect(effects == [.openRecord("TS-2026-30")])
        s.overlay = .detail(title: "投诉", lines: ["x"], scroll: 0)
        _ = DashboardUpdate.apply(.back, to: &s, data: d)
        #expect(s.overlay == .department(moved), "Esc from the record returns to the drill-down where it was")
    }

    @Test func theWholeComplaintChainIsDoneFromTheKeyboard() throws {
        let demo = try DashboardSupport.Demo()
        // Type a complaint, then in its detail view: accept, resolve, respond, verify as a breach of category 3,
        // and fill the rectification form that follows.
        let keys = "a Tab Tab Tab 王 五 Tab Tab 任 店 Tab Tab Tab 未 付 款 C-s Enter s C-s b 已 付 清 C-s f 已 告 知 C-s "
            + "h Right Tab Right Right Right Tab 属 实 C-s Tab 限 期 支 付 C-s"
        let screen = try demo.render(width: 120, height: 30, extra: ["--keys", keys])
        #expect(screen.contains("已移送整改 ZG-"), "\(screen)")
        let r = try demo.cli(["complaint", "list", "--json", "--department", "410422101", "--status", "responded"])
        let list = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
        let match = list.first { $0["content"] as? String == "未付款" }
        let c = try #require(match, "\(r.stdout)")
        #expect(c["result"] as? String == "已付清")
        #expect(c["response"] as? String == "已告知")
        #expect(c["breach"] as? Bool == true)
        let breaches = try demo.cli(["breach", "list", "--json", "--department", "410422101"])
        let bl = try #require(try JSONSerialization.jsonObject(with: Data(breaches.stdout.utf8)) as? [[String: Any]])
        let b = try #require(bl.first { $0["complaint"] as? String == c["id"] as? String }, "\(breaches.stdout)")
        #expect(b["category"] as? Int == 3)
        let rect = b["rectifications"] as? [[String: Any]] ?? []
        #expect(rect.first?["measures"] as? String == "限期支付", "\(b)")
        #expect(try demo.cli(["audit", "verify"]).status == 0)
    }
}
