import Foundation

/// The parts of a workbook read as a stream of elements and text, by a scanner of the XML that Office
/// Open XML writes: elements, attributes, the five named entities and character references, comments,
/// processing instructions and CDATA. A document type declaration is refused (no part of a workbook has
/// one, and its entities are how an XML file is made to explode or to read other files). In place of
/// Foundation's `XMLParser`, whose libxml2 and ICU every command loaded at start (1.9 ms) for the one
/// that reads a workbook.
struct XMLScanner {
    struct Failure: Error, Equatable {
        let line: Int
        let reason: String
    }

    /// A handler of the document's events, in order: an element's start (with its attributes, names as
    /// written, prefixes kept), text between tags (references resolved), an element's end.
    protocol Handler {
        mutating func start(_ name: String, _ attributes: [String: String])
        mutating func text(_ text: String)
        mutating func end(_ name: String)
    }

    private let bytes: [UInt8]
    private var at = 0
    private var line = 1

    private init(_ data: Data) {
        var b = [UInt8](data)
        if b.starts(with: [0xEF, 0xBB, 0xBF]) { b.removeFirst(3) }
        bytes = b
    }

    /// Reads the whole document into `handler`; throws where it is not well-formed XML.
    static func scan<H: Handler>(_ data: Data, into handler: inout H) throws {
        var s = XMLScanner(data)
        try s.document(&handler)
    }

    private func fail(_ reason: String) -> Failure { Failure(line: line, reason: reason) }

    private mutating func document<H: Handler>(_ h: inout H) throws {
        var open: [String] = []
        var rootSeen = false
        while at < bytes.count {
            if bytes[at] != UInt8(ascii: "<") {
                let text = try characters(until: UInt8(ascii: "<"))
                if open.isEmpty {
                    guard text.unicodeScalars.allSatisfy({ $0.isASCII && Self.isSpace(UInt8($0.value)) }) else {
                        throw fail("text outside the root element")
                    }
                } else {
                    h.text(text)
                }
                continue
            }
            if starts("<?") { try skip(past: "?>"); continue }
            if starts("<!--") { try skip(past: "-->"); continue }
            if starts("<![CDATA[") {
                guard !open.isEmpty else { throw fail("CDATA outside the root element") }
                at += 9
                let begin = at
                try skip(past: "]]>")
                h.text(lineEnds(String(decoding: bytes[begin..<(at - 3)], as: UTF8.self)))
                continue
            }
            if starts("<!") { throw fail("a document type declaration or other markup this reader does not take") }
            if starts("</") {
                at += 2
                let name = try self.name()
                whitespace()
                guard at < bytes.count, bytes[at] == UInt8(ascii: ">") else { throw fail("an end tag not closed") }
                at += 1
                guard open.last == name else { throw fail("</\(name)> does not close <\(open.last ?? "")>") }
                open.removeLast()
                h.end(name)
                continue
            }
            at += 1
            let name = try self.name()
            if open.isEmpty {
                guard !rootSeen else { throw fail("a second root element") }
                rootSeen = true
            }
            var attributes: [String: String] = [:]
            while true {
                let spaced = whitespace()
                guard at < bytes.count else { throw fail("a tag not closed") }
                if bytes[at] == UInt8(ascii: ">") { at += 1; open.append(name); h.start(name, attributes); break }
                if starts("/>") { at += 2; h.start(name, attributes); h.end(name); break }
                guard spaced else { throw fail("attributes of <\(name)> not separated") }
                let key = try self.name()
                whitespace()
                guard at < bytes.count, bytes[at] == UInt8(ascii: "=") else { throw fail("attribute \(key) without a value") }
                at += 1
                whitespace()
                guard at < bytes.count, bytes[at] == UInt8(ascii: "\"") || bytes[at] == UInt8(ascii: "'") else {
                    throw fail("attribute \(key) not quoted")
                }
                let quote = bytes[at]
                at += 1
                guard attributes[key] == nil else { throw fail("attribute \(key) given twice") }
                attributes[key] = try characters(until: quote, attribute: true)
                at += 1
            }
        }
        guard open.isEmpty else { throw fail("<\(open.last ?? "")> not closed") }
        guard rootSeen else { throw fail("no element") }
    }

