/// 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character alphabet,
/// the last one a check character computed with weights 3^i mod 31.
public enum CreditCode {
    static let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
    static let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

    public static func checkCharacter(of first17: String) -> Character? {
        let chars = Array(first17)
        guard chars.count == 17 else { return nil }
        var sum = 0
        for (i, c) in chars.enumerated() {
            guard let v = alphabet.firstIndex(of: c) else { return nil }
            sum += v * weights[i]
        }
        let check = (31 - sum % 31) % 31
        return alphabet[check]
    }

    public static func isValid(_ code: String) -> Bool {
        let chars = Array(code)
        guard chars.count == 18, let c = checkCharacter(of: String(chars[0..<17])) else { return false }
        return chars[17] == c
    }

    public static func validate(_ code: String) throws -> String {
        let upper = code.uppercased()
        guard isValid(upper) else {
            let shown = Sanitize.visible(code)
            let why: Text
            if upper.count != 18 {
                why = Text("应为 18 位，实为 \(upper.count) 位", "must be 18 characters, got \(upper.count)")
            } else if let bad = upper.first(where: { !alphabet.contains($0) }) {
                why = Text("含有不允许的字符“\(bad)”（不用 I、O、Z、S、V）", "contains the character '\(bad)', which is not allowed")
            } else {
                let expected = checkCharacter(of: String(upper.prefix(17))).map(String.init) ?? "?"
                why = Text("校验位应为 \(expected)", "the check character should be \(expected)")
            }
            throw JiannuoError.invalid("统一社会信用代码“\(shown)”无效：\(why.zh)", "credit code \"\(shown)\" is invalid: \(why.en)")
        }
        return upper
    }
}
