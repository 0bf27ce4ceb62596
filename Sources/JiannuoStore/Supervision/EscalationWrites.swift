import JiannuoCore

/// Overdue items reported to the county leadership (报县委县政府): any commitment, arrears,
/// complaint, rectification or opinion event past its limit, and breaches (which `breach report`
/// also records).
extension LedgerEngine {
    public func escalate(_ record: String, to recipient: String, date: Day?, note: String?) throws -> Escalation {
        try authorize(.escalate)
        let day = try eventDay(date, Field("上报日期", "report date"))
        guard Escalation.recipients.contains(recipient) else {
            throw JiannuoError.invalid("上报对象只能是：\(Escalation.recipients.joined(separator: "、"))（收到“\(Sanitize.visible(recipient))”）",
                                       "--to must be one of: \(Escalation.recipients.joined(separator: ", "))")
        }
        let note = try Validate.optionalText(note, Field("说明", "note"), max: 500, multiline: true)
        return try transaction { w, audit in try recordEscalation(w, audit, record, to: recipient, on: day, note: note) }
    }

    /// The escalation itself, in the caller's transaction: an overdue item reported once; a breach also
    /// keeps the day it was reported.
    func recordEscalation(_ w: Writer, _ audit: any AuditAppending, _ record: String, to recipient: String, on day: Day, note: String?) throws -> Escalation {
        let (kind, department, due) = try overdueItem(w, record, on: day)
        if let due, due >= day {
            throw JiannuoError.invalid("\(record) 的时限是 \(due)，在 \(day) 尚未逾期：只有逾期事项报县委县政府",
                                       "\(record) is due \(due), not overdue on \(day): only overdue items are reported up")
        }
        if let earlier = try w.records(Escalation.self, "SELECT * FROM escalations WHERE record = ? ORDER BY date DESC LIMIT 1", [record]).first {
            throw JiannuoError.invalid("\(record) 已于 \(earlier.date) 报\(earlier.recipient)（\(earlier.id)）",
                                       "\(record) was already reported on \(earlier.date) (\(earlier.id))")
        }
        if kind == .breach, let b = try w.records(Breach.self, "SELECT * FROM breaches WHERE id = ?", [record]).first {
            let after = try b.reported(on: day)
            try w.update(after, from: b)
            try audit.record("breach.report", entity: "breach", id: record, before: b, after: after, claimed: day.string)
        }
        let id = try w.nextId(.escalation, year: day.year)
        let e = Escalation(id: id, record: record, kind: kind, department: department, recipient: recipient, date: day, note: note)
        try w.insert(e)
        try audit.record("escalation.add", entity: "escalation", id: id, after: e, claimed: day.string)
        return e
    }

    /// What the record is, whose it is, and the limit it passed (nil: it has none, a breach).
    private func overdueItem(_ w: Writer, _ id: String, on day: Day) throws -> (Escalation.Kind, String, Day?) {
        let owner = { (code: String) in Lineage.current(code, in: try w.departmentMap()) }
        switch RecordKind(id) {
        case .commitment:
            let c = try requireCommitment(w, id)
            let amendments = try w.records(Amendment.self, "SELECT * FROM amendments WHERE commitment = ? ORDER BY date", [id])
            // Amended when it was already due to be reported up: that duty stays, whatever its terms or state now.
            if let a = amendments.first(where: {
                $0.oldDeadline < $0.date && $0.date <= day
                    && Alerts.dueToReport(AmendedLate(commitment: c, oldDeadline: $0.oldDeadline, amendedOn: $0.date), calendar: calendar, rules: rules.deadlines)
            }) {
                return (.commitment, try owner(c.department), a.oldDeadline)
            }
            guard c.status.isOpen else {
                throw JiannuoError.invalid("承诺 \(id) 已办结（\(c.status.label)），无须上报", "commitment \(id) is closed (\(c.status.english))")
            }
            let due = c.deadline(on: day, amendments: amendments)
            if let arrears = Alerts.arrearsDue(c, rules.deadlines), arrears < due { return (.arrears, try owner(c.department), arrears) }
            return (.commitment, try owner(c.department), due)
        case .complaint:
            let c = try requireComplaint(w, id)
            guard let due = c.currentDue else {
                throw JiannuoError.invalid("投诉 \(id) 已反馈，没有未到的时限", "complaint \(id) is answered: no limit is open")
            }
            return (.complaint, try owner(c.department), due)
        case .rectification:
            let r = try requireRectification(w, id)
            guard r.completedOn == nil else {
                throw JiannuoError.invalid("整改 \(id) 已于 \(r.completedOn!) 完成", "rectification \(id) is done")
            }
            return (.rectification, try owner(r.unit), r.deadline)
        case .opinion:
            let o = try requireOpinion(w, id)
            guard o.handledOn == nil else {
                throw JiannuoError.invalid("舆情 \(id) 已于 \(o.handledOn!) 处置", "opinion event \(id) is handled")
            }
            // A major event is reported at once (须立即处置并报县委县政府), before any limit passes.
            if o.severity == .high { return (.opinion, try owner(o.department), nil) }
            return (.opinion, try owner(o.department), calendar.addingWorkdays(rules.deadlines.opinionWorkdays, to: o.date))
        case .breach:
            let b = try requireBreach(w, id)
            if let r = b.reportedOn {
                throw JiannuoError.invalid("失信 \(id) 已于 \(r) 报县委县政府", "breach \(id) was already reported on \(r)")
            }
            return (.breach, try owner(b.department), nil)
        default:
            throw JiannuoError.invalid("“\(Sanitize.visible(String(id.prefix(30))))”不是可上报的记录编号（\(RecordKind.markers(Escalation.reportable, .zh))）",
                                       "\"\(Sanitize.visible(String(id.prefix(30))))\" is not a record that can be reported (\(RecordKind.markers(Escalation.reportable, .en)))")
        }
    }
}
