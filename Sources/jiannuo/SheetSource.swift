import Foundation
import JiannuoCore
import JiannuoStore
import JiannuoXLSX

/// The rows of a file to import, whatever wrote it: a workbook (.xlsx, one sheet: `--sheet` or the
/// first) or CSV text (UTF-8 or GB18030, said when the latter). The header first, then the rows.
struct SheetSource {
    let header: [String]
    private var nextRow: () -> [String]?

    mutating func next() -> [String]? { nextRow() }

    static func isWorkbook(_ data: Data) -> Bool { data.starts(with: [0x50, 0x4B, 0x03, 0x04]) }

    static func open(_ path: String, sheet: String?) throws -> SheetSource {
        guard let data = UserFiles.read(path) else {
            throw JiannuoError.notFound("找不到文件：\(path)", "file not found: \(path)")
        }
        if isWorkbook(data) {
            let rows: [[String]]
            do { rows = try XLSXReader.rows(data, sheet: sheet) } catch let f as XLSXReader.Failure {
                throw JiannuoError.invalid("\(path)：\(f.zh)，未导入任何记录", "\(path): \(f.en); nothing was imported")
            }
            var rest = rows.dropFirst().makeIterator()
            return SheetSource(header: rows.first ?? [], nextRow: { rest.next() })
        }
        if sheet != nil {
            throw JiannuoError.invalid("--sheet 只用于 .xlsx 工作簿：\(path) 是文本（CSV）", "--sheet is for .xlsx workbooks; \(path) is text (CSV)")
        }
        guard let (text, encoding) = TextDecoding.decode(data) else {
            throw JiannuoError.invalid("\(path) 既不是 UTF-8 也不是 GB18030（GBK）编码的文本，也不是 .xlsx 工作簿，未导入任何记录",
                                       "\(path) is neither UTF-8 nor GB18030 (GBK) text nor an .xlsx workbook; nothing was imported")
        }
        // Said, so that a file read in the wrong encoding is noticed (scripts get it on standard error).
        if encoding == "GB18030" { FileHandle.standardError.write(Data("按 GB18030（GBK）编码读取 \(path)\n".utf8)) }
        var rows = CSVRows(text)
        guard let header = rows.next() else {
            throw JiannuoError.invalid("\(path) 是空的：没有标题行，未导入任何记录", "\(path) is empty: no header row; nothing was imported")
        }
        // Every text reads as CSV rows (as with the library the reader replaced): nothing can fail part-way.
        return SheetSource(header: header, nextRow: { rows.next() })
    }
}
