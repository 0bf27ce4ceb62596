import GRDB
import JiannuoCore

extension LedgerEngine {
    /// `record`: only the reports on that record.
    public func difficulties(_ f: ListFilter, record: String?) throws -> [DifficultyReport] {
        try list(.difficulties(today: clock.today), f, extra: record.map { [("record = ?", $0)] } ?? [])
    }

    public func difficulty(_ id: String) throws -> DifficultyReport { try reading { r in try requireDifficulty(r, id) } }
}

extension ListSpec {
    /// `status`: open, late (open past its limit on `today`), answered, referred. Listed by the day filed.
    static func difficulties(today: Day) -> ListSpec {
        ListSpec(table: "difficulties", unit: "department", date: "filed_at", order: "filed_at DESC, id DESC", status: { s in
            switch try DifficultyReport.Status.parse(s, Field("状态", "status")) {
            case .open: return "answered_at IS NULL"
            case .late: return "answered_at IS NULL AND due < \(CoreSQL.literal(today.string))"
            case .answered: return "answered_at IS NOT NULL"
            case .referred: return "referred_at IS NOT NULL"
            }
        }, timeColumn: true)
    }
}
