import Foundation
import JiannuoTestSupport
import Testing
@testable import JiannuoCore

@Suite("Validate and Sanitize")
struct ValidateTests {
    let field = Field("投诉内容", "content")

    @Test("empty and whitespace-only text is refused", arguments: ["", " ", "   ", "\n", "\t \n", "\u{3000}"])
    func empty(_ text: String) {
        let e = #expect(throws: JiannuoError.self) { try Validate.text(text, field, max: 10, multiline: true) }
        #expect(e?.kind == .invalid)
        #expect(e?.text.zh == "投诉内容不能为空")
    }

    @Test("length counts characters, not bytes")
    func length() throws {
        let ten = String(repeating: "诺", count: 10)
        #expect(try Validate.text(ten, field, max: 10) == ten)
        let e = #expect(throws: JiannuoError.self) { try Validate.text(ten + "诺", field, max: 10) }
        #expect(e?.text.zh.contains("过长：11 个字符，最多 10 个") == true)
        #expect(throws: JiannuoError.self) { try Validate.text(String(repeating: "a", count: 2001), field, max: 2000) }
    }

    @Test("text is returned trimmed")
    func trimmed() throws {
        #expect(try Validate.text("  叶县 任店镇 \n", field, max: 20) == "叶县 任店镇")
    }

    @Test("control, escape, DEL, C1 and bidi characters are refused even in multi-line text", arguments: [
        "\u{1B}[31m红色", "a\u{07}b", "a\u{00}b", "a\u{7F}b", "a\u{85}b", "a\u{9B}31m", "a\u{202E}b", "a\u{202A}b",
        "a\u{2066}b", "a\u{2069}b", "a\u{2028}b", "a\u{2029}b", "a\u{0D}b", "a\u{08}b", "a\u{FFF9}b",
    ])
    func controls(_ text: String) {
        for multiline in [false, true] {
            let e = #expect(throws: JiannuoError.self) { try Validate.text(text, field, max: 100, multiline: multiline) }
            #expect(e?.kind == .invalid)
            #expect(e?.text.zh.contains("控制字符") == true)
        }
    }

    @Test("newline and tab are allowed only in multi-line fields", arguments: ["第一行\n第二行", "甲\t乙"])
    func newlines(_ text: String) throws {
        #expect(try Validate.text(text, field, max: 100, multiline: true) == text)
        #expect(throws: JiannuoError.self) { try Validate.text(text, field, max: 100, multiline: false) }
    }

    @Test("ordinary Chinese, emoji and punctuation pass")
    func ordinary() throws {
        let s = "企业反映：奖补资金 50 万元未到位！（2026 年）😀"
        #expect(try Validate.text(s, field, max: 100) == s)
    }

    @Test("optional text: nil stays nil, present text is checked")
    func optional() throws {
        #expect(try Validate.optionalText(nil, field, max: 5) == nil)
        #expect(throws: JiannuoError.self) { try Validate.optionalText("  ", field, max: 5) }
    }

    @Test("department codes", arguments: [("410422101", true), ("FGW", true), ("fgw2", true), ("", false), ("FG W", false),
                                          ("任店镇", false), ("410-422", false), (String(repeating: "A", count: 20), true),
                                          (String(repeating: "A", count: 21), false), ("FGW\u{1B}", false)])
    func departmentCodes(_ code: String, _ ok: Bool) {
        if ok {
            #expect((try? Validate.departmentCode(code)) == code)
        } else {
            #expect(throws: JiannuoError.self) { try Validate.departmentCode(code) }
        }
    }

    @Test("categories 1 to 6 only", arguments: -1...8)
    func categories(_ n: Int) {
        if (1...6).contains(n) {
            #expect((try? Validate.category(n)) == n)
        } else {
            #expect(throws: JiannuoError.self) { try Validate.category(n) }
        }
    }

