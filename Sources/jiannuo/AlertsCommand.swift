import Foundation
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
    @Option(name: .customLong("as-known"), help: H("按当时所知：该日结束时的提示，只用当日已录入的记录（默认今天、按更正后的记录）",
                                                   "As known: the alerts at the end of that day, from only what was recorded by then (default today, as corrected)"))
    var asKnown: String?
    @OptionGroup var global: GlobalOptions

    func execute(_ out: Output) throws {
        let level = try self.level.map { l -> Alert.Level in
            guard let v = Alert.Level(rawValue: l) else {
                throw JiannuoError.invalid("级别“\(Sanitize.visible(l))”无效，可选：escalate（须上报）、overdue（已逾期）、due_today（今日到期）、nearing（临期）、info（提示）",
                                           "unknown level \(Sanitize.visible(l)); one of escalate, overdue, due_today, nearing, info")
            }
            return v
        }
        let kind = try self.kind.map { k -> Alert.Kind in
            guard let v = Alert.Kind(rawValue: k) else {
                throw JiannuoError.invalid("类型“\(Sanitize.visible(k))”无效，可选：" + Alert.Kind.allCases.map { "\($0.rawValue)（\($0.label)）" }.joined(separator: "、"),
                                           "unknown kind \(Sanitize.visible(k)); one of " + Alert.Kind.allCases.map(\.rawValue).joined(separator: ", "))
            }
            return v
        }
        let store = try out.reader()
        var list = try parseAsKnown(asKnown, today: store.clock.today).map { try store.alerts(asKnown: $0) } ?? (try store.alerts())
        if let department {
            let code = try store.unitCode(department)
            list = list.filter { $0.department == code }
        }
        if let level { list = list.filter { $0.level == level } }
        if let kind { list = list.filter { $0.kind == kind } }
        if let limit { list = Array(list.prefix(max(0, limit))) }
        if out.json {
            // A terminal gets the text made safe for it; a pipe gets the bytes as they are made.
            guard isatty(STDOUT_FILENO) != 1 else { out.jsonText(FastJSON.alerts(list)); return }
            FastJSON.alerts(list) { FileHandle.standardOutput.write(Data($0)) }
            FileHandle.standardOutput.write(Data("\n".utf8))
            return
        }
        let names = try store.departmentNames()
        var t = out.table(["级别|level", "类型|kind", "编号|record", "单位|unit", "时限|limit", "剩余|left", "说明|what"], right: [5], drop: [1])
        for a in list {
            // Narrow, the message gives way to a few words (the id has its own column).
            t.add([a.level.label(out.lang), a.kind.label(out.lang), a.record, names[a.department] ?? a.department, a.due.string,
                   a.remaining(out.lang), a.message(out.lang)], short: [6: a.briefWords(out.lang)])
        }
        out.line(t.render())
        out.total(list.count, "alerts")
    }
}
