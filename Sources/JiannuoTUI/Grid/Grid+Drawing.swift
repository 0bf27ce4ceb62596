/// Filling and line drawing. Box characters are plain Unicode (not ncurses ACS) so the
/// grid stays terminal-independent and `lines()` shows them as they appear.
extension Grid {
    /// Fills `rect` with `character` (a space by default) in `role`.
    public mutating func fill(_ rect: Rect, character: Character = " ", role: Role = .normal) {
        let r = rect.intersection(bounds)
        guard !r.isEmpty else { return }
        let w = max(1, Width.of(character))
        var x = r.x
        for y in r.y..<r.maxY {
            x = r.x
            while x < r.maxX {
                if x + w > r.maxX { setCell(x: x, y: y, .blank(role)); x += 1; continue }
                setCell(x: x, y: y, Cell(String(character), width: w, role: role))
                x += w
            }
        }
    }

    /// A horizontal line of `─` (or `character`).
    public mutating func hline(x: Int, y: Int, length: Int, role: Role = .border, character: Character = "─") {
        fill(Rect(x: x, y: y, width: length, height: 1), character: character, role: role)
    }

    /// A vertical line of `│`.
    public mutating func vline(x: Int, y: Int, length: Int, role: Role = .border, character: Character = "│") {
        fill(Rect(x: x, y: y, width: 1, height: length), character: character, role: role)
    }

    /// A ┌─┐│└┘ frame around `rect` with an optional title on the top edge
    /// (`┌ 标题 ─────┐`), truncated to fit. The inside is not touched: use `rect.inset(1)`.
    /// Returns the inside rectangle.
    @discardableResult
    public mutating func box(_ rect: Rect, title: String? = nil, role: Role = .border, titleRole: Role = .title) -> Rect {
        guard rect.width >= 2, rect.height >= 2 else { return Rect(x: rect.x, y: rect.y, width: 0, height: 0) }
        let right = rect.maxX - 1, bottom = rect.maxY - 1
        hline(x: rect.x + 1, y: rect.y, length: rect.width - 2, role: role)
        hline(x: rect.x + 1, y: bottom, length: rect.width - 2, role: role)
        vline(x: rect.x, y: rect.y + 1, length: rect.height - 2, role: role)
        vline(x: right, y: rect.y + 1, length: rect.height - 2, role: role)
        put("┌", x: rect.x, y: rect.y, role: role)
        put("┐", x: right, y: rect.y, role: role)
        put("└", x: rect.x, y: bottom, role: role)
        put("┘", x: right, y: bottom, role: role)
        // " title " starts after the corner and leaves at least one ─ before the other corner.
        let room = rect.width - 3
        if let title, !title.isEmpty, room >= 3 {
            put(" \(Width.truncate(title, to: room - 2)) ", x: rect.x + 1, y: rect.y, role: titleRole, maxWidth: room)
        }
        return rect.inset(1)
    }
}
