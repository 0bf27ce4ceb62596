import Foundation

/// An amount of money in fen (分), exact: never a floating-point number.
public struct Money: Hashable, Comparable, Sendable {
    public let fen: Int64
    public init(fen: Int64) { self.fen = fen }

    /// Parses yuan as written by people: `1234`, `1234.5`, `1,234.56`, `¥1234.56`. At most two decimals,
    /// not negative, at most one trillion yuan.
    public init(yuan text: String) throws {
        var s = text.trimmedBlanks
        let bad = JiannuoError.invalid("金额“\(Sanitize.visible(text))”无效：应为不小于 0、最多两位小数的元数，如 12500.50 或 12,500.50元",
                                       "amount \"\(Sanitize.visible(text))\" is invalid: yuan, not negative, at most two decimals")
        if s.hasPrefix("¥") || s.hasPrefix("￥") { s.removeFirst() }
        if s.hasSuffix("元") { s.removeLast() }
        // Commas only as a spreadsheet groups thousands (`1,234,567.50`): `12,34.5` is not read as anything.
        if s.contains(",") {
            let groups = (s.split(separator: ".", maxSplits: 1).first ?? "").split(separator: ",", omittingEmptySubsequences: false)
            guard let head = groups.first, (1...3).contains(head.count), groups.dropFirst().allSatisfy({ $0.count == 3 }) else { throw bad }
            s = s.replacingOccurrences(of: ",", with: "")
        }
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = parts.first, !whole.isEmpty, whole.count <= 13,
              whole.allSatisfy({ $0.isASCII && $0.isNumber }) else { throw bad }
        var frac = parts.count == 2 ? String(parts[1]) : ""
        guard frac.count <= 2, frac.allSatisfy({ $0.isASCII && $0.isNumber }), !(parts.count == 2 && frac.isEmpty) else { throw bad }
        while frac.count < 2 { frac += "0" }
        guard let w = Int64(whole), let f = Int64(frac) else { throw bad }
        fen = w * 100 + f
    }

    /// `12500.50`
    public var yuanString: String {
        String(format: "%lld.%02lld", fen / 100, fen % 100)
    }

    /// `235,624.00`: what people read (files and JSON keep `yuanString`).
    public var grouped: String {
        // Byte by byte: `alerts --json` words a province's thousands of debts twice each.
        let whole = Array(String(fen / 100).utf8), cents = Int(abs(fen % 100))
        var out: [UInt8] = []
        out.reserveCapacity(whole.count + whole.count / 3 + 3)
        for (i, b) in whole.enumerated() {
            if i > 0, (whole.count - i) % 3 == 0, out.last != UInt8(ascii: "-") { out.append(UInt8(ascii: ",")) }
            out.append(b)
        }
        out += [UInt8(ascii: "."), UInt8(48 + cents / 10), UInt8(48 + cents % 10)]
        return String(decoding: out, as: UTF8.self)
    }

    public static func < (a: Money, b: Money) -> Bool { a.fen < b.fen }
}

/// Stored and exchanged as an integer number of fen.
extension Money: Codable {
    public init(from decoder: Decoder) throws { fen = try decoder.singleValueContainer().decode(Int64.self) }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(fen)
    }
}
