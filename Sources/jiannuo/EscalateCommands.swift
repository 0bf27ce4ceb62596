import ArgumentParser
import JiannuoCore
import JiannuoStore

/// 报县委县政府: any overdue item, reported up; its 须上报 alert clears, it stays overdue.
struct EscalateCommand: JiannuoCommand {
    static let configuration = CommandConfiguration(
        commandName: "escalate",
        abstract: T("逾期事项报县委县政府：承诺、账款、投诉、整改、舆情、失信", "Report an overdue item to the county leadership"),
        discussion: T("报送后“须上报”提示消失，事项仍为逾期；报送记入该记录的经过与审计日志。",
                      "Once reported the item is no longer flagged 'report up'; it stays overdue. The report is in the record's history and the audit log."))
    @Argument(help: H("记录编号（CN-、TS-、ZG-、YQ-、SX-）", "Record id (CN-, TS-, ZG-, YQ-, SX-)")) var record: String
    @Option(help: H("上报对象（默认县委县政府，也是目前唯一的对象；也可写 county）",
                    "Reported to (default, and for now the only one: the county Party committee and government; `county`)")) var to: String?
    @Option(help: H("上报日期（默认今天）", "Date reported (default today)")) var date: String?
    @Option(help: H("说明", "Note")) var note: String?
    @OptionGroup var global: GlobalOptions
    func execute(_ out: Output) throws {
        let recipient = to.map { $0.lowercased() == "county" ? Escalation.recipients[0] : $0 } ?? Escalation.recipients[0]
        let e = try out.store().escalate(record, to: recipient, date: try parseDay(date, "上报日期", "--date"), note: note)
        out.record(e) { out.say("\(e.record) 已于 \(e.date) 报\(e.recipient)（\(e.id)）", "\(e.record) reported to the county leadership on \(e.date) (\(e.id))") }
    }
}

struct EscalationsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "escalations", abstract: T("已报县委县政府的事项", "Items reported to the county leadership"), subcommands: [List.self])

    struct List: JiannuoCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: T("列出上报记录（--status 为事项类型）", "List escalations (--status: the item's kind)"))
        @OptionGroup var filters: FilterOptions
        @OptionGroup var global: GlobalOptions
        func execute(_ out: Output) throws {
            let list = try out.reader().escalations(try filters.filter())
            if out.json { out.emit(list); return }
            var t = out.table(["编号|id", "日期|date", "事项|record", "类型|kind", "单位|unit", "上报对象|to", "说明|note"])
            for e in list { t.add([e.id, e.date.string, e.record, e.kind.label(out.lang), e.department, e.recipient, e.note ?? ""]) }
            out.line(t.render())
            out.total(list.count, "escalations")
        }
    }
}
