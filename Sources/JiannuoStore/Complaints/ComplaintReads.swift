import GRDB
import JiannuoCore

extension LedgerEngine {
    public func complaint(_ id: String) throws -> Complaint { try reading { r in try requireComplaint(r, id) } }
    public func complaints(_ f: ListFilter) throws -> [Complaint] { try list(.complaints, f) }
    public func complaintCount(_ f: ListFilter) throws -> Int { try count(.complaints, f) }
    /// Every complaint matching `f`, one at a time, in id order.
    public func eachComplaint(_ f: ListFilter, _ body: (Complaint) throws -> Void) throws { try stream(.complaints, f, body) }

    public func complaintHistory(_ id: String) throws -> ComplaintHistory {
        try reading { r in
            _ = try requireComplaint(r, id)
            return ComplaintHistory(
                rounds: try r.records(ComplaintRound.self, "SELECT * FROM complaint_rounds WHERE complaint = ? ORDER BY round", [id]),
                steps: try r.records(ComplaintStepRecord.self, "SELECT * FROM complaint_steps WHERE complaint = ? ORDER BY id", [id]))
        }
    }
}

extension ListSpec {
    /// `status` is a stage (received, accepted, resolved, responded) or `open` (not yet answered).
    static let complaints = ListSpec(table: "complaints", unit: "department", date: "received", order: "received DESC, id DESC", status: { s in
        if s == "open" { return CoreSQL.complaintOpen() }
        guard let stage = Complaint.Stage(rawValue: s) else {
            let words = (["open"] + Complaint.Stage.allCases.map(\.rawValue))
            throw invalid("投诉状态“\(Sanitize.visible(s))”无效，可选：\(words.joined(separator: "、"))",
                          "complaint status must be \(words.dropLast().joined(separator: ", ")) or \(words.last!)")
        }
        return CoreSQL.complaintIn(stage)
    }, timeColumn: true)
}
