import Testing
@testable import JiannuoTUI

@Suite struct WidthTests {
    init() { #expect(Width.ensureLocale()) }

    @Test func asciiHanEmojiCombining() {
        #expect(Width.of("a" as Character) == 1)
        #expect(Width.of("叶" as Character) == 2)
        #expect(Width.of("😀" as Character) == 2)
        #expect(Width.of("e\u{301}" as Character) == 1)        // e + combining acute
        #expect(Width.of("\u{301}" as Unicode.Scalar) == 0)
        #expect(Width.of("\u{1B}" as Unicode.Scalar) == -1)
        #expect(Width.of("abc") == 3)
        #expect(Width.of("市场监管局") == 10)
        #expect(Width.of("A叶b") == 4)
        #expect(Width.of("（）") == 4)                          // full-width punctuation
    }

    @Test func controlsMeasureAsTheirPlaceholders() {
        #expect(Width.of("a\u{1B}[31m") == 6)                   // a ␛ [ 3 1 m
        #expect(Width.of("\u{202E}") == 8)                      // <U+202E>
    }

    @Test func truncationNeverSplitsWideCharacters() {
        let samples = ["市场监管局2024年第3季度", "ab叶c😀d", "叶叶叶", "plain ascii text", "e\u{301}叶e\u{301}"]
        for text in samples {
            let full = Width.of(text)
            for columns in 0...(full + 2) {
                let cut = Width.truncate(text, to: columns)
                let w = Width.of(cut)
                #expect(w == min(columns, full), "\(text) at \(columns): \(cut)")
                if columns > 0 && columns < full {
                    #expect(cut.contains("…"), "\(text) at \(columns) should show it was cut")
                }
                // Every character of the cut (bar the ellipsis and padding) is a whole character of the original.
                #expect(cut.allSatisfy { $0 == "…" || $0 == " " || text.contains($0) }, "\(text) at \(columns): \(cut)")
            }
        }
    }

    @Test func truncateStraddlingWideCharacterPadsWithSpace() {
        #expect(Width.truncate("叶叶叶", to: 4) == "叶… ")   // 叶 (2) + … (1) + space: a second 叶 would straddle
        #expect(Width.truncate("叶叶叶", to: 1) == "…")
        #expect(Width.truncate("叶叶叶", to: 6) == "叶叶叶")
        #expect(Width.truncate("abc", to: 2, ellipsis: "") == "ab")
    }

    @Test func padFitAndAlignment() {
        #expect(Width.pad("叶", to: 4) == "叶  ")
        #expect(Width.pad("叶", to: 4, alignment: .right) == "  叶")
        #expect(Width.pad("叶", to: 5, alignment: .center) == " 叶  ")
        #expect(Width.fit("市场监管局", to: 6) == "市场… ")
        #expect(Width.right("12", 5) == "   12")
        #expect(Width.of(Width.left("综合行政执法局", 9)) == 9)
    }

    @Test func sanitiseTurnsControlsIntoPlaceholders() {
        #expect(ScreenText.clean("a\u{1B}[2Jb") == "a␛[2Jb")
        #expect(ScreenText.clean("line1\nline2") == "line1␊line2")
        #expect(ScreenText.clean("x\u{202E}y") == "x<U+202E>y")
        #expect(ScreenText.clean("普通文本") == "普通文本")
    }
}

@Suite struct WrapTimeTests {
    init() { #expect(Width.ensureLocale()) }

    @Test func aTimeIsNeverSplitAcrossLines() {
        let text = "受理：2026-11-30 01:42 办结：2026-12-01 09:15 反馈：2026-12-02 10:00"
        for width in 10...40 {
            let lines = Wrap.lines(text, width: width)
            for l in lines { #expect(Width.of(l) <= width, "\(width): \(l)") }
            for (a, b) in zip(lines, lines.dropFirst()) {
                let splitTime = a.range(of: #"\d{4}-\d{2}-\d{2}$"#, options: .regularExpression) != nil
                    && b.range(of: #"^\d{2}:\d{2}"#, options: .regularExpression) != nil
                #expect(!splitTime, "a time split at width \(width): \(a) | \(b)")
            }
        }
        // Other spaces still break: Latin words wrap whole.
        #expect(Wrap.lines("alpha beta gamma", width: 11) == ["alpha beta", "gamma"])
    }

    /// The scalar-by-scalar fast path gives exactly what the grapheme path gives, or stands aside.
    @Test func theFastPathAgreesWithGraphemes() {
        let samples = ["王小明", "路灯不亮，已经两周。", "┌ ▶ 1 承诺事项 (1/1109) ──┐", "█▌ 85%", "↑3 ↓2 —", "逾期 20 天…", "（全角）ＡＢ",
                       "e\u{301}", "👍🏽", "🇨🇳", "a\u{200D}b", "x\u{FE0F}", "\u{202E}abc", "tab\there", "ᄀ\u{1161}", "·《》「」、", "Ω≈°±"]
        var fast = 0
        for text in samples {
            let slow = ScreenText.clean(text).reduce(0) { $0 + max(Width.of($1), 0) }
            if let w = Width.plainWidth(text) {
                fast += 1
                #expect(w == slow, "\(text): fast \(w), graphemes \(slow)")
                #expect(ScreenText.clean(text) == text)
            }
            #expect(Width.of(text) == slow, "\(text)")
        }
        #expect(fast >= 9, "the fast path took only \(fast) of the samples")
        for joined in ["e\u{301}", "👍🏽", "a\u{200D}b", "x\u{FE0F}", "\u{202E}abc", "tab\there"] {
            #expect(Width.plainWidth(joined) == nil, "\(joined) must take the grapheme path")
        }
    }
}
