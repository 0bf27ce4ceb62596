import Foundation
import ZIPFoundation

/// Reads one sheet of an .xlsx workbook (Office Open XML, as Excel, WPS, LibreOffice and openpyxl write it)
/// into rows of text, as a CSV of the same sheet would read: shared and inline strings as they are, numbers
/// in their shortest form, cells with a date format as `2026-11-05` or `2026-11-05 09:05:00` (both date
/// systems), booleans as `TRUE`/`FALSE`. Nothing is guessed: a cell is a date only if its format says so;
/// a formula (whose value depends on the program that last computed it) or a merged header is refused.
public enum XLSXReader {
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public let zh: String
        public let en: String
        public var description: String { en }
    }

    /// The rows of the sheet named `sheet` (default the first), each padded to the widest row.
    public static func rows(_ data: Data, sheet: String? = nil) throws -> [[String]] {
        let zip: Archive
        do { zip = try Archive(data: data, accessMode: .read) } catch {
            throw Failure(zh: "不是有效的 .xlsx 文件（无法按 ZIP 读取）", en: "not a valid .xlsx file (not a ZIP archive)")
        }
        func part(_ path: String) throws -> Data? {
            guard let entry = zip[path] else { return nil }
            var out = Data()
            _ = try zip.extract(entry, skipCRC32: false) { out.append($0) }
            return out
        }
        guard let workbookXML = try part("xl/workbook.xml") else {
            throw Failure(zh: "不是 Excel 工作簿（缺少 xl/workbook.xml）", en: "not an Excel workbook (no xl/workbook.xml)")
        }
        let book = try WorkbookParser.parse(workbookXML)
        let rels = try part("xl/_rels/workbook.xml.rels").map(RelationshipParser.parse) ?? [:]
        guard !book.sheets.isEmpty else { throw Failure(zh: "工作簿中没有工作表", en: "the workbook has no sheet") }
        let chosen: (name: String, rel: String)
        if let sheet {
            guard let s = book.sheets.first(where: { $0.name == sheet }) else {
                throw Failure(zh: "工作簿中没有名为“\(sheet)”的工作表，可选：\(book.sheets.map(\.name).joined(separator: "、"))",
                              en: "the workbook has no sheet \(sheet); it has \(book.sheets.map(\.name).joined(separator: ", "))")
            }
            chosen = s
        } else {
            chosen = book.sheets[0]
        }
        guard let target = rels[chosen.rel] else { throw Failure(zh: "找不到工作表“\(chosen.name)”的内容", en: "sheet \(chosen.name) has no part") }
        let path = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
        guard let sheetXML = try part(path) else { throw Failure(zh: "找不到工作表“\(chosen.name)”的内容", en: "sheet \(chosen.name) has no part") }
        let strings = try part("xl/sharedStrings.xml").map(SharedStringsParser.parse) ?? []
        let dates = try part("xl/styles.xml").map(StylesParser.parse) ?? []
        return try SheetParser.parse(sheetXML, strings: strings, dateStyles: dates, date1904: book.date1904)
    }

    /// The sheets' names, in the workbook's order.
    public static func sheetNames(_ data: Data) throws -> [String] {
        let zip = try Archive(data: data, accessMode: .read)
        guard let entry = zip["xl/workbook.xml"] else { return [] }
        var out = Data()
        _ = try zip.extract(entry) { out.append($0) }
        return try WorkbookParser.parse(out).sheets.map(\.name)
    }

    /// A number as the cell shows it without a format: `12`, `1234.5`.
    static func plain(_ v: Double) -> String {
        if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
        return String(v)
    }

    /// A serial date (with its time as the fraction) in the program's forms.
    static func date(_ v: Double, date1904: Bool) -> String {
        let whole = Int(v.rounded(.down))
        var seconds = Int(((v - Double(whole)) * 86_400).rounded())
        var day = whole + (date1904 ? 1462 : 0)
        if seconds >= 86_400 { day += 1; seconds -= 86_400 }
        let c = XLSXCell.civil(day)
        let d = String(format: "%04d-%02d-%02d", c.year, c.month, c.day)
        guard seconds > 0 else { return d }
        return d + String(format: " %02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
    }
}

/// `xl/workbook.xml`: the sheets and the date system.
struct WorkbookParser: XMLScanner.Handler {
    var sheets: [(name: String, rel: String)] = []
    var date1904 = false

    static func parse(_ data: Data) throws -> WorkbookParser {
        var p = WorkbookParser()
        try scan(data, into: &p, part: "workbook.xml")
        return p
    }

