import CNCursesW

/// Turns theme styles into ncurses attributes and colour pairs. Pairs are allocated on
/// first use per (fg, bg) and cached: terminals have a limited number, and re-initialising
/// a pair would recolour everything already on screen that uses it.
struct ColorPairs {
    private struct Key: Hashable { var fg: Int; var bg: Int }
    private var pairs: [Key: Int16] = [:]
    private var next: Int16 = 1
    let colors: Int

    init(colors: Int) { self.colors = colors }

    /// (attributes, pair) for a style; colours are ignored on a terminal with fewer than 8.
    mutating func attributes(for style: Style) -> (attr_t, Int16) {
        var attrs = jn_a_normal()
        if style.bold { attrs |= jn_a_bold() }
        if style.reverse { attrs |= jn_a_reverse() }
        if style.underline { attrs |= jn_a_underline() }
        if style.dim { attrs |= jn_a_dim() }
        guard colors >= 8, style.hasColor else { return (attrs, 0) }
        return (attrs, pair(fg: style.fg.paletteIndex(colors: colors), bg: style.bg.paletteIndex(colors: colors)))
    }

    private mutating func pair(fg: Int, bg: Int) -> Int16 {
        let key = Key(fg: fg, bg: bg)
        if let p = pairs[key] { return p }
        guard Int(next) < min(Int(jn_color_pairs()), Int(Int16.max)) else { return 0 }  // out of pairs: default colours
        let p = next
        guard init_pair(p, Int16(fg), Int16(bg)) == OK else { return 0 }
        next += 1
        pairs[key] = p
        return p
    }
}
