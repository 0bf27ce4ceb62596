import JiannuoCore

/// The office's word on a claim (核实补录): confirmed, the event counts on the day it claims, citing the
/// evidence; rejected, it stays on the day it was recorded, with the reason. Either is final and audited.
extension LedgerEngine {
    public func confirmClaim(_ event: String, evidence: String) throws -> ClaimDecision {
        try decide(event, .confirmed, Validate.text(evidence, Field("核实凭证（文号或附件）", "evidence (document number or attachment)"), max: 500))
    }

    public func rejectClaim(_ event: String, reason: String) throws -> ClaimDecision {
        try decide(event, .rejected, Validate.text(reason, Field("不予采信的理由", "reason"), max: 500))
    }

    private func decide(_ text: String, _ verdict: ClaimState, _ note: String) throws -> ClaimDecision {
        try authorize(.claimConfirm)
        guard let ref = EventRef(text.trimmingCharacters(in: .whitespaces)) else {
            throw JiannuoError.invalid("事件编号“\(Sanitize.visible(text))”无效：应为记录经过中所列的 JL-数字（进展、兑现、反馈）、BG-数字（变更）、HJ-数字（投诉环节）或 BL-数字（整改完成、舆情处置）",
                                       "invalid event id \"\(Sanitize.visible(text))\": use the JL-n (progress, fulfilment, feedback), BG-n (amendment), HJ-n (complaint step) or BL-n (rectification done, opinion handled) a record's history shows")
        }
        let now = clock.now
        let action = verdict == .confirmed ? "claim.confirm" : "claim.reject"
        return try transaction { w, audit in
            switch ref {
            case .entry(let n):
                guard let before = try w.records(CommitmentEntry.self, "SELECT * FROM commitment_entries WHERE id = ?", [n]).first else { throw notFound(ref) }
                let c = try requireCommitment(w, before.commitment)
                try checkEvidence(w, note, record: c.id)
                var after = before
                after.recording = try decided(before.recording, ref, verdict, note, now)
                if verdict == .confirmed, let claimed = before.recording.claimed {
                    after.date = claimed
                    // The promise this entry closed is closed on the day it claims.
                    if let closed = before.status, !closed.isOpen, c.fulfilledOn == before.date, c.status == closed {
                        var moved = c
                        moved.fulfilledOn = claimed
                        try w.update(moved, from: c)
                    }
                }
                try w.update(after, from: before)
                try audit.record(action, entity: "commitment", id: c.id,
                                 before: before, after: after, claimed: before.recording.claimed?.string)
                return ClaimDecision(event: ref.id, record: c.id, state: verdict, claimed: before.recording.claimed, counts: after.date)
            case .amendment(let n):
                guard let before = try w.records(Amendment.self, "SELECT * FROM amendments WHERE id = ?", [n]).first else { throw notFound(ref) }
                _ = try requireCommitment(w, before.commitment)
                try checkEvidence(w, note, record: before.commitment)
                var after = before
                after.recording = try decided(before.recording, ref, verdict, note, now)
                if verdict == .confirmed, let claimed = before.recording.claimed { after.date = claimed }
                try w.update(after, from: before)
                try audit.record(action, entity: "commitment", id: before.commitment,
                                 before: before, after: after, claimed: before.recording.claimed?.string)
                return ClaimDecision(event: ref.id, record: before.commitment, state: verdict, claimed: before.recording.claimed, counts: after.date)
            case .step(let n):
                guard let before = try w.records(ComplaintStepRecord.self, "SELECT * FROM complaint_steps WHERE id = ?", [n]).first else { throw notFound(ref) }
                let c = try requireComplaint(w, before.complaint)
                try checkEvidence(w, note, record: c.id)
                var after = before
                after.recording = try decided(before.recording, ref, verdict, note, now)
                try w.update(after, from: before)
                if verdict == .confirmed { try moveStep(w, before, in: c) }
                try audit.record(action, entity: "complaint", id: c.id,
                                 before: before, after: after, claimed: before.claimedAt.iso)
                return ClaimDecision(event: ref.id, record: c.id, state: verdict, claimed: before.claimedAt.day, counts: after.counts.day)
            case .dated(let n):
                guard let before = try w.records(DatedClaim.self, "SELECT * FROM dated_claims WHERE id = ?", [n]).first else { throw notFound(ref) }
                try checkEvidence(w, note, record: before.record)
                var after = before
                after.recording = try decided(before.recording, ref, verdict, note, now)
                try w.update(after, from: before)
                if verdict == .confirmed { try moveCompletion(w, before) }
                try audit.record(action, entity: before.field.kind.rawValue, id: before.record,
                                 before: before, after: after, claimed: before.day.string)
                return ClaimDecision(event: ref.id, record: before.record, state: verdict, claimed: before.day, counts: after.counts)
            }
        }
    }

