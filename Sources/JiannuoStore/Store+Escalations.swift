import GRDB
import JiannuoCore

/// Overdue items reported to the county leadership (报县委县政府): any commitment, arrears,
/// complaint, rectification or opinion event past its limit, and breaches (which `breach report`
/// also records).
extension Store {
    public func escalate(_ record: String, to recipient: String, date: Day?, note: String?) throws -> Escalation {
        try authorize(.escalate)
        let day = try eventDay(date, Field("上报日期", "report date"))
        guard Escalation.recipients.contains(recipient) else {
            throw JiannuoError.invalid("上报对象只能是：\(Escalation.recipients.joined(separator: "、"))（收到“\(Sanitize.visible(recipient))”）",
                                       "--to must be one of: \(Escalation.recipients.joined(separator: ", "))")
        }
        let note = try Validate.optionalText(note, Field("说明", "note"), max: 500, multiline: true)
        return try write { db, audit in
            let (kind, department, due) = try overdueItem(db, record, on: day)
            if let due, due >= day {
                throw JiannuoError.invalid("\(record) 的时限是 \(due)，在 \(day) 尚未逾期：只有逾期事项报县委县政府",
                                           "\(record) is due \(due), not overdue on \(day): only overdue items are reported up")
            }
            if let earlier = try Escalation.filter(Column("record") == record).order(Column("date").desc).fetchOne(db) {
                throw JiannuoError.invalid("\(record) 已于 \(earlier.date) 报\(earlier.recipient)（\(earlier.id)）",
                                           "\(record) was already reported on \(earlier.date) (\(earlier.id))")
            }
            let id = try nextId(db, prefix: "SB", year: day.year, digits: 4)
            let e = Escalation(id: id, record: record, kind: kind, department: department, recipient: recipient, date: day, note: note)
            try e.insert(db)
            if kind == .breach, let b = try Breach.fetchOne(db, key: record), b.reportedOn == nil {
                let after = try b.reported(on: day)
                try after.update(db)
                try audit.record("breach.report", entity: "breach", id: record, before: b, after: after, claimed: day.string)
            }
            try audit.record("escalation.add", entity: "escalation", id: id, after: e, claimed: day.string)
            return e
        }
    }

    /// What the record is, whose it is, and the limit it passed (nil: it has none, a breach).
    func overdueItem(_ db: Database, _ id: String, on day: Day) throws -> (Escalation.Kind, String, Day?) {
        let owner = { (code: String) in Lineage.current(code, in: try self.departmentMap(db)) }
        switch id.prefix(3) {
        case "CN-":
            let c = try requireCommitment(db, id)
            guard c.status.isOpen else {
                throw JiannuoError.invalid("承诺 \(id) 已办结（\(c.status.label)），无须上报", "commitment \(id) is closed (\(c.status.english))")
            }
            let due = c.deadline(on: day, amendments: try Amendment.filter(Column("commitment") == id).order(Column("date")).fetchAll(db))
            if let arrears = Alerts.arrearsDue(c, rules.deadlines), arrears < due { return (.arrears, try owner(c.department), arrears) }
            return (.commitment, try owner(c.department), due)
        case "TS-":
            let c = try requireComplaint(db, id)
            guard let due = c.currentDue else {
                throw JiannuoError.invalid("投诉 \(id) 已反馈，没有未到的时限", "complaint \(id) is answered: no limit is open")
            }
            return (.complaint, try owner(c.department), due)
        case "ZG-":
            guard let r = try Rectification.fetchOne(db, key: id) else { throw Store.notFound(Text("整改", "rectification"), id) }
            try visible(r.unit)
            guard r.completedOn == nil else {
                throw JiannuoError.invalid("整改 \(id) 已于 \(r.completedOn!) 完成", "rectification \(id) is done")
            }
            return (.rectification, try owner(r.unit), r.deadline)
        case "YQ-":
            guard let o = try OpinionEvent.fetchOne(db, key: id) else { throw Store.notFound(Text("舆情", "opinion event"), id) }
            try visible(o.department)
            guard o.handledOn == nil else {
                throw JiannuoError.invalid("舆情 \(id) 已于 \(o.handledOn!) 处置", "opinion event \(id) is handled")
            }
            // A major event is reported at once (须立即处置并报县委县政府), before any limit passes.
            if o.severity == .high { return (.opinion, try owner(o.department), nil) }
            return (.opinion, try owner(o.department), calendar.addingWorkdays(rules.deadlines.opinionWorkdays, to: o.date))
        case "SX-":
            let b = try requireBreach(db, id)
            if let r = b.reportedOn {
                throw JiannuoError.invalid("失信 \(id) 已于 \(r) 报县委县政府", "breach \(id) was already reported on \(r)")
            }
            return (.breach, try owner(b.department), nil)
        default:
            throw JiannuoError.invalid("“\(Sanitize.visible(String(id.prefix(30))))”不是可上报的记录编号（CN-、TS-、ZG-、YQ-、SX-）",
                                       "\"\(Sanitize.visible(String(id.prefix(30))))\" is not a record that can be reported (CN-, TS-, ZG-, YQ-, SX-)")
        }
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
