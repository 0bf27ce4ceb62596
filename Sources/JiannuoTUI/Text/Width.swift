import CNCursesW

/// Horizontal alignment of text inside a fixed number of columns.
public enum Alignment: Sendable, Equatable {
    case left, right, center
}

/// Display width in terminal columns, the only measure the UI lays text out by.
///
/// Counting Characters misaligns Chinese (two columns each) and counting bytes cuts
/// characters in half, so every width here comes from `wcwidth`, which agrees with the
/// terminal as long as the process runs under a UTF-8 locale (see `ensureLocale`).
public enum Width {
    /// Run once, lazily and thread-safely (a global `let` initialiser).
    private static let localeReady: Bool = {
        // The user's locale first, so ncurses and the terminal agree with it …
        if setlocale(LC_ALL, "") != nil, isUTF8Locale() { return true }
        // … but `wcwidth` answers -1 for every Han character outside UTF-8, so fall back to
        // the one UTF-8 locale present on every glibc system.
        if setlocale(LC_CTYPE, "C.UTF-8") != nil { return true }
        return setlocale(LC_CTYPE, "C.utf8") != nil
    }()

    private static func isUTF8Locale() -> Bool {
        guard let current = setlocale(LC_CTYPE, nil) else { return false }
        let name = String(cString: current).lowercased()
        return name.contains("utf-8") || name.contains("utf8")
    }

    /// Sets a UTF-8 locale for the process. Call before `initscr` and at the start of tests;
    /// every width function calls it too, so forgetting it cannot make Han characters width -1.
    /// Returns false if no UTF-8 locale could be set.
    @discardableResult
    public static func ensureLocale() -> Bool { localeReady }

    /// Columns of one scalar: 0 for combining marks and other zero-width scalars, 2 for wide,
    /// -1 for non-printables (controls, unassigned) that must be sanitised before display.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v >= 0x20 && v < 0x7F { return 1 }          // ASCII fast path: most of every frame
        _ = localeReady
        return Int(wcwidth(wchar_t(bitPattern: v)))
    }

    /// The width of text whose every scalar is printable on its own and at least one column wide
    /// (ASCII, Han, CJK punctuation, box drawing, blocks, arrows: nearly every cell of a frame),
    /// summed scalar by scalar; nil when a scalar could join a grapheme or needs cleaning (controls,
    /// marks, joiners, variation selectors, bidi controls, anything past the BMP), and the
    /// grapheme-by-grapheme path must decide. Text with a width here needs no cleaning either.
    static func plainWidth(_ text: String) -> Int? {
        var w = 0
        for s in text.unicodeScalars {
            let v = s.value
            if v >= 0x20 && v < 0x7F { w += 1; continue }
            if v < 0xA0 || v > 0xFFFF || (0x2028...0x202E).contains(v) || (0x2066...0x2069).contains(v) || (0xFFF9...0xFFFB).contains(v) {
                return nil
            }
            let sw = of(s)
            if sw <= 0 { return nil }
            w += sw
        }
        return w
    }

    /// Columns of one grapheme as the terminal shows it: the widest of its scalars (a base
    /// plus combining marks takes the base's width; an emoji with U+FE0F is shown wide).
    /// Non-printable graphemes count as -1, like `wcwidth`.
    public static func of(_ character: Character) -> Int {
        var widest = 0
        var emojiPresentation = false
        for s in character.unicodeScalars {
            let w = of(s)
            if w < 0 { return -1 }
            widest = max(widest, w)
            if s.value == 0xFE0F { emojiPresentation = true }
        }
        if emojiPresentation && widest == 1 { return 2 }
        return min(widest, 2)
    }

    /// Columns the string takes once drawn: measured on its screen form (`ScreenText.clean`),
    /// so controls count as the placeholders that replace them.
    public static func of(_ text: String) -> Int {
        if let w = plainWidth(text) { return w }
        var total = 0
        for c in ScreenText.clean(text) { total += max(of(c), 0) }
        return total
    }

    /// The longest prefix of `text` (in screen form) that fits in `columns`, ending with
    /// `ellipsis` if anything was cut. A wide character that would straddle the limit is
    /// left out and replaced by a space, so the result is exactly `columns` wide or less and
    /// never holds half a character.
    public static func truncate(_ text: String, to columns: Int, ellipsis: String = "…") -> String {
        guard columns > 0 else { return "" }
        if let w = plainWidth(text), w <= columns { return text }
        let clean = ScreenText.clean(text)
        if of(clean) <= columns { return clean }
        let mark = ScreenText.clean(ellipsis)
        let markWidth = of(mark)
        let room = markWidth <= columns ? columns - markWidth : columns
        var out = ""
        var used = 0
        for c in clean {
            let w = max(of(c), 0)
            if used + w > room { break }
            out.append(c)
            used += w
        }
        if markWidth <= columns { out += mark; used += markWidth }
        // A wide character that did not fit leaves one column: fill it so the width is exact.
        if used < columns { out += String(repeating: " ", count: columns - used) }
        return out
    }

    /// `text` padded with spaces to `columns` (never cut; use `fit` for that).
    public static func pad(_ text: String, to columns: Int, alignment: Alignment = .left) -> String {
        let clean = ScreenText.clean(text)
        let gap = columns - of(clean)
        guard gap > 0 else { return clean }
        switch alignment {
        case .left: return clean + String(repeating: " ", count: gap)
        case .right: return String(repeating: " ", count: gap) + clean
        case .center:
            let left = gap / 2
            return String(repeating: " ", count: left) + clean + String(repeating: " ", count: gap - left)
        }
    }

    /// Exactly `columns` wide: truncated with an ellipsis if too long, else padded.
    public static func fit(_ text: String, to columns: Int, alignment: Alignment = .left, ellipsis: String = "…") -> String {
        guard columns > 0 else { return "" }
        return pad(truncate(text, to: columns, ellipsis: ellipsis), to: columns, alignment: alignment)
    }

    /// Right-aligned `fit`, for numbers.
    public static func right(_ text: String, _ columns: Int) -> String { fit(text, to: columns, alignment: .right) }
    /// Left-aligned `fit`.
    public static func left(_ text: String, _ columns: Int) -> String { fit(text, to: columns, alignment: .left) }
}
