import Testing
@testable import JiannuoTUI

@Suite struct LineEditorTests {
    init() { Width.ensureLocale() }

    @Test func chineseInputCursorAndBackspace() {
        var e = LineEditor()
        for c in "食品安全" { e.handle(.char(c)) }
        e.insert("ab")
        #expect(e.text == "食品安全ab")
        #expect(e.cursor == 6 && e.cursorColumn == 10)
        e.left(); e.left(); e.backspace()                       // removes one whole Han character
        #expect(e.text == "食品安ab")
        #expect(e.cursorColumn == 6)
        e.handle(.ctrl("a"))
        #expect(e.cursorColumn == 0)
        e.handle(.delete)
        #expect(e.text == "品安ab")
        e.handle(.ctrl("e"))
        #expect(e.cursor == 4 && e.cursorColumn == 6)
    }

    @Test func killCommands() {
        var e = LineEditor("投诉 食品 安全  ")
        e.handle(.ctrl("w"))
        #expect(e.text == "投诉 食品 ")
        e.handle(.ctrl("w"))
        #expect(e.text == "投诉 ")
        e.handle(.ctrl("y"))
        #expect(e.text == "投诉 食品 ")
        e.handle(.home); e.right(); e.right()
        e.handle(.ctrl("k"))
        #expect(e.text == "投诉" && e.cursor == 2)
        e.insert("人张三")
        e.left()
        e.handle(.ctrl("u"))
        #expect(e.text == "三" && e.cursor == 0)
        #expect(e.killBuffer == "投诉人张")
    }

    @Test func pasteBurstAndControls() {
        var e = LineEditor("[]")
        e.left()
        e.insert("第一行\r\n第二行\n\tx\u{1B}[31m\u{202E}")
        #expect(e.text == "[第一行 第二行  x[31m]")
        var m = LineEditor(multiline: true)
        m.insert("甲\n乙")
        #expect(m.text == "甲\n乙")
        #expect(m.cursorColumn == 2)
        m.handle(.home)
        #expect(m.cursor == 2)
        let consumed = m.handle(.enter)
        #expect(!consumed)                                     // left to the caller
    }

    @Test func visibleSliceScrollsWithoutSplitting() {
        var e = LineEditor("一二三四五六七八")                  // 16 columns
        let (tail, x) = e.visibleSlice(width: 7)
        #expect(x <= 6)
        #expect(Width.of(tail) == 7)
        #expect(tail == "六七八 " && x == 6)                     // cursor in the last column
        for w in 1...18 {
            for pos in 0...8 {
                e.handle(.home)
                for _ in 0..<pos { e.right() }
                let (s, cx) = e.visibleSlice(width: w)
                #expect(Width.of(s) == w, "w \(w) pos \(pos)")
                #expect(cx >= 0 && cx <= max(0, w - 1) || w == 1, "w \(w) pos \(pos) cx \(cx)")
                #expect(s.allSatisfy { $0 == " " || "一二三四五六七八".contains($0) })
            }
        }
        e.handle(.home)
        #expect(e.visibleSlice(width: 7) == ("一二三 ", 0))
    }

    @Test func wrappedLayout() {
        var m = LineEditor("一二三四五六", multiline: true)
        let layout = m.wrapped(width: 5)                        // 4 columns of text, 1 for the cursor
        #expect(layout.lines == ["一二", "三四", "五六"])
        #expect(layout.cursorRow == 2 && layout.cursorX == 4)
        m.handle(.home)
        #expect(m.wrapped(width: 5).cursorRow == 0)
    }
}
