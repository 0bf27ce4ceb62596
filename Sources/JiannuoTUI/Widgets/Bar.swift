/// A horizontal progress or score bar.
public enum Bar {
    /// Characters for the filled and empty parts. `.mono` is for terminals or users that
    /// cannot show block characters; it still reads correctly as plain text.
    public enum Glyphs: Sendable {
        case blocks, mono
        var filled: Character { self == .blocks ? "█" : "#" }
        var empty: Character { self == .blocks ? "░" : "-" }
    }

    /// Number of filled cells for `fraction` (clamped to 0…1) of `width`, rounded to nearest;
    /// a non-zero fraction shows at least one cell and a fraction below 1 leaves one empty,
    /// so "a little" and "almost all" are never drawn as "none" and "all".
    public static func filledCells(fraction: Double, width: Int) -> Int {
        guard width > 0, fraction.isFinite else { return 0 }
        let f = min(1, max(0, fraction))
        var n = Int((f * Double(width)).rounded())
        if f > 0 && n == 0 { n = 1 }
        if f < 1 && n == width && width > 1 { n = width - 1 }
        return n
    }

    /// The bar as text.
    public static func render(fraction: Double, width: Int, glyphs: Glyphs = .blocks) -> String {
        let n = filledCells(fraction: fraction, width: width)
        return String(repeating: glyphs.filled, count: n) + String(repeating: glyphs.empty, count: max(0, width - n))
    }

    /// Draws the bar at (x, y): filled part in `.barFilled` (or `filledRole`), rest in `.barEmpty`.
    public static func draw(into grid: inout Grid, x: Int, y: Int, width: Int, fraction: Double,
                            glyphs: Glyphs = .blocks, filledRole: Role = .barFilled) {
        let n = filledCells(fraction: fraction, width: width)
        grid.put(String(repeating: glyphs.filled, count: n), x: x, y: y, role: filledRole, maxWidth: width)
        grid.put(String(repeating: glyphs.empty, count: max(0, width - n)), x: x + n, y: y, role: .barEmpty, maxWidth: width - n)
    }
}
