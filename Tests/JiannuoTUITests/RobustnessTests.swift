import Testing
@testable import JiannuoTUI

/// Drawing on tiny or odd-sized screens must clip, never crash or write outside the grid.
@Suite struct RobustnessTests {
    init() { Width.ensureLocale() }

    @Test func everyWidgetOnTinyScreens() {
        let table = Table(columns: [TableColumn("单位", flexible: true), TableColumn("天数", alignment: .right)],
                          rows: [TableRow(["市场监管局", "12"]), TableRow(["水务", "3"])], selected: 1)
        var drawn = 0
        for w in 0...7 {
            for h in 0...4 {
                var g = Grid(width: w, height: h)
                let inner = g.box(g.bounds, title: "承诺事项")
                table.draw(into: &g, rect: inner)
                Bar.draw(into: &g, x: 0, y: 0, width: w, fraction: 0.5)
                Footer.draw(into: &g, rect: g.bounds.splitBottom(1).1, hints: [KeyHint(keys: "q", label: "退出")])
                Dialog(title: "确认", body: ["删除？"]).draw(into: &g)
                g.put("叶叶叶叶", x: w - 1, y: h - 1)
                g.put("x", x: -1, y: 0)
                #expect(g.lines().count == h)
                for line in g.lines(trimTrailing: false) { #expect(Width.of(line) == w, "\(w)×\(h)") }
                drawn += 1
            }
        }
        #expect(drawn == 40)
    }

    @Test func continuationInvariantHoldsAfterRandomWrites() {
        var rng = SystemRandomNumberGenerator()
        let pieces = ["叶", "ab", "中文", "x", "😀", "e\u{301}", "\u{1B}", " "]
        var g = Grid(width: 9, height: 2)
        for _ in 0..<2000 {
            g.put(pieces.randomElement(using: &rng)!, x: Int.random(in: -1...9, using: &rng), y: Int.random(in: 0...1, using: &rng))
            for y in 0..<2 {
                for x in 0..<9 {
                    if g[x, y].isContinuation { #expect(x > 0 && g[x - 1, y].width == 2) }
                    if g[x, y].width == 2 { #expect(x + 1 < 9 && g[x + 1, y].isContinuation) }
                }
            }
        }
    }
}
