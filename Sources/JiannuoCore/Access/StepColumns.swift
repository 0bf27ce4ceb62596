/// The columns of a record each permission's steps change, where they are fewer than the whole row:
/// what an engine that grants by column (PostgreSQL) lets the role update, so that in `psql` a unit's
/// liaison may move its promise's progress but not its deadline, its content or its amount, and
/// answer a complaint but not rewrite what it says or when it came. The workflow (`ComplaintWorkflow`,
/// `CommitmentWorkflow`, `Rectification.done`) is held to these sets by a test. A permission not
/// listed here changes its table's rows as a whole (the office's steps that amend or confirm).
public enum StepColumns {
    /// The limits in force, which every step of a complaint recomputes.
    static let complaintLimits: Set<String> = ["accept_due", "resolve_due", "respond_due"]

    public static func updates(_ p: Permission) -> [String: Set<String>]? {
        switch p {
        case .complaintAccept: ["complaints": complaintLimits.union(["accepted_at"])]
        case .complaintResolve: ["complaints": complaintLimits.union(["resolved_at", "result"])]
        case .complaintRespond: ["complaints": complaintLimits.union(["responded_at", "response"])]
        case .complaintReturn: ["complaints": complaintLimits.union(["returned_at", "returned_from", "return_reason", "department"])]
        case .complaintExtend: ["complaints": complaintLimits.union(["extension_days", "extension_reason", "extended_at"])]
        case .complaintVerify: ["complaints": complaintLimits.union(["verified_at", "breach", "finding", "category"])]
        case .complaintFollowup:
            ["complaints": complaintLimits.union(["satisfied", "followup_note", "followup_at", "reopened_at", "resolved_at", "result",
                                                  "responded_at", "response", "extension_days", "extension_reason", "extended_at"])]
        case .commitmentProgress, .commitmentFulfill, .commitmentFeedback: ["commitments": ["progress", "status", "fulfilled_on"]]
        case .rectificationDone: ["rectifications": ["completed_on"]]
        case .letterReply: ["letters": ["reply", "replied_at", "replied_by"]]
        default: nil
        }
    }
}
