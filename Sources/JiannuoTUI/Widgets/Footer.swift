/// The bottom line of key hints: "Tab 切换  j/k 移动  q 退出".
public enum Footer {
    static let separator = 2

    /// The hints that fit in `width`, in order; a hint that does not fit is dropped and
    /// later, shorter ones may still be shown.
    public static func fit(_ hints: [KeyHint], width: Int) -> [KeyHint] {
        var used = 0
        var out: [KeyHint] = []
        for h in hints {
            let w = Width.of(h.keys) + 1 + Width.of(h.label)
            let extra = out.isEmpty ? w : separator + w
            if used + extra <= width {
                out.append(h)
                used += extra
            }
        }
        return out
    }

    /// Draws the fitted hints on one row: keys in `.footerKey`, labels in `.footerText`;
    /// the rest of the row is cleared in `.footerText`.
    public static func draw(into grid: inout Grid, rect: Rect, hints: [KeyHint]) {
        guard !rect.isEmpty else { return }
        let row = Rect(x: rect.x, y: rect.y, width: rect.width, height: 1)
        grid.fill(row, role: .footerText)
        var x = rect.x
        for (i, h) in fit(hints, width: rect.width).enumerated() {
            if i > 0 { x += separator }
            x += grid.put(h.keys, x: x, y: rect.y, role: .footerKey, maxWidth: row.maxX - x)
            x += grid.put(" " + h.label, x: x, y: rect.y, role: .footerText, maxWidth: row.maxX - x)
        }
    }
}