    private func starts(_ s: StaticString) -> Bool {
        let n = s.utf8CodeUnitCount
        guard at + n <= bytes.count else { return false }
        return s.withUTF8Buffer { p in (0..<n).allSatisfy { bytes[at + $0] == p[$0] } }
    }

    private mutating func skip(past end: StaticString) throws {
        while at < bytes.count {
            if starts(end) { at += end.utf8CodeUnitCount; return }
            if bytes[at] == 0x0A { line += 1 }
            at += 1
        }
        throw fail("\(end) missing")
    }

    @discardableResult
    private mutating func whitespace() -> Bool {
        let begin = at
        while at < bytes.count, Self.isSpace(bytes[at]) {
            if bytes[at] == 0x0A { line += 1 }
            at += 1
        }
        return at > begin
    }

    /// A name: anything up to whitespace, `=`, `/`, `>` (what a name may hold beyond that, the parts never use).
    private mutating func name() throws -> String {
        let begin = at
        while at < bytes.count, !Self.isSpace(bytes[at]), !Self.endsName(bytes[at]) { at += 1 }
        guard at > begin else { throw fail("a name missing") }
        return String(decoding: bytes[begin..<at], as: UTF8.self)
    }

    /// Text up to `end` (not taken), its references resolved: line ends as one `\n` in text, and white space
    /// as one space each in an attribute's value, as XML reads them.
    private mutating func characters(until end: UInt8, attribute: Bool = false) throws -> String {
        // Most text has nothing to resolve: taken whole.
        var plain = at
        while plain < bytes.count, bytes[plain] != end, bytes[plain] != UInt8(ascii: "&"), bytes[plain] != 0x0D,
              bytes[plain] != 0x0A, bytes[plain] != 0x09, bytes[plain] != UInt8(ascii: "<") { plain += 1 }
        if plain < bytes.count, bytes[plain] == end {
            defer { at = plain }
            return String(decoding: bytes[at..<plain], as: UTF8.self)
        }
        var out: [UInt8] = []
        while at < bytes.count, bytes[at] != end {
            let b = bytes[at]
            if attribute && b == UInt8(ascii: "<") { throw fail("< in an attribute's value") }
            if b == UInt8(ascii: "&") {
                out += try reference()
                continue
            }
            if b == 0x0A { line += 1 }
            if b == 0x0D {
                // \r\n and a lone \r are one line end.
                at += 1
                if at < bytes.count, bytes[at] == 0x0A { at += 1; line += 1 }
                out.append(attribute ? 0x20 : 0x0A)
                continue
            }
            out.append(attribute && (b == 0x0A || b == 0x09) ? 0x20 : b)
            at += 1
        }
        guard at < bytes.count || !attribute else { throw fail("an attribute's value not closed") }
        return String(decoding: out, as: UTF8.self)
    }

    private mutating func reference() throws -> [UInt8] {
        at += 1
        let begin = at
        while at < bytes.count, bytes[at] != UInt8(ascii: ";") {
            guard at - begin < 12 else { throw fail("& not followed by a reference") }
            at += 1
        }
        guard at < bytes.count else { throw fail("& not followed by a reference") }
        let name = String(decoding: bytes[begin..<at], as: UTF8.self)
        at += 1
        switch name {
        case "lt": return [UInt8(ascii: "<")]
        case "gt": return [UInt8(ascii: ">")]
        case "amp": return [UInt8(ascii: "&")]
        case "quot": return [UInt8(ascii: "\"")]
        case "apos": return [UInt8(ascii: "'")]
        default:
            let code: UInt32?
            if name.hasPrefix("#x") { code = UInt32(name.dropFirst(2), radix: 16) }
            else if name.hasPrefix("#") { code = UInt32(name.dropFirst(1), radix: 10) }
            else { throw fail("unknown entity &\(name);") }
            guard let code, let scalar = Unicode.Scalar(code), code != 0 else { throw fail("&\(name); is not a character") }
            return Array(String(Character(scalar)).utf8)
        }
    }

    private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

    private static func endsName(_ b: UInt8) -> Bool {
        b == UInt8(ascii: "=") || b == UInt8(ascii: "/") || b == UInt8(ascii: ">") || b == UInt8(ascii: "<")
            || b == UInt8(ascii: "\"") || b == UInt8(ascii: "'")
    }

    private func lineEnds(_ s: String) -> String {
        s.contains("\r") ? s.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n") : s
    }
}
