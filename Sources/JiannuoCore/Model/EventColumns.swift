/// The columns that say when something happened (a receipt, a step, a fulfilment, a finding): none
/// may hold a moment after the end of the office's today, whoever writes it. The program refuses such
/// a date as it is typed (`Validate.notFuture`); an engine that can (PostgreSQL) refuses it too, so that
/// an officer in `psql` cannot date a promise fulfilled next year or a step that has not happened.
public enum EventColumns {
    public static let happened: [String: [String]] = [
        "complaints": ["received", "accepted_at", "resolved_at", "responded_at", "returned_at", "verified_at", "followup_at",
                       "extended_at", "reopened_at"],
        "commitments": ["made", "fulfilled_on"],
        "commitment_entries": ["date"],
        "amendments": ["date"],
        "breaches": ["date", "reported_on"],
        "rectifications": ["opened", "completed_on"],
        "opinions": ["date", "handled_on"],
        "followups": ["at"],
        "accountability": ["date"],
        "letters": ["issued_at", "replied_at"],
    ]

    /// Which step follows which: a column's moment is not before the first set one of the columns it
    /// follows (`ComplaintWorkflow`'s notBefore, a promise's fulfilment and its making, a rectification's
    /// completion and its opening). An engine that can checks it when the later column changes.
    public static let follows: [String: [(later: String, earlier: [String])]] = [
        "complaints": [("returned_at", ["received"]), ("accepted_at", ["returned_at", "received"]),
                       ("resolved_at", ["reopened_at", "accepted_at"]), ("responded_at", ["resolved_at"]),
                       ("verified_at", ["accepted_at"]), ("extended_at", ["accepted_at"]), ("followup_at", ["responded_at"])],
        "commitments": [("fulfilled_on", ["made"])],
        "rectifications": [("completed_on", ["opened"])],
    ]
}
