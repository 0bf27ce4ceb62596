import GRDB
import JiannuoCore

extension LedgerEngine {
    public func letters(_ f: ListFilter) throws -> [SupervisionLetter] { try list(.letters(today: clock.today), f) }

    public func letter(_ id: String) throws -> SupervisionLetter { try reading { r in try requireLetter(r, id) } }
}

extension ListSpec {
    /// `status`: open, late (unanswered past its reply-by day on `today`), replied. Listed by the moment issued.
    static func letters(today: Day) -> ListSpec {
        ListSpec(table: "letters", unit: "department", date: "issued_at", order: "issued_at DESC, id DESC", status: { s in
            switch try SupervisionLetter.Status.parse(s, Field("状态", "status")) {
            case .open: return "replied_at IS NULL"
            case .late: return "replied_at IS NULL AND reply_by < \(CoreSQL.literal(today.string))"
            case .replied: return "replied_at IS NOT NULL"
            }
        }, timeColumn: true)
    }
}
