import ArgumentParser
import JiannuoCore
import JiannuoStore

struct BreachCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "breach", abstract: T("失信违诺记录：列表、查看、报县委县政府", "Breach records: list, show, report to the county Party committee and government"),
        subcommands: [List.self, Show.self, Report.self])

    struct List: JiannuoCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: T("列出失信记录（--status reported|unreported）", "List breach records (--status reported|unreported)"))
        @OptionGroup var filters: FilterOptions
        @OptionGroup var global: GlobalOptions
        func execute(_ out: Output) throws {
            let store = try out.reader()
            let list = try store.breaches(try filters.filter())
            if out.json {
                out.emit(try list.map { BreachView(b: $0, rectifications: try store.rectifications(ListFilter(), breach: $0.id),
                                                   accountability: try store.accountability(ListFilter(), breach: $0.id)) })
                return
            }
            let names = try store.departmentNames()
            var t = out.table(["编号|id", "单位|unit", "类别|category", "认定日期|confirmed", "投诉|complaint", "承诺|commitment", "上报|reported"])
            for b in list {
                t.add([b.id, names[b.department] ?? b.department, "\(b.category) \(Category.label(b.category, out.lang))", b.date.string, b.complaint ?? "",
                       b.commitment ?? "", b.reportedOn?.string ?? out.t("未上报", "not reported")])
            }
            out.line(t.render())
            out.total(list.count, "breaches")
        }
    }

    struct Show: JiannuoCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: T("查看失信记录及整改、问责", "Show a breach record with its rectifications and accountability"))
        @Argument var id: String
        @OptionGroup var global: GlobalOptions
        func execute(_ out: Output) throws {
            let store = try out.reader()
            let b = try store.breach(id)
            let view = BreachView(b: b, rectifications: try store.rectifications(ListFilter(), breach: id),
                                  accountability: try store.accountability(ListFilter(), breach: id))
            try out.record(view) { try out.detail(id, store) }
        }
    }

    struct Report: JiannuoCommand {
        static let configuration = CommandConfiguration(commandName: "report", abstract: T("记录已报县委县政府", "Record that a breach was reported to the county Party committee and government"))
        @Argument var id: String
        @Option(help: H("上报日期", "Date reported")) var date: String?
        @Option(help: H("说明", "Note")) var note: String?
        @OptionGroup var global: GlobalOptions
        func execute(_ out: Output) throws {
            let b = try out.store().reportBreach(id, date: try parseDay(date, "上报日期", "--date"), note: note)
            out.record(b) { out.say("\(b.id) 已于 \(b.reportedOn!) 报县委县政府", "\(b.id) reported on \(b.reportedOn!)") }
        }
    }
}

