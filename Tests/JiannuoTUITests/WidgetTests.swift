import Testing
@testable import JiannuoTUI

@Suite struct WidgetTests {
    init() { Width.ensureLocale() }

    @Test func barFillsByFraction() {
        #expect(Bar.render(fraction: 0.5, width: 10) == "█████░░░░░")
        #expect(Bar.render(fraction: 0, width: 4) == "░░░░")
        #expect(Bar.render(fraction: 1, width: 4) == "████")
        #expect(Bar.render(fraction: 0.01, width: 10) == "█░░░░░░░░░")        // a little is not nothing
        #expect(Bar.render(fraction: 0.99, width: 10) == "█████████░")        // almost is not all
        #expect(Bar.render(fraction: 0.3, width: 10, glyphs: .mono) == "###-------")
        #expect(Bar.render(fraction: .nan, width: 3) == "░░░")
        var g = Grid(width: 6, height: 1)
        Bar.draw(into: &g, x: 1, y: 0, width: 4, fraction: 0.5)
        #expect(g.lines() == [" ██░░"])
        #expect(g.roles(y: 0) == [.normal, .barFilled, .barFilled, .barEmpty, .barEmpty, .normal])
    }

    @Test func sparklineScales() {
        #expect(Sparkline.render([0, 1, 2, 3, 4, 5, 6, 7]) == "▁▂▃▄▅▆▇█")
        #expect(Sparkline.render([5, 5, 5]) == "███")                   // scaled from zero
        #expect(Sparkline.render([0, 0]) == "▁▁")
        #expect(Sparkline.render([Int]()) == "")
        #expect(Sparkline.render([1, 2, 3, 4, 10], width: 2) == "▄█")
    }

    @Test func footerDropsHintsThatDoNotFit() {
        let hints = [KeyHint(keys: "Tab", label: "切换"), KeyHint(keys: "j/k", label: "移动"),
                     KeyHint(keys: "Enter", label: "查看详情"), KeyHint(keys: "q", label: "退出")]
        #expect(Footer.fit(hints, width: 100).count == 4)
        // "Tab 切换" = 8, "  j/k 移动" = 10, "  Enter 查看详情" = 16 (too much at 24), "  q 退出" = 8
        #expect(Footer.fit(hints, width: 26).map(\.keys) == ["Tab", "j/k", "q"])
        #expect(Footer.fit(hints, width: 7).map(\.keys) == ["q"])
        #expect(Footer.fit(hints, width: 5).isEmpty)
        var g = Grid(width: 26, height: 1)
        Footer.draw(into: &g, rect: g.bounds, hints: hints)
        #expect(g.lines() == ["Tab 切换  j/k 移动  q 退出"])
        #expect(g.roles(y: 0)[0] == .footerKey && g.roles(y: 0)[4] == .footerText)
    }

    @Test func dialogIsCentredAndFramed() {
        var g = Grid(width: 30, height: 9)
        g.fill(g.bounds, character: ".")
        let box = Dialog(title: "确认", body: ["删除这条记录？"], hints: [KeyHint(keys: "y", label: "是")], maxWidth: 20).draw(into: &g)
        #expect(box.width == 18 && box.height == 5)
        #expect(box.x == 6 && box.y == 2)
        let lines = g.lines()
        #expect(lines[2] == "......┌ 确认 ──────────┐......")
        #expect(lines[3] == "......│ 删除这条记录？ │......")
        #expect(lines[5] == "......│ y 是           │......")
        #expect(lines[6] == "......└────────────────┘......")
        for line in lines { #expect(Width.of(line) == 30) }
    }

    @Test func wrapByDisplayWidth() {
        #expect(Wrap.lines("一二三四五六七", width: 6) == ["一二三", "四五六", "七"])
        #expect(Wrap.lines("一二三四五", width: 5) == ["一二", "三四", "五"])
        #expect(Wrap.lines("hello world again", width: 11) == ["hello world", "again"])
        #expect(Wrap.lines("第一行\n第二行", width: 20) == ["第一行", "第二行"])
        for line in Wrap.lines("市场监管局 receives 投诉 about 食品安全 issues", width: 7) {
            #expect(Width.of(line) <= 7, "\(line)")
        }
    }

    @Test func memoryBackendScriptAndInterrupt() throws {
        let b = MemoryBackend(width: 10, height: 2, keys: try KeyEvent.parseSequence("j C-c k"))
        #expect(b.readKey(timeoutMs: 0) == .char("j"))
        #expect(!b.interruptRequested)
        #expect(b.readKey(timeoutMs: 0) == nil)
        #expect(b.interruptRequested)
        var g = Grid(width: 10, height: 2)
        g.put("你好", x: 0, y: 0)
        b.draw(g)
        #expect(b.lines() == ["你好", ""])
        b.resize(width: 20, height: 5)
        #expect(b.readKey(timeoutMs: 0) == .char("k"))
        #expect(b.readKey(timeoutMs: 0) == .resize && b.size == Size(width: 20, height: 5))
    }
}
