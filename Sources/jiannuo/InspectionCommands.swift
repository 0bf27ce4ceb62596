import ArgumentParser
import JiannuoCore
import JiannuoStore

/// 督促检查: supervision rounds, what they found, and the rectification a finding may order.
struct InspectionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspection", abstract: T("督促检查：登记检查、记录发现的问题（可限期整改）、列表、查看",
                                               "Supervision rounds: add a round, record findings (which may order rectification), list, show"),
        subcommands: [Add.self, List.self, Show.self, FindingCommand.self])

    struct Add: JiannuoCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: T("登记一轮督促检查", "Add a supervision round"))
        @Option(help: H("检查名称", "Name of the round")) var name: String
        @Option(help: H("开始日期", "First day")) var from: String
        @Option(help: H("截止日期", "Last day")) var to: String
        @Option(help: H("检查的单位（代码或名称，逗号分隔）", "Units inspected (codes or names, comma-separated)")) var departments: String?
        @Flag(help: H("检查全部在用单位", "Inspect every unit in use")) var all = false
        @Option(help: H("检查人员", "Inspectors")) var inspectors: String
        @OptionGroup var global: GlobalOptions
        func execute(_ out: Output) throws {
            guard all != (departments != nil) else {
                throw JiannuoError.usage("请用 --departments 列出单位，或用 --all 检查全部单位（二者选一）", "give either --departments or --all")
            }
            let units = departments.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } }
            let r = try out.store().addInspection(name: name, from: try Validate.day(from, Field("开始日期", "--from")),
                                                  to: try Validate.day(to, Field("截止日期", "--to")), departments: units, inspectors: inspectors)
            out.record(r) {
                out.say("已登记督促检查 \(r.id)：\(r.name)（\(r.from) 至 \(r.to)，\(r.departments.isEmpty ? "全部单位" : "\(r.departments.count) 个单位")）",
                        "supervision round \(r.id) added: \(r.name) (\(r.from) to \(r.to), \(r.departments.isEmpty ? "every unit" : "\(r.departments.count) units"))")
            }
        }
    }

    struct List: JiannuoCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: T("列出督促检查（--open 只列未结束的）", "List supervision rounds (--open: those not over)"))
        @Flag(help: H("只列未结束的检查", "Only rounds not over yet")) var open = false
        @OptionGroup var global: GlobalOptions
        func execute(_ out: Output) throws {
            let store = try out.reader()
            let list = try store.inspections(openOn: open ? store.clock.today : nil)
            if out.json { out.emit(list); return }
            let counts = Dictionary(grouping: try store.findings(ListFilter()), by: \.round).mapValues(\.count)
            var t = out.table(["编号|id", "名称|name", "开始|from", "截止|to", "单位|units", "发现问题|findings", "检查人员|inspectors"], right: [5])
            for r in list {
                t.add([r.id, r.name, r.from.string, r.to.string, r.departments.isEmpty ? out.t("全部", "all") : "\(r.departments.count)",
                       "\(counts[r.id] ?? 0)", r.inspectors])
            }
            out.line(t.render())
            out.total(list.count, "rounds")
        }
    }

    struct Show: JiannuoCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: T("查看一轮检查及其发现的问题", "Show a round and its findings"))
        @Argument var id: String
        @OptionGroup var global: GlobalOptions
        func execute(_ out: Output) throws {
            let store = try out.reader()
            let r = try store.inspection(id)
            struct View: Encodable { let round: InspectionRound; let findings: [Finding]; let id: String }
            try out.record(View(round: r, findings: try store.findings(ListFilter(), round: id), id: id)) { try out.detail(id, store) }
        }
    }
}

struct FindingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "finding", abstract: T("检查发现的问题：记录、列表", "Findings: add, list"), subcommands: [Add.self, List.self])

    struct Add: JiannuoCommand {
        static let configuration = CommandConfiguration(commandName: "add",
            abstract: T("记录检查发现的问题；--order-rectification 同时责令限期整改（无须失信认定）",
                        "Record a finding; --order-rectification also orders rectification by a deadline (no breach needed)"))
        @Argument(help: H("检查编号（DC-）", "Round id (DC-)")) var round: String
        @Option(help: H("单位（代码或名称）", "Unit (code or name)")) var department: String
        @Option(help: H("发现的问题", "The problem found")) var issue: String
        @Option(help: H("依据（文件、条款）", "Basis (document, clause)")) var basis: String
        @Option(help: H("low|medium|high（一般/较大/重大）", "low|medium|high")) var severity: String
        @Option(help: H("发现日期（默认今天）", "Date found (default today)")) var date: String?
        @Flag(name: .customLong("order-rectification"), help: H("责令限期整改", "Order rectification by a deadline")) var order = false
        @Option(help: H("整改时限（与 --order-rectification 同用）", "Rectification deadline (with --order-rectification)")) var deadline: String?
        @Option(help: H("整改措施（与 --order-rectification 同用）", "Measures (with --order-rectification)")) var measures: String?
        @OptionGroup var global: GlobalOptions
        func execute(_ out: Output) throws {
            var rectify: (Day, String)? = nil
            if order {
                guard let deadline, let measures else {
                    throw JiannuoError.usage("责令限期整改须同时给出 --deadline 与 --measures", "--order-rectification needs --deadline and --measures")
                }
                rectify = (try Validate.day(deadline, Field("整改时限", "--deadline")), measures)
            } else if deadline != nil || measures != nil {
                throw JiannuoError.usage("--deadline 与 --measures 只与 --order-rectification 同用", "--deadline and --measures go with --order-rectification")
            }
            let (f, r) = try out.store().addFinding(round: round, department: department, issue: issue, basis: basis,
                                                    severity: try Severity.parse(severity, Field("级别", "--severity")),
                                                    date: try parseDay(date, "发现日期", "--date"), order: rectify)
            struct View: Encodable { let id: String; let finding: Finding; let rectification: Rectification? }
            out.record(View(id: f.id, finding: f, rectification: r)) {
                out.say("已记录检查发现 \(f.id)（\(f.department)，\(f.severity.label)）", "finding \(f.id) recorded (\(f.department), \(f.severity.english))")
                if let r { out.say("已责令限期整改 \(r.id)，时限 \(r.deadline)", "rectification \(r.id) ordered, due \(r.deadline)") }
            }
        }
    }

    struct List: JiannuoCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: T("列出检查发现的问题（--status low|medium|high）", "List findings (--status low|medium|high)"))
        @Option(help: H("只列这一轮检查的", "Only this round's")) var round: String?
        @OptionGroup var filters: FilterOptions
        @OptionGroup var global: GlobalOptions
        func execute(_ out: Output) throws {
            let list = try out.reader().findings(try filters.filter(), round: round)
            if out.json { out.emit(list); return }
            var t = out.table(["编号|id", "检查|round", "单位|unit", "日期|date", "级别|severity", "问题|issue"])
            for f in list { t.add([f.id, f.round, f.department, f.date.string, f.severity.label(out.lang), f.issue]) }
            out.line(t.render())
            out.total(list.count, "findings")
        }
    }
}
