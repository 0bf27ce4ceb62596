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
        #expect(f.irreversible, "confirming a breach cannot be undone")
        let fulfil = ActionForm.make(.fulfill, record: "CN-2026-0001", today: Day("2026-11-20")!)
        #expect(fulfil.value("date") == "2026-11-20", "date fields start at today")
    }

    static let data = DashboardData(today: Day("2026-11-20")!, operatorName: "t", database: "d", readOnly: false, calendar: WorkCalendar())

    @Test func searchRunsOnEnterOpensTheSelectionAndEscFromTheRecordReturnsToTheResults() {
        var s = DashboardState(size: Size(width: 100, height: 30))
        let d = Self.data
        _ = DashboardUpdate.key(.char(":"), to: &s, data: d)
        for c in "盐化" { #expect(DashboardUpdate.key(.char(c), to: &s, data: d).isEmpty) }
        #expect(DashboardUpdate.key(.enter, to: &s, data: d) == [.runSearch("盐化")])
        DashboardUpdate.searched("盐化", [.init(kind: .commitment, id: "CN-1", title: "a", detail: ""),
                                          .init(kind: .department, id: "FGW", title: "县发改委", detail: "")], &s)
        _ = DashboardUpdate.key(.char("j"), to: &s, data: d)
        #expect(s.search?.query.text == "盐化j", "letters type into the query")
        _ = DashboardUpdate.key(.backspace, to: &s, data: d)
        _ = DashboardUpdate.key(.down, to: &s, data: d)
        #expect(DashboardUpdate.key(.enter, to: &s, data: d) == [.openDrill("FGW")], "a department opens its breach record")
        _ = DashboardUpdate.key(.up, to: &s, data: d)
        #expect(DashboardUpdate.key(.enter, to: &s, data: d) == [.openRecord("CN-1")])
        DashboardUpdate.show(.record(RecordContent(id: "CN-1", title: "承诺 CN-1", department: nil, lines: [DocLine("x")])), &s)
        _ = DashboardUpdate.key(.escape, to: &s, data: d)
        #expect(s.search?.results.count == 2 && s.search?.query.text == "盐化", "Esc from the record returns to the results")
        _ = DashboardUpdate.key(.char("x"), to: &s, data: d)
        #expect(DashboardUpdate.key(.enter, to: &s, data: d) == [.runSearch("盐化x")], "a changed query searches again")
        _ = DashboardUpdate.key(.escape, to: &s, data: d)
        #expect(s.stack.isEmpty)
    }

    @Test func theDrillDownShowsEveryLineEveryBreachAndEveryDimensionAndAddsUp() throws {
        let lines = [ScoreLine(rule: .base, dimension: nil, points: 100, record: nil, date: nil, note: "基础分")]
            + (1...30).map { ScoreLine(rule: .complaintLate(.resolve), dimension: .promiseKeeping, points: -1, record: "TS-2026-\($0)", date: nil, note: "办结超时") }
            + [ScoreLine(rule: .opinion(.high), dimension: .publicOpinion, points: -4, record: "YQ-2026-0001", date: nil, note: "舆情（重大）")]
        let breaches = (1...6).map { DocLine("SX-2026-000\($0)  失信", link: "SX-2026-000\($0)") }
        let dims = ["公开透明", "依法决策", "守信践诺", "整改问责", "舆情处置"].map { DepartmentDrill.Dim(label: $0, value: 10, weight: 15) }
        let drill = DepartmentDrill(code: "FGW", name: "县发改委", period: "2026-Q4", score: 66, onTime: "—", dimensions: dims, lines: lines,
                                    breaches: breaches, alerts: [], trend: [], trendLabels: [], predecessors: [])
        var s = DashboardState(size: Size(width: 80, height: 24))
        DashboardUpdate.show(.department(drill), &s)
        let d = Self.data
        // Everything is reached by scrolling: collect every screen from the top to the end.
        var seen = Set<String>()
        _ = DashboardUpdate.key(.char("g"), to: &s, data: d)
        for _ in 0..<20 {
            for l in DashboardView.render(s, d).lines() { seen.insert(l) }
            _ = DashboardUpdate.key(.pageDown, to: &s, data: d)
        }
        let all = seen.joined(separator: "\n")
        for dim in dims { #expect(all.contains("\(dim.label) 10/15"), "\(dim.label) not shown whole at 80 columns") }
        for b in breaches { #expect(all.contains(b.text), "\(b.text) missing") }
        var total = 0.0
        for l in lines { #expect(all.contains(l.record ?? "基础分")) }
        let rows = DocContent.department(drill).rows(width: DocumentLayout(s.size).width)
        for r in rows where r.link?.hasPrefix("TS-") == true || r.link?.hasPrefix("YQ-") == true || r.text.contains("基础分 ") {
            if let v = Double(r.text.trimmingCharacters(in: .whitespaces).split(separator: " ").first ?? "") { total += v }
        }
        #expect(total == 66, "the lines shown add up to the score shown")
        #expect(all.contains("得分 66") && all.contains("合计 66"))
        // Enter on a line opens its record; Esc returns to the drill-down where it was.
        _ = DashboardUpdate.key(.char("g"), to: &s, data: d)
        let effects = (0..<12).flatMap { _ in DashboardUpdate.key(.down, to: &s, data: d) } + DashboardUpdate.key(.enter, to: &s, data: d)
        guard case .openRecord(let id)? = effects.last else { Issue.record("Enter opened nothing: \(effects)"); return }
        #expect(id.hasPrefix("TS-2026-"))
        let cursor = s.document?.cursor
        DashboardUpdate.show(.record(RecordContent(id: id, title: id, department: nil, lines: [DocLine("x")])), &s)
        _ = DashboardUpdate.key(.escape, to: &s, data: d)
        #expect(s.document?.cursor == cursor, "Esc from the record returns to the drill-down where it was")
        _ = DashboardUpdate.key(.char("q"), to: &s, data: d)
        #expect(s.stack.isEmpty && !s.quit, "q closes the drill-down without quitting")
    }

    /// The whole chain from the keyboard is walked live in tmux (`DashboardTmuxTests`); `render` replays
    /// the same keys as a preview: it shows the refusal and writes nothing, no drafts either.
    @Test func renderReplaysKeysButWritesNothing() throws {
        let demo = try DashboardSupport.Demo()
        let before = try demo.cli(["audit", "anchor"]).stdout
        let count = try demo.cli(["complaint", "list", "--json"]).stdout
        let keys = "a Tab Tab Tab 王 五 Tab Tab 任 店 Tab Tab Tab 未 付 款 C-s"
        let screen = try demo.render(width: 120, height: 30, extra: ["--keys", keys])
        #expect(screen.contains("不写入"), "\(screen)")
        #expect(try demo.cli(["audit", "anchor"]).stdout == before)
        #expect(try demo.cli(["complaint", "list", "--json"]).stdout == count)
        let folders = try FileManager.default.contentsOfDirectory(atPath: demo.dir.url.path).filter { $0.hasSuffix(".drafts") }
        let drafts = try folders.flatMap { try FileManager.default.contentsOfDirectory(atPath: demo.dir.url.appendingPathComponent($0).path) }
        #expect(drafts.isEmpty, "render left drafts: \(drafts)")
    }
}
