/// Breaks text into lines by display width, for multi-line fields and dialog bodies.
public enum Wrap {
    /// Each line as a range of Character offsets into `characters` (newlines excluded).
    /// Lines break at "\n"; a line longer than `width` breaks after the last space that
    /// keeps it within `width` (so Latin words stay whole), else at any character (Chinese
    /// has no spaces and may break anywhere). A wide character never straddles a break.
    public static func ranges(_ characters: [Character], width: Int) -> [Range<Int>] {
        let width = max(1, width)
        var out: [Range<Int>] = []
        var start = 0
        var i = 0
        var used = 0
        var lastSpace: Int? = nil
        while i < characters.count {
            let c = characters[i]
            if c.isNewline {
                out.append(start..<i)
                i += 1; start = i; used = 0; lastSpace = nil
                continue
            }
            let w = max(0, Width.of(c))
            if used + w > width && i > start {
                if c == " " && breakable(characters, i) {
                    out.append(start..<i)                   // the space itself is the break
                    start = i + 1
                    i += 1
                } else if let s = lastSpace, s > start {
                    out.append(start..<s)                   // drop the space at the break
                    start = s + 1
                } else {
                    out.append(start..<i)
                    start = i
                }
                used = characters[start..<i].reduce(0) { $0 + max(0, Width.of($1)) }
                lastSpace = nil
                continue
            }
            if c == " " && breakable(characters, i) { lastSpace = i }
            used += w
            i += 1
        }
        out.append(start..<characters.count)
        return out
    }

    /// A space that may end a line: not the one inside a time ("2026-11-30 01:42" stays whole).
    static func breakable(_ c: [Character], _ i: Int) -> Bool {
        guard i >= 10, i + 6 <= c.count else { return true }
        func digits(_ r: Range<Int>) -> Bool { c[r].allSatisfy { $0.isASCII && $0.isNumber } }
        let isDate = digits((i - 10)..<(i - 6)) && c[i - 6] == "-" && digits((i - 5)..<(i - 3)) && c[i - 3] == "-" && digits((i - 2)..<i)
        let isTime = digits((i + 1)..<(i + 3)) && c[i + 3] == ":" && digits((i + 4)..<(i + 6))
        return !(isDate && isTime)
    }

    /// The wrapped lines as strings.
    public static func lines(_ text: String, width: Int) -> [String] {
        let chars = Array(text)
        return ranges(chars, width: width).map { String(chars[$0]) }
    }
}
