/// Which cells a backend must write to turn the screen from `previous` into `next`.
/// Pure, so the "write only what changed" rule is tested without a terminal.
public enum FrameDiff {
    public struct Change: Sendable, Equatable {
        public let x: Int
        public let y: Int
        public let cell: Cell
        /// The cell is wide but the screen ends after its first column: write a space instead.
        public let clipped: Bool
    }

    /// Changed cells, row by row, left to right, within a `columns`×`rows` screen.
    /// Continuation cells are never written (the wide character covers them); a wide cell is
    /// rewritten when either of its halves changed. With no previous frame (first frame, after
    /// a resize or theme change) every cell is a change.
    ///
    /// Why this is enough for wide characters: a continuation that changed means its wide
    /// cell changed too (a continuation always follows its own wide cell), and a narrow cell
    /// replacing the right half of an old wide character means the cell to its left changed as
    /// well; left-to-right order then repaints the old character's first half before this one.
    public static func changes(from previous: Grid?, to next: Grid, columns: Int, rows: Int) -> [Change] {
        let previous = previous.flatMap { $0.width == next.width && $0.height == next.height ? $0 : nil }
        var out: [Change] = []
        for y in 0..<min(next.height, rows) {
            for x in 0..<min(next.width, columns) {
                let cell = next[x, y]
                if cell.isContinuation { continue }
                if let p = previous, p[x, y] == cell, cell.width < 2 || p[x + 1, y] == next[x + 1, y] { continue }
                out.append(Change(x: x, y: y, cell: cell, clipped: x + cell.width > columns))
            }
        }
        return out
    }
}
