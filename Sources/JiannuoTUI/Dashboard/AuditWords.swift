/// The audit log's actions in words, for a record's history on a Chinese screen ("complaint.accept"
/// is how the log names it; an officer reads 受理). An action not listed is shown as logged.
enum AuditWords {
    static let words: [String: String] = [
        "complaint.add": "登记", "complaint.accept": "受理", "complaint.resolve": "办结", "complaint.respond": "反馈",
        "complaint.extend": "延期", "complaint.return": "退回转交", "complaint.verify": "核实", "complaint.followup": "回访",
        "complaint.reveal": "查看完整联系方式", "commitment.add": "登记承诺", "commitment.progress": "记录进展",
        "commitment.fulfill": "兑现", "commitment.feedback": "反馈", "commitment.amend": "依法变更",
        "breach.add": "认定失信", "breach.report": "报县委县政府", "rectification.add": "移送整改",
        "rectification.done": "整改完成", "accountability.add": "问责", "import.complaints": "导入", "import.commitments": "导入",
    ]

    static func word(_ action: String) -> String { words[action] ?? action }
}