    mutating func start(_ name: String, _ attributes: [String: String]) {
        switch local(name) {
        case "sheet":
            let rel = attributes.first { local($0.key) == "id" && $0.key != "sheetId" }?.value ?? ""
            sheets.append((attributes["name"] ?? "", rel))
        case "workbookPr": date1904 = ["1", "true"].contains(attributes["date1904"] ?? "")
        default: break
        }
    }
    func text(_ text: String) {}
    func end(_ name: String) {}
}

/// `xl/_rels/workbook.xml.rels`: relationship id → part.
struct RelationshipParser: XMLScanner.Handler {
    var targets: [String: String] = [:]
    static func parse(_ data: Data) throws -> [String: String] {
        var p = RelationshipParser()
        try scan(data, into: &p, part: "workbook.xml.rels")
        return p.targets
    }
    mutating func start(_ name: String, _ attributes: [String: String]) {
        if local(name) == "Relationship", let id = attributes["Id"], let t = attributes["Target"] { targets[id] = t }
    }
    func text(_ text: String) {}
    func end(_ name: String) {}
}

/// `xl/sharedStrings.xml`: each `<si>`'s text, its runs joined; phonetic runs (`<rPh>`) left out.
struct SharedStringsParser: XMLScanner.Handler {
    var strings: [String] = []
    private var current = "", inText = false, inPhonetic = false
    static func parse(_ data: Data) throws -> [String] {
        var p = SharedStringsParser()
        try scan(data, into: &p, part: "sharedStrings.xml")
        return p.strings
    }
    mutating func start(_ name: String, _ attributes: [String: String]) {
        switch local(name) {
        case "si": current = ""
        case "rPh": inPhonetic = true
        case "t": inText = !inPhonetic
        default: break
        }
    }
    mutating func text(_ text: String) { if inText { current += text } }
    mutating func end(_ name: String) {
        switch local(name) {
        case "si": strings.append(current)
        case "rPh": inPhonetic = false
        case "t": inText = false
        default: break
        }
    }
}

/// `xl/styles.xml`: for each cell style (`cellXfs`), whether its number format is a date or time.
struct StylesParser: XMLScanner.Handler {
    private var formats: [Int: String] = [:]
    private var styles: [Int] = []
    private var inCellXfs = false
    static func parse(_ data: Data) throws -> [Bool] {
        var p = StylesParser()
        try scan(data, into: &p, part: "styles.xml")
        return p.styles.map { p.isDate($0) }
    }
    mutating func start(_ name: String, _ attributes: [String: String]) {
        switch local(name) {
        case "numFmt": if let id = attributes["numFmtId"].flatMap(Int.init) { formats[id] = attributes["formatCode"] ?? "" }
        case "cellXfs": inCellXfs = true
        case "xf": if inCellXfs { styles.append(attributes["numFmtId"].flatMap(Int.init) ?? 0) }
        default: break
        }
    }
    func text(_ text: String) {}
    mutating func end(_ name: String) {
        if local(name) == "cellXfs" { inCellXfs = false }
    }
    /// The built-in date and time formats (ECMA-376 18.8.30, and the CJK ones Excel and WPS use), or a
    /// custom format with a day, month, year or hour outside quotes and brackets.
    func isDate(_ id: Int) -> Bool {
        if (14...22).contains(id) || (45...47).contains(id) || (27...36).contains(id) || (50...58).contains(id) { return true }
        guard let code = formats[id] else { return false }
        var plain = "", quoted = false, bracket = false
        for c in code {
            if c == "\"" { quoted.toggle(); continue }
            if c == "[" { bracket = true; continue }
            if c == "]" { bracket = false; continue }
            if !quoted && !bracket { plain.append(c) }
        }
        return plain.lowercased().contains { "ymdhs".contains($0) } && !plain.contains("0.0") && !plain.contains("#")
    }
}

/// A worksheet's cells into dense rows.
struct SheetParser: XMLScanner.Handler {
    private let strings: [String], dateStyles: [Bool], date1904: Bool
    private var cells: [Int: [Int: String]] = [:]
    private var row = 0, column = 0, nextColumn = 0, type = "", style = 0, value = "", inValue = false, inInline = false
    private var failure: XLSXReader.Failure?
    /// The first formula met (a cell reference) and the merged ranges that touch the header row.
    private var formula: String?
    private var mergedHeader: String?

    init(strings: [String], dateStyles: [Bool], date1904: Bool) {
        self.strings = strings; self.dateStyles = dateStyles; self.date1904 = date1904
    }

