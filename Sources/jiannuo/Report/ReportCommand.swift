import ArgumentParser
import Foundation
import JiannuoCore
import JiannuoStore

/// `jiannuo report`: the supervision bulletin (督查通报) of a period, handed to performance assessment
/// (绩效考核). It only reads the ledger.
struct ReportCommand: JiannuoCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: T("生成督查通报（默认本季度）：HTML（A4 打印）、Markdown 或 CSV（考核评价结果）",
                    "Generate the supervision bulletin (default this quarter): HTML (A4 print), Markdown or CSV (the assessment results)"),
        discussion: T("""
            格式按 -o 的扩展名（.html、.md、.csv），可用 --format 指定；不带 -o 时 HTML 写到标准输出。\
            CSV 只含考核评价结果表（单位代码、单位名称、得分、名次、等次），UTF-8 带 BOM。--json 输出汇总数据。只读，不写台账。
            """, """
            The format follows the extension of -o (.html, .md, .csv) unless --format is given; without -o the HTML goes to \
            standard output. The CSV is the assessment table only (unit code, name, score, rank, grade), UTF-8 with a BOM. \
            --json prints the gathered figures. Read only: the ledger is never written.
            """))
    @Option(help: H("期间：2026-Q4（默认本季度）、2026-11、2026 或 rolling", "Period: 2026-Q4 (default this quarter), 2026-11, 2026 or rolling")) var period: String?
    @Option(name: [.customShort("o"), .long], help: H("输出文件：.html、.md 或 .csv（默认 HTML 写到标准输出）", "Output file: .html, .md or .csv (default HTML to standard output)")) var output: String?
    @Option(help: H("html、md 或 csv（默认按输出文件的扩展名）", "html, md or csv (default from the output file's extension)")) var format: String?
    @Option(name: .customLong("as-known"), help: H("按某日所知（其后录入、核实的不计入；默认制发当日）", "As known at the end of a day (what was recorded or confirmed later left out; default the day it is made)")) var asKnown: String?
    @OptionGroup var global: GlobalOptions

    enum Format: String { case html, md, csv }

    /// `--format` if given, else the extension of `-o`, else HTML.
    static func format(_ format: String?, output: String?) throws -> Format {
        if let format {
            guard let f = Format(rawValue: format.lowercased()) else {
                throw JiannuoError.invalid("--format 只能是 html、md 或 csv", "--format must be html, md or csv")
            }
            return f
        }
        guard let output else { return .html }
        switch (output as NSString).pathExtension.lowercased() {
        case "html", "htm": return .html
        case "md", "markdown": return .md
        case "csv": return .csv
        default:
            throw JiannuoError.invalid("输出文件须以 .html、.md 或 .csv 结尾（或用 --format 指定格式）",
                                       "the output must end in .html, .md or .csv (or give --format)")
        }
    }

    func execute(_ out: Output) throws {
        let f = try Self.format(format, output: output)
        let store = try out.reader()
        // The bulletin ranks every unit of the county: not a unit's liaison's to make.
        if let role = store.actor.role, RoleTable.isConfined(role) {
            throw JiannuoError.permission("督查通报汇总全县各单位，单位联络员不能生成；本单位的记录见 jiannuo department show \(store.actor.department ?? "")",
                                          "the bulletin covers every unit of the county: a liaison may not make it; its own record is jiannuo department show \(store.actor.department ?? "")")
        }
        let today = store.clock.today
        let p = try period.map { try Period.parse($0, today: today) } ?? .currentQuarter(today)
        let known = try parseAsKnown(asKnown, today: today)
        let data = try ReportData.gather(store, period: p, today: today, asKnown: known?.day)
        if out.json && output == nil { out.emit(data); return }
        switch f {
        case .csv:
            let sink = try LedgerSink(path: output, csv: true, lang: out.lang)
            try sink.write(Self.resultColumns, data.units)
            try sink.close()
        case .html, .md:
            let text = f == .html ? ReportHTML.render(data) : ReportMarkdown.render(data)
            if let output {
                guard UserFiles.write(Data(text.utf8), to: output) else {
                    throw JiannuoError.notFound("无法写入文件：\(output)", "cannot write \(output)")
                }
            } else {
                FileHandle.standardOutput.write(Data(text.utf8))
            }
        }
        guard let output else { return }
        if out.json { out.emit(data) } else {
            out.say("已生成 \(output)（\(data.period_label)，\(data.units.count) 个单位）", "wrote \(output) (\(p), \(data.units.count) units)")
        }
    }

    /// The closing table, 考核评价结果, as handed to 绩效考核: the whole CSV.
    static let resultColumns: [SheetColumn<ReportData.Unit>] = [
        .init("department", "单位代码", "department") { u, _ in u.code },
        .init("name", "单位名称", "name") { u, _ in u.name },
        .init("score", "得分", "score") { u, _ in ScoresCommand.fmt(u.score) },
        .init("rank", "名次", "rank") { u, _ in String(u.rank) },
        .init("grade", "等次", "grade") { u, lang in
            lang == .zh ? u.grade : (Grades.bands.first { $0.grade == u.grade }?.english ?? u.grade)
        },
    ]
}
