import JiannuoCore

extension LedgerEngine {
    public func addComplaint(_ draft: ComplaintDraft) throws -> Complaint {
        try authorize(.complaintAdd)
        var draft = draft
        if draft.received.isEmpty { draft.received = clock.now.iso }
        _ = try draft.validated(id: RecordKind.complaint.placeholderId, calendar: calendar, rules: rules.deadlines, clock: clock)
        return try transaction { w, audit in
            let probe = try draft.validated(id: RecordKind.complaint.placeholderId, calendar: try CalendarReads.calendar(w), rules: rules.deadlines, clock: clock)
            _ = try w.requireDepartment(probe.department)
            try WorkOrders.requireFree(w, channel: probe.channel, number: probe.workOrder)
            if let cid = probe.commitment {
                guard let cm = try w.records(Commitment.self, "SELECT * FROM commitments WHERE id = ?", [cid]).first else {
                    throw JiannuoError.invalid("关联承诺 \(Sanitize.visible(cid)) 不存在", "unknown commitment \(Sanitize.visible(cid))")
                }
                // A complaint about a promise goes to the unit that owes it (or its successor).
                let units = Set(try w.lineage(Lineage.current(probe.department, in: try w.departmentMap())))
                guard units.contains(cm.department) else {
                    throw JiannuoError.invalid("关联承诺 \(cid) 属于单位 \(cm.department)，不是承办单位 \(probe.department)（或其前身）的承诺",
                                               "commitment \(cid) belongs to \(cm.department), not to \(probe.department) or a predecessor")
                }
            }
            var c = probe
            c.id = try w.nextId(.complaint, year: probe.received.day.year)
            try w.insert(c)
            try recordStep(w, c.id, .receive, at: c.received)
            try audit.record("complaint.add", entity: "complaint", id: c.id, after: c, claimed: c.received.iso)
            return c
        }
    }

    public func accept(_ id: String, at: DateTime?) throws -> Complaint {
        try authorize(.complaintAccept)
        let t = try datedMoment(at, Field("受理时间", "acceptance time"))
        return try changeComplaint(id, .accept, action: "complaint.accept", at: t) { c, cal, t in try ComplaintWorkflow.accept(c, at: t, cal, rules.deadlines) }
    }

    public func resolve(_ id: String, result: String, at: DateTime?) throws -> Complaint {
        try authorize(.complaintResolve)
        let t = try datedMoment(at, Field("办结时间", "resolution time"))
        return try changeComplaint(id, .resolve, action: "complaint.resolve", at: t) { c, cal, t in
            try ComplaintWorkflow.resolve(c, result: result, at: t, cal, rules.deadlines)
        }
    }

    public func respond(_ id: String, text: String, at: DateTime?) throws -> Complaint {
        try authorize(.complaintRespond)
        let t = try datedMoment(at, Field("反馈时间", "response time"))
        return try changeComplaint(id, .respond, action: "complaint.respond", at: t) { c, _, t in try ComplaintWorkflow.respond(c, text: text, at: t) }
    }

    public func extend(_ id: String, days: Int, reason: String, at: DateTime?) throws -> Complaint {
        try authorize(.complaintExtend)
        let t = try datedMoment(at, Field("延期时间", "extension time"))
        return try changeComplaint(id, .extend, action: "complaint.extend", at: t) { c, cal, t in
            try ComplaintWorkflow.extend(c, days: days, reason: reason, at: t, cal, rules.deadlines)
        }
    }

    public func returnComplaint(_ id: String, to department: String, reason: String, at: DateTime?) throws -> Complaint {
        try authorize(.complaintReturn)
        let t = try datedMoment(at, Field("退回时间", "return time"))
        return try changeComplaint(id, .return, action: "complaint.return", at: t, check: { w in _ = try w.requireDepartment(department) }) { c, cal, t in
            try ComplaintWorkflow.returnTo(c, department: department, reason: reason, at: t, cal, rules.deadlines)
        }
    }

