import Testing
@testable import JiannuoTUI

@Suite struct GridTests {
    init() { Width.ensureLocale() }

    @Test func putReturnsColumnsAndStoresContinuation() {
        var g = Grid(width: 10, height: 1)
        #expect(g.put("a叶b", x: 0, y: 0) == 4)
        #expect(g[1, 0].text == "叶" && g[1, 0].width == 2)
        #expect(g[2, 0].isContinuation)
        #expect(g.lines() == ["a叶b"])
    }

    @Test func wideCharacterAtRightEdgeBecomesSpace() {
        var g = Grid(width: 5, height: 1)
        g.fill(g.bounds, character: ".")
        #expect(g.put("ab叶叶", x: 0, y: 0) == 5)            // a b 叶 then a space where 叶 would straddle
        #expect(g.lines(trimTrailing: false) == ["ab叶 "])
        #expect(!g[4, 0].isContinuation && g[4, 0].text == " ")
        var h = Grid(width: 3, height: 1)
        h.put("叶", x: 2, y: 0)
        #expect(h.lines(trimTrailing: false) == ["   "])
    }

    @Test func maxWidthStopsBeforeHalfAWideCharacter() {
        var g = Grid(width: 10, height: 1)
        g.fill(g.bounds, character: ".")
        #expect(g.put("叶叶叶", x: 1, y: 0, maxWidth: 3) == 3)
        #expect(g.lines() == [".叶 ......"])
    }

    @Test func overwritingHalfAWideCharacterClearsTheOtherHalf() {
        var g = Grid(width: 6, height: 1)
        g.put("叶叶叶", x: 0, y: 0)
        g.put("x", x: 1, y: 0)                               // right half of the first 叶
        #expect(g.lines() == [" x叶叶"])
        g.put("y", x: 2, y: 0)                               // left half of the second 叶
        #expect(g.lines() == [" xy 叶"])
        #expect(!g[3, 0].isContinuation)
        g.put("中", x: 3, y: 0)                             // a wide char over a narrow + left half of 叶
        #expect(g.lines() == [" xy中"])
        #expect(g[5, 0].text == " " && !g[5, 0].isContinuation)
    }

    @Test func escapeInPutIsShownNotSent() {
        var g = Grid(width: 20, height: 1)
        g.put("警告\u{1B}[31m红\u{7}", x: 0, y: 0)
        let line = g.lines()[0]
        #expect(!line.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F })
        #expect(line == "警告␛[31m红␇")
    }

    @Test func boxWithChineseTitle() {
        var g = Grid(width: 16, height: 4)
        let inside = g.box(g.bounds, title: "承诺事项")
        #expect(inside == Rect(x: 1, y: 1, width: 14, height: 2))
        g.put("内容", x: inside.x, y: inside.y)
        #expect(g.lines() == [
            "┌ 承诺事项 ────┐",
            "│内容          │",
            "│              │",
            "└──────────────┘",
        ])
        for line in g.lines() { #expect(Width.of(line) == 16) }
    }

    @Test func boxTruncatesLongTitle() {
        var g = Grid(width: 10, height: 3)
        g.box(g.bounds, title: "非常长的标题文字")
        #expect(g.lines()[0] == "┌ 非常… ─┐")
        #expect(Width.of(g.lines()[0]) == 10)
    }

    @Test func rectSplits() {
        let r = Rect(x: 0, y: 0, width: 100, height: 30)
        let rows = r.rows([.fixed(1), .fill, .percent(10)])
        #expect(rows.map(\.height) == [1, 26, 3])
        #expect(rows.map(\.y) == [0, 1, 27])
        let cols = r.columns([.percent(40), .fill, .fill], gap: 1)
        #expect(cols.map(\.width) == [39, 30, 29])
        #expect(cols.map(\.x) == [0, 40, 71])
        #expect(Rect(x: 0, y: 0, width: 5, height: 2).rows([.fixed(3), .fixed(3)]).map(\.height) == [2, 0])
        #expect(r.centered(width: 20, height: 10) == Rect(x: 40, y: 10, width: 20, height: 10))
    }

    @Test func paintKeepsText() {
        var g = Grid(width: 4, height: 1)
        g.put("叶a", x: 0, y: 0)
        g.paint(Rect(x: 0, y: 0, width: 4, height: 1), role: .selected)
        #expect(g.lines() == ["叶a"])
        #expect(g.roles(y: 0) == [.selected, .selected, .selected, .selected])
    }
}
