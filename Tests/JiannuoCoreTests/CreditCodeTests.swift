import Testing
@testable import JiannuoCore

/// GB 32100-2015, computed here independently of the code under test.
enum GB32100 {
    static let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
    static let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
    static func check(_ first17: String) -> Character {
        var sum = 0
        for (i, c) in first17.enumerated() { sum += alphabet.firstIndex(of: c)! * weights[i] }
        return alphabet[(31 - sum % 31) % 31]
    }
    static func complete(_ first17: String) -> String { first17 + String(check(first17)) }
}

@Suite("统一社会信用代码")
struct CreditCodeTests {
    static let bodies = [
        "91410422MA00000A0", "12410422005012345", "9141042200000000X", "31410000MA4000001", "52410422MA9XYQRTU",
        "91110000000000000", "Y1410422HJKLMNPQR", "93410422MA47W3B1U",
    ]

    @Test("codes completed with the independently computed check character are valid", arguments: bodies)
    func valid(_ body: String) throws {
        let code = GB32100.complete(body)
        #expect(CreditCode.isValid(code))
        #expect(try CreditCode.validate(code) == code)
        #expect(try CreditCode.validate(code.lowercased()) == code)
    }

    @Test("published codes", arguments: ["91350100M000100Y43", "91110000100005220B", "914403001922038216"])
    func published(_ code: String) throws {
        // Our own computation confirms the published check character first.
        #expect(GB32100.check(String(code.prefix(17))) == code.last!)
        #expect(CreditCode.isValid(code))
        #expect(try CreditCode.validate(code) == code)
    }

    @Test("any other check character is refused", arguments: bodies)
    func wrongCheck(_ body: String) {
        let right = GB32100.check(body)
        for wrong in GB32100.alphabet where wrong != right {
            #expect(!CreditCode.isValid(body + String(wrong)), "\(body)\(wrong)")
        }
        let e = #expect(throws: JiannuoError.self) { try CreditCode.validate(body + String(right == "0" ? "1" : "0")) }
        #expect(e?.kind == .invalid)
        #expect(e?.text.zh.contains("校验位应为 \(right)") == true)
    }

    @Test("letters I, O, Z, S, V are not in the alphabet", arguments: ["I", "O", "Z", "S", "V"])
    func forbiddenLetters(_ letter: String) {
        // Put the letter in the body, and also try every check character after it.
        let body = "914104220000000" + letter + "0"
        for c in GB32100.alphabet { #expect(!CreditCode.isValid(body + String(c))) }
        let e = #expect(throws: JiannuoError.self) { try CreditCode.validate(body + "0") }
        #expect(e?.text.zh.contains("不允许的字符") == true)
        // As the check character itself.
        #expect(!CreditCode.isValid("91350100M000100Y4" + letter))
    }

    @Test("wrong lengths and shapes are refused", arguments: ["", "9", "91350100M000100Y4", "91350100M000100Y433", "91350100M000100Y43 ", "９1350100M000100Y43"])
    func wrongLength(_ code: String) {
        #expect(!CreditCode.isValid(code))
        let e = #expect(throws: JiannuoError.self) { try CreditCode.validate(code) }
        #expect(e?.kind == .invalid)
    }
}
