/// A column of a `Table`.
public struct TableColumn: Sendable, Equatable {
    public var title: String
    /// Never narrower than this while the column is shown.
    public var minWidth: Int
    /// Wanted width; nil means "as wide as the widest header or cell".
    public var preferredWidth: Int?
    public var alignment: Alignment
    /// Takes the spare width of the table (at most one column should).
    public var flexible: Bool

    public init(_ title: String, minWidth: Int = 1, preferredWidth: Int? = nil,
                alignment: Alignment = .left, flexible: Bool = false) {
        self.title = title
        self.minWidth = max(1, minWidth)
        self.preferredWidth = preferredWidth; self.alignment = alignment; self.flexible = flexible
    }
}

/// A row of a `Table`: cell texts (raw data; they are sanitised when drawn) and an
/// optional role for the whole row (an overdue item in `.levelOverdue`).
public struct TableRow: Sendable, Equatable {
    public var cells: [String]
    public var role: Role?
    /// Shorter words for a cell, shown when the whole text would be cut (an alert's message gives way to
    /// its record's id and a few words, so that the id is never cut).
    public var short: [Int: String] = [:]
    public init(_ cells: [String], role: Role? = nil, short: [Int: String] = [:]) { self.cells = cells; self.role = role; self.short = short }
}

/// A scrolling table with a header row and a selection bar. Pure: `draw` writes into a
/// grid and the app keeps `selected` and `scrollOffset` in its own state.
public struct Table: Sendable {
    public var columns: [TableColumn]
    public var rows: [TableRow]
    public var selected: Int?
    /// Index of the first row shown; use `Table.scrollOffset` to keep the selection visible.
    public var scrollOffset: Int
    /// Whether the table has focus (selection drawn as `.selected`, else `.selectedUnfocused`).
    public var focused: Bool
    /// Columns of space between columns.
    public var gap: Int

    public init(columns: [TableColumn], rows: [TableRow], selected: Int? = nil, scrollOffset: Int = 0,
                focused: Bool = true, gap: Int = 1) {
        self.columns = columns; self.rows = rows; self.selected = selected; self.scrollOffset = scrollOffset
        self.focused = focused; self.gap = gap
    }

    /// Column widths for a table `total` columns wide (0 = column hidden). Each column
    /// starts at its preferred width (or its content's width), at least its minimum; spare
    /// width goes to the flexible column; if too wide, columns shrink toward their minimum,
    /// flexible first, then from the right; if still too wide, columns are hidden from the right.
    public func columnWidths(total: Int) -> [Int] {
        var widths = columns.enumerated().map { i, c -> Int in
            let natural = c.preferredWidth ?? rows.reduce(Width.of(c.title)) { max($0, Width.of(i < $1.cells.count ? $1.cells[i] : "")) }
            return max(c.minWidth, natural)
        }
        func needed() -> Int {
            let shown = widths.filter { $0 > 0 }
            return shown.reduce(0, +) + max(0, shown.count - 1) * gap
        }
        let flexIndex = columns.firstIndex { $0.flexible }
        if needed() < total, let f = flexIndex {
            widths[f] += total - needed()
            return widths
        }
        let order = (flexIndex.map { [$0] } ?? []) + columns.indices.reversed().filter { $0 != flexIndex }
        for i in order where needed() > total {
            widths[i] = max(columns[i].minWidth, widths[i] - (needed() - total))
        }
        for i in columns.indices.reversed() where needed() > total && i > 0 {
            widths[i] = 0
        }
        if needed() > total, !widths.isEmpty { widths[0] = max(0, total) }   // one column, cut to the space
        // Hiding a column frees more than was missing: the shown columns grow back toward their natural
        // width, the flexible one first, before the space is left empty.
        var natural = columns.enumerated().map { i, c -> Int in
            let n = c.preferredWidth ?? rows.reduce(Width.of(c.title)) { max($0, Width.of(i < $1.cells.count ? $1.cells[i] : "")) }
            return max(c.minWidth, n)
        }
        if let f = flexIndex { natural[f] = Int.max }
        for i in order where widths[i] > 0 && needed() < total {
            widths[i] = min(natural[i], widths[i] + (total - needed()))
        }
        return widths
    }

    /// Rows that fit under the header in `rect`.
    public static func visibleRowCount(in rect: Rect) -> Int { max(0, rect.height - 1) }

    /// The scroll offset that keeps `selected` visible, moving as little as possible from `current`.
    public static func scrollOffset(selected: Int?, current: Int, visibleRows: Int, rowCount: Int) -> Int {
        guard visibleRows > 0 else { return 0 }
        var offset = min(max(0, current), max(0, rowCount - visibleRows))
        if let s = selected {
            if s < offset { offset = s }
            if s >= offset + visibleRows { offset = s - visibleRows + 1 }
        }
        return max(0, offset)
    }

    /// Draws the header on the first row of `rect` and as many rows as fit below it.
    public func draw(into grid: inout Grid, rect: Rect) {
        guard !rect.isEmpty else { return }
        let widths = columnWidths(total: rect.width)
        grid.fill(Rect(x: rect.x, y: rect.y, width: rect.width, height: 1), role: .header)
        drawLine(columns.map(\.title), widths: widths, y: rect.y, x: rect.x, role: .header, into: &grid, headerLine: true)
        let visible = Table.visibleRowCount(in: rect)
        guard visible > 0 else { return }
        for line in 0..<visible {
            let index = scrollOffset + line
            guard index < rows.count else { break }
            let row = rows[index]
            let isSelected = index == selected
            let role: Role = isSelected ? (focused ? .selected : .selectedUnfocused) : (row.role ?? .normal)
            let y = rect.y + 1 + line
            grid.fill(Rect(x: rect.x, y: y, width: rect.width, height: 1), role: role)
            var cells = row.cells
            for (i, alt) in row.short where i < cells.count && i < widths.count && Width.of(cells[i]) > widths[i] { cells[i] = alt }
            drawLine(cells, widths: widths, y: y, x: rect.x, role: role, into: &grid, headerLine: false)
        }
    }

    private func drawLine(_ texts: [String], widths: [Int], y: Int, x: Int, role: Role, into grid: inout Grid, headerLine: Bool) {
        var col = x
        for (i, w) in widths.enumerated() where w > 0 {
            let text = i < texts.count ? texts[i] : ""
            // Headers follow their column's alignment too, so numbers line up under their title.
            grid.put(Width.fit(text, to: w, alignment: columns[i].alignment), x: col, y: y, role: role, maxWidth: w)
            col += w + gap
        }
    }
}