    @Test("Validate.day names the field and shows the input safely")
    func validateDay() throws {
        #expect(try Validate.day("2024-02-29", Field("日期", "date")) == d("2024-02-29"))
        let e = #expect(throws: JiannuoError.self) { try Validate.day("2026-02-30\u{1B}", Field("兑现时限", "deadline")) }
        #expect(e?.text.zh.hasPrefix("兑现时限“2026-02-30␛”") == true)
    }

    @Test("Sanitize.visible makes control characters visible", arguments: [
        ("\u{1B}[31m红\u{1B}[0m", false, "␛[31m红␛[0m"), ("a\rb", false, "a␍b"), ("a\u{7F}", false, "a␡"),
        ("a\u{00}b", false, "a␀b"), ("x\u{202E}y", false, "x<U+202E>y"), ("x\u{9B}y", false, "x<U+009B>y"),
        ("a\nb\tc", false, "a␊b␉c"), ("a\nb\tc", true, "a\nb\tc"), ("普通文字 123", false, "普通文字 123"),
        ("\u{2066}", true, "<U+2066>"),
    ])
    func sanitize(_ input: String, _ keep: Bool, _ expected: String) {
        #expect(Sanitize.visible(input, keepNewlines: keep) == expected)
    }

    @Test("sanitized text never contains a control character")
    func sanitizeTotal() {
        var all = String.UnicodeScalarView()
        for v in 0..<0xA0 { all.append(Unicode.Scalar(UInt8(v))) }
        let out = Sanitize.visible(String(all))
        #expect(!out.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
    }

    @Test("the quick look at the bytes finds exactly the characters visible() changes, alone or amid Chinese text")
    func controlsFoundByTheirBytes() {
        // What `visible` replaces, spelled out here rather than asked of the code under test.
        func shown(_ v: UInt32, keep: Bool, c0: Bool = true) -> Bool {
            switch v {
            case 0x0A, 0x09: return c0 && !keep
            case 0x00..<0x20: return c0
            case 0x7F...0x9F, 0x2028...0x202E, 0x2066...0x2069, 0xFFF9...0xFFFB: return true
            default: return false
            }
        }
        // Every scalar of the ranges where controls live, and their neighbours with the same lead bytes (“ ” … — ￼).
        let scalars = (0..<0x3000).compactMap(Unicode.Scalar.init) + (0xFFF0...0xFFFD).compactMap(Unicode.Scalar.init)
        for s in scalars {
            let text = "承诺“\(Character(s))”兑现"
            for keep in [false, true] {
                #expect(Sanitize.holdsControls(text, keepNewlines: keep) == shown(s.value, keep: keep), "U+\(String(s.value, radix: 16)) keep=\(keep)")
            }
            #expect(Sanitize.holdsControls(text, keepNewlines: true, c0: false) == shown(s.value, keep: true, c0: false), "json U+\(String(s.value, radix: 16))")
            // And the replacement is as before: a shown character changes the text, any other leaves it.
            #expect((Sanitize.visible(text) != text) == shown(s.value, keep: false), "U+\(String(s.value, radix: 16))")
        }
    }

    @Test("privacy mask")
    func mask() {
        #expect(Privacy.mask("13812345678") == "138****5678")
        #expect(Privacy.mask("张三") == "张*")
        #expect(Privacy.mask("") == "*")
    }

    @Test("JSON for a terminal escapes what could drive it and reads back as the same JSON")
    func jsonForTerminal() throws {
        let raw = "{\"a\":\"x\u{202E}y\u{85}z\u{2028}w\u{7F}\",\"b\":\"许昌\"}"
        let safe = Sanitize.jsonForTerminal(raw)
        #expect(safe == "{\"a\":\"x\\u202Ey\\u0085z\\u2028w\\u007F\",\"b\":\"许昌\"}", "\(safe)")
        #expect(!safe.unicodeScalars.contains { (0x80...0x9F).contains($0.value) || $0.value == 0x202E || $0.value == 0x2028 })
        let back = try #require(try JSONSerialization.jsonObject(with: Data(safe.utf8)) as? [String: String])
        let original = try #require(try JSONSerialization.jsonObject(with: Data(raw.utf8)) as? [String: String])
        #expect(back == original)
    }
}
