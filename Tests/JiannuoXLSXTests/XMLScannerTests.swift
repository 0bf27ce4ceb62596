import Foundation
import Testing
@testable import JiannuoXLSX

/// The scanner the workbook reader reads its parts with: what Office Open XML writes, resolved as XML reads
/// it, and what it must not take refused with the line.
@Suite("XML scanner of workbook parts") struct XMLScannerTests {
    struct Events: XMLScanner.Handler {
        var log: [String] = []
        mutating func start(_ name: String, _ attributes: [String: String]) {
            log.append("<\(name)" + attributes.sorted { $0.key < $1.key }.map { " \($0.key)=\($0.value)" }.joined() + ">")
        }
        mutating func text(_ text: String) { log.append(text) }
        mutating func end(_ name: String) { log.append("</\(name)>") }
    }

    func events(_ xml: String) throws -> [String] {
        var e = Events()
        try XMLScanner.scan(Data(xml.utf8), into: &e)
        return e.log
    }

    func failure(_ xml: String) -> XMLScanner.Failure? {
        var e = Events()
        do { try XMLScanner.scan(Data(xml.utf8), into: &e); return nil } catch let f as XMLScanner.Failure { return f } catch { return nil }
    }

    @Test("elements, attributes in either quote, self-closing tags, prefixes kept; the declaration, comments and instructions skipped")
    func structure() throws {
        let xml = "\u{FEFF}<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<!-- x -->"
            + "<x:sheet r:id='rId1' name=\"承诺\"><?pi a?><row r=\"1\"><c r=\"A1\" t=\"s\"/><v>12</v></row></x:sheet>\n"
        #expect(try events(xml) == ["<x:sheet name=承诺 r:id=rId1>", "<row r=1>", "<c r=A1 t=s>", "</c>", "<v>", "12", "</v>", "</row>", "</x:sheet>"])
    }

    @Test("the named entities, character references, CDATA; line ends as one \\n in text, white space as spaces in attributes")
    func references() throws {
        let xml = "<t a=\"1&amp;2&#10;x\ty\">&lt;&gt;&amp;&quot;&apos; &#x4E2D;&#25991; a\r\nb\rc<![CDATA[<&>]]></t>"
        #expect(try events(xml) == ["<t a=1&2\nx y>", "<>&\"' 中文 a\nb\nc", "<&>", "</t>"])
    }

    @Test("not well-formed, or a document type (entity expansion), is refused with its line")
    func refusals() throws {
        #expect(failure("<a>\n<b></a>")?.line == 2)
        #expect(failure("<!DOCTYPE a [<!ENTITY x \"y\">]><a>&x;</a>") != nil)
        #expect(failure("<a>&x;</a>")?.reason.contains("&x;") == true)
        #expect(failure("<a>&#0;</a>") != nil)
        #expect(failure("<a b=\"1\" b=\"2\"/>") != nil)
        #expect(failure("<a b=1/>") != nil)
        #expect(failure("<a>") != nil)
        #expect(failure("<a/><b/>") != nil)
        #expect(failure("text<a/>") != nil)
        #expect(failure("") != nil)
        #expect(failure("<a><![CDATA[x</a>") != nil)
    }
}
