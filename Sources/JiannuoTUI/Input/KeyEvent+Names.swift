import JiannuoCore

/// Key names as `tmux send-keys` writes them (used by scripted runs and tests), and the
/// short names shown in the footer and help.
extension KeyEvent {
    /// Parses one tmux key name: `j`, `叶`, `Enter`, `Escape`, `Tab`, `BTab`, `Up`, `Down`,
    /// `Left`, `Right`, `PageUp`/`PPage`, `PageDown`/`NPage`, `Home`, `End`, `BSpace`,
    /// `DC`, `IC`, `Space`, `C-s`, `F1`…`F12`. Multi-letter names ignore case.
    /// Returns nil for anything else (including Meta, which the UI does not use).
    public static func parse(tmuxName name: String) -> KeyEvent? {
        if name.count == 1, let c = name.first {
            if let v = c.unicodeScalars.first?.value, c.unicodeScalars.count == 1, v < 0x20 || v == 0x7F {
                return fromControlByte(v)
            }
            return .char(c)
        }
        let lower = name.lowercased()
        if lower.hasPrefix("c-"), name.count == 3, let c = lower.last {
            return control(c)
        }
        if lower.hasPrefix("f"), let n = Int(lower.dropFirst()), (1...24).contains(n) { return .f(n) }
        switch lower {
        case "enter", "kpenter": return .enter
        case "escape", "esc": return .escape
        case "tab": return .tab
        case "btab": return .backTab
        case "up": return .up
        case "down": return .down
        case "left": return .left
        case "right": return .right
        case "pageup", "ppage", "pgup": return .pageUp
        case "pagedown", "npage", "pgdn": return .pageDown
        case "home": return .home
        case "end": return .end
        case "bspace", "backspace": return .backspace
        case "dc", "delete": return .delete
        case "ic", "insert": return .insert
        case "space": return .char(" ")
        default: return nil
        }
    }

    /// Ctrl with a character, normalised the way a terminal sends it (C-m is Enter …).
    static func control(_ c: Character) -> KeyEvent? {
        guard let v = c.unicodeScalars.first?.value, c.unicodeScalars.count == 1 else { return nil }
        switch v {
        case 0x61...0x7A: return fromControlByte(v - 0x60)             // a-z
        case 0x40, 0x5B...0x5F: return fromControlByte(v - 0x40)       // @ [ \ ] ^ _
        case 0x20: return .ctrl("@")
        case 0x3F: return .backspace                                   // C-? is DEL
        default: return nil
        }
    }

    /// Parses space-separated tmux key names: `"j j Enter"`. Throws naming the first unknown one.
    public static func parseSequence(_ text: String) throws -> [KeyEvent] {
        try text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).map { token in
            guard let key = parse(tmuxName: String(token)) else {
                throw JiannuoError.invalid("无法识别的按键名“\(Sanitize.visible(String(token)))”",
                                           "unknown key name \"\(Sanitize.visible(String(token)))\"")
            }
            return key
        }
    }

    /// Short name for footer and help: `j`, `Enter`, `Esc`, `↑`, `PgDn`, `Ctrl-S`, `F1`, `空格` (`Space`).
    public var displayName: String { displayName(.zh) }

    public func displayName(_ lang: Lang) -> String {
        switch self {
        case .char(" "): return lang == .zh ? "空格" : "Space"
        case .char(let c): return String(c)
        case .ctrl(let c): return "Ctrl-\(String(c).uppercased())"
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .home: return "Home"
        case .end: return "End"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .backspace: return "Backspace"
        case .delete: return "Del"
        case .insert: return "Ins"
        case .resize: return "Resize"
        case .f(let n): return "F\(n)"
        }
    }
}
