/// One key press as the UI sees it, whatever produced it (ncurses, tmux key names in
/// tests, a scripted MemoryBackend).
public enum KeyEvent: Sendable, Hashable {
    /// A printable character, including Chinese from an IME (one event per character).
    case char(Character)
    /// Ctrl plus a letter or symbol, lower case: `.ctrl("s")`. Ctrl-H, -I, -J, -M and -[
    /// arrive as backspace, tab, enter, enter and escape, as on a real terminal.
    case ctrl(Character)
    case enter, escape, tab, backTab
    case up, down, left, right
    case home, end, pageUp, pageDown
    case backspace, delete, insert
    /// The terminal changed size; redraw at the new size.
    case resize
    /// Function key n (F1 = `.f(1)`).
    case f(Int)

    /// The event a control byte (0x00…0x1F, 0x7F) produces, mapped like a terminal does.
    public static func fromControlByte(_ byte: UInt32) -> KeyEvent? {
        switch byte {
        case 8, 0x7F: return .backspace
        case 9: return .tab
        case 10, 13: return .enter
        case 0x1B: return .escape
        case 0: return .ctrl("@")
        case 1...26: return .ctrl(Character(Unicode.Scalar(byte + 0x60)!))
        case 0x1C...0x1F: return .ctrl(Character(Unicode.Scalar(byte + 0x40)!))
        default: return nil
        }
    }

    /// The event for a character code from `get_wch` (a wint_t that was not a key code).
    public static func fromCharacterCode(_ code: UInt32) -> KeyEvent? {
        if let control = fromControlByte(code) { return control }
        guard let scalar = Unicode.Scalar(code) else { return nil }
        if (0x80...0x9F).contains(code) { return nil }            // C1 controls: never a key
        return .char(Character(scalar))
    }
}