struct RectificationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rectification", abstract: T("整改：移送、完成、列表", "Rectification: order, complete, list"), subcommands: [Add.self, Done.self, List.self])

    struct Add: JiannuoCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: T("移送整改：责任单位、措施、时限", "Order a rectification: responsible unit, measures, deadline"))
        @Argument(help: H("失信记录编号（SX-），或督促检查发现的问题（FX-）", "Breach record ID (SX-), or a supervision finding (FX-)")) var breach: String
        @Option(help: H("整改责任单位（代码或名称）；对检查发现的问题默认为其单位", "Unit responsible (code or name); for a finding, its unit by default")) var unit: String?
        @Option(help: H("整改措施", "Rectification measures")) var measures: String
        @Option(help: H("整改时限", "Rectification deadline")) var deadline: String
        @Option(help: H("下达整改的日期（默认今天；时限按此日期检查）", "Date the rectification was ordered (default today; the deadline is checked against it)")) var ordered: String?
        @OptionGroup var global: GlobalOptions
        func execute(_ out: Output) throws {
            let store = try out.store()
            let due = try Validate.day(deadline, Field("整改时限", "--deadline"))
            let day = try parseDay(ordered, "下达整改日期", "--ordered")
            let r: Rectification
            if RecordKind(breach) == .finding {
                r = try store.addRectification(finding: breach, unit: unit, measures: measures, deadline: due, ordered: day)
            } else {
                guard let unit else {
                    throw JiannuoError.usage("移送失信记录的整改须写明 --unit 责任单位", "--unit is required for a breach's rectification")
                }
                r = try store.addRectification(breach: breach, unit: try store.unitCode(unit), measures: measures, deadline: due, ordered: day)
            }
            out.record(r) { out.say("已移送整改 \(r.id)：\(r.unit)，时限 \(r.deadline)", "rectification \(r.id) ordered: \(r.unit), due \(r.deadline)") }
        }
    }

    struct Done: JiannuoCommand {
        static let configuration = CommandConfiguration(commandName: "done", abstract: T("整改完成", "Mark a rectification as completed"))
        @Argument var id: String
        @Option(help: H("完成日期", "Date completed")) var date: String?
        @OptionGroup var global: GlobalOptions
        func execute(_ out: Output) throws {
            let r = try out.store().completeRectification(id, date: try parseDay(date, "完成日期", "--date"))
            out.record(r) { out.say("整改 \(r.id) 已于 \(r.completedOn!) 完成", "rectification \(r.id) done on \(r.completedOn!)") }
        }
    }

    struct List: JiannuoCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: T("列出整改（--status open|done）", "List rectifications (--status open|done)"))
        @OptionGroup var filters: FilterOptions
        @OptionGroup var global: GlobalOptions
        func execute(_ out: Output) throws {
            let list = try out.reader().rectifications(try filters.filter())
            if out.json { out.emit(list); return }
            var t = out.table(["编号|id", "依据|follows", "责任单位|unit", "开始|opened", "时限|deadline", "完成|done"])
            for r in list { t.add([r.id, r.source, r.unit, r.opened.string, r.deadline.string, r.completedOn?.string ?? out.t("未完成", "open")]) }
            out.line(t.render())
            out.total(list.count, "rectifications")
        }
    }
}

struct AccountabilityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "accountability", abstract: T("问责：登记、列表", "Accountability: record, list"), subcommands: [Add.self, List.self])

    struct Add: JiannuoCommand {
        static let configuration = CommandConfiguration(commandName: "add",
            abstract: T("登记问责：对象为单位或公职人员，方式取自规定的列表，依据失信记录、投诉或检查发现的问题",
                        "Record accountability: against a unit or an official, a kind from the documented list, following a breach, a complaint or a finding"),
            discussion: T("方式：" + AccountabilityKind.allCases.map { "\($0.rawValue)（\($0.label)）" }.joined(separator: "、"),
                          "kinds: " + AccountabilityKind.allCases.map { "\($0.rawValue) (\($0.english))" }.joined(separator: ", ")))
        @Argument(help: H("依据的记录：失信记录（SX-）、投诉（TS-，办理中违纪违规，无须失信认定）或检查发现的问题（FX-）",
                          "The record it follows: a breach (SX-), a complaint (TS-, handling violations, no breach needed) or a finding (FX-)"))
        var breach: String
        @Option(name: .customLong("target-kind"), help: H("unit（单位，默认）或 official（公职人员）", "unit (default) or official")) var targetKind: String = "unit"
        @Option(help: H("公职人员姓名（--target-kind official）", "The official's name (--target-kind official)")) var official: String?
        @Option(help: H("公职人员职务", "The official's post")) var post: String?
        @Option(help: H("问责对象的说明（默认由单位名称、职务与姓名生成）", "The target as one line (default: from the unit, post and name)")) var target: String?
        @Option(help: H("问责方式（见下）", "Kind (see below)")) var kind: String
        @Option(help: H("日期", "Date")) var date: String?
        @OptionGroup var global: GlobalOptions
        func execute(_ out: Output) throws {
            let who = try AccountabilityTarget.parse(targetKind, Field("问责对象类型", "--target-kind"))
            let a = try out.store().addAccountability(follows: breach, targetKind: who, official: official, post: post, target: target,
                                                      kind: kind, date: try parseDay(date, "日期", "--date"))
            out.record(a) {
                out.say("已登记问责 \(a.id)：\(a.kind) \(a.target)（依据 \(a.source)）",
                        "accountability \(a.id) recorded: \(AccountabilityKind.display(a.kind, .en)) \(a.target) (follows \(a.source))")
            }
        }
    }

    struct List: JiannuoCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: T("列出问责", "List accountability measures"))
        @OptionGroup var filters: FilterOptions
        @OptionGroup var global: GlobalOptions
        func execute(_ out: Output) throws {
            let list = try out.reader().accountability(try filters.filter())
            if out.json { out.emit(list); return }
            var t = out.table(["编号|id", "依据|follows", "单位|unit", "日期|date", "方式|kind", "对象|target"])
            for a in list { t.add([a.id, a.source, a.department ?? "", a.date.string, AccountabilityKind.display(a.kind, out.lang), a.target]) }
            out.line(t.render())
            out.total(list.count, "actions")
        }
    }
}

