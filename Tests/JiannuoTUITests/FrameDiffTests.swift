import Testing
@testable import JiannuoTUI

@Suite struct FrameDiffTests {
    init() { Width.ensureLocale() }

    static func grid(_ text: String, role: Role = .normal) -> Grid {
        var g = Grid(width: 6, height: 1)
        g.put(text, x: 0, y: 0, role: role)
        return g
    }

    @Test func onlyChangedCellsAreWritten() {
        let a = Self.grid("ab叶c")
        #expect(FrameDiff.changes(from: a, to: a, columns: 6, rows: 1).isEmpty)
        let b = Self.grid("ax叶c")
        #expect(FrameDiff.changes(from: a, to: b, columns: 6, rows: 1).map(\.x) == [1])
        var c = a
        c.paint(Rect(x: 4, y: 0, width: 1, height: 1), role: .bad)
        #expect(FrameDiff.changes(from: a, to: c, columns: 6, rows: 1).map(\.x) == [4])
    }

    @Test func firstFrameWritesEverythingButContinuations() {
        let a = Self.grid("叶叶a")
        #expect(FrameDiff.changes(from: nil, to: a, columns: 6, rows: 1).map(\.x) == [0, 2, 4, 5])
        #expect(FrameDiff.changes(from: Grid(width: 3, height: 1), to: a, columns: 6, rows: 1).count == 4)  // size changed
    }

    @Test func wideReplacedByNarrowRewritesBothColumns() {
        let wide = Self.grid("a叶b")
        let narrow = Self.grid("axyb")
        #expect(FrameDiff.changes(from: wide, to: narrow, columns: 6, rows: 1).map(\.x) == [1, 2])
        #expect(FrameDiff.changes(from: narrow, to: wide, columns: 6, rows: 1).map(\.x) == [1])
        let shifted = Self.grid("ab叶")                        // 叶 moves right by one
        #expect(FrameDiff.changes(from: wide, to: shifted, columns: 6, rows: 1).map(\.x) == [1, 2])   // 叶 at 2 covers the old b
    }

    @Test func clippedToTheScreen() {
        let a = Self.grid("ab叶cd")
        let changes = FrameDiff.changes(from: nil, to: a, columns: 3, rows: 1)
        #expect(changes.map(\.x) == [0, 1, 2])
        #expect(changes.last?.clipped == true)                 // 叶 would need columns 2 and 3
        #expect(FrameDiff.changes(from: nil, to: a, columns: 6, rows: 0).isEmpty)
    }
}