    public func followup(_ id: String, satisfied: Bool, note: String?, at: DateTime?) throws -> Complaint {
        try authorize(.complaintFollowup)
        let t = try eventTime(at, Field("回访时间", "follow-up time"))
        return try transaction { w, audit in
            let before = try requireComplaint(w, id)
            let after = try ComplaintWorkflow.followup(before, satisfied: satisfied, note: note, at: t, try CalendarReads.calendar(w), rules.deadlines)
            // A dissatisfied follow-up closes the round in hand: it is kept, shown and scored as it was.
            if after.reopenedAt != nil, after.reopenedAt != before.reopenedAt {
                let number = try w.int("SELECT count(*) FROM complaint_rounds WHERE complaint = ?", [id]) + 1
                if let round = ComplaintRound.closing(before, number: number, followupAt: t, note: after.followupNote) { try w.insert(round) }
            }
            try w.update(after, from: before)
            // Each follow-up is kept: a reopened complaint is followed up again, and the first one still counts.
            try w.execute("INSERT INTO followups(complaint, at, satisfied, note) VALUES (?, ?, ?, ?)",
                          [id, t.iso, satisfied ? 1 : 0, after.followupNote])
            try recordStep(w, id, .followup, at: t)
            try audit.record("complaint.followup", entity: "complaint", id: id, before: before, after: after, claimed: t.iso)
            return after
        }
    }

    /// Verifies a complaint; a confirmed breach creates the breach record in the same transaction.
    public func verify(_ id: String, breach: Bool, finding: String, category: Int?, at: DateTime?) throws -> (Complaint, Breach?) {
        try authorize(.complaintVerify)
        let t = try eventTime(at, Field("核实时间", "verification time"))
        return try transaction { w, audit in
            let before = try requireComplaint(w, id)
            let breachId = breach ? try w.nextId(.breach, year: t.day.year) : ""
            let (after, b) = try ComplaintWorkflow.verify(before, breach: breach, finding: finding, category: category,
                                                          at: t, breachId: breachId)
            try w.update(after, from: before)
            try recordStep(w, id, .verify, at: t)
            try audit.record("complaint.verify", entity: "complaint", id: id, before: before, after: after, claimed: t.iso)
            if let b {
                try w.insert(b)
                try audit.record("breach.add", entity: "breach", id: b.id, after: b, claimed: b.date.string)
            }
            return (after, b)
        }
    }

    /// Every step is kept with the moment it was written (as-known views undo those written later); one
    /// typed about an earlier moment than the grace window allows waits for confirmation.
    func recordStep(_ w: Writer, _ id: String, _ step: ComplaintStep, at t: DateTime, pending: Bool = false,
                            recorded: DateTime? = nil) throws {
        try w.insertUnread(ComplaintStepRecord(complaint: id, step: step, claimedAt: t, recording: EventRecording(
            claimed: pending ? t.day : nil, recordedAt: recorded ?? clock.now, claim: pending ? .pending : nil)))
    }

    /// One step in one transaction, with the calendar as it is now in the database. The step is checked
    /// at the moment it claims; a claim older than the grace window counts from its recording and waits
    /// beside the record (`complaint_steps`) for the office to confirm it.
    private func changeComplaint(_ id: String, _ step: ComplaintStep, action: String, at t: DatedMoment,
                                 check: (Writer) throws -> Void = { _ in },
                                 _ change: (Complaint, WorkCalendar, DateTime) throws -> Complaint) throws -> Complaint {
        try transaction { w, audit in
            try check(w)
            let before = try requireComplaint(w, id)
            let cal = try CalendarReads.calendar(w)
            var after: Complaint
            do { after = try change(before, cal, t.claimed) } catch let e as JiannuoError where e.kind == .invalid {
                // A step before it that waits for confirmation counts from its recording: say so.
                let waiting = try w.records(ComplaintStepRecord.self, "SELECT * FROM complaint_steps WHERE complaint = ? AND claim = 'pending' ORDER BY id", [id])
                guard let first = waiting.first(where: { $0.counts > t.claimed }), let ref = first.ref else { throw e }
                throw JiannuoError.invalid("\(e.text.zh)（\(first.step.word.zh)是待核实补录 \(ref.id)，核实前按录入时间 \(first.counts) 计；先 jiannuo confirm \(ref.id)）",
                                           "\(e.text.en) (the \(first.step.word.en) is pending claim \(ref.id), counted from its recording \(first.counts) until confirmed: jiannuo confirm \(ref.id) first)")
            }
            if t.pending { after = step.moving(after, to: t.recordedAt, cal, rules.deadlines) }
            try recordStep(w, id, step, at: t.claimed, pending: t.pending, recorded: t.recordedAt)
            try w.update(after, from: before)
            try audit.record(action, entity: "complaint", id: id, before: before, after: after, claimed: t.claimed.iso)
            return after
        }
    }
}
