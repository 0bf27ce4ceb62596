import GRDB
import JiannuoCore

extension Store {
    public func addComplaint(_ draft: ComplaintDraft) throws -> Complaint {
        try authorize(.complaintAdd)
        var draft = draft
        if draft.received.isEmpty { draft.received = clock.now.iso }
        _ = try draft.validated(id: "TS-0000-000000", calendar: calendar, rules: rules.deadlines, clock: clock)
        return try write { db, audit in
            let probe = try draft.validated(id: "TS-0000-000000", calendar: try Store.loadCalendar(db), rules: rules.deadlines, clock: clock)
            _ = try requireDepartment(db, probe.department)
            if let cid = probe.commitment {
                guard let cm = try Commitment.fetchOne(db, key: cid) else {
                    throw JiannuoError.invalid("关联承诺 \(Sanitize.visible(cid)) 不存在", "unknown commitment \(Sanitize.visible(cid))")
                }
                // A complaint about a promise goes to the unit that owes it (or its successor).
                let units = Set(try lineageCodes(db, Lineage.current(probe.department, in: try departmentMap(db))))
                guard units.contains(cm.department) else {
                    throw JiannuoError.invalid("关联承诺 \(cid) 属于单位 \(cm.department)，不是承办单位 \(probe.department)（或其前身）的承诺",
                                               "commitment \(cid) belongs to \(cm.department), not to \(probe.department) or a predecessor")
                }
            }
            var c = probe
            c.id = try nextId(db, prefix: "TS", year: probe.received.day.year, digits: 6)
            try c.insert(db)
            try audit.record("complaint.add", entity: "complaint", id: c.id, after: c, claimed: c.received.iso)
            return c
        }
    }

    public func complaint(_ id: String) throws -> Complaint {
        try read { db in try requireComplaint(db, id) }
    }

    func requireComplaint(_ db: Database, _ id: String) throws -> Complaint {
        guard let c = try Complaint.fetchOne(db, key: id) else { throw Store.notFound(Text("投诉", "complaint"), id) }
        try visible(c.department)
        return c
    }

    public func complaints(_ f: ListFilter) throws -> [Complaint] {
        try read { db in try complaintRequest(db, f).order(Column("received").desc, Column("id").desc).page(f).fetchAll(db) }
    }

    public func complaintCount(_ f: ListFilter) throws -> Int {
        try read { db in try complaintRequest(db, f).fetchCount(db) }
    }

    /// `status` is a stage (received, accepted, resolved, responded) or `open` (not yet answered).
    func complaintRequest(_ db: Database, _ f: ListFilter) throws -> QueryInterfaceRequest<Complaint> {
        let f = try confined(f, db)
        var q = Complaint.all()
        if let d = f.department { q = q.filter(try lineageCodes(db, d).contains(Column("department"))) }
        if let s = f.status {
            switch s {
            case "open": q = q.filter(Column("responded_at") == nil)
            case "received": q = q.filter(Column("accepted_at") == nil)
            case "accepted": q = q.filter(Column("accepted_at") != nil && Column("resolved_at") == nil)
            case "resolved": q = q.filter(Column("resolved_at") != nil && Column("responded_at") == nil)
            case "responded": q = q.filter(Column("responded_at") != nil)
            default:
                throw JiannuoError.invalid("投诉状态“\(Sanitize.visible(s))”无效，可选：open、received、accepted、resolved、responded",
                                           "complaint status must be open, received, accepted, resolved or responded")
            }
        }
        if let c = f.category { q = q.filter(Column("category") == c) }
        if let from = f.from { q = q.filter(Column("received") >= from.string) }
        if let to = f.to { q = q.filter(Column("received") < to.adding(days: 1).string) }
        return q
    }

    public func accept(_ id: String, at: DateTime?) throws -> Complaint {
        try authorize(.complaintAccept)
        let t = try eventTime(at, Field("受理时间", "acceptance time"))
        return try changeComplaint(id, action: "complaint.accept", at: t) { c, cal in try ComplaintWorkflow.accept(c, at: t, cal, rules.deadlines) }
    }

