import ArgumentParser
import JiannuoCore
import JiannuoStore

/// `difficulty`: a unit reports a problem it meets (困难问题报告); the office answers within a limit.
struct DifficultyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "difficulty", abstract: T("困难问题报告：报告、答复、列表、查看", "Difficulty reports: file, answer, list, show"),
        discussion: T("单位就承诺、投诉或整改报告推进中遇到的困难问题，办公室在规则 difficulty_answer_workdays 规定的工作日内答复，领导可提请县领导协调。报告不中止任何时限（时限只能依法变更）。",
                      "A unit reports a difficulty it meets with a commitment, complaint or rectification; the office answers within difficulty_answer_workdays working days (rules file); a leader may refer it to the county leadership. A report suspends no deadline (only a lawful amendment moves one)."),
        subcommands: [Add.self, Answer.self, List.self, Show.self])

    struct Add: JiannuoCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: T("报告困难问题", "File a difficulty report"))
        @Argument(help: H("所涉承诺、投诉或整改的编号（CN-、TS-、ZG-）", "The commitment, complaint or rectification it is about (CN-, TS-, ZG-)")) var record: String
        @Option(help: H("困难问题", "The difficulty")) var text: String
        @Option(help: H("请求事项", "What the unit asks for")) var asks: String?
        @OptionGroup var global: GlobalOptions
        func execute(_ out: Output) throws {
            let d = try out.store().fileDifficulty(record: record, text: text, asks: asks)
            out.record(d) { out.say("已报告困难问题 \(d.id)（\(d.record)），办公室须于 \(d.due) 前答复", "difficulty report \(d.id) (\(d.record)) filed: the office answers by \(d.due)") }
        }
    }

    struct Answer: JiannuoCommand {
        static let configuration = CommandConfiguration(commandName: "answer", abstract: T("答复困难问题报告（--to-leadership：领导提请县领导协调）",
                                                                    "Answer a difficulty report (--to-leadership: a leader refers it up)"))
        @Argument var id: String
        @Option(help: H("答复内容", "The answer")) var text: String?
        @Flag(name: .customLong("to-leadership"), help: H("提请县领导协调（领导）", "Refer it to the county leadership (leaders)")) var toLeadership = false
        @OptionGroup var global: GlobalOptions
        func execute(_ out: Output) throws {
            let d = try out.store().answerDifficulty(id, text: text, refer: toLeadership)
            out.record(d) {
                if text != nil { out.say("困难问题报告 \(d.id) 已答复", "difficulty report \(d.id) answered") }
                if toLeadership { out.say("困难问题报告 \(d.id) 已提请县领导协调", "difficulty report \(d.id) referred to the county leadership") }
            }
        }
    }

    struct List: JiannuoCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: T("列出困难问题报告（--status open|late|answered|referred）",
                                                                    "List difficulty reports (--status open|late|answered|referred)"))
        @Option(help: H("只列此记录的报告", "Only the reports on this record")) var record: String?
        @OptionGroup var filters: FilterOptions
        @OptionGroup var global: GlobalOptions
        func execute(_ out: Output) throws {
            let store = try out.reader()
            let list = try store.difficulties(try filters.filter(), record: record)
            if out.json { out.emit(list); return }
            let names = try store.departmentNames(), today = store.clock.today
            var t = out.table(["编号|id", "记录|record", "单位|unit", "报告|filed", "时限|due", "状态|state", "困难问题|difficulty"], drop: [6])
            for d in list {
                t.add([d.id, d.record, names[d.department] ?? d.department, d.filedAt.day.string, d.due.string,
                       d.status(today: today).label(out.lang), d.text])
            }
            out.line(t.render())
            out.total(list.count, "reports")
        }
    }

    struct Show: JiannuoCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: T("查看困难问题报告", "Show a difficulty report"))
        @Argument var id: String
        @OptionGroup var global: GlobalOptions
        func execute(_ out: Output) throws {
            let store = try out.reader()
            let d = try store.difficulty(id)
            try out.record(d) { try out.detail(id, store) }
        }
    }
}
