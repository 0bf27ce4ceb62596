import Foundation
import ZIPFoundation

/// Writes a workbook of sheets, each with a header row that stays in view (frozen), widths that fit the
/// text, text cells as text (inline strings, never read as numbers), numbers as numbers, days and moments
/// as dates with `yyyy-mm-dd` and `yyyy-mm-dd hh:mm:ss` formats. The smallest package Excel, WPS,
/// LibreOffice and openpyxl all open.
public enum XLSXWriter {
    public struct Sheet: Sendable {
        public var name: String
        public var header: [String]
        public var rows: [[XLSXCell]]
        public init(name: String, header: [String], rows: [[XLSXCell]]) { self.name = name; self.header = header; self.rows = rows }
    }

    /// `width`: the columns a text takes on screen (the caller's wcwidth), for the columns' widths.
    public static func workbook(_ sheets: [Sheet], width: (String) -> Int) throws -> Data {
        let zip = try Archive(accessMode: .create)
        func add(_ path: String, _ text: String) throws {
            let data = Data(text.utf8)
            try zip.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        let names = uniqueNames(sheets.map(\.name))
        try add("[Content_Types].xml", contentTypes(sheets.count))
        try add("_rels/.rels", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
            </Relationships>
            """)
        try add("xl/workbook.xml", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
            <sheets>\(names.enumerated().map { "<sheet name=\"\(escape($1))\" sheetId=\"\($0 + 1)\" r:id=\"rId\($0 + 1)\"/>" }.joined())</sheets></workbook>
            """)
        try add("xl/_rels/workbook.xml.rels", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            \(sheets.indices.map { "<Relationship Id=\"rId\($0 + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet\($0 + 1).xml\"/>" }.joined())\
            <Relationship Id="rId\(sheets.count + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
            </Relationships>
            """)
        try add("xl/styles.xml", styles)
        for (i, s) in sheets.enumerated() { try add("xl/worksheets/sheet\(i + 1).xml", sheet(s, width: width)) }
        guard let data = zip.data else { throw XLSXReader.Failure(zh: "无法生成工作簿", en: "the workbook could not be made") }
        return data
    }

    /// Style indexes of `styles`: 1 the header, 2 a day, 3 a moment, 4 an amount (`0.00`).
    static let styles = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
        <numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/><numFmt numFmtId="165" formatCode="yyyy\\-mm\\-dd\\ hh:mm:ss"/></numFmts>\
        <fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>\
        <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
        <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
        <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
        <cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
        <xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>\
        <xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
        <xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
        <xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>\
        <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>
        """

    static func contentTypes(_ count: Int) -> String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
        <Default Extension="xml" ContentType="application/xml"/>\
        <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
        <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
        \((1...max(count, 1)).prefix(count).map { "<Override PartName=\"/xl/worksheets/sheet\($0).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>" }.joined())\
        </Types>
        """
    }

    static func sheet(_ s: Sheet, width: (String) -> Int) -> String {
        var widths = s.header.map(width)
        for r in s.rows { for (i, c) in r.enumerated() where i < widths.count { widths[i] = max(widths[i], cellWidth(c, width)) } }
        var x = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
            <sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>\
            <sheetFormatPr defaultRowHeight="15"/>
            """
        if !widths.isEmpty {
            x += "<cols>" + widths.enumerated().map { "<col min=\"\($0 + 1)\" max=\"\($0 + 1)\" width=\"\(min(60, max(8, $1 + 2)))\" customWidth=\"1\"/>" }.joined() + "</cols>"
        }
        x += "<sheetData>"
        x += row(1, s.header.map(XLSXCell.text), style: 1)
        for (i, r) in s.rows.enumerated() { x += row(i + 2, r, style: 0) }
        return x + "</sheetData></worksheet>"
    }

    static func row(_ n: Int, _ cells: [XLSXCell], style: Int) -> String {
        var x = "<row r=\"\(n)\">"
        for (i, c) in cells.enumerated() {
            let ref = "\(column(i))\(n)", s = style > 0 ? " s=\"\(style)\"" : ""
            switch c {
            case .empty: continue
            case .text(let t):
                guard !t.isEmpty else { continue }
                x += "<c r=\"\(ref)\" t=\"inlineStr\"\(s)><is><t xml:space=\"preserve\">\(escape(t))</t></is></c>"
            case .number(let v): x += "<c r=\"\(ref)\"\(s)><v>\(XLSXReader.plain(v))</v></c>"
            case .amount(let v): x += "<c r=\"\(ref)\" s=\"4\"><v>\(XLSXReader.plain(v))</v></c>"
            case .day(let y, let m, let d): x += "<c r=\"\(ref)\" s=\"2\"><v>\(XLSXCell.serial(year: y, month: m, day: d))</v></c>"
            case .time(let y, let m, let d, let h, let mi, let se):
                let v = Double(XLSXCell.serial(year: y, month: m, day: d)) + Double(h * 3600 + mi * 60 + se) / 86_400
                x += "<c r=\"\(ref)\" s=\"3\"><v>\(v)</v></c>"
            }
        }
        return x + "</row>"
    }

    /// 0 → `A`, 27 → `AB`.
    static func column(_ i: Int) -> String {
        var n = i + 1, out = ""
        while n > 0 { let r = (n - 1) % 26; out = String(UnicodeScalar(UInt8(65 + r))) + out; n = (n - 1) / 26 }
        return out
    }

    /// Text as XML: the five escapes, and characters XML 1.0 cannot hold dropped.
    static func escape(_ s: String) -> String {
        var out = ""
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default:
                let v = u.value
                if v == 0x9 || v == 0xA || v == 0xD || (v >= 0x20 && v <= 0xD7FF) || (v >= 0xE000 && v <= 0xFFFD) || v >= 0x10000 {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out
    }

    /// Sheet names as Excel takes them: at most 31 characters, none of `[]:*?/\`, each once.
    static func uniqueNames(_ names: [String]) -> [String] {
        var seen: Set<String> = [], out: [String] = []
        for (i, n) in names.enumerated() {
            var name = String(n.filter { !"[]:*?/\\".contains($0) }.prefix(31))
            if name.isEmpty { name = "Sheet\(i + 1)" }
            while seen.contains(name.lowercased()) { name = String(name.prefix(28)) + "_\(i + 1)" }
            seen.insert(name.lowercased())
            out.append(name)
        }
        return out
    }

    static func cellWidth(_ c: XLSXCell, _ width: (String) -> Int) -> Int {
        switch c {
        case .text(let t): width(t)
        case .number(let v): XLSXReader.plain(v).count
        case .amount(let v): String(format: "%.2f", v).count
        case .day: 10
        case .time: 19
        case .empty: 0
        }
    }

}
