import Foundation
import ArgumentParser
import JiannuoCore
import JiannuoStore

struct StatusCommand: JiannuoCommand {
    static let configuration = CommandConfiguration(commandName: "status", abstract: T("一屏概况：各状态数量与逾期事项", "One-screen overview: counts by status and overdue items"))
    @OptionGroup var global: GlobalOptions

    func execute(_ out: Output) throws {
        try Self.show(out, store: try out.reader())
    }

    static func show(_ out: Output, store: any Ledger) throws {
        let s = try store.summary()
        // Counts by level and the ten most urgent, from the due-day index: not every alert built and sorted.
        let page = try store.alertPage(limit: 10)
        var levels: [String: Int] = [:]
        for l in Alert.Level.allCases { levels[l.rawValue] = page.counts[l] ?? 0 }
        struct Status: Encodable {
            let today: Day; let database: String; let summary: Summary; let alerts_by_level: [String: Int]; let most_urgent: [Alert]
        }
        let urgent = page.alerts
        if out.json {
            out.emit(Status(today: store.clock.today, database: store.path, summary: s, alerts_by_level: levels, most_urgent: urgent))
            return
        }
        let l = out.lang
        out.line(out.t("践诺 Jiannuo", "Jiannuo") + "  \(store.clock.today)  \(store.path)")
        out.line([Alert.Level.escalate, .overdue, .dueToday, .nearing].map { "\($0.label(l)) \(levels[$0.rawValue]!)" }.joined(separator: "   "))
        out.line()
        let cs = CommitmentStatus.allCases.map { "\($0.label(l)) \(s.commitmentsByStatus[$0.rawValue] ?? 0)" }.joined(separator: "  ")
        out.line(out.t("承诺事项  ", "commitments  ") + cs)
        let st = Complaint.Stage.allCases.map { "\($0.label(l)) \(s.complaintsByStage[$0.rawValue] ?? 0)" }.joined(separator: "  ")
        out.line(out.t("投诉举报  ", "complaints  ") + st)
        out.say("失信违诺  \(s.breaches)（未上报 \(s.breachesUnreported)）  整改未完成 \(s.rectificationsOpen)  舆情未处置 \(s.opinionsOpen)  在用单位 \(s.departments)",
                "breaches  \(s.breaches) (\(s.breachesUnreported) not reported)  open rectifications \(s.rectificationsOpen)  unhandled opinion events \(s.opinionsOpen)  units in use \(s.departments)")
        out.say("困难问题  未答复 \(s.difficultiesOpen)（逾期 \(s.difficultiesLate)）",
                "difficulty reports  \(s.difficultiesOpen) unanswered (\(s.difficultiesLate) past their limit)")
        if !urgent.isEmpty {
            let names = try store.departmentNames()
            out.line()
            out.say("最紧急的 \(urgent.count) 项：", "the \(urgent.count) most urgent:")
            var t = out.table(["级别|level", "编号|record", "单位|unit", "时限|limit", "剩余|left", "说明|what"])
            for a in urgent {
                t.add([a.level.label(l), a.record, names[a.department] ?? a.department, a.due.string, a.remaining(l), a.message(l)],
                      short: [5: a.briefWords(l)])
            }
            out.line(t.render())
        }
    }
}

struct InitCommand: JiannuoCommand {
    static let configuration = CommandConfiguration(commandName: "init", abstract: T("创建（或升级）数据库", "Create (or upgrade) the database"))
    @Option(name: .customLong("office-zone"), help: H("办公所在时区（IANA 名称，默认 Asia/Shanghai）：决定“今天”与“现在”，与用户的 TZ 无关（仅管理员）",
                                                       "The office's time zone (an IANA name, default Asia/Shanghai): it decides what today and now are, whatever a user's TZ says (admins only)"))
    var officeZone: String?
    @OptionGroup var global: GlobalOptions
    func execute(_ out: Output) throws {
        if LedgerAddress(global.databasePath).isPostgres { try intoCity(out); return }
        let store = try out.global.openStore(.create)
        if let officeZone { try store.setOfficeZone(officeZone) }
        struct R: Encodable { let database: String }
        out.record(R(database: store.path)) { out.say("数据库已就绪：\(store.path)", "database ready: \(store.path)") }
        for w in DoctorCommand.permissionWarnings(store.path, out.lang) { FileHandle.standardError.write(Data((out.t("警告：", "warning: ") + w + "\n").utf8)) }
    }

    /// A new county in a city database: an empty ledger joins it (`CityCounty`); a county already
    /// there is opened and said ready, as `init` says of an existing file.
    func intoCity(_ out: Output) throws {
        let county = try CityCounty.county(global, Text("创建县（区）账本", "create a county's ledger"))
        let store: any LedgerAdministration
        do {
            store = try out.global.openStore(.write)
        } catch let e as JiannuoError where e.exitCode == 66 {
            _ = try CityCounty.join(global, county: county) { _ in () }
            store = try out.global.openStore(.write)
        }
        if let officeZone { try store.setOfficeZone(officeZone) }
        struct R: Encodable { let database: String; let county: String }
        out.record(R(database: store.name, county: county)) { out.say("账本已就绪：\(store.name)", "ledger ready: \(store.name)") }
    }
}
