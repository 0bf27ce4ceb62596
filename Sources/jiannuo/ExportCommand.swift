import ArgumentParser
import Foundation
import JiannuoCore
import JiannuoStore
import JiannuoXLSX

/// Writes a ledger as CSV (UTF-8 with a byte-order mark, so that Excel and WPS open it) or JSON.
struct ExportCommand: JiannuoCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: T("导出台账：commitments|complaints|breaches|rectifications|scores|departments（CSV、Excel 工作簿 .xlsx 或 JSON）", "Export the ledger: commitments|complaints|breaches|rectifications|scores|departments (CSV, an Excel workbook .xlsx, or JSON)"))
    @Argument(help: "commitments|complaints|breaches|rectifications|scores|departments") var kind: String?
    @Flag(help: H("整本导出（管理员）：每张台账表一页工作表（-o 文件.xlsx）或一个 CSV（-o 目录），含投诉人联系方式（记入审计日志），供 import --all 迁入新账本",
                  "The whole ledger (administrators): one sheet per table (-o FILE.xlsx) or one CSV each (-o FOLDER), contacts included (audited), for import --all into a new ledger")) var all = false
    @Option(help: H("csv（默认）、xlsx 或 json；-o 以 .xlsx 结尾时默认 xlsx", "csv (default), xlsx or json; xlsx by default when -o ends in .xlsx")) var format: String?
    @Option(name: [.customShort("o"), .long], help: H("输出文件（默认标准输出）", "Output file (default standard output)")) var output: String?
    @Option(help: H("期间（仅 scores）：2026-11、2026-Q4、2026、rolling", "Period (scores only): 2026-11, 2026-Q4, 2026, rolling")) var period: String?
    @Flag(help: H("投诉的联系方式完整导出（仅领导、管理员；记入审计日志）", "Export complainants' contact details in full (leaders and administrators only; recorded in the audit log)")) var reveal = false
    @OptionGroup var filters: FilterOptions
    @OptionGroup var global: GlobalOptions

    func execute(_ out: Output) throws {
        if all {
            guard kind == nil, let output else {
                throw JiannuoError.usage("export --all 不带台账名，须用 -o 文件.xlsx 或 -o 目录", "export --all takes no ledger name and needs -o FILE.xlsx or -o FOLDER")
            }
            let (tables, anchor) = try out.reader().exportAll()
            try WholeLedger.write(tables, anchor: anchor, to: output)
            out.record(TransferSummary(tables: Dictionary(uniqueKeysWithValues: tables.map { ($0.name, $0.rows.count) }), audit_anchor: anchor)) {
                out.say("已整本导出 \(tables.count) 张表、\(tables.map(\.rows.count).reduce(0, +)) 行至 \(output)（审计锚点 \(anchor ?? "—")；含个人信息，请妥善保管）",
                        "exported \(tables.count) tables, \(tables.map(\.rows.count).reduce(0, +)) rows to \(output) (audit anchor \(anchor ?? "-"); holds personal data)")
            }
            return
        }
        guard let kind else {
            throw JiannuoError.usage("请给出要导出的台账：commitments、complaints、breaches、rectifications、scores、departments，或用 --all",
                                     "name the ledger to export (commitments, complaints, breaches, rectifications, scores, departments) or give --all")
        }
        if reveal && kind != "complaints" {
            throw JiannuoError.usage("--reveal 只用于 export complaints", "--reveal applies to export complaints only")
        }
        let format = self.format ?? ((output as NSString?)?.pathExtension.lowercased() == "xlsx" ? "xlsx" : "csv")
        guard let sinkFormat = LedgerSink.Format(rawValue: format) else {
            throw JiannuoError.invalid("--format 只能是 csv、xlsx 或 json", "--format must be csv, xlsx or json")
        }
        if sinkFormat == .xlsx && output == nil && isatty(STDOUT_FILENO) == 1 {
            throw JiannuoError.usage("工作簿不能写到终端：请用 -o 文件.xlsx", "a workbook is not for the terminal: give -o FILE.xlsx")
        }
        let store = try out.reader()
        if reveal { try store.actor.require(.revealContact) }
        let f = try filters.filter()
        // Contacts are masked unless a role that may reveal asks; a reveal is one audited row, written
        // before the file is opened: if it cannot be written, nothing is revealed.
        if reveal {
            let all = max(0, try store.complaintCount(f) - f.offset)
            try store.recordReveal(entity: "complaint", id: "export", field: "contact", count: f.limit.map { min($0, all) } ?? all)
        }
        let sink = try LedgerSink(path: output, format: sinkFormat, lang: out.lang, sheet: kind)
        switch kind {
        case "departments": try sink.write(SheetColumns.departments, try store.departments().filter { f.department == nil || $0.code == f.department })
        case "commitments": try sink.stream(SheetColumns.commitments) { emit in try store.eachCommitment(f, emit) }
        case "complaints":
            try sink.stream(SheetColumns.complaints) { emit in
                try store.eachComplaint(f) { c in try emit(reveal ? c : c.masked) }
            }
        case "breaches": try sink.write(SheetColumns.breaches, try store.breaches(f))
        case "rectifications": try sink.write(SheetColumns.rectifications, try store.rectifications(f))
        case "scores":
            let p = try period.map { try Period.parse($0, today: store.clock.today) } ?? .currentQuarter(store.clock.today)
            try sink.write(ScoreColumns.all, try ScoresCommand.ranking(store, period: p, today: store.clock.today))
        default:
            throw JiannuoError.invalid("未知的台账“\(Sanitize.visible(kind))”，可选：commitments、complaints、breaches、rectifications、scores、departments",
                                       "unknown ledger \(kind)")
        }
        try sink.close()
    }
}

