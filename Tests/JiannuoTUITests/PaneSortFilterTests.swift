import Foundation
import JiannuoCore
import JiannuoStore
@testable import JiannuoTUI
import Testing

/// `o`/`O` order a pane by its columns, `F` filters it by conditions, `e` exports what it shows.
@Suite struct PaneSortFilterTests {
    init() { _ = Width.ensureLocale() }

    @Test func oStepsThroughTheColumnsAndOReverses() throws {
        let d = DashboardUpdateTests.data()
        var s = DashboardState(size: Size(width: 80, height: 24))
        try DashboardUpdateTests.press("j j", &s, d)
        #expect(try DashboardUpdateTests.press("o", &s, d) == [.refilter(.commitments)])
        #expect(s[.commitments].sort == PaneSort(column: 1) && s[.commitments].selected == 0, "a new order starts at the top")
        #expect(DashboardView.render(s, d).lines()[1].contains("↑单位"), "the title names the order")
        try DashboardUpdateTests.press("O", &s, d)
        #expect(s[.commitments].sort == PaneSort(column: 1, descending: true))
        #expect(DashboardView.render(s, d).lines()[1].contains("↓单位"))
        for _ in 0..<(Pane.commitments.sortColumns.count - 1) { try DashboardUpdateTests.press("o", &s, d) }
        #expect(s[.commitments].sort.isDefault, "o goes round to the pane's own order")
        #expect(!DashboardView.render(s, d).lines()[1].contains("↑"))
    }

    @Test func theDeadlinesPaneSortsInMemory() throws {
        let d = DashboardUpdateTests.data()
        var s = DashboardState(size: Size(width: 80, height: 24))
        try DashboardUpdateTests.press("3 o", &s, d)
        let byDays = d.alerts(s[.deadlines]).map(\.daysLeft)
        #expect(byDays == byDays.sorted() && byDays.first == -10)
        try DashboardUpdateTests.press("O", &s, d)
        #expect(d.alerts(s[.deadlines]).map(\.daysLeft) == byDays.reversed())
        #expect(try DashboardUpdateTests.press("Enter", &s, d) == [.openRecord("CN-2026-0029")], "Enter opens the row as shown")
    }

    @Test func fFiltersByConditionsStartingFromThoseInForce() throws {
        let d = DashboardUpdateTests.data()
        var s = DashboardState(size: Size(width: 100, height: 30))
        try DashboardUpdateTests.press("3 F", &s, d)
        #expect(s.step?.step == .filterPane)
        for c in "龙泉" { _ = DashboardUpdate.key(.char(c), to: &s, data: d) }
        try DashboardUpdateTests.press("Tab Right", &s, d)
        #expect(try DashboardUpdateTests.press("C-s", &s, d) == [.refilter(.deadlines)])
        #expect(s.step == nil && s[.deadlines].query.department == "410422207" && s[.deadlines].query.status == "escalate")
        let shown = d.alerts(s[.deadlines])
        #expect(!shown.isEmpty && shown.allSatisfy { $0.department == "410422207" && $0.level == .escalate })
        #expect(DashboardView.render(s, d).lines().joined().contains("条件2"))
        // F again starts from the conditions in force; "全部" and an empty unit clear them.
        try DashboardUpdateTests.press("F", &s, d)
        #expect(s.step?.value("unit") == "龙泉乡" && s.step?.choice("status") == 1)
        try DashboardUpdateTests.press("C-u Tab Left C-s", &s, d)
        #expect(s[.deadlines].query.isUnfiltered && d.total(.deadlines, s[.deadlines]) == 30)
        // A unit that matches several is refused in the form.
        try DashboardUpdateTests.press("F 县 C-s", &s, d)
        #expect(s.step?.error?.contains("匹配到 2 个单位") == true, "\(String(describing: s.step?.error))")
    }

    @Test func theExportIsTheTableAsShownInCSV() {
        let t = Table(columns: [TableColumn("编号"), TableColumn("对方"), TableColumn(""), TableColumn("进度")],
                      rows: [TableRow(["CN-1", "甲,乙 \"公司\"", "█████", "██░░░  41%"]), TableRow(["CN-2", "丙", "", "0%"])])
        let csv = PaneExport.csv(t)
        #expect(csv.hasPrefix("\u{FEFF}编号,对方,进度\r\n"), "a BOM, the titled columns only")
        #expect(csv.contains("CN-1,\"甲,乙 \"\"公司\"\"\",41%\r\n"), "quoted as CSV, bars dropped: \(csv)")
        #expect(csv.hasSuffix("CN-2,丙,0%\r\n"))
    }

    @Test func theDeadlinesFileCarriesEachRecordsIdAndLimit() {
        let d = DashboardUpdateTests.data()
        let s = DashboardState(size: Size(width: 80, height: 24))
        let csv = PaneExport.csv(PaneTables.table(.deadlines, d, s[.deadlines], focused: false, visible: 30, export: true))
        let lines = csv.dropFirst().components(separatedBy: "\r\n")
        #expect(lines[0] == "级别,剩余,说明,单位,类型,编号,时限", "\(lines[0])")
        let first = d.alerts(s[.deadlines])[0]
        #expect(lines[1].hasSuffix(",\(first.record),\(first.due)"), "\(lines[1])")
        #expect(lines.filter { !$0.isEmpty }.count == 31)
        // On the screen the message names them; the pane keeps its columns.
        #expect(PaneTables.table(.deadlines, d, s[.deadlines], focused: false, visible: 5).columns.count == 5)
    }
}
