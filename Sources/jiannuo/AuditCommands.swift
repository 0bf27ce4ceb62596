import ArgumentParser
import JiannuoCore
import JiannuoStore

struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "审计日志：查看、校验哈希链", subcommands: [List.self, Verify.self])

    struct List: JiannuoCommand {
        static let configuration = CommandConfiguration(abstract: "列出审计日志（最新在前）")
        @Option(help: "对象类型，如 complaint") var entity: String?
        @Option(help: "对象编号") var id: String?
        @Option(help: "最多条数") var limit: Int = 50
        @OptionGroup var global: GlobalOptions
        func execute(_ out: Output) throws {
            let list = try out.store(create: false).auditEntries(entity: entity, id: id, limit: limit)
            if out.json { out.emit(list); return }
            var t = TextTable(["序号", "时间", "操作人", "操作", "对象"], rightAligned: [0])
            for e in list { t.add(["\(e.seq)", e.at, e.operatorName, e.action, "\(e.entity) \(e.entityId)"]) }
            out.line(t.render(maxColumn: 48))
        }
    }

    struct Verify: JiannuoCommand {
        static let configuration = CommandConfiguration(abstract: "校验哈希链：完好退出 0，被改动退出 65 并指出第一处")
        @OptionGroup var global: GlobalOptions
        func execute(_ out: Output) throws {
            let r = try out.store(create: false).verifyAudit()
            struct Result: Encodable { let intact: Bool; let rows: Int; let first_bad: Int64?; let reason: String? }
            if out.json { out.emit(Result(intact: r.intact, rows: r.rows, first_bad: r.firstBad, reason: r.reason?(out.lang))) }
            if r.intact {
                if !out.json { out.say("审计日志完好：\(r.rows) 行，哈希链连续", "audit log intact: \(r.rows) rows") }
                return
            }
            throw JiannuoError.invalid("审计日志被改动：\(r.reason!.zh)", "audit log broken: \(r.reason!.en)")
        }
    }
}