enum ScoreColumns {
    static let all: [SheetColumn<ScoreRow>] = [
        .init("rank", "名次", "rank") { r, _ in String(r.rank) },
        .init("department", "单位代码", "department") { r, _ in r.department },
        .init("name", "单位名称", "name") { r, _ in r.name },
        .init("score", "得分", "score") { r, _ in ScoresCommand.fmt(r.score) },
        .init("rank_change", "名次变化", "rank_change") { r, _ in r.rank_change.map(String.init) ?? "" },
    ] + Dimension.allCases.map { d in
        SheetColumn<ScoreRow>(d.rawValue, d.label, d.rawValue) { r, _ in ScoresCommand.fmt(r.dimensions[d.rawValue] ?? 0) }
    } + [.init("period", "期间", "period") { r, _ in r.period }]
}

/// Where an export goes: a file or standard output, as CSV rows, a workbook of one sheet, or a JSON array of objects.
final class LedgerSink {
    enum Format: String { case csv, xlsx, json }
    let handle: FileHandle
    let lang: Lang
    let format: Format
    var isCSV: Bool { format == .csv }
    var first = true
    let path: String?
    /// Standard output on a terminal: text from the ledger is never sent to it raw.
    let toTerminal: Bool
    /// A workbook is written whole at the end: its sheet's name, header and rows until then.
    let sheet: String
    var workbook: XLSXWriter.Sheet?

    convenience init(path: String?, csv: Bool, lang: Lang) throws {
        try self.init(path: path, format: csv ? .csv : .json, lang: lang, sheet: "Sheet1")
    }

    init(path: String?, format: Format, lang: Lang, sheet: String) throws {
        self.path = path
        self.lang = lang
        self.format = format
        self.sheet = sheet
        let csv = format == .csv
        toTerminal = path == nil && isatty(STDOUT_FILENO) == 1
        if let path {
            // Exports hold personal data: for the owner only.
            guard let h = UserFiles.create(path) else {
                throw JiannuoError.notFound("无法写入文件：\(path)", "cannot write \(path)")
            }
            handle = h
        } else {
            handle = FileHandle.standardOutput
        }
        if csv { handle.write(Data([0xEF, 0xBB, 0xBF])) }   // Excel and WPS read UTF-8 only with the mark
    }

    /// A cell as written: defused for spreadsheets, and with control characters made visible when
    /// the output is a terminal.
    func cell(_ s: String) -> String {
        let safe = SpreadsheetCell.defused(s)
        return toTerminal ? Sanitize.visible(safe, keepNewlines: true) : safe
    }

    func write<R>(_ columns: [SheetColumn<R>], _ rows: [R]) throws {
        try stream(columns) { emit in for r in rows { try emit(r) } }
    }

    /// Rows are written as they come, in chunks: a two-million-row export never sits in memory.
    func stream<R>(_ columns: [SheetColumn<R>], _ produce: ((R) throws -> Void) throws -> Void) throws {
        if format == .xlsx {
            var book = XLSXWriter.Sheet(name: sheet, header: columns.map { $0.header(lang) }, rows: [])
            try produce { r in
                // A sheet holds 1,048,576 rows, the header one of them.
                guard book.rows.count < 1_048_575 else {
                    throw JiannuoError.invalid("超过工作簿一张工作表的行数上限（1,048,575 行）：请缩小范围或导出 CSV",
                                               "more rows than a worksheet holds (1,048,575): narrow the export or use CSV")
                }
                book.rows.append(columns.map { SheetCells.cell($0.key, $0.value(r, lang)) })
            }
            workbook = book
            return
        }
        if isCSV {
            let handle = self.handle
            var writer = CSVStreamWriter { bytes in handle.write(Data(bytes)) }
            writer.write(row: columns.map { $0.header(lang) })
            try produce { r in writer.write(row: columns.map { cell($0.value(r, lang)) }) }
            writer.flush()
        } else {
            handle.write(Data("[".utf8))
            try produce { r in
                var object: [String] = []
                for c in columns { object.append("\(FastJSON.string(c.key)): \(FastJSON.string(c.value(r, .en)))") }
                handle.write(Data(((first ? "\n  {" : ",\n  {") + object.joined(separator: ", ") + "}").utf8))
                first = false
            }
            handle.write(Data((first ? "]\n" : "\n]\n").utf8))
        }
    }

    func close() throws {
        if let workbook { handle.write(try XLSXWriter.workbook([workbook], width: TextTable.width)) }
        if path != nil { try handle.close() }
    }
}

/// A ledger cell as a workbook holds it: days and moments as dates, numbers as numbers (`SheetCellForm`),
/// the rest as text; a moment in the office's local time, as the ledger writes it.
enum SheetCells {
    static func cell(_ key: String, _ value: String) -> XLSXCell {
        guard !value.isEmpty else { return .empty }
        switch SheetCellForm.of(key) {
        case .day:
            if let d = Day(value) { let c = d.components; return .day(year: c.year, month: c.month, day: c.day) }
        case .time:
            if let t = value.count >= 19 ? Day(String(value.prefix(10))) : nil {
                let clock = value.dropFirst(11).prefix(8).split(separator: ":").compactMap { Int($0) }
                if clock.count == 3 {
                    let c = t.components
                    return .time(year: c.year, month: c.month, day: c.day, hour: clock[0], minute: clock[1], second: clock[2])
                }
            }
        case .number:
            if let n = Double(value), n.isFinite { return key == "amount_yuan" ? .amount(n) : .number(n) }
        case .text: break
        }
        return .text(value)
    }
}

/// What `export --all` says it wrote.
struct TransferSummary: Encodable { let tables: [String: Int]; let audit_anchor: String? }
