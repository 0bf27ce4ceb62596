import CNCursesW

/// Translation of `get_wch` results into `KeyEvent`s.
enum CursesKeys {
    /// `result` is what `wget_wch` returned (OK, KEY_CODE_YES or ERR) and `code` what it stored.
    static func event(result: Int32, code: UInt32) -> KeyEvent? {
        switch result {
        case OK: return KeyEvent.fromCharacterCode(code)
        case KEY_CODE_YES: return keyCode(Int32(bitPattern: code))
        default: return nil
        }
    }

    static func keyCode(_ k: Int32) -> KeyEvent? {
        switch k {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_IC: return .insert
        case KEY_ENTER: return .enter
        case KEY_BTAB: return .backTab
        case KEY_RESIZE: return .resize
        default:
            let f0 = jn_key_f0()
            if k > f0 && k <= f0 + 24 { return .f(Int(k - f0)) }
            return nil                                  // mouse and other keys the UI does not use
        }
    }
}
