/// The legal moves of a complaint. Each returns the changed complaint or throws the reason it is refused.
public enum ComplaintWorkflow {
    public static func accept(_ c: Complaint, at: DateTime, _ cal: WorkCalendar, _ r: DeadlineRules) throws -> Complaint {
        guard c.acceptedAt == nil else {
            throw JiannuoError.invalid("投诉 \(c.id) 已于 \(c.acceptedAt!) 受理，不能重复受理", "complaint \(c.id) was already accepted")
        }
        var c = c
        c.acceptedAt = try notBefore(at, c.returnedAt ?? c.received, Text("受理", "acceptance"), Text("登记", "receipt"))
        return ComplaintDeadlines.refreshed(c, cal, r)
    }

    public static func resolve(_ c: Complaint, result: String, at: DateTime, _ cal: WorkCalendar, _ r: DeadlineRules) throws -> Complaint {
        guard let accepted = c.acceptedAt else {
            throw JiannuoError.invalid("投诉 \(c.id) 尚未受理，不能办结", "complaint \(c.id) must be accepted before it is resolved")
        }
        guard c.resolvedAt == nil else {
            throw JiannuoError.invalid("投诉 \(c.id) 已办结，不能重复办结", "complaint \(c.id) was already resolved")
        }
        var c = c
        c.result = try Validate.text(result, Field("办理结果", "result"), max: 2000, multiline: true)
        c.resolvedAt = try notBefore(at, c.reopenedAt ?? accepted, Text("办结", "resolution"),
                                     c.reopenedAt == nil ? Text("受理", "acceptance") : Text("回访后重新办理", "reopening"))
        return ComplaintDeadlines.refreshed(c, cal, r)
    }

    public static func respond(_ c: Complaint, text: String, at: DateTime) throws -> Complaint {
        guard let resolved = c.resolvedAt else {
            throw JiannuoError.invalid("投诉 \(c.id) 尚未办结，不能反馈", "complaint \(c.id) must be resolved before it is answered")
        }
        guard c.respondedAt == nil else {
            throw JiannuoError.invalid("投诉 \(c.id) 已反馈，不能重复反馈", "complaint \(c.id) was already answered")
        }
        var c = c
        c.response = try Validate.text(text, Field("反馈内容", "response"), max: 2000, multiline: true)
        c.respondedAt = try notBefore(at, resolved, Text("反馈", "response"), Text("办结", "resolution"))
        return c
    }

    /// Extends the resolve limit, only while it has not passed, by at most the rules' maximum.
    public static func extend(_ c: Complaint, days: Int, reason: String, at: DateTime,
                              _ cal: WorkCalendar, _ r: DeadlineRules) throws -> Complaint {
        guard c.acceptedAt != nil, c.resolvedAt == nil, let due = c.resolveDue else {
            throw JiannuoError.invalid("只有已受理、未办结的投诉才能延期（\(c.id) 当前：\(c.stage.label)）",
                                       "only an accepted, unresolved complaint can be extended")
        }
        guard c.extensionDays == nil else {
            throw JiannuoError.invalid("投诉 \(c.id) 已延期过一次，不能再次延期", "complaint \(c.id) was already extended")
        }
        let today = at.day
        guard today <= due else {
            throw JiannuoError.invalid("办结时限 \(due) 已过，不能再申请延期（延期须在时限届满前提出）",
                                       "the resolve limit \(due) has passed; an extension must be asked before it")
        }
        guard (1...r.maxExtensionWorkdays).contains(days) else {
            throw JiannuoError.invalid("延期天数须为 1–\(r.maxExtensionWorkdays) 个工作日：收到 \(days)",
                                       "extension must be 1 to \(r.maxExtensionWorkdays) working days, got \(days)")
        }
        var c = c
        c.extensionReason = try Validate.text(reason, Field("延期理由", "reason"), max: 500, multiline: true)
        c.extensionDays = days
        c.extendedAt = try notBefore(at, c.acceptedAt!, Text("延期", "extension"), Text("受理", "acceptance"))
        return ComplaintDeadlines.refreshed(c, cal, r)
    }