    public func resolve(_ id: String, result: String, at: DateTime?) throws -> Complaint {
        try authorize(.complaintResolve)
        let t = try eventTime(at, Field("办结时间", "resolution time"))
        return try changeComplaint(id, action: "complaint.resolve", at: t) { c, cal in
            try ComplaintWorkflow.resolve(c, result: result, at: t, cal, rules.deadlines)
        }
    }

    public func respond(_ id: String, text: String, at: DateTime?) throws -> Complaint {
        try authorize(.complaintRespond)
        let t = try eventTime(at, Field("反馈时间", "response time"))
        return try changeComplaint(id, action: "complaint.respond", at: t) { c, _ in try ComplaintWorkflow.respond(c, text: text, at: t) }
    }

    public func extend(_ id: String, days: Int, reason: String, at: DateTime? = nil) throws -> Complaint {
        try authorize(.complaintExtend)
        let t = try eventTime(at, Field("延期时间", "extension time"))
        return try changeComplaint(id, action: "complaint.extend", at: t) { c, cal in
            try ComplaintWorkflow.extend(c, days: days, reason: reason, at: t, cal, rules.deadlines)
        }
    }

    public func returnComplaint(_ id: String, to department: String, reason: String, at: DateTime?) throws -> Complaint {
        try authorize(.complaintReturn)
        let t = try eventTime(at, Field("退回时间", "return time"))
        return try write { db, audit in
            _ = try requireDepartment(db, department)
            let before = try requireComplaint(db, id)
            let after = try ComplaintWorkflow.returnTo(before, department: department, reason: reason, at: t,
                                                       try Store.loadCalendar(db), rules.deadlines)
            try after.update(db)
            try audit.record("complaint.return", entity: "complaint", id: id, before: before, after: after, claimed: t.iso)
            return after
        }
    }

    public func followup(_ id: String, satisfied: Bool, note: String?, at: DateTime? = nil) throws -> Complaint {
        try authorize(.complaintFollowup)
        let t = try eventTime(at, Field("回访时间", "follow-up time"))
        return try write { db, audit in
            let before = try requireComplaint(db, id)
            let after = try ComplaintWorkflow.followup(before, satisfied: satisfied, note: note, at: t, try Store.loadCalendar(db), rules.deadlines)
            try after.update(db)
            // Each follow-up is kept: a reopened complaint is followed up again, and the first one still counts.
            try db.execute(sql: "INSERT INTO followups(complaint, at, satisfied, note) VALUES (?, ?, ?, ?)",
                           arguments: [id, t.iso, satisfied, after.followupNote])
            try audit.record("complaint.followup", entity: "complaint", id: id, before: before, after: after, claimed: t.iso)
            return after
        }
    }

    /// Verifies a complaint; a confirmed breach creates the breach record in the same transaction.
    public func verify(_ id: String, breach: Bool, finding: String, category: Int?, at: DateTime? = nil) throws -> (Complaint, Breach?) {
        try authorize(.complaintVerify)
        let t = try eventTime(at, Field("核实时间", "verification time"))
        return try write { db, audit in
            let before = try requireComplaint(db, id)
            let breachId = breach ? try nextId(db, prefix: "SX", year: t.day.year, digits: 4) : ""
            let (after, b) = try ComplaintWorkflow.verify(before, breach: breach, finding: finding, category: category,
                                                          at: t, breachId: breachId)
            try after.update(db)
            try audit.record("complaint.verify", entity: "complaint", id: id, before: before, after: after, claimed: t.iso)
            if let b {
                try b.insert(db)
                try audit.record("breach.add", entity: "breach", id: b.id, after: b, claimed: b.date.string)
            }
            return (after, b)
        }
    }

    /// One transition in one transaction, with the calendar as it is now in the database.
    func changeComplaint(_ id: String, action: String, at: DateTime, _ change: (Complaint, WorkCalendar) throws -> Complaint) throws -> Complaint {
        try write { db, audit in
            let before = try requireComplaint(db, id)
            let after = try change(before, try Store.loadCalendar(db))
            try after.update(db)
            try audit.record(action, entity: "complaint", id: id, before: before, after: after, claimed: at.iso)
            return after
        }
    }
}
