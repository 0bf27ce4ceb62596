import Testing
@testable import JiannuoTUI
import JiannuoCore

@Suite struct KeyTests {
    @Test func tmuxNames() {
        let cases: [(String, KeyEvent)] = [
            ("j", .char("j")), ("4", .char("4")), ("叶", .char("叶")), ("Enter", .enter), ("Escape", .escape),
            ("Tab", .tab), ("BTab", .backTab), ("Up", .up), ("Down", .down), ("Left", .left), ("Right", .right),
            ("PageUp", .pageUp), ("PPage", .pageUp), ("PageDown", .pageDown), ("NPage", .pageDown),
            ("Home", .home), ("End", .end), ("BSpace", .backspace), ("DC", .delete), ("Space", .char(" ")),
            ("C-s", .ctrl("s")), ("C-c", .ctrl("c")), ("C-S", .ctrl("s")), ("C-m", .enter), ("C-i", .tab),
            ("C-h", .backspace), ("C-[", .escape), ("F1", .f(1)), ("F12", .f(12)), ("enter", .enter),
        ]
        for (name, key) in cases { #expect(KeyEvent.parse(tmuxName: name) == key, "\(name)") }
        for bad in ["Foo", "M-x", "F99", "C-", ""] { #expect(KeyEvent.parse(tmuxName: bad) == nil, "\(bad)") }
    }

    @Test func sequences() throws {
        #expect(try KeyEvent.parseSequence("j j Enter") == [.char("j"), .char("j"), .enter])
        #expect(try KeyEvent.parseSequence("  C-s   Escape ") == [.ctrl("s"), .escape])
        #expect(throws: (any Error).self) { try KeyEvent.parseSequence("j Bogus") }
    }

    @Test func cursesCodes() {
        #expect(KeyEvent.fromCharacterCode(0x53F6) == .char("叶"))
        #expect(KeyEvent.fromCharacterCode(13) == .enter)
        #expect(KeyEvent.fromCharacterCode(10) == .enter)
        #expect(KeyEvent.fromCharacterCode(127) == .backspace)
        #expect(KeyEvent.fromCharacterCode(27) == .escape)
        #expect(KeyEvent.fromCharacterCode(19) == .ctrl("s"))
        #expect(KeyEvent.fromCharacterCode(0x9B) == nil)
        #expect(CursesKeys.keyCode(0o632) == .resize)
        #expect(CursesKeys.keyCode(0o541) == .backTab)
        #expect(CursesKeys.keyCode(0o522) == .pageDown)
        #expect(CursesKeys.keyCode(265) == .f(1))                // KEY_F(1)
    }

    @Test func displayNames() {
        #expect(KeyEvent.ctrl("s").displayName == "Ctrl-S")
        #expect(KeyEvent.down.displayName == "↓")
        #expect(KeyBinding([.char("j"), .down], "down", help: Text("下移", "Down")).keyNames == "j/↓")
        #expect(KeyEvent.char(" ").displayName == "空格" && KeyEvent.char(" ").displayName(.en) == "Space")
    }

    enum Act: Hashable, Sendable { case next, quit, down, save, cancel }

    static let map = KeyMap<Act>([
        KeyBinding([.tab], .next, help: Text("切换到下一个面板", "Next pane"), footer: Text("切换", "switch")),
        KeyBinding([.char("j"), .down], .down, help: Text("下移一行", "Down one row"), footer: Text("移动", "move"), footerKeys: .same("j/k")),
        KeyBinding([.char("q")], .quit, help: Text("退出", "Quit"), footer: Text("退出", "quit")),
        KeyBinding([.ctrl("s")], .save, help: Text("保存表单", "Save the form"), context: "form", footer: Text("保存", "save")),
        KeyBinding([.escape, .char("q")], .cancel, help: Text("取消编辑", "Cancel editing"), context: "form", footer: Text("取消", "cancel")),
    ])

    @Test func keyMapDispatchesByContext() {
        #expect(Self.map.action(for: .char("q"), in: ["list"]) == .quit)
        #expect(Self.map.action(for: .char("q"), in: ["form"]) == .cancel)
        #expect(Self.map.action(for: .ctrl("s"), in: ["list"]) == nil)
        #expect(Self.map.action(for: .down, in: ["form"]) == .down)
        #expect(Self.map.conflicts().isEmpty)
        let broken = KeyMap<Act>([KeyBinding([.tab], .next, help: Text("甲", "a")), KeyBinding([.tab], .quit, help: Text("乙", "b"))])
        #expect(broken.conflicts().count == 1)
    }

    @Test func footerAndHelpComeFromTheSameTable() {
        let form = Self.map.footerHints(in: ["form"])
        #expect(form.map(\.label) == ["保存", "取消", "切换", "移动"])        // global q is shadowed in the form
        #expect(form[1].keys == "Esc/q")
        #expect(form[3].keys == "j/k")
        let list = Self.map.active(in: ["list"])
        #expect(list.map(\.help.zh) == ["切换到下一个面板", "下移一行", "退出"])
        #expect(Self.map.footerHints(in: ["form"], lang: .en).map(\.label) == ["save", "cancel", "switch", "move"])
    }
}