struct OpinionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "opinion", abstract: T("舆情：登记、处置、列表", "Public opinion: record, handle, list"), subcommands: [Add.self, Handle.self, List.self])

    struct Add: JiannuoCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: T("登记舆情", "Record a public opinion incident"))
        @Option(help: H("涉及单位代码", "Code of the unit concerned")) var department: String
        @Option(help: H("标题", "Title")) var title: String
        @Option(help: H("来源", "Source")) var source: String
        @Option(help: "low|medium|high") var severity: String = "medium"
        @Option(help: H("发现日期", "Date found")) var date: String?
        @OptionGroup var global: GlobalOptions
        func execute(_ out: Output) throws {
            let store = try out.store()
            let o = try store.addOpinion(department: try store.unitCode(department), title: title, source: source,
                                               severity: try Severity.parse(severity, Field("级别", "severity")),
                                               date: try parseDay(date, "发现日期", "--date"))
            out.record(o) { out.say("已登记舆情 \(o.id)（\(o.severity.label)）", "opinion event \(o.id) recorded") }
        }
    }

    struct Handle: JiannuoCommand {
        static let configuration = CommandConfiguration(commandName: "handle", abstract: T("记录处置", "Record how an incident was handled"))
        @Argument var id: String
        @Option(help: H("处置日期", "Date handled")) var date: String?
        @Option(help: H("处置情况", "How it was handled")) var note: String?
        @OptionGroup var global: GlobalOptions
        func execute(_ out: Output) throws {
            let o = try out.store().handleOpinion(id, date: try parseDay(date, "处置日期", "--date"), note: note)
            out.record(o) { out.say("舆情 \(o.id) 已于 \(o.handledOn!) 处置", "opinion event \(o.id) handled") }
        }
    }

    struct List: JiannuoCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: T("列出舆情（--status open|handled|low|medium|high）", "List public opinion incidents (--status open|handled|low|medium|high)"))
        @OptionGroup var filters: FilterOptions
        @OptionGroup var global: GlobalOptions
        func execute(_ out: Output) throws {
            let store = try out.reader()
            let list = try store.opinions(try filters.filter())
            if out.json { out.emit(list); return }
            let names = try store.departmentNames()
            var t = out.table(["编号|id", "单位|unit", "发现|found", "级别|severity", "来源|source", "标题|title", "处置|handled"])
            for o in list {
                t.add([o.id, names[o.department] ?? o.department, o.date.string, o.severity.label(out.lang), o.source, o.title, o.handledOn?.string ?? out.t("未处置", "open")])
            }
            out.line(t.render())
            out.total(list.count, "events")
        }
    }
}
