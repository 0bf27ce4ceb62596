/// One line of choices with the chosen one bracketed and marked: "‹ [3 拖欠中小企业账款]  4 涉政府… ›".
/// When the choices do not fit, the line scrolls so the chosen one is always whole on screen, and
/// ‹ › say that more lie to the left or right; the chosen item also carries its own role, so it
/// reads in every theme (reverse in mono) and at any width.
public enum PickerRow {
    /// Draws at (x, y) within `width` columns; returns the columns used.
    @discardableResult
    public static func draw(into g: inout Grid, labels: [String], chosen: Int, x: Int, y: Int, width: Int, focused: Bool) -> Int {
        guard width > 0, !labels.isEmpty else { return 0 }
        let items = labels.enumerated().map { i, l in i == chosen ? "[\(l)]" : " \(l) " }
        let widths = items.map { Width.of($0) }
        func span(_ r: Range<Int>) -> Int { r.map { widths[$0] }.reduce(0, +) }
        // The widest window that holds the chosen item, growing to the right first.
        var first = 0
        var last = labels.count
        if span(0..<labels.count) > width {
            let chosen = min(max(0, chosen), labels.count - 1)
            first = chosen; last = chosen + 1
            let room = width - 2                      // a column each for ‹ and ›
            while true {
                if last < labels.count, span(first..<(last + 1)) <= room { last += 1 }
                else if first > 0, span((first - 1)..<last) <= room { first -= 1 }
                else { break }
            }
        }
        var used = 0
        if first > 0 { used += g.put("‹", x: x, y: y, role: .muted) }
        for i in first..<last {
            let role: Role = i == chosen ? (focused ? .selected : .title) : .muted
            used += g.put(items[i], x: x + used, y: y, role: role, maxWidth: max(0, width - used))
        }
        if last < labels.count { used += g.put("›", x: x + used, y: y, role: .muted, maxWidth: max(0, width - used)) }
        return used
    }
}
