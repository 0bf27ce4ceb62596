import JiannuoCore
import JiannuoStore

/// A complaint's record: its steps as recorded (claims and late entries noted), every earlier round,
/// and what it produced.
extension RecordDetail {
    static func complaint(_ id: String, _ store: any Ledger, _ reveal: Bool, _ unit: (String) -> String, _ w: Words) throws -> RecordContent {
        let c = try store.complaint(id)
        let history = try store.complaintHistory(id)
        func claimed(_ step: ComplaintStep, _ t: DateTime?) -> String { history.record(step, holding: t).map { stepClaimNote($0, w) } ?? "" }
        let l = w.lang
        var out = [
            DocLine("\(c.channel.label(l))\(c.workOrder.map { w("  工单编号 \($0)", "  work order \($0)") } ?? "")  \(c.urgency.label(l))  \(c.stage.label(l))"),
            DocLine(w("收到：\(c.received)", "received: \(c.received)") + claimed(.receive, c.received)
                    + w("    承办单位：\(unit(c.department))", "    unit: \(unit(c.department))")
                    + (c.returnedFrom.map { w("（由 \(unit($0)) 退回转来：\(c.returnReason ?? "")）", " (returned by \(unit($0)): \(c.returnReason ?? ""))") } ?? ""),
                    indent: 3),
            DocLine(w("投诉人：", "complainant: ") + (c.complainant ?? "—") + w("    联系方式：", "    contact: ")
                    + (c.contact.map { reveal ? $0 : Privacy.mask($0) } ?? "—")
                    // Only a role that may reveal is told how.
                    + (c.contact != nil && !reveal && store.actor.may(.revealContact)
                       ? (w.commandLine ? w("（--reveal 显示）", " (--reveal shows it)") : w("（v 显示）", " (v reveals)")) : "")),
        ]
        if let cat = c.category { out.append(DocLine(w("类别：", "category: ") + "\(cat) \(Category.label(cat, l))")) }
        if let cm = c.commitment { out.append(DocLine(w("关联承诺：", "commitment: ") + cm, link: cm)) }
        out.append(DocLine(w("内容：", "content: ") + c.content, indent: 3))
        if let r = c.returnedAt, let claim = history.claim(.return, holding: r) {
            out.append(DocLine(w("退回 \(r)", "returned \(r)") + stepClaimNote(claim, w), indent: 3))
        }
        out.append(.blank)
        out.append(DocLine(w("受理时限 \(c.acceptDue)：", "accept by \(c.acceptDue): ") + (c.acceptedAt?.string ?? w("未受理", "not yet"))
                           + claimed(.accept, c.acceptedAt)))
        // Every earlier round as it was handled and answered, then the round in hand.
        for r in history.rounds { out += roundLines(r, history, w) }
        if !history.rounds.isEmpty {
            out.append(DocLine(w("第 \(history.rounds.count + 1) 轮（\(c.reopenedAt?.string ?? "") 回访不满意后重新办理）：",
                                 "round \(history.rounds.count + 1) (handled again after the follow-up of \(c.reopenedAt?.string ?? "")):"), role: .title))
        }
        if let d = c.resolveDue {
            let ext = c.extensionDays.map { w("（延期 \($0) 个工作日：\(c.extensionReason ?? "")）", " (extended \($0) working days: \(c.extensionReason ?? ""))") + claimed(.extend, c.extendedAt) } ?? ""
            out.append(DocLine(w("办结时限 \(d)", "resolve by \(d)") + ext + w("：", ": ") + (c.resolvedAt?.string ?? w("未办结", "not yet"))
                               + claimed(.resolve, c.resolvedAt)))
        }
        if let r = c.result { out.append(DocLine(w("办理结果：", "result: ") + r, indent: 5)) }
        if let d = c.respondDue {
            out.append(DocLine(w("反馈时限 \(d)：", "answer by \(d): ") + (c.respondedAt?.string ?? w("未反馈", "not yet")) + claimed(.respond, c.respondedAt)))
        }
        if let r = c.response { out.append(DocLine(w("反馈内容：", "answer: ") + r, indent: 5)) }
        if let v = c.verifiedAt {
            out.append(DocLine(w("核实 \(v)\(claimed(.verify, v))：\(c.breach == true ? "属失信违诺" : "不属失信违诺")；",
                                 "verified \(v)\(claimed(.verify, v)): \(c.breach == true ? "a breach" : "not a breach"); ")
                               + (c.finding ?? ""), indent: 3))
        }
        // The follow-up that reopened the complaint belongs to the round it closed (shown above).
        if let f = c.followupAt, f != c.reopenedAt {
            out.append(DocLine(w("回访 \(f)\(claimed(.followup, f))：\(c.satisfied == true ? "满意" : "不满意") ",
                                 "follow-up \(f)\(claimed(.followup, f)): \(c.satisfied == true ? "satisfied" : "not satisfied") ")
                               + (c.followupNote ?? ""), indent: 3))
        }
        out += escalationLines(try store.escalations(ListFilter(), record: id), w)
        // What the complaint produced: its breach and what was done about it, each a record to open.
        if c.breach == true {
            let breaches = try store.breaches(ListFilter(department: c.department)).filter { $0.complaint == id }
            if !breaches.isEmpty {
                out.append(.blank)
                out.append(DocLine(w("由此认定：", "found from it:"), role: .title))
                for b in breaches {
                    out.append(breachLine(b, w))
                    out += try consequences(of: b, store, unit, w)
                }
            }
        }
        out += try attachmentSection(id, store, w)
        out += try difficultySection(id, store, w)
        // The audit log holds every unit's records: a liaison reads its complaint without it.
        let confined = store.actor.role.map(RoleTable.isConfined) ?? false
        let log = confined ? [] : try store.auditEntries(entity: "complaint", id: id)
        if !log.isEmpty {
            out.append(.blank)
            out.append(DocLine(w("操作记录：", "log:"), role: .title))
            for e in log.reversed() {
                out.append(DocLine("  \(e.at.prefix(19).replacingOccurrences(of: "T", with: " "))  \(e.operatorName)  \(AuditWords.word(e.action, l))"))
            }
        }
        return RecordContent(id: id, title: w("投诉 \(id)", "complaint \(id)"), department: c.department, lines: out)
    }

