/// Every act the program records in the audit log, and the permission of the role table that allows it:
/// the one list the writers are held to (an act not listed is never written) and from which an engine
/// that can (PostgreSQL) refuses an audit row naming an act the session's role may not do. `nil`: the
/// ledger's own upkeep (sealing its digests, filling a demo), an administrator's.
public enum AuditActions {
    public static let permission: [String: Permission?] = {
        var m: [String: Permission?] = [
            "complaint.add": .complaintAdd, "complaint.accept": .complaintAccept, "complaint.resolve": .complaintResolve,
            "complaint.respond": .complaintRespond, "complaint.extend": .complaintExtend, "complaint.return": .complaintReturn,
            "complaint.followup": .complaintFollowup, "complaint.verify": .complaintVerify, "breach.add": .complaintVerify,
            "complaint.platform-update": .importLedger, "complaint.reveal": .revealContact,
            "commitment.add": .commitmentAdd, "commitment.amend": .commitmentAmend, "commitment.progress": .commitmentProgress,
            "commitment.fulfill": .commitmentFulfill, "commitment.feedback": .commitmentFeedback,
            "claim.confirm": .claimConfirm, "claim.reject": .claimConfirm,
            "rectification.add": .rectificationAdd, "rectification.done": .rectificationDone,
            "accountability.add": .accountabilityAdd, "opinion.add": .opinionAdd, "opinion.handle": .opinionHandle,
            "inspection.add": .inspectionManage, "finding.add": .inspectionManage,
            "escalation.add": .escalate, "breach.report": .breachReport, "attachment.add": .attach,
            "difficulty.add": .difficultyAdd, "difficulty.answer": .difficultyAnswer, "difficulty.refer": .difficultyRefer,
            "letter.issue": .letterIssue, "letter.reply": .letterReply, "report.issue": .reportIssue,
            "user.add": .userManage, "user.set-role": .userManage, "user.disable": .userManage,
            "calendar.remove": .calendarChange, "calendar.load": .calendarChange, "settings.office-zone": .calendarChange,
            "rules.apply": .rulesApply, "counts.rebuild": .countsRebuild,
            "import.departments": .importLedger, "import.commitments": .importLedger, "import.complaints": .importLedger,
            "import.12345": .importLedger, "import.all": .importLedger,
            "ledger.seal": nil, "demo.generate": nil,
        ]
        for unit in ["add", "rename", "merge", "contact", "letter"] { m["department.\(unit)"] = .departmentChange }
        for kind in CalendarOverride.Kind.allCases { m["calendar.\(kind.rawValue)"] = .calendarChange }
        return m
    }()

    /// Whether `action` is one the program records.
    public static func isListed(_ action: String) -> Bool { permission[action] != nil }

    /// The roles that may record `action` (an unlisted one: none).
    public static func roles(_ action: String) -> [AccountRole] {
        guard let entry = permission[action] else { return [] }
        guard let p = entry else { return [.admin] }
        return AccountRole.allCases.filter { RoleTable.allows($0, p) }
    }
}
