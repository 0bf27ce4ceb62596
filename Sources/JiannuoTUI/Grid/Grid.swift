/// A frame of the screen in memory: `width`×`height` cells of text and role.
///
/// Every frame is drawn whole into a fresh grid by pure widget functions; the backend
/// diffs it against the previous frame and writes only changed cells. Tests read the
/// same grid back as text (`lines()`), so what is tested is what is shown.
///
/// Invariants kept by every mutation: a cell of width 2 is always followed by a
/// continuation cell, and a continuation cell always follows a cell of width 2.
public struct Grid: Sendable, Equatable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]
    /// Where the terminal cursor should be shown (an input field being edited), or nil to hide it.
    public var cursor: (x: Int, y: Int)? {
        get { cursorPosition.map { ($0.x, $0.y) } }
        set { cursorPosition = newValue.map { Point(x: $0.x, y: $0.y) } }
    }
    private var cursorPosition: Point?

    struct Point: Sendable, Equatable { var x: Int; var y: Int }

    public init(width: Int, height: Int, role: Role = .normal) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.cells = Array(repeating: .blank(role), count: self.width * self.height)
    }

    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    public subscript(x: Int, y: Int) -> Cell {
        precondition(contains(x: x, y: y), "cell \(x),\(y) outside \(width)×\(height)")
        return cells[y * width + x]
    }

    public func contains(x: Int, y: Int) -> Bool { x >= 0 && y >= 0 && x < width && y < height }

    /// Writes `text` from (x, y) on one line, in screen form (`ScreenText.clean`: controls
    /// become visible placeholders), at most `maxWidth` columns and never past the right
    /// edge. A wide character that does not fit in the space left is replaced by a space
    /// rather than cut in half. Returns the number of columns used.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, role: Role = .normal, maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let limit = min(maxWidth ?? Int.max, width - x)
        guard limit > 0 else { return 0 }
        var col = 0
        for c in ScreenText.clean(text) {
            let w = Width.of(c)
            if w <= 0 { continue }        // a lone combining mark or zero-width format character
            if col + w > limit {
                if col < limit { setCell(x: x + col, y: y, Cell.blank(role)); col += 1 }
                break
            }
            if x + col >= 0 { setCell(x: x + col, y: y, Cell(String(c), width: w, role: role)) }
            col += w
        }
        return col
    }

    /// Writes one cell, keeping the wide-character invariants: overwriting either half
    /// of a wide character blanks its other half, and a wide character at the last
    /// column becomes a space.
    public mutating func setCell(x: Int, y: Int, _ cell: Cell) {
        guard contains(x: x, y: y), !cell.isContinuation else { return }
        var cell = cell
        if cell.width == 2 && x + 1 >= width { cell = .blank(cell.role) }
        clearWide(x: x, y: y)
        if cell.width == 2 { clearWide(x: x + 1, y: y) }
        cells[y * width + x] = cell
        if cell.width == 2 { cells[y * width + x + 1] = .continuation(cell.role) }
    }

    /// Changes the role of cells without touching their text (a selection bar, a focus mark).
    public mutating func paint(_ rect: Rect, role: Role) {
        let r = rect.intersection(bounds)
        for y in r.y..<r.maxY { for x in r.x..<r.maxX { cells[y * width + x].role = role } }
    }

    /// Before (x, y) is overwritten: if it is half of a wide character, blank the other half.
    private mutating func clearWide(x: Int, y: Int) {
        guard contains(x: x, y: y) else { return }
        let i = y * width + x
        if cells[i].isContinuation, x > 0 {
            cells[i - 1] = .blank(cells[i - 1].role)
            cells[i] = .blank(cells[i].role)
        } else if cells[i].width == 2, x + 1 < width {
            cells[i + 1] = .blank(cells[i + 1].role)
        }
    }

    /// The plain text of each row: a wide character once, continuation cells skipped.
    /// Trailing spaces are trimmed by default so golden files and test expectations do
    /// not depend on invisible padding; pass `trimTrailing: false` for fixed-width rows.
    public func lines(trimTrailing: Bool = true) -> [String] {
        (0..<height).map { y in
            var line = ""
            for x in 0..<width where !cells[y * width + x].isContinuation { line += cells[y * width + x].text }
            guard trimTrailing else { return line }
            while line.last == " " { line.removeLast() }
            return line
        }
    }

    /// The roles of row `y`, one per column (continuations included), for tests.
    public func roles(y: Int) -> [Role] { (0..<width).map { cells[y * width + $0].role } }
}