    static func parse(_ data: Data, strings: [String], dateStyles: [Bool], date1904: Bool) throws -> [[String]] {
        var p = SheetParser(strings: strings, dateStyles: dateStyles, date1904: date1904)
        do { try XMLScanner.scan(data, into: &p) } catch let e as XMLScanner.Failure {
            throw XLSXReader.Failure(zh: "工作表的 XML 无法读取（第 \(e.line) 行：\(e.reason)）", en: "the sheet's XML cannot be read (line \(e.line): \(e.reason))")
        }
        if let f = p.failure { throw XLSXReader.Failure(zh: f.zh, en: f.en) }
        if let ref = p.formula {
            throw XLSXReader.Failure(zh: "单元格 \(ref) 是公式：导入只读数值，请先复制该列并“选择性粘贴—数值”后再导入",
                                     en: "cell \(ref) is a formula: import reads values only; paste the column as values first")
        }
        if let range = p.mergedHeader {
            throw XLSXReader.Failure(zh: "表头有合并单元格 \(range)：请把表头改为一行、每列一个标题后再导入",
                                     en: "the header has merged cells \(range): make it one row with one title per column")
        }
        let last = p.cells.keys.max() ?? 0
        let width = p.cells.values.compactMap { $0.keys.max() }.max().map { $0 + 1 } ?? 0
        return (1...max(last, 1)).compactMap { r -> [String]? in
            guard last > 0 else { return nil }
            let cells = p.cells[r] ?? [:]
            return (0..<width).map { cells[$0] ?? "" }
        }
    }

    mutating func start(_ name: String, _ attributes: [String: String]) {
        switch local(name) {
        case "row":
            row = attributes["r"].flatMap(Int.init) ?? row + 1
            nextColumn = 0
        case "c":
            column = attributes["r"].flatMap(SheetParser.columnIndex) ?? nextColumn
            nextColumn = column + 1
            type = attributes["t"] ?? "n"
            style = attributes["s"].flatMap(Int.init) ?? 0
            value = ""
        case "v": inValue = true
        case "f": if formula == nil { formula = SheetParser.reference(row: row, column: column) }
        case "mergeCell":
            if mergedHeader == nil, let ref = attributes["ref"], let first = ref.split(separator: ":").first,
               first.drop(while: { $0.isLetter }) == "1" {
                mergedHeader = ref
            }
        case "is": inInline = true
        case "t": if inInline { inValue = true }
        default: break
        }
    }

    mutating func text(_ text: String) { if inValue { value += text } }

    mutating func end(_ name: String) {
        switch local(name) {
        case "v", "t": inValue = false
        case "is": inInline = false
        case "c":
            let text: String
            switch type {
            case "s":
                guard let i = Int(value), i >= 0, i < strings.count else {
                    failure = .init(zh: "第 \(row) 行的单元格引用了不存在的共享字符串", en: "a cell of row \(row) names a shared string that is not there")
                    return
                }
                text = strings[i]
            case "b": text = value == "1" ? "TRUE" : "FALSE"
            case "inlineStr", "str", "e", "d": text = value
            default:
                if let v = Double(value) {
                    text = style < dateStyles.count && dateStyles[style] ? XLSXReader.date(v, date1904: date1904) : XLSXReader.plain(v)
                } else {
                    text = value
                }
            }
            if !text.isEmpty { cells[row, default: [:]][column] = text }
        default: break
        }
    }

    /// `C7` for row 7, column 2.
    static func reference(row: Int, column: Int) -> String { "\(XLSXWriter.column(column))\(row)" }

    /// `AB12` → 27 (0-based column).
    static func columnIndex(_ ref: String) -> Int? {
        var n = 0, any = false
        for u in ref.unicodeScalars {
            guard u.value >= 65 && u.value <= 90 else { break }
            n = n * 26 + Int(u.value - 64); any = true
        }
        return any ? n - 1 : nil
    }
}

/// Reads one part of the workbook; a part that is not well-formed XML is refused, naming it.
private func scan<H: XMLScanner.Handler>(_ data: Data, into handler: inout H, part: String) throws {
    do { try XMLScanner.scan(data, into: &handler) } catch let e as XMLScanner.Failure {
        throw XLSXReader.Failure(zh: "工作簿的 \(part) 无法读取（第 \(e.line) 行：\(e.reason)）", en: "the workbook's \(part) cannot be read (line \(e.line): \(e.reason))")
    }
}

/// A name without its namespace prefix (`x:sheet` → `sheet`, `r:id` → `id`).
func local(_ name: String) -> String {
    guard let colon = name.utf8.lastIndex(of: UInt8(ascii: ":")) else { return name }
    return String(name[name.utf8.index(after: colon)...])
}
