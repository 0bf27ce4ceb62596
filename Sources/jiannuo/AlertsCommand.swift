import ArgumentParser
import JiannuoCore
import JiannuoStore

struct AlertsCommand: JiannuoCommand {
    static let configuration = CommandConfiguration(commandName: "alerts", abstract: T("临期、逾期与须上报事项，最紧急的在前", "Items nearing or past their deadline and items to escalate, most urgent first"))
    @Option(help: H("单位代码", "Unit code")) var department: String?
    @Option(help: "escalate|overdue|due_today|nearing|info") var level: String?
    @Option(help: "commitment|complaint_accept|complaint_resolve|complaint_respond|complaint_return|rectification|arrears|opinion|breach_report|calendar")
    var kind: String?
    @Option(help: H("最多条数", "Maximum number of entries")) var limit: Int?
    @OptionGroup var global: GlobalOptions

    func execute(_ out: Output) throws {
        let level = try self.level.map { l -> Alert.Level in
            guard let v = Alert.Level(rawValue: l) else {
                throw JiannuoError.invalid("级别“\(Sanitize.visible(l))”无效，可选：escalate、overdue、due_today、nearing、info", "unknown level \(l)")
            }
            return v
        }
        let kind = try self.kind.map { k -> Alert.Kind in
            guard let v = Alert.Kind(rawValue: k) else {
                throw JiannuoError.invalid("类型“\(Sanitize.visible(k))”无效", "unknown kind \(k)")
            }
            return v
        }
        let store = try out.reader()
        var list = try store.alerts()
        if let department { list = list.filter { $0.department == department } }
        if let level { list = list.filter { $0.level == level } }
        if let kind { list = list.filter { $0.kind == kind } }
        if let limit { list = Array(list.prefix(max(0, limit))) }
        if out.json { print(FastJSON.alerts(list)); return }
        var t = TextTable(["级别", "类型", "编号", "单位", "时限", "剩余", "说明"], rightAligned: [5])
        for a in list {
            t.add([a.level.label, a.kind.label, a.record, a.department, a.due.string,
                   "\(a.daysLeft)\(a.dayUnit == .working ? "工作日" : "天")", a.message])
        }
        out.line(t.render(maxColumn: 60))
        out.say("共 \(list.count) 条", "\(list.count) alerts")
    }
}
