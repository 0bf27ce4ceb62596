import GRDB
import JiannuoCore

/// Overdue items reported to the county leadership (报县委县政府): any commitment, arrears,
/// complaint, rectification or opinion event past its limit, and breaches (which `breach report`
/// also records).
extension Store {
    public func escalate(_ record: String, to recipient: String, date: Day?, note: String?) throws -> Escalation {
        try LedgerWrites(self).escalate(record, to: recipient, date: date, note: note)
    }

    public func escalations(_ f: ListFilter, record: String? = nil) throws -> [Escalation] {
        let f = try confined(f)
        return try read { db in
            var q = Escalation.all()
            if let record { q = q.filter(Column("record") == record) }
            if let d = f.department { q = q.filter(try lineageCodes(db, d).contains(Column("department"))) }
            if let s = f.status {
                guard Escalation.Kind(rawValue: s) != nil else {
                    throw JiannuoError.invalid("上报事项类型只能是 " + Escalation.Kind.allCases.map(\.rawValue).joined(separator: "、"),
                                               "kind is one of " + Escalation.Kind.allCases.map(\.rawValue).joined(separator: ", "))
                }
                q = q.filter(Column("kind") == s)
            }
            if let from = f.from { q = q.filter(Column("date") >= from.string) }
            if let to = f.to { q = q.filter(Column("date") <= to.string) }
            return try q.order(Column("date").desc, Column("id").desc).page(f).fetchAll(db)
        }
    }
}