    /// Hands a misrouted complaint to the right department; only before it is accepted.
    public static func returnTo(_ c: Complaint, department: String, reason: String, at: DateTime,
                                _ cal: WorkCalendar, _ r: DeadlineRules) throws -> Complaint {
        guard c.acceptedAt == nil else {
            throw JiannuoError.invalid("投诉 \(c.id) 已受理，不能再退回（错派件须在受理前退回）",
                                       "complaint \(c.id) was accepted; only an unaccepted complaint can be returned")
        }
        guard department != c.department else {
            throw JiannuoError.invalid("退回的目标单位不能是当前承办单位 \(department)", "cannot return a complaint to its own department")
        }
        var c = c
        c.returnReason = try Validate.text(reason, Field("退回理由", "reason"), max: 500, multiline: true)
        c.returnedAt = try notBefore(at, c.returnedAt ?? c.received, Text("退回", "return"), Text("登记", "receipt"))
        c.returnedFrom = c.department
        c.department = department
        return ComplaintDeadlines.refreshed(c, cal, r)
    }

    /// Records whether the complaint shows a real breach; once only, after acceptance.
    public static func verify(_ c: Complaint, breach: Bool, finding: String, category: Int?, at: DateTime,
                              breachId: String) throws -> (Complaint, Breach?) {
        guard let accepted = c.acceptedAt else {
            throw JiannuoError.invalid("投诉 \(c.id) 尚未受理，不能核实", "complaint \(c.id) must be accepted before it is verified")
        }
        guard c.verifiedAt == nil else {
            throw JiannuoError.invalid("投诉 \(c.id) 已于 \(c.verifiedAt!) 核实，不能重复核实", "complaint \(c.id) was already verified")
        }
        let finding = try Validate.text(finding, Field("核实情况", "finding"), max: 2000, multiline: true)
        var c = c
        c.verifiedAt = try notBefore(at, accepted, Text("核实", "verification"), Text("受理", "acceptance"))
        c.breach = breach
        c.finding = finding
        guard breach else { return (c, nil) }
        guard let cat = try (category ?? c.category).map(Validate.category) else {
            throw JiannuoError.invalid("认定失信违诺须指明类别（--category 1..6）", "a confirmed breach needs a category (--category 1..6)")
        }
        if c.category == nil { c.category = cat }
        let b = Breach(id: breachId, department: c.department, category: cat, commitment: c.commitment,
                       complaint: c.id, date: c.verifiedAt!.day, finding: finding)
        return (c, b)
    }

    /// A satisfied follow-up closes the matter; a dissatisfied one reopens it for handling again: the
    /// first result stays in the history (audit log, follow-up records), a new resolve limit runs from
    /// the follow-up. A reopened complaint, answered again, gets a follow-up again.
    public static func followup(_ c: Complaint, satisfied: Bool, note: String?, at: DateTime,
                                _ cal: WorkCalendar, _ r: DeadlineRules) throws -> Complaint {
        guard let responded = c.respondedAt else {
            throw JiannuoError.invalid("投诉 \(c.id) 尚未反馈，不能回访", "complaint \(c.id) must be answered before the follow-up")
        }
        if let done = c.followupAt, !(c.satisfied == false && responded > done) {
            throw JiannuoError.invalid("投诉 \(c.id) 已回访", "complaint \(c.id) already has a follow-up")
        }
        var c = c
        c.satisfied = satisfied
        c.followupNote = try Validate.optionalText(note, Field("回访记录", "note"), max: 1000, multiline: true)
        c.followupAt = try notBefore(at, responded, Text("回访", "follow-up"), Text("反馈", "response"))
        guard !satisfied else { return c }
        c.reopenedAt = at
        c.resolvedAt = nil; c.result = nil; c.respondedAt = nil; c.response = nil
        c.extensionDays = nil; c.extensionReason = nil; c.extendedAt = nil
        return ComplaintDeadlines.refreshed(c, cal, r)
    }

    /// An event may not be dated before the one it follows (both times are named when refused).
    static func notBefore(_ at: DateTime, _ previous: DateTime, _ what: Text, _ prev: Text) throws -> DateTime {
        try Validate.notBefore(at, Field("\(what.zh)时间", "\(what.en) time"), previous, Field("\(prev.zh)时间", "\(prev.en) time"))
        return at
    }
}
