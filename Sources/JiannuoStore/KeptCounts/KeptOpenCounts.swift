import JiannuoCore

/// Open items counted by due day, kept on write like `KeptStageCounts` (the reasons are given there):
/// the first paint's header counts each kind of alert by band of days, and the list panes show how
/// many promises and complaints are open. Counted from their partial indexes, that was some 25,000
/// index entries a kind at province scale (about 12 ms of a 45 ms first paint); summed from here, a few
/// hundred rows.
///
/// The four kinds are the alerts' big sources (`AlertSources.big`), with the same conditions. A debt
/// to a small firm is kept by its delivery day and its agreed payment days (-1: none agreed), not by
/// its payment limit: the limit depends on the rules in force (default and longest terms), which the
/// reader applies to these few rows. Items without a due day (a complaint whose running stage has no
/// limit) are not kept: the lists count those through their index, where they come first.
enum KeptOpenCounts {
    static let table = "open_tallies"
    /// The schema version that brings the table (on both engines).
    static let migration = "v23-open-tallies"
    static let columns = "kind, due, days, n"

    struct Part: Sendable {
        /// The value of the `kind` column.
        let kind: String
        let table: String
        /// Whether a row is open, as the alerts and the panes ask, its columns prefixed by `p` (`NEW.` in a trigger).
        let open: @Sendable (_ p: String) -> String
        /// The due day's column, and the payment days' value (0 where there are none).
        let due: String
        let days: @Sendable (_ p: String) -> String
        /// Whether a row is counted here: open, with a due day.
        func kept(_ p: String) -> String { "\(open(p)) AND \(p)\(due) IS NOT NULL" }
    }

    static let commitments = Part(kind: "commitment", table: "commitments", open: { CoreSQL.commitmentOpen("\($0)status") },
                                  due: "deadline", days: { _ in "0" })
    static let debts = Part(kind: "debt", table: "commitments", open: { CoreSQL.debtOpen($0) }, due: "delivered_on",
                            days: { "coalesce(\($0)payment_days, -1)" })
    static let complaints = Part(kind: "complaint", table: "complaints", open: { CoreSQL.complaintOpen($0) },
                                 due: "current_due", days: { _ in "0" })
    static let rectifications = Part(kind: "rectification", table: "rectifications", open: { "\($0)completed_on IS NULL" },
                                     due: "deadline", days: { _ in "0" })
    static let parts = [commitments, debts, complaints, rectifications]
    /// The record tables counted, each with its triggers.
    static let tables = parts.map(\.table).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }

    /// A debt's agreed payment days as the table keeps them: -1 for none agreed.
    static let paymentDays = "nullif(days, -1)"

    /// The counts as the records give them, grouped afresh: what the table must equal.
    static func recomputeSQL() -> String {
        parts.map { p in
            "SELECT '\(p.kind)' AS kind, \(p.due) AS due, \(p.days("")) AS days, count(*) AS n FROM \(p.table) WHERE \(p.kept("")) GROUP BY 2, 3"
        }.joined(separator: " UNION ALL ")
    }

    /// The columns a change of which can move a row in or out of its count: a trigger's `UPDATE OF`.
    static func watched(_ table: String) -> [String] {
        switch table {
        case "commitments": return ["status", "deadline", "category", "delivered_on", "amount_fen", "payment_days"]
        case "complaints": return Complaint.Stage.allCases.compactMap(\.reachedColumn) + ComplaintLimit.allCases.map(\.dueColumn)
        default: return ["completed_on", "deadline"]
        }
    }

    /// How many open items of `part` there are, for a pane unfiltered: the kept count plus those with
    /// no due day (read from the table's own index).
    static func totalSQL(_ part: Part) -> String {
        "SELECT (SELECT coalesce(sum(n), 0) FROM \(table) WHERE kind = '\(part.kind)')"
            + " + (SELECT count(*) FROM \(part.table) WHERE \(part.open("")) AND \(part.due) IS NULL)"
    }
}
