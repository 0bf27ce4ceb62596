import Foundation

/// Personal data of complainants: contacts and identity numbers. Masked in every output unless a
/// role that may reveal asks for it (and the reveal is audited).
public enum Privacy {
    /// 13812345678 → 138****5678.
    public static func mask(_ contact: String) -> String {
        let chars = Array(contact)
        if chars.count >= 7 {
            return String(chars.prefix(3)) + "****" + String(chars.suffix(4))
        }
        if chars.count <= 1 { return "*" }
        return String(chars.prefix(1)) + String(repeating: "*", count: chars.count - 1)
    }

    static let mobile = try! NSRegularExpression(pattern: "(?<![0-9])(1[3-9][0-9])[0-9]{4}([0-9]{4})(?![0-9])")
    static let idCard = try! NSRegularExpression(pattern: "(?<![0-9A-Za-z])([1-9][0-9]{5})[0-9]{8}([0-9]{3}[0-9Xx])(?![0-9A-Za-z])")
    static let contactField = try! NSRegularExpression(pattern: "\"contact\":\"((?:[^\"\\\\]|\\\\.)*)\"")

    /// Mobile numbers and 18-digit identity numbers found in free text, masked.
    public static func maskNumbers(_ text: String) -> String {
        var s = text
        for (re, template) in [(idCard, "$1********$2"), (mobile, "$1****$2")] {
            s = re.stringByReplacingMatches(in: s, range: NSRange(s.startIndex..., in: s), withTemplate: template)
        }
        return s
    }

    /// A record's JSON (an audit row's before/after) with its contact masked and numbers in text masked.
    public static func maskJSON(_ json: String) -> String {
        var out = ""
        var last = json.startIndex
        for m in contactField.matches(in: json, range: NSRange(json.startIndex..., in: json)) {
            guard let whole = Range(m.range, in: json), let value = Range(m.range(at: 1), in: json) else { continue }
            out += json[last..<whole.lowerBound] + "\"contact\":\"" + mask(String(json[value])) + "\""
            last = whole.upperBound
        }
        out += json[last...]
        return maskNumbers(out)
    }
}

extension Complaint {
    /// The complaint as anyone may see it: the contact masked.
    public var masked: Complaint {
        var c = self
        c.contact = c.contact.map(Privacy.mask)
        return c
    }
}

/// Spreadsheet cells that Excel or WPS would run as a formula (`=`, `+`, `-`, `@`, tab, CR: OWASP's
/// list) are written with a leading apostrophe, which they show as text; a leading apostrophe is
/// doubled the same way, so that import can take exactly one off and a round trip stays identical.
public enum SpreadsheetCell {
    /// = + - @ TAB CR ': all ASCII, so the first byte decides (an export writes millions of cells).
    static func risky(_ byte: UInt8) -> Bool {
        byte == 0x3D || byte == 0x2B || byte == 0x2D || byte == 0x40 || byte == 0x09 || byte == 0x0D || byte == 0x27
    }

    public static func defused(_ s: String) -> String {
        guard let first = s.utf8.first, risky(first) else { return s }
        return "'" + s
    }

    public static func restored(_ s: String) -> String {
        var bytes = s.utf8.makeIterator()
        guard bytes.next() == 0x27, let second = bytes.next(), risky(second) else { return s }
        return String(s.dropFirst())
    }
}
