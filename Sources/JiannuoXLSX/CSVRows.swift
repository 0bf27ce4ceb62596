/// The rows of CSV text, read a byte at a time: comma-separated, fields taken as they are (no
/// trimming), a quoted field holding commas, line ends and doubled quotes, a row ended by LF, CR LF or
/// a lone CR, a blank line read as one empty field. It reads exactly as CSV.swift's `CSVReader` did
/// (a test holds the two to the same rows), quirks included: after a closing quote, a character other
/// than a comma, a quote or a line end is dropped and the quote kept. The commas, quotes and line ends
/// are ASCII, which no byte of a multi-byte UTF-8 character can be, so bytes stand for characters.
/// The library built each field a character at a time: a fifth of an import of 100,000 promises.
public struct CSVRows: IteratorProtocol {
    private let bytes: [UInt8]
    private var at = 0

    private static let comma = UInt8(ascii: ","), quote = UInt8(ascii: "\""), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")

    public init(_ text: String) { bytes = Array(text.utf8) }

    /// The next row, or nil at the end of the text.
    public mutating func next() -> [String]? {
        guard at < bytes.count else { return nil }
        var row: [String] = []
        while true {
            // A comma at the very end still ends a field: an empty one follows.
            guard at < bytes.count else { row.append(""); return row }
            let (field, ends) = bytes[at] == Self.quote ? quoted() : unquoted()
            row.append(field)
            if ends { return row }
        }
    }

    /// A field up to a comma (false) or a line end or the text's end (true), each consumed.
    private mutating func unquoted() -> (String, Bool) {
        let start = at
        while at < bytes.count {
            let b = bytes[at]
            if b == Self.comma || b == Self.cr || b == Self.lf {
                let field = text(start, at)
                at += 1
                if b == Self.comma { return (field, false) }
                if b == Self.cr, at < bytes.count, bytes[at] == Self.lf { at += 1 }
                return (field, true)
            }
            at += 1
        }
        return (text(start, at), true)
    }

    /// A field from its opening quote to the closing one and what follows it.
    private mutating func quoted() -> (String, Bool) {
        at += 1
        var field: [UInt8] = []
        var start = at
        while at < bytes.count {
            guard bytes[at] == Self.quote else { at += 1; continue }
            field += bytes[start..<at]
            at += 1
            guard at < bytes.count else { return (String(decoding: field, as: UTF8.self), true) }
            let next = bytes[at]
            switch next {
            case Self.comma:
                at += 1
                return (String(decoding: field, as: UTF8.self), false)
            case Self.cr, Self.lf:
                at += 1
                if next == Self.cr, at < bytes.count, bytes[at] == Self.lf { at += 1 }
                return (String(decoding: field, as: UTF8.self), true)
            case Self.quote:
                field.append(Self.quote)
                at += 1
            default:
                // The library kept the quote and dropped the character after it (a whole character).
                field.append(Self.quote)
                at = min(bytes.count, at + Self.length(ofCharacterAt: next))
            }
            start = at
        }
        // The text ended inside the quotes.
        field += bytes[start..<bytes.count]
        return (String(decoding: field, as: UTF8.self), true)
    }

    private func text(_ from: Int, _ to: Int) -> String { String(decoding: bytes[from..<to], as: UTF8.self) }

    /// How many bytes the UTF-8 character starting with `lead` takes.
    private static func length(ofCharacterAt lead: UInt8) -> Int {
        switch lead {
        case 0xF0...: 4
        case 0xE0...: 3
        case 0xC0...: 2
        default: 1
        }
    }
}
