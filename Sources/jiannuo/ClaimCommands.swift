import ArgumentParser
import JiannuoCore
import JiannuoStore

/// 待核实补录: events dated further back than the grace window (or by a unit's own liaison about an
/// earlier day) count on the day they were recorded until the office confirms them.
struct PendingCommand: JiannuoCommand {
    static let configuration = CommandConfiguration(
        commandName: "pending", abstract: T("待核实的补录事件", "Backdated events waiting for confirmation"),
        discussion: T("补录的日期早于宽限（规则 claim_grace_workdays，默认 2 个工作日），或由单位联络员补录，核实前按录入日计；由督查员、领导或管理员 jiannuo confirm 或 jiannuo reject。",
                      "An event dated further back than the grace window (rule claim_grace_workdays, default 2 working days), or backdated by a unit's liaison, counts on the day it was recorded until a supervisor, leader or admin confirms or rejects it."))
    @OptionGroup var global: GlobalOptions
    func execute(_ out: Output) throws {
        let list = try out.reader().pendingClaims()
        if out.json { out.emit(list); return }
        var t = out.table(["事件|event", "记录|record", "单位|unit", "所填日期|claimed", "暂按|counts", "录入时间|recorded", "内容|what"])
        for p in list {
            t.add([p.event, p.record, p.department, p.claimed.string, p.counts.string, p.recordedAt?.string ?? "", p.summary(out.lang)])
        }
        out.line(t.render())
        out.total(list.count, "pending claims")
    }
}

struct ConfirmCommand: JiannuoCommand {
    static let configuration = CommandConfiguration(
        commandName: "confirm", abstract: T("核实补录：事件按所填日期生效", "Confirm a backdated event: it counts on the day it claims"))
    @Argument(help: H("事件编号（记录经过中的 JL-、BG-、HJ-）", "Event id (JL-, BG-, HJ- in a record's history)")) var event: String
    @Option(help: H("核实凭证：文号或附件（FJ-）", "Evidence: a document number or an attachment (FJ-)")) var evidence: String
    @OptionGroup var global: GlobalOptions
    func execute(_ out: Output) throws { try out.decideClaim { try $0.confirmClaim(event, evidence: evidence) } }
}

struct RejectCommand: JiannuoCommand {
    static let configuration = CommandConfiguration(
        commandName: "reject", abstract: T("补录不予采信：事件按录入日生效", "Reject a backdated claim: the event counts on the day it was recorded"))
    @Argument(help: H("事件编号（记录经过中的 JL-、BG-、HJ-）", "Event id (JL-, BG-, HJ- in a record's history)")) var event: String
    @Option(help: H("理由", "Reason")) var reason: String
    @OptionGroup var global: GlobalOptions
    func execute(_ out: Output) throws { try out.decideClaim { try $0.rejectClaim(event, reason: reason) } }
}

extension Output {
    /// The office's word on a claim, said back as it now counts.
    func decideClaim(_ decide: (any Ledger) throws -> ClaimDecision) throws {
        let d = try decide(try store())
        record(d) {
            if d.state == .confirmed {
                say("经核实，\(d.record) 的 \(d.event) 按 \(d.counts) 生效", "\(d.event) of \(d.record) confirmed: it counts on \(d.counts)")
            } else {
                say("\(d.record) 的 \(d.event) 不予采信，按录入日 \(d.counts) 计", "\(d.event) of \(d.record) rejected: it counts on \(d.counts), the day it was recorded")
            }
        }
    }

    /// After a write: the events of `record` it left waiting, and who may confirm them.
    func sayPending(_ record: String, _ store: any Ledger) {
        guard let waiting = try? store.pendingClaims().filter({ $0.record == record }), let last = waiting.last else { return }
        say("所填日期 \(last.claimed) 早于补录宽限：\(last.event) 待核实补录，核实前按 \(last.counts) 计（督查员、领导或管理员：jiannuo confirm \(last.event) --evidence 文号）",
            "the date \(last.claimed) is older than the grace window: \(last.event) waits for confirmation and counts as of \(last.counts) until then (a supervisor, leader or admin: jiannuo confirm \(last.event) --evidence REF)")
    }
}
