/// The bottom line of key hints: "Tab 切换  j/k 移动  q 退出".
public enum Footer {
    static let separator = 2

    static func width(_ h: KeyHint) -> Int { Width.of(h.keys) + (h.keys.isEmpty ? 0 : 1) + Width.of(h.label) }

    /// The hints that fit in `width`, in order; a hint that does not fit is dropped and later,
    /// shorter ones may still be shown. `more` ("? 更多") always ends the line: room is kept for
    /// it, so the officer knows where the rest is.
    public static func fit(_ hints: [KeyHint], width: Int, more: KeyHint? = nil) -> [KeyHint] {
        let all = hints.reduce(0) { $0 + self.width($1) } + max(0, hints.count - 1) * separator
        let reserve = more.map { self.width($0) + separator } ?? 0
        if all + reserve <= width { return hints + (more.map { [$0] } ?? []) }
        var used = 0
        var out: [KeyHint] = []
        for h in hints {
            let extra = (out.isEmpty ? 0 : separator) + self.width(h)
            if used + extra <= width - reserve {
                out.append(h)
                used += extra
            }
        }
        if let more {
            if out.isEmpty && self.width(more) > width { return [] }
            out.append(more)
        }
        return out
    }

    /// Draws the fitted hints on one row: keys in `.footerKey`, labels in `.footerText`;
    /// the rest of the row is cleared in `.footerText`.
    public static func draw(into grid: inout Grid, rect: Rect, hints: [KeyHint], more: KeyHint? = nil) {
        guard !rect.isEmpty else { return }
        let row = Rect(x: rect.x, y: rect.y, width: rect.width, height: 1)
        grid.fill(row, role: .footerText)
        var x = rect.x
        for (i, h) in fit(hints, width: rect.width, more: more).enumerated() {
            if i > 0 { x += separator }
            if !h.keys.isEmpty {
                x += grid.put(h.keys, x: x, y: rect.y, role: .footerKey, maxWidth: row.maxX - x)
                x += grid.put(" ", x: x, y: rect.y, role: .footerText, maxWidth: row.maxX - x)
            }
            x += grid.put(h.label, x: x, y: rect.y, role: .footerText, maxWidth: row.maxX - x)
        }
    }
}
