import JiannuoCore

/// What a key does to a line being typed. The keys live here once: `LineEditor.handle` and the
/// dashboard's key table both read them, so the help lists exactly what the editor does.
public enum EditCommand: String, CaseIterable, Sendable, Hashable {
    case left, right, home, end, backspace, delete, killToStart, killWord, killToEnd, yank

    public var keys: [KeyEvent] {
        switch self {
        case .left: [.left, .ctrl("b")]
        case .right: [.right, .ctrl("f")]
        case .home: [.home, .ctrl("a")]
        case .end: [.end, .ctrl("e")]
        case .backspace: [.backspace]
        case .delete: [.delete, .ctrl("d")]
        case .killToStart: [.ctrl("u")]
        case .killWord: [.ctrl("w")]
        case .killToEnd: [.ctrl("k")]
        case .yank: [.ctrl("y")]
        }
    }

    public var help: Text {
        switch self {
        case .left: Text("光标左移一个字", "Cursor left one character")
        case .right: Text("光标右移一个字", "Cursor right one character")
        case .home: Text("到行首", "To the start of the line")
        case .end: Text("到行尾", "To the end of the line")
        case .backspace: Text("删除光标前一个字（汉字整字删除）", "Delete the character before the cursor (a Chinese character whole)")
        case .delete: Text("删除光标处一个字", "Delete the character at the cursor")
        case .killToStart: Text("删除光标前的整行", "Delete everything before the cursor")
        case .killWord: Text("删除光标前一个词", "Delete the word before the cursor")
        case .killToEnd: Text("删除光标后的整行", "Delete everything after the cursor")
        case .yank: Text("粘贴最近删除的内容", "Paste what was deleted last")
        }
    }

    public static func command(for key: KeyEvent) -> EditCommand? { allCases.first { $0.keys.contains(key) } }
}

extension LineEditor {
    public mutating func apply(_ command: EditCommand) {
        switch command {
        case .left: left()
        case .right: right()
        case .home: home()
        case .end: end()
        case .backspace: backspace()
        case .delete: delete()
        case .killToStart: killToStart()
        case .killWord: killWord()
        case .killToEnd: killToEnd()
        case .yank: yank()
        }
    }
}
