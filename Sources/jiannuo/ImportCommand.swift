import ArgumentParser
import TOMLKit
import Foundation
import JiannuoCore
import JiannuoStore

/// Reads back what `export` writes (CSV with Chinese or English headers), also as Excel and WPS save it
/// (UTF-8 or GB18030; dates like `2026/11/5` or `2026年11月5日`, amounts like `1,234.50元`): every row is
/// checked first, and one bad cell refuses the whole file, naming each problem's row and column.
struct ImportCommand: JiannuoCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: T("导入台账：departments|commitments|complaints（与 export 的格式相同；有一行有错则全部不导入）", "Import into the ledger: departments|commitments|complaints (same format as export; if any row is wrong, nothing is imported)"))
    @Argument(help: "departments|commitments|complaints") var kind: String?
    @Argument(help: H("CSV 文件或 .xlsx 工作簿", "A CSV file or an .xlsx workbook")) var file: String?
    @Flag(help: H("整本导入 export --all 的工作簿或目录（管理员；只用于新账本）", "Import a whole ledger written by export --all, a workbook or a folder (administrators; into a new ledger only)")) var all = false
    @Option(help: H("工作簿中的工作表名（默认第一个）", "The workbook's sheet to read (default the first)")) var sheet: String?
    @Option(name: .customLong("columns"), help: H("表头映射文件（TOML：[columns] 下 \"表头\" = \"列名\"，或 \"-\" 略去该列）",
                                                 "A header mapping file (TOML: under [columns], \"header\" = \"key\", or \"-\" to leave the column out)")) var columns: String?
    @Flag(name: .customLong("from-12345"), help: H("读取 12345 平台导出的工单（CSV；按工单编号新建或更正投诉，绝不重复登记；单位须为本账本已有的）",
                                                  "Read the 12345 platform's export of work orders (CSV; complaints created or corrected by work-order number, never twice; units must be the ledger's own)")) var from12345 = false
    @Flag(name: .customLong("skip-bad"), help: H("跳过有问题的行，导入其余各行，并逐一报告跳过的行（默认：有一行有问题则全部不导入）",
                                                "Leave out the rows with a problem, import the rest, and report each row left out (default: any bad row refuses the file)")) var skipBad = false
    @Flag(name: .customLong("dry-run"), help: H("只检查：列出每一行的问题和将导入的条数，不写入", "Check only: every row's problem and how many would be imported; nothing is written")) var dryRun = false
    @OptionGroup var global: GlobalOptions

    func execute(_ out: Output) throws {
        if all {
            guard let path = file ?? kind, file == nil || kind == nil else {
                throw JiannuoError.usage("import --all 只需给出 export --all 写的工作簿或目录", "import --all takes the workbook or folder export --all wrote")
            }
            let (tables, anchor) = try WholeLedger.read(path)
            let r = try out.store().importAll(tables, source: path, sourceAnchor: anchor)
            out.record(r) {
                out.say("已整本导入 \(r.tables.count) 张表、\(r.tables.values.reduce(0, +)) 行（来源审计锚点 \(anchor ?? "—")）",
                        "imported \(r.tables.count) tables, \(r.tables.values.reduce(0, +)) rows (source audit anchor \(anchor ?? "-"))")
            }
            return
        }
        guard let kind, let file else {
            throw JiannuoError.usage("用法：jiannuo import departments|commitments|complaints 文件，或 import --all 工作簿或目录",
                                     "usage: jiannuo import departments|commitments|complaints FILE, or import --all WORKBOOK|FOLDER")
        }
        let store = try out.store()
        let mapping = try columns.map(Self.mapping) ?? Mapping()
        // A 台账 names units as people do: a name that is one unit's becomes its code (anything else is refused by the row's check).
        let unit = try UnitNames(store).code
        // What the row checks read, taken once: they run on several threads.
        let (calendar, rules, clock) = (store.calendar, store.rules.deadlines, store.clock)
        let result: ImportResult
        do {
            if from12345 {
                guard kind == "complaints" else {
                    throw JiannuoError.invalid("--from-12345 只用于 import complaints", "--from-12345 is for import complaints only")
                }
                try importWorkOrders(out, store, mapping)
                return
            }
            switch kind {
            case "departments":
                let (rows, bad) = try Self.read(file, SheetColumns.departments, SheetHeaders.departments, mapping, sheet: sheet, skipBad: true) { r in SheetParse.department(&r) }
                result = try importing(bad) { try store.importDepartments(rows, source: file, dryRun: $0, skipBad: $1) }
            case "commitments":
                let (rows, bad) = try Self.read(file, SheetColumns.commitments, SheetHeaders.commitments, mapping, sheet: sheet, unit: unit, skipBad: true) { r in
                    SheetParse.commitment(&r, clock: clock)
                }
                result = try importing(bad) { try store.importCommitments(rows, source: file, dryRun: $0, skipBad: $1) }
            case "complaints":
                let (rows, bad) = try Self.read(file, SheetColumns.complaints, SheetHeaders.complaints, mapping, sheet: sheet, unit: unit, skipBad: true) { r in
                    SheetParse.complaint(&r, calendar: calendar, rules: rules, clock: clock)
                }
                result = try importing(bad) { try store.importComplaints(rows, source: file, dryRun: $0, skipBad: $1) }
            default:
                throw JiannuoError.invalid("未知的台账“\(Sanitize.visible(kind))”，可选：departments、commitments、complaints", "unknown ledger \(kind)")
            }
        } catch let refused as ImportRefused {
            try refuse(out, refused)
        }
        Self.sayLeftOut(out, result.problems)
        out.record(result) {
            if result.bad > 0 {
                out.say("跳过有问题的 \(result.bad) 行（见上，未导入）", "left out \(result.bad) rows with problems (above; not imported)")
            }
            if dryRun {
                out.say("检查通过：将导入 \(result.imported) 条\(result.skipped > 0 ? "，跳过已存在的 \(result.skipped) 条" : "")（试运行，未写入）",
                        "checked: \(result.imported) would be imported, \(result.skipped) already there (dry run, nothing written)")
            } else {
                out.say("已导入 \(result.imported) 条\(result.skipped > 0 ? "，跳过已存在的 \(result.skipped) 条" : "")",
                        "imported \(result.imported), skipped \(result.skipped) already there")
            }
        }
    }

    /// The import of the rows that parsed (`body(dryRun, skipBad)`), with the parse's problems: without
    /// `--skip-bad` any problem refuses the file, and the good rows are first checked as the import would
    /// check them (nothing written), so that every problem of the file is said at once.
    private func importing(_ bad: [SheetProblem], _ body: (Bool, Bool) throws -> ImportResult) throws -> ImportResult {
        if !bad.isEmpty && !skipBad {
            let probe = try body(true, true)
            let all = bad + probe.problems.map { SheetProblem(row: $0.row, column: $0.column, reason: Text($0.reason, $0.reason_en)) }
            throw ImportRefused(problems: all.sorted { $0.row < $1.row })
        }
        return Self.with(bad, try body(dryRun, skipBad))
    }

    /// The parse's problems (rows left out with `--skip-bad`) counted into the store's result, listed first.
    static func with(_ bad: [SheetProblem], _ result: ImportResult) -> ImportResult {
        var r = result
        r.problems = bad.map(ImportProblem.init) + r.problems
        r.bad += Set(bad.map(\.row)).count
        return r
    }

    /// With `--skip-bad`, each row left out, on standard error, as a refusal would list it.
    static func sayLeftOut(_ out: Output, _ problems: [ImportProblem]) {
        for p in problems {
            FileHandle.standardError.write(Data((out.lang == .zh ? "第 \(p.row) 行「\(p.column)」：\(p.reason)（已跳过）\n"
                                                                   : "row \(p.row), column \(p.column): \(p.reason_en) (left out)\n").utf8))
        }
    }

    /// Each problem on standard error (a dry run every one; an import the first hundred), then the refusal.
    private func refuse(_ out: Output, _ refused: ImportRefused) throws -> Never {
        let file = self.file ?? ""
        do {
            // A dry run lists every problem; an import the first hundred.
            for p in refused.problems.prefix(dryRun ? Int.max : 100) {
                FileHandle.standardError.write(Data((out.lang == .zh ? "第 \(p.row) 行「\(p.column)」：\(p.reason.zh)\n"
                                                                       : "row \(p.row), column \(p.column): \(p.reason.en)\n").utf8))
            }
            if !dryRun && refused.problems.count > 100 {
                FileHandle.standardError.write(Data("……共 \(refused.problems.count) 处问题\n".utf8))
            }
            throw JiannuoError.invalid("\(file) 有 \(refused.problems.count) 处问题，未导入任何记录", "\(file) has \(refused.problems.count) problems; nothing was imported")
        }
    }

    /// `--from-12345`: the platform's columns (`PlatformOrders.headers`, a mapping file's `[columns]`, `[defaults]`
    /// and `[units]`), other columns left out and said; complaints created or corrected by work-order number.
    private func importWorkOrders(_ out: Output, _ store: any LedgerAdministration, _ mapping: Mapping) throws {
        let file = self.file ?? ""
        var mapping = mapping
        for (key, value) in PlatformOrders.defaults where mapping.defaults[key] == nil { mapping.defaults[key] = value }
        let names = try UnitNames(store, mapped: mapping.units)
        let (calendar, rules, clock) = (store.calendar, store.rules.deadlines, store.clock)
        let result: PlatformImportResult
        do {
            let (rows, bad) = try Self.read(file, PlatformOrders.columns, PlatformOrders.headers, mapping, sheet: sheet, leaveUnknown: true, skipBad: skipBad) { r in
                PlatformOrders.parse(&r, unit: names.code, calendar: calendar, rules: rules, clock: clock)
            }
            var r = try store.importWorkOrders(rows, source: file, dryRun: dryRun, skipBad: skipBad)
            r.problems = bad.map(ImportProblem.init) + r.problems
            r.bad += Set(bad.map(\.row)).count
            result = r
        } catch let refused as ImportRefused {
            try refuse(out, refused)
        }
        Self.sayLeftOut(out, result.problems)
        out.record(result) {
            if result.bad > 0 {
                out.say("跳过有问题的 \(result.bad) 行（见上，未导入）", "left out \(result.bad) rows with problems (above; not imported)")
            }
            let head = dryRun ? "检查通过（试运行，未写入）：将" : ""
            out.say("\(head)新建 \(result.created.count) 条，更正 \(result.updated.count) 条，无变化 \(result.unchanged) 条"
                        + (result.differences.isEmpty ? "" : "；平台与本账本不同 \(result.differences.count) 处（本账本未改动）："),
                    "\(dryRun ? "checked (dry run, nothing written): would create" : "created") \(result.created.count), corrected \(result.updated.count), unchanged \(result.unchanged)"
                        + (result.differences.isEmpty ? "" : "; \(result.differences.count) differences from the platform (the ledger left as it is):"))
            for d in result.differences {
                out.say("  第 \(d.row) 行 工单 \(Sanitize.visible(d.work_order))（\(d.complaint)）：\(d.what)",
                        "  row \(d.row), work order \(Sanitize.visible(d.work_order)) (\(d.complaint)): \(d.what_en)")
            }
        }
    }

    /// Rows of the file as records, with the row numbers a spreadsheet shows (the header is row 1).
    /// A header mapping file: `[columns]` with `"表头" = "key"` (or `"-"`), and `[defaults]` with `key = value`
    /// for a column the 台账 lacks or leaves blank (`category = 1`, `kind = "policy"`).
    struct Mapping {
        var columns: [String: String] = [:]
        var defaults: [String: String] = [:]
        /// `--from-12345`: a unit as the platform names it, and its code in the ledger.
        var units: [String: String] = [:]
    }

    static func mapping(_ path: String) throws -> Mapping {
        guard let text = UserFiles.text(path) else {
            throw JiannuoError.notFound("找不到表头映射文件：\(path)", "header mapping file not found: \(path)")
        }
        let table: TOMLTable
        do { table = try TOMLTable(string: text) } catch {
            throw JiannuoError.invalid("表头映射文件 \(path) 不是有效的 TOML：\(error)", "\(path) is not valid TOML: \(error)")
        }
        var out = Mapping()
        for (section, into) in [("columns", \Mapping.columns), ("defaults", \Mapping.defaults), ("units", \Mapping.units)] as [(String, WritableKeyPath<Mapping, [String: String]>)] {
            for (name, value) in table[section]?.table ?? TOMLTable() {
                guard let v = value.string ?? value.int.map(String.init) else {
                    throw JiannuoError.invalid("表头映射文件 \(path)：[\(section)] 中“\(Sanitize.visible(name))”的值须为文字或整数",
                                               "\(path): the value of \(name) in [\(section)] must be text or a whole number")
                }
                out[keyPath: into][name] = v
            }
        }
        return out
    }

    static func read<R>(_ path: String, _ columns: [SheetColumn<R>], _ synonyms: [String: [String]], _ mapping: Mapping,
                        sheet: String? = nil, unit: ((String) -> String?)? = nil, leaveUnknown: Bool = false, skipBad: Bool = false,
                        _ parse: @escaping @Sendable (inout SheetRow) -> R?) throws -> (rows: [(Int, R)], bad: [SheetProblem]) {
        var reader = try SheetSource.open(path, sheet: sheet)
        let header = reader.header
        var keyAt: [Int: String] = [:]
        var headers: [String: String] = [:]
        let keys = Set(columns.map(\.key))
        for key in mapping.defaults.keys where !keys.contains(key) {
            throw JiannuoError.invalid("表头映射：[defaults] 中的列名“\(Sanitize.visible(key))”不存在，可选：\(columns.map(\.key).joined(separator: "、"))",
                                       "header mapping: [defaults] names no column \(key); one of \(columns.map(\.key).joined(separator: ", "))")
        }
        for (column, key) in mapping.columns where key != "-" && !keys.contains(key) {
            throw JiannuoError.invalid("表头映射：“\(Sanitize.visible(column))”对应的列名“\(Sanitize.visible(key))”不存在，可选：\(columns.map(\.key).joined(separator: "、"))、-",
                                       "header mapping: \(column) names no column \(key); one of \(columns.map(\.key).joined(separator: ", ")), -")
        }
        var leftOut: [String] = []
        for (i, h) in header.enumerated() {
            let name = h.trimmingCharacters(in: .whitespaces)
            let known = SheetHeaders.key(of: name, columns: columns, synonyms: synonyms, extra: mapping.columns)
            if known == nil && leaveUnknown { leftOut.append(name); continue }
            guard let key = known else {
                throw JiannuoError.invalid("\(path) 第 1 行：未知的列“\(Sanitize.visible(name))”（可用 --columns 映射文件说明它是哪一列，或以 - 略去）",
                                           "\(path), row 1: unknown column \(name) (a --columns mapping file may say which it is, or - to leave it out)")
            }
            if key.isEmpty { continue }
            if let other = headers[key] {
                throw JiannuoError.invalid("\(path) 第 1 行：“\(Sanitize.visible(other))”与“\(Sanitize.visible(name))”是同一列（\(key)）",
                                           "\(path), row 1: \(other) and \(name) are the same column (\(key))")
            }
            keyAt[i] = key
            headers[key] = name
        }
        // A platform's export has columns the ledger keeps nothing of: said, so that a misnamed one is noticed.
        if !leftOut.isEmpty {
            FileHandle.standardError.write(Data("未导入的列：\(leftOut.map { Sanitize.visible($0) }.joined(separator: "、"))\n".utf8))
        }
        var out: [(Int, R)] = []
        var problems: [SheetProblem] = []
        var number = 1
        // A problem names the file's own header; a column the file lacks by its Chinese name, said to be missing,
        // with the key a mapping file's [defaults] would fill it by.
        let named = headers.merging(mapping.defaults.keys.map { ($0, "[defaults] \($0)") }) { have, _ in have }
            .merging(columns.map { ($0.key, "\($0.zh)（表中无此列，键 \($0.key)）") }) { have, _ in have }
        // A long import shows how far it has read, on a terminal only (scripts get a clean stderr).
        let progress = isatty(STDERR_FILENO) == 1
        // One layout for every row: each column's place among a row's cells, made once.
        var seen = Set<String>()
        let layout = SheetLayout(keys: columns.map(\.key).filter { seen.insert($0).inserted }, headers: named)
        let placeAt = Dictionary(uniqueKeysWithValues: keyAt.compactMap { i, key in layout.position(key).map { (i, $0) } })
        let defaults = mapping.defaults.compactMap { k, v in layout.position(k).map { ($0, v) } }
        // As the file gives it, or the mapping's default: a unit's name there becomes its code.
        let departmentPlace = keyAt.values.contains("department") || mapping.defaults["department"] != nil ? layout.position("department") : nil
        // Rows are read in order and checked a round at a time on every core (the checks are per row).
        var pending: [(Int, [String])] = []
        let round = 2_048 * Cores.count
        func check() {
            let rows = pending
            for (parsed, found) in Cores.slices(rows.indices, { slice in
                var parsed: [(Int, R)] = [], found: [SheetProblem] = []
                for i in slice {
                    var row = SheetRow(number: rows[i].0, cells: rows[i].1, layout: layout)
                    if let r = parse(&row) { parsed.append((rows[i].0, r)) } else { found += row.problems }
                }
                return (parsed, found)
            }) {
                out += parsed
                problems += found
            }
            pending.removeAll(keepingCapacity: true)
        }
        while let fields = reader.next() {
            number += 1
            if progress && number % 5_000 == 0 {
                FileHandle.standardError.write(Data("\r已检查 \(number - 1) 行…".utf8))
            }
            if fields.count == 1 && fields[0].isEmpty { continue }     // a blank line
            guard fields.count == header.count else {
                problems.append(SheetProblem(row: number, column: "—", reason: Text("有 \(fields.count) 列，表头有 \(header.count) 列",
                                                                                 "\(fields.count) columns, the header has \(header.count)")))
                continue
            }
            var cells = [String](repeating: "", count: layout.keys.count)
            for (i, v) in fields.enumerated() { if let p = placeAt[i] { cells[p] = v } }
            // What the 台账 lacks or leaves blank, from the mapping file's defaults.
            for (p, v) in defaults where cells[p].isEmpty { cells[p] = v }
            if let unit, let p = departmentPlace, let code = unit(cells[p].trimmingCharacters(in: .whitespaces)) { cells[p] = code }
            pending.append((number, cells))
            if pending.count >= round { check() }
        }
        check()
        // A row with the wrong number of cells is said when read, the others' problems a round later: in row order.
        problems = problems.enumerated().sorted { ($0.element.row, $0.offset) < ($1.element.row, $1.offset) }.map(\.element)
        if progress && number >= 5_000 { FileHandle.standardError.write(Data("\r已检查 \(number - 1) 行，写入中…\n".utf8)) }
        guard problems.isEmpty || skipBad else { throw ImportRefused(problems: problems) }
        return (out, problems)
    }
}

/// A unit as a file names it, looked up once per distinct name: a 100,000-row 台账 names a few hundred
/// units, each resolved against the units read once.
/// `mapped`: names a mapping file's `[units]` gives, taken before the ledger's own.
/// Rows are checked on several threads at once: the names already resolved are kept under a lock.
final class UnitNames: Sendable {
    private let units: [Department]
    private let mapped: [String: String]
    private let known = Locked<[String: String?]>([:])
    init(_ store: any Ledger, mapped: [String: String] = [:]) throws {
        units = try store.departments(includeInactive: true, kind: nil)
        self.mapped = mapped
    }
    func code(_ typed: String) -> String? {
        known.update { known in
            if let hit = known[typed] { return hit }
            let code = mapped[typed] ?? (try? DepartmentLookup.resolve(typed, in: units))
            known[typed] = code
            return code
        }
    }
}