    /// `〔HJ-3；称 2026-11-20 09:00；待核实补录，核实前按 2026-12-06 10:02 计〕`: a complaint's step typed about
    /// an earlier moment, the moment it claims and how that claim stands.
    /// A step typed on its day within the window says nothing; one entered on a later day says when.
    static func stepClaimNote(_ claim: ComplaintStepRecord, _ w: Words) -> String {
        guard claim.recording.claim != nil else {
            guard let at = claim.recording.recordedAt, at.day != claim.claimedAt.day, let ref = claim.ref else { return "" }
            return w("〔\(ref.id)；\(at.string) 录入〕", " [\(ref.id); recorded \(at.string)]")
        }
        let parts = [claim.ref?.id ?? "", w("称 \(claim.claimedAt)", "claims \(claim.claimedAt)")]
            + claimState(claim.recording, counts: claim.counts.string, w)
        return w("〔\(parts.joined(separator: "；"))〕", " [\(parts.joined(separator: "; "))]")
    }

    /// An earlier round of a complaint: its limits, result, answer and the follow-up that closed it.
    static func roundLines(_ r: ComplaintRound, _ history: ComplaintHistory, _ w: Words) -> [DocLine] {
        func claimed(_ step: ComplaintStep, _ t: DateTime?) -> String { history.record(step, holding: t).map { stepClaimNote($0, w) } ?? "" }
        let ext = r.extensionDays.map { w("（延期 \($0) 个工作日：\(r.extensionReason ?? "")）", " (extended \($0) working days: \(r.extensionReason ?? ""))") + claimed(.extend, r.extendedAt) } ?? ""
        return [
            DocLine(w("第 \(r.round) 轮（\(r.openedAt) 起办理）：", "round \(r.round) (handled from \(r.openedAt)):"), role: .title),
            DocLine(w("办结时限 \(r.resolveDue)", "resolve by \(r.resolveDue)") + ext + w("：", ": ") + r.resolvedAt.string + claimed(.resolve, r.resolvedAt)
                    + (r.resolvedAt.day > r.resolveDue ? w("（超时）", " (late)") : "")),
            DocLine(w("办理结果：", "result: ") + r.result, indent: 5),
            DocLine(w("反馈时限 \(r.respondDue)：", "answer by \(r.respondDue): ") + r.respondedAt.string + claimed(.respond, r.respondedAt)
                    + (r.respondedAt.day > r.respondDue ? w("（超时）", " (late)") : "")),
            DocLine(w("反馈内容：", "answer: ") + r.response, indent: 5),
            DocLine(w("回访 \(r.followupAt)：不满意 ", "follow-up \(r.followupAt): not satisfied ") + (r.followupNote ?? ""), indent: 3),
        ]
    }
}
