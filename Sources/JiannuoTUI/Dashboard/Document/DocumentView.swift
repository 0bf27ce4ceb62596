import JiannuoCore

/// Draws a document screen: its frame and title, the rows from the scroll position, the cursor row,
/// and on the frame how many rows lie above and below, so nothing is hidden without a sign.
enum DocumentView {
    static func draw(_ g: inout Grid, _ doc: DocState, size: Size, _ lang: Lang = .zh) {
        let layout = DocumentLayout(size)
        g.fill(layout.frame)
        _ = g.box(layout.frame, title: " \(doc.content.title) ", role: .borderFocused)
        guard layout.frame.height > 2, layout.frame.width > 4 else { return }
        let rows = doc.rows(layout)
        let visible = layout.visibleRows
        let shown = rows.dropFirst(doc.scroll).prefix(visible)
        for (i, row) in shown.enumerated() {
            let y = layout.text.y + i
            let isCursor = doc.content.selectable && doc.scroll + i == doc.cursor
            if isCursor { g.fill(Rect(x: layout.text.x - 1, y: y, width: layout.text.width + 2, height: 1), role: .selected) }
            // A row that leads to another record is marked in the margin; Enter on it opens that record.
            if row.link != nil { _ = g.put("›", x: layout.text.x - 1, y: y, role: isCursor ? .selected : .muted) }
            _ = g.put(row.text, x: layout.text.x, y: y, role: isCursor ? .selected : row.role, maxWidth: layout.text.width)
        }
        let above = doc.scroll
        let below = max(0, rows.count - doc.scroll - visible)
        let right = layout.frame.maxX - 2
        if above > 0 { marker(&g, lang("↑ 上方还有 \(above) 行", "↑ \(above) more above"), right: right, y: layout.frame.y) }
        if below > 0 { marker(&g, lang("↓ 下方还有 \(below) 行", "↓ \(below) more below"), right: right, y: layout.frame.maxY - 1) }
        if rows.count > visible {
            let span = "\(doc.scroll + 1)–\(doc.scroll + shown.count)/\(rows.count)"
            let position = doc.content.selectable ? lang("第 \(doc.cursor + 1)/\(rows.count) 行", "line \(doc.cursor + 1)/\(rows.count)")
                : lang("\(span) 行", "lines \(span)")
            _ = g.put(" \(position) ", x: layout.frame.x + 2, y: layout.frame.maxY - 1, role: .muted,
                      maxWidth: max(0, layout.frame.width / 2 - 2))
        }
    }

    /// A note set into the frame line, ending at column `right`.
    static func marker(_ g: inout Grid, _ text: String, right: Int, y: Int) {
        let t = " \(text) "
        let x = right - Width.of(t) + 1
        guard x > 2 else { return }
        _ = g.put(t, x: x, y: y, role: .title)
    }
}
