import JiannuoCore
/// The audit log's actions in words, for a record's history on a Chinese screen ("complaint.accept"
/// is how the log names it; an officer reads 受理). An action not listed is shown as logged.
public enum AuditWords {
    static let words: [String: String] = [
        "complaint.add": "登记", "complaint.accept": "受理", "complaint.resolve": "办结", "complaint.respond": "反馈",
        "complaint.extend": "延期", "complaint.return": "退回转交", "complaint.verify": "核实", "complaint.followup": "回访",
        "complaint.reveal": "查看完整联系方式", "commitment.add": "登记承诺", "commitment.progress": "记录进展",
        "commitment.fulfill": "兑现", "commitment.feedback": "反馈", "commitment.amend": "依法变更",
        "breach.add": "认定失信", "breach.report": "报县委县政府", "rectification.add": "移送整改",
        "rectification.done": "整改完成", "accountability.add": "问责", "import.complaints": "导入", "import.commitments": "导入",
        "import.departments": "导入单位", "calendar.load": "载入日历", "calendar.remove": "删除日历", "demo.generate": "生成演示数据",
        "department.add": "登记单位", "department.merge": "单位合并", "department.rename": "单位更名", "ledger.seal": "封存账本摘要",
        "opinion.add": "登记舆情", "opinion.handle": "处置舆情", "rules.apply": "规则生效", "user.add": "添加账号",
        "user.disable": "停用账号", "user.set-role": "更改角色", "counts.rebuild": "重算计分计数",
        "claim.confirm": "核实补录（采信）", "claim.reject": "核实补录（不予采信）", "attachment.add": "添加附件",
        "escalation.add": "报县委县政府", "settings.office-zone": "设定办公时区", "department.contact": "更新单位联系方式",
        "department.letter": "更新承诺书",
    ]

    static let english: [String: String] = [
        "complaint.add": "registered", "complaint.accept": "accepted", "complaint.resolve": "resolved", "complaint.respond": "answered",
        "complaint.extend": "extended", "complaint.return": "returned and passed on", "complaint.verify": "verified",
        "complaint.followup": "followed up", "complaint.reveal": "contact revealed", "commitment.add": "commitment registered",
        "commitment.progress": "progress recorded", "commitment.fulfill": "fulfilled", "commitment.feedback": "feedback",
        "commitment.amend": "amended", "breach.add": "breach confirmed", "breach.report": "reported to the county leadership",
        "rectification.add": "rectification ordered", "rectification.done": "rectification done", "accountability.add": "accountability",
        "import.complaints": "imported", "import.commitments": "imported",
        "import.departments": "units imported", "calendar.load": "calendar loaded", "calendar.remove": "calendar removed",
        "demo.generate": "demo generated", "department.add": "unit added", "department.merge": "units merged",
        "department.rename": "unit renamed", "ledger.seal": "ledger digests sealed", "opinion.add": "opinion event registered",
        "opinion.handle": "opinion event handled", "rules.apply": "rules applied", "user.add": "account added",
        "user.disable": "account disabled", "user.set-role": "role changed", "counts.rebuild": "kept counts rebuilt",
        "claim.confirm": "claim confirmed", "claim.reject": "claim rejected", "attachment.add": "file attached",
        "escalation.add": "reported to the county leadership", "settings.office-zone": "office time zone set",
        "department.contact": "unit contact updated", "department.letter": "unit letter updated",
    ]

    /// The kind of record a log row is about.
    static let entities: [String: (String, String)] = [
        "complaint": ("投诉", "complaint"), "commitment": ("承诺", "commitment"), "breach": ("失信", "breach"),
        "rectification": ("整改", "rectification"), "accountability": ("问责", "accountability"), "opinion": ("舆情", "opinion"),
        "department": ("单位", "unit"), "calendar": ("日历", "calendar"), "rules": ("规则", "rules"), "user": ("账号", "account"),
        "ledger": ("账本", "ledger"), "demo": ("演示", "demo"), "import": ("导入", "import"),
    ]

    public static func entity(_ e: String, _ lang: Lang = .zh) -> String { entities[e].map { lang == .zh ? $0.0 : $0.1 } ?? e }

    public static func word(_ action: String, _ lang: Lang = .zh) -> String { (lang == .zh ? words[action] : english[action]) ?? action }
}
