/// A framed box centred over the screen (help, confirmation, error message).
public struct Dialog: Sendable {
    public var title: String
    /// Body text; each string is wrapped to the dialog's inner width ("\n" starts a new line).
    public var body: [String]
    /// Optional last line, e.g. "Enter 确认  Esc 取消".
    public var hints: [KeyHint]
    public var role: Role
    public var borderRole: Role
    /// Widest the dialog may be (columns, including the frame); it shrinks to the screen.
    public var maxWidth: Int

    public init(title: String, body: [String], hints: [KeyHint] = [], role: Role = .normal,
                borderRole: Role = .borderFocused, maxWidth: Int = 60) {
        self.title = title; self.body = body; self.hints = hints; self.role = role; self.borderRole = borderRole
        self.maxWidth = maxWidth
    }

    /// Draws centred in `area` (the whole screen by default); returns the box's rect.
    /// The body is cut at the bottom if the screen is too short.
    @discardableResult
    public func draw(into grid: inout Grid, area: Rect? = nil) -> Rect {
        let area = area ?? grid.bounds
        let outerMax = min(maxWidth, area.width)
        guard outerMax >= 4, area.height >= 3 else { return Rect(x: area.x, y: area.y, width: 0, height: 0) }
        let natural = body.flatMap { $0.split(separator: "\n", omittingEmptySubsequences: false) }.map { Width.of(String($0)) }.max() ?? 0
        let hintWidth = hints.reduce(0) { $0 + Width.of($1.keys) + Width.of($1.label) + 3 }
        let inner = min(outerMax - 4, max(natural, hintWidth, Width.of(title) + 2, 10))
        let lines = body.flatMap { Wrap.lines($0, width: inner) }
        let height = min(area.height, lines.count + 2 + (hints.isEmpty ? 0 : 2))
        let box = area.centered(width: inner + 4, height: height)
        grid.fill(box, role: role)
        let inside = grid.box(box, title: title, role: borderRole).inset(left: 1, right: 1)
        for (i, line) in lines.prefix(max(0, inside.height - (hints.isEmpty ? 0 : 2))).enumerated() {
            grid.put(line, x: inside.x, y: inside.y + i, role: role, maxWidth: inside.width)
        }
        if !hints.isEmpty, inside.height >= 1 {
            Footer.draw(into: &grid, rect: Rect(x: inside.x, y: inside.maxY - 1, width: inside.width, height: 1), hints: hints)
        }
        return box
    }
}
