import JiannuoCore

/// The one gate between data and the screen.
///
/// Text from the database or the user may hold ESC sequences, newlines or bidi overrides
/// that would move the cursor, recolour the terminal or reorder a line; `Grid.put` passes
/// everything through `clean`, so no caller can forget it.
public enum ScreenText {
    /// Placeholder for a grapheme the terminal cannot show (wcwidth -1 after sanitising).
    public static let unprintable: Character = "\u{FFFD}"

    /// Controls become visible placeholders (`␛`, `␊`, `<U+202E>`, via
    /// `JiannuoCore.Sanitize.visible`), then anything still unprintable becomes `�`.
    public static func clean(_ text: String) -> String {
        // Fast path: plain printable ASCII needs no work and is most of what is drawn.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) || Width.plainWidth(text) != nil { return text }
        let visible = Sanitize.visible(text)
        guard visible.contains(where: { Width.of($0) < 0 }) else { return visible }
        return String(visible.map { Width.of($0) < 0 ? unprintable : $0 })
    }
}