    /// A confirmed step moves to the moment it claims, in the record or in the earlier round that holds it,
    /// and the limits that follow from it are computed again.
    private func moveStep(_ w: Writer, _ claim: ComplaintStepRecord, in c: Complaint) throws {
        let cal = try CalendarReads.calendar(w)
        guard let recorded = claim.recording.recordedAt else { return }
        if claim.step.time(c) == recorded {
            try w.update(claim.step.moving(c, to: claim.claimedAt, cal, rules.deadlines), from: c)
            return
        }
        for round in try w.records(ComplaintRound.self, "SELECT * FROM complaint_rounds WHERE complaint = ? ORDER BY round", [c.id]) {
            guard let moved = round.moving(claim.step, from: recorded, to: claim.claimedAt, urgency: c.urgency, cal, rules.deadlines) else { continue }
            try w.update(moved, from: round)
            return
        }
        throw JiannuoError.invalid("投诉 \(c.id) 的\(claim.step.word.zh)时间已不是录入时的 \(recorded)，无法按补录调整",
                                   "the \(claim.step.word.en) of complaint \(c.id) no longer holds its recording \(recorded)")
    }

    /// A confirmed completion moves to the day it claims, if the record still holds the day it was recorded.
    private func moveCompletion(_ w: Writer, _ claim: DatedClaim) throws {
        let recorded = claim.recording.recordedAt?.day
        switch claim.field {
        case .rectificationDone:
            let r = try requireRectification(w, claim.record)
            guard r.completedOn == recorded else { return }
            var moved = r
            moved.completedOn = claim.day
            try w.update(moved, from: r)
        case .opinionHandled:
            let o = try requireOpinion(w, claim.record)
            guard o.handledOn == recorded else { return }
            var moved = o
            moved.handledOn = claim.day
            try w.update(moved, from: o)
        }
    }

    /// Evidence that names an attachment (`FJ-…`) must name one of the record's own.
    private func checkEvidence(_ w: Writer, _ note: String, record: String) throws {
        let cited = note.split(whereSeparator: { $0 == " " || $0 == "，" || $0 == "," }).map(String.init).filter { RecordKind($0) == .attachment }
        for id in cited {
            guard try w.records(Attachment.self, "SELECT * FROM attachments WHERE id = ? AND record = ?", [id, record]).first != nil else {
                throw JiannuoError.notFound("凭证所引附件 \(id) 不是 \(record) 的附件（先 jiannuo attach \(record) 文件）",
                                            "the evidence cites \(id), which is not attached to \(record) (jiannuo attach \(record) FILE first)")
            }
        }
    }

    private func decided(_ r: EventRecording, _ ref: EventRef, _ verdict: ClaimState, _ note: String, _ now: DateTime) throws -> EventRecording {
        guard r.claim == .pending else {
            let state = r.claim.map { $0.label } ?? Text("按所填日期生效", "in effect as dated")
            throw JiannuoError.invalid("\(ref.id) 不是待核实的补录（\(state.zh)），无需核实",
                                       "\(ref.id) is not a pending claim (\(state.en)): there is nothing to confirm")
        }
        var r = r
        r.claim = verdict; r.decidedBy = actor.account; r.decidedAt = now; r.decision = note
        return r
    }

    private func notFound(_ ref: EventRef) -> JiannuoError {
        .notFound("没有事件 \(ref.id)", "no event \(ref.id)")
    }
}

/// What `confirm` and `reject` answer: the event, its record, and the day it now counts on.
public struct ClaimDecision: Codable, Sendable, Equatable {
    public var event: String
    public var record: String
    public var state: ClaimState
    public var claimed: Day?
    public var counts: Day
}
