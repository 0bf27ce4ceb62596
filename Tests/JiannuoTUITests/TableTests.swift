import Testing
@testable import JiannuoTUI

@Suite struct TableTests {
    init() { Width.ensureLocale() }

    static let columns = [
        TableColumn("编号", minWidth: 4),
        TableColumn("单位", minWidth: 4, flexible: true),
        TableColumn("逾期天数", minWidth: 4, alignment: .right),
        TableColumn("状态", minWidth: 4),
    ]
    static let rows = [
        TableRow(["C-1", "市场监管局", "12", "逾期"], role: .levelOverdue),
        TableRow(["C-22", "Tax Bureau", "3", "临期"]),
        TableRow(["C-333", "综合行政执法局ABC", "145", "ok"]),
        TableRow(["C-4", "水务", "0", "正常"]),
    ]

    /// The display column where each visible column's text starts on `line`, found by
    /// walking the cells of the grid row.
    static func columnOfText(_ grid: Grid, y: Int, text: String) -> Int? {
        var col = 0
        var line = ""
        var starts: [Int] = []
        for x in 0..<grid.width where !grid[x, y].isContinuation {
            starts.append(x); line += grid[x, y].text
            _ = col; col = x
        }
        guard let r = line.range(of: text) else { return nil }
        return starts[line.distance(from: line.startIndex, to: r.lowerBound)]
    }

    @Test func columnsStartAtTheSameDisplayColumnOnEveryRow() {
        let table = Table(columns: Self.columns, rows: Self.rows, selected: 1)
        var g = Grid(width: 40, height: 6)
        table.draw(into: &g, rect: g.bounds)
        let widths = table.columnWidths(total: 40)
        #expect(widths.reduce(0, +) + 3 == 40)                        // flexible column takes the rest
        let unitX = widths[0] + 1, statusX = widths[0] + widths[1] + widths[2] + 3
        for (y, row) in ([["编号", "单位", "状态"]] + Self.rows.map { [$0.cells[0], $0.cells[1], $0.cells[3]] }).enumerated() {
            #expect(Self.columnOfText(g, y: y, text: row[0]) == 0, "row \(y)")
            #expect(Self.columnOfText(g, y: y, text: row[1]) == unitX, "row \(y)")
            #expect(Self.columnOfText(g, y: y, text: row[2]) == statusX, "row \(y)")
        }
        // Right-aligned numbers end in the same column.
        let daysEnd = widths[0] + widths[1] + widths[2] + 2
        for (y, days) in ["12", "3", "145", "0"].enumerated() {
            #expect(Self.columnOfText(g, y: y + 1, text: days).map { $0 + days.count } == daysEnd)
        }
        for line in g.lines(trimTrailing: false) { #expect(Width.of(line) == 40) }
    }

    @Test func rolesForSelectionAndRows() {
        var table = Table(columns: Self.columns, rows: Self.rows, selected: 1)
        var g = Grid(width: 40, height: 6)
        table.draw(into: &g, rect: g.bounds)
        #expect(g.roles(y: 0).allSatisfy { $0 == .header })
        #expect(g.roles(y: 1).allSatisfy { $0 == .levelOverdue })
        #expect(g.roles(y: 2).allSatisfy { $0 == .selected })
        #expect(g.roles(y: 3).allSatisfy { $0 == .normal })
        table.focused = false
        table.draw(into: &g, rect: g.bounds)
        #expect(g.roles(y: 2).allSatisfy { $0 == .selectedUnfocused })
    }

    @Test func narrowTableTruncatesWithoutSplittingAndHidesColumns() {
        let table = Table(columns: Self.columns, rows: Self.rows)
        for width in 4...40 {
            var g = Grid(width: width, height: 5)
            table.draw(into: &g, rect: g.bounds)
            for line in g.lines(trimTrailing: false) { #expect(Width.of(line) == width, "width \(width)") }
            let widths = table.columnWidths(total: width)
            let shown = widths.filter { $0 > 0 }
            #expect(shown.reduce(0, +) + max(0, shown.count - 1) <= width, "width \(width): \(widths)")
        }
    }

    @Test func scrollingShowsTheSelectedRow() {
        let rows = (0..<50).map { TableRow(["\($0)", "行\($0)"]) }
        let offset = Table.scrollOffset(selected: 30, current: 0, visibleRows: 9, rowCount: 50)
        #expect(offset == 22)
        #expect(Table.scrollOffset(selected: 5, current: 22, visibleRows: 9, rowCount: 50) == 5)
        #expect(Table.scrollOffset(selected: 10, current: 5, visibleRows: 9, rowCount: 50) == 5)
        #expect(Table.scrollOffset(selected: 0, current: 48, visibleRows: 9, rowCount: 50) == 0)
        let table = Table(columns: [TableColumn("号"), TableColumn("名", flexible: true)], rows: rows, selected: 30, scrollOffset: offset)
        var g = Grid(width: 20, height: 10)
        table.draw(into: &g, rect: g.bounds)
        #expect(g.lines()[1].hasPrefix("22"))
        #expect(g.lines()[9].hasPrefix("30"))
        #expect(g.roles(y: 9).allSatisfy { $0 == .selected })
    }

    @Test func escapeInCellIsSanitised() {
        let table = Table(columns: [TableColumn("x", flexible: true)], rows: [TableRow(["a\u{1B}[2Jb"])])
        var g = Grid(width: 10, height: 2)
        table.draw(into: &g, rect: g.bounds)
        #expect(g.lines()[1] == "a␛[2Jb")
    }
}
