import Foundation
import JiannuoCore
import JiannuoStore
import JiannuoXLSX

/// `export --all` and `import --all`: the whole ledger as a workbook (one sheet per table, and a sheet
/// `_ledger` with the source's audit anchor) or a folder of CSVs (one per table, and `_ledger.csv`).
/// Values as stored; an empty cell is no value.
enum WholeLedger {
    static let about = "_ledger"

    static func write(_ tables: [LedgerTable], anchor: String?, to path: String) throws {
        let info = LedgerTable(name: about, columns: ["key", "value"], rows: [[.text("audit_anchor"), anchor.map(TransferValue.text) ?? .null]])
        if (path as NSString).pathExtension.lowercased() == "xlsx" {
            let sheets = ([info] + tables).map { t in
                XLSXWriter.Sheet(name: t.name, header: t.columns, rows: t.rows.map { $0.map(cell) })
            }
            guard UserFiles.write(try XLSXWriter.workbook(sheets, width: TextTable.width), to: path) else {
                throw JiannuoError.notFound("无法写入文件：\(path)", "cannot write \(path)")
            }
            return
        }
        do { try UserFiles.makeDirectory(path, mode: 0o700) } catch {
            throw JiannuoError.notFound("无法创建目录：\(path)", "cannot make the folder \(path)")
        }
        for t in [info] + tables {
            var bytes: [UInt8] = [0xEF, 0xBB, 0xBF]
            var writer = CSVStreamWriter { bytes.append(contentsOf: $0) }
            writer.write(row: t.columns)
            for r in t.rows { writer.write(row: r.map(text)) }
            writer.flush()
            let file = (path as NSString).appendingPathComponent("\(t.name).csv")
            guard UserFiles.write(Data(bytes), to: file) else { throw JiannuoError.notFound("无法写入文件：\(file)", "cannot write \(file)") }
        }
    }

    static func cell(_ v: TransferValue) -> XLSXCell {
        switch v {
        case .null: .empty
        case .integer(let i): .number(Double(i))
        case .real(let d): .number(d)
        case .text(let s): s.isEmpty ? .empty : .text(s)
        }
    }

    /// A value as a CSV cell: defused for spreadsheets (`SpreadsheetCell`), as every export.
    static func text(_ v: TransferValue) -> String {
        switch v {
        case .null: ""
        case .integer(let i): String(i)
        case .real(let d): String(d)
        case .text(let s): SpreadsheetCell.defused(s)
        }
    }

    /// The tables of a workbook or a folder, and the anchor it was made at.
    static func read(_ path: String) throws -> (tables: [LedgerTable], anchor: String?) {
        var sheets: [(String, [[String]])] = []
        if UserFiles.exists(path), let data = UserFiles.read(path), SheetSource.isWorkbook(data) {
            do {
                for name in try XLSXReader.sheetNames(data) { sheets.append((name, try XLSXReader.rows(data, sheet: name))) }
            } catch let f as XLSXReader.Failure {
                throw JiannuoError.invalid("\(path)：\(f.zh)，未导入任何记录", "\(path): \(f.en); nothing was imported")
            }
        } else {
            guard let names = UserFiles.directoryEntries(path) else {
                throw JiannuoError.notFound("找不到整本导出的工作簿或目录：\(path)", "no whole-ledger workbook or folder at \(path)")
            }
            for name in names.sorted() where name.hasSuffix(".csv") {
                var source = try SheetSource.open((path as NSString).appendingPathComponent(name), sheet: nil)
                var rows = [source.header]
                while let r = source.next() { rows.append(r.map { SpreadsheetCell.restored($0) }) }
                sheets.append((String(name.dropLast(4)), rows))
            }
        }
        var anchor: String? = nil
        var tables: [LedgerTable] = []
        for (name, rows) in sheets {
            guard let header = rows.first else { continue }
            let body = rows.dropFirst().filter { !($0.count == 1 && $0[0].isEmpty) }
            if name == about {
                anchor = body.first { $0.first == "audit_anchor" }.flatMap { $0.count > 1 && !$0[1].isEmpty ? $0[1] : nil }
                continue
            }
            tables.append(LedgerTable(name: name, columns: header, rows: body.map { r in
                header.indices.map { i in i < r.count && !r[i].isEmpty ? .text(r[i]) : .null }
            }))
        }
        guard tables.contains(where: { $0.name == "departments" }) else {
            throw JiannuoError.invalid("\(path) 不是整本导出（没有 departments 表）", "\(path) is not a whole-ledger export (no departments table)")
        }
        return (tables, anchor)
    }
}
