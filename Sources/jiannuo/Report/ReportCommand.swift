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
            CSV 只含考核评价结果表（单位代码、单位名称、得分、名次、等次），UTF-8 带 BOM。--json 输出汇总数据。只读，不写台账；            --issue 发布：取 [bulletin] 文号序列的下一号记入台账，连同数据与审计锚点；--reprint 编号 按发布时的内容重印，逐字节相同；--issued 列出已发布的通报。
            """, """
            The format follows the extension of -o (.html, .md, .csv) unless --format is given; without -o the HTML goes to \
            standard output. The CSV is the assessment table only (unit code, name, score, rank, grade), UTF-8 with a BOM. \
            --json prints the gathered figures. Read only: the ledger is never written, except by --issue, which records the             bulletin with the next number of the [bulletin] series, its figures and the audit anchor; --reprint ID prints an issued             bulletin again, byte for byte; --issued lists them.
            """))
    @Option(help: H("期间：2026-Q4（默认本季度）、2026-11、2026 或 rolling", "Period: 2026-Q4 (default this quarter), 2026-11, 2026 or rolling")) var period: String?
    @Option(name: [.customShort("o"), .long], help: H("输出文件：.html、.md 或 .csv（默认 HTML 写到标准输出）", "Output file: .html, .md or .csv (default HTML to standard output)")) var output: String?
    @Option(help: H("html、md 或 csv（默认按输出文件的扩展名）", "html, md or csv (default from the output file's extension)")) var format: String?
    @Option(name: .customLong("as-known"), help: H("按某日所知（其后录入、核实的不计入；默认制发当日）", "As known at the end of a day (what was recorded or confirmed later left out; default the day it is made)")) var asKnown: String?
    @Flag(help: H("发布：记入台账并取得文号（督查员、领导、管理员）", "Issue it: record it in the ledger with its number (supervisors, leaders, administrators)")) var issue = false
    @Option(help: H("按发布时的内容重印已发布的通报（TB-编号）", "Print an issued bulletin again as it was issued (its TB- id)")) var reprint: String?
    @Flag(help: H("列出已发布的通报", "List the issued bulletins")) var issued = false
    @OptionGroup var global: GlobalOptions

    enum Format: String { case html, md, csv }

    /// The kept form of an issued bulletin's figures: sorted keys, so the same figures are the same text.
    static func kept(_ d: ReportData) throws -> String {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys]
        return String(decoding: try e.encode(d), as: UTF8.self)
    }

    /// Writes `data` in format `f` to `output` (or standard output).
    static func write(_ data: ReportData, _ f: Format, to output: String?, lang: Lang) throws {
        switch f {
        case .csv:
            let sink = try LedgerSink(path: output, csv: true, lang: lang)
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
    }

    /// `--reprint ID`: the bulletin from its kept figures, as it was issued.
    func reprint(_ id: String, _ out: Output) throws {
        let f = try Self.format(format, output: output)
        let b = try out.reader().bulletin(id)
        let data: ReportData
        do { data = try JSONDecoder().decode(ReportData.self, from: Data(b.data.utf8)) } catch {
            throw JiannuoError.database("通报 \(id) 保存的数据无法读取：\(error)", "the kept figures of \(id) cannot be read: \(error)")
        }
        if out.json && output == nil { out.emit(data); return }
        try Self.write(data, f, to: output, lang: out.lang)
        if let output { out.say("已按发布时的内容重印 \(b.id)（\(b.number)）：\(output)", "printed \(b.id) (\(b.number)) again as issued: \(output)") }
    }

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
        if let reprint { return try self.reprint(reprint, out) }
        if issued {
            let list = try out.reader().bulletins()
            if out.json { out.emit(list.map { IssuedRow(id: $0.id, number: $0.number, period: $0.period, as_known: $0.asKnown, issued_at: $0.issuedAt, issued_by: $0.issuedBy, anchor: $0.anchor) }); return }
            var t = out.table(["编号|id", "文号|number", "期间|period", "所知日|as known", "发布|issued", "发布人|by"])
            for b in list { t.add([b.id, b.number, b.period, b.asKnown.string, b.issuedAt.string, b.issuedBy]) }
            out.line(t.render())
            out.total(list.count, "bulletins")
            return
        }
        let f = try Self.format(format, output: output)
        if issue && output == nil {
            throw JiannuoError.usage("--issue 须用 -o 指定通报文件", "--issue needs -o FILE")
        }
        let store = issue ? try out.store() : try out.reader()
        // The bulletin ranks every unit of the county: not a unit's liaison's to make.
        if let role = store.actor.role, RoleTable.isConfined(role) {
            throw JiannuoError.permission("督查通报汇总全县各单位，单位联络员不能生成；本单位的记录见 jiannuo department show \(store.actor.department ?? "")",
                                          "the bulletin covers every unit of the county: a liaison may not make it; its own record is jiannuo department show \(store.actor.department ?? "")")
        }
        let today = store.clock.today
        let p = try period.map { try Period.parse($0, today: today) } ?? .currentQuarter(today)
        let known = try parseAsKnown(asKnown, today: today)
        var data = try ReportData.gather(store, period: p, today: today, asKnown: known?.day)
        if issue {
            // Recorded first, with its number; the file is then printed from what was kept.
            let b = try store.issueBulletin(period: p.description, asKnown: data.as_known) { number in
                var d = data
                d.document.number = number
                return try Self.kept(d)
            }
            data = try JSONDecoder().decode(ReportData.self, from: Data(b.data.utf8))
            try Self.write(data, f, to: output, lang: out.lang)
            out.record(IssuedRow(id: b.id, number: b.number, period: b.period, as_known: b.asKnown, issued_at: b.issuedAt, issued_by: b.issuedBy, anchor: b.anchor)) {
                out.say("已发布督查通报 \(b.id)（\(b.number)，\(data.period_label)，按 \(b.asKnown) 所知）：\(output ?? "")；重印：jiannuo report --reprint \(b.id) -o 文件",
                        "issued \(b.id) (\(b.number), \(p), as known on \(b.asKnown)): \(output ?? ""); print again: jiannuo report --reprint \(b.id) -o FILE")
            }
            return
        }
        if out.json && output == nil { out.emit(data); return }
        try Self.write(data, f, to: output, lang: out.lang)
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

/// An issued bulletin as `--issued` and `--issue` report it (its figures are reprinted, not listed).
struct IssuedRow: Encodable {
    let id: String; let number: String; let period: String; let as_known: Day; let issued_at: DateTime; let issued_by: String; let anchor: String?
}
