import Foundation

/// A colour as a theme file names it. It is reduced to what the terminal has
/// (`paletteIndex(colors:)`) only when drawing, so one theme file serves 8-, 16- and
/// 256-colour terminals.
public enum Color: Sendable, Hashable {
    /// The terminal's own foreground or background (ncurses -1 after use_default_colors).
    case `default`
    /// An xterm palette index 0…255 (0–7 the basic colours, 8–15 their bright forms).
    case indexed(Int)
    /// "#rrggbb", quantised to the palette at draw time.
    case rgb(UInt8, UInt8, UInt8)

    static let names: [String: Int] = [
        "black": 0, "red": 1, "green": 2, "yellow": 3, "blue": 4, "magenta": 5, "cyan": 6, "white": 7,
        "bright_black": 8, "bright_red": 9, "bright_green": 10, "bright_yellow": 11,
        "bright_blue": 12, "bright_magenta": 13, "bright_cyan": 14, "bright_white": 15,
        "gray": 8, "grey": 8,
    ]

    /// Parses a name (`red`, `bright_red`, `default`), an index (`208`) or `#rrggbb`.
    public init?(parsing text: String) {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        if t == "default" || t == "none" { self = .default; return }
        if let n = Color.names[t] { self = .indexed(n); return }
        if let n = Int(t) {
            guard (0...255).contains(n) else { return nil }
            self = .indexed(n); return
        }
        if t.hasPrefix("#"), t.count == 7, let v = UInt32(t.dropFirst(), radix: 16) {
            self = .rgb(UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)); return
        }
        return nil
    }

    /// The ncurses colour number on a terminal with `colors` colours: -1 for default,
    /// otherwise an index below `colors` (256, 16 or 8), chosen as the nearest colour.
    public func paletteIndex(colors: Int) -> Int {
        switch self {
        case .default:
            return -1
        case .indexed(let n):
            if n < colors { return n }
            if n < 16 { return n - 8 }            // bright → basic on an 8-colour terminal
            return Color.nearest(Color.rgbOf(index: n), among: colors >= 16 ? 16 : 8)
        case .rgb(let r, let g, let b):
            let rgb = (Int(r), Int(g), Int(b))
            if colors >= 256 { return Color.nearest256(rgb) }
            return Color.nearest(rgb, among: colors >= 16 ? 16 : 8)
        }
    }

    /// The xterm default RGB values of the 16 system colours.
    static let system: [(Int, Int, Int)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]
    static let cubeLevels = [0, 95, 135, 175, 215, 255]

    /// RGB of an xterm 256-colour index.
    static func rgbOf(index n: Int) -> (Int, Int, Int) {
        switch n {
        case 0..<16: return system[n]
        case 16..<232:
            let i = n - 16
            return (cubeLevels[i / 36], cubeLevels[i / 6 % 6], cubeLevels[i % 6])
        default:
            let v = 8 + 10 * (n - 232)
            return (v, v, v)
        }
    }

    static func distance(_ a: (Int, Int, Int), _ b: (Int, Int, Int)) -> Int {
        let dr = a.0 - b.0, dg = a.1 - b.1, db = a.2 - b.2
        return dr * dr + dg * dg + db * db
    }

    /// Nearest of the first `count` system colours (8 or 16).
    static func nearest(_ rgb: (Int, Int, Int), among count: Int) -> Int {
        (0..<count).min { distance(system[$0], rgb) < distance(system[$1], rgb) } ?? 0
    }

    /// Nearest index in the 6×6×6 cube or the grey ramp (16…255), as terminals quantise.
    static func nearest256(_ rgb: (Int, Int, Int)) -> Int {
        func level(_ v: Int) -> Int { cubeLevels.indices.min { abs(cubeLevels[$0] - v) < abs(cubeLevels[$1] - v) }! }
        let cube = 16 + 36 * level(rgb.0) + 6 * level(rgb.1) + level(rgb.2)
        let avg = (rgb.0 + rgb.1 + rgb.2) / 3
        let grey = 232 + min(23, max(0, (avg - 3) / 10))
        return distance(rgbOf(index: grey), rgb) < distance(rgbOf(index: cube), rgb) ? grey : cube
    }
}
