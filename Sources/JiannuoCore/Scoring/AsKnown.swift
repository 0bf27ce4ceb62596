/// What the ledger knew at the end of a day (`--as-known D`), for a promise's events, which keep when
/// they were recorded: an entry or amendment recorded later is left out, and a claim confirmed later
/// still counts on the day it was recorded, as it did then. Today's corrected view is the default;
/// this one shows what a report issued on D could have said. A complaint's steps keep their recording
/// too (`complaint(_:rounds:steps:)`).
public struct AsKnown: Sendable, Equatable {
    public let day: Day
    public init(_ day: Day) { self.day = day }

    /// Recorded by the end of the day (events from before schema v13 have no recording time: known).
    public func knows(_ r: EventRecording) -> Bool { (r.recordedAt?.day).map { $0 <= day } ?? true }

    /// Whether anything about the event changed after the day: recorded or decided later.
    public func changedSince(_ r: EventRecording) -> Bool { !knows(r) || (r.decidedAt?.day).map { $0 > day } ?? false }

    /// The day an event counted on then: a claim confirmed later was still pending, on its recording day.
    public func counts(_ date: Day, _ r: EventRecording) -> Day {
        if r.claim == .confirmed, let decided = r.decidedAt, decided.day > day, let recorded = r.recordedAt { return recorded.day }
        return date
    }

    /// The promises and their amendments as known on the day. `entries`: every progress, fulfilment or
    /// status entry of the promises concerned (feedback aside), in any order.
    public func apply(_ f: inout ScoreFacts, entries: [String: [CommitmentEntry]]) {
        var terms: [String: (deadline: Day, content: String)] = [:]
        for (id, list) in f.amendments {
            let known = list.filter { knows($0.recording) }
            if known.count < list.count, let firstLater = list.first(where: { !knows($0.recording) }) {
                terms[id] = known.last.map { ($0.newDeadline, $0.newContent) } ?? (firstLater.oldDeadline, firstLater.oldContent)
            }
            f.amendments[id] = known.map { a in
                var a = a
                a.date = counts(a.date, a.recording)
                return a
            }
        }
        f.commitments = f.commitments.map { c in
            var c = c
            if let t = terms[c.id] { c.deadline = t.deadline; c.content = t.content }
            let list = (entries[c.id] ?? []).filter { $0.kind != .feedback }
            guard list.contains(where: { changedSince($0.recording) }) else { return c }
            let known = list.filter { knows($0.recording) }
                .sorted { ($0.recording.claimedDay(counting: $0.date), $0.recording.recordedAt?.iso ?? "", $0.id ?? 0)
                        < ($1.recording.claimedDay(counting: $1.date), $1.recording.recordedAt?.iso ?? "", $1.id ?? 0) }
            if let last = known.last(where: { $0.status != nil }), let status = last.status {
                c.status = status
                c.progress = last.percent ?? (status == .fulfilled ? 100 : c.progress)
                c.fulfilledOn = status.isOpen ? nil : counts(last.date, last.recording)
            } else {
                c.status = .notStarted; c.progress = 0; c.fulfilledOn = nil
            }
            return c
        }
    }
}

/// A complaint as the ledger knew it at the end of a day (nil: registered later), with the rounds closed
/// by then and the days of the dissatisfied follow-ups recorded since.
public struct KnownComplaint: Sendable {
    public var complaint: Complaint?
    public var rounds: [ComplaintRound]
    public var laterDissatisfied: Set<Day>
}

extension AsKnown {
    /// The complaint with every step recorded after the day undone, newest first, and every claim
    /// confirmed after it put back on its recording; a follow-up that reopened it gives the round it
    /// closed back. Steps recorded before schema v15 have no recording time: known.
    public func complaint(_ now: Complaint, rounds: [ComplaintRound], steps: [ComplaintStepRecord],
                          calendar: WorkCalendar, rules: DeadlineRules) -> KnownComplaint {
        var c = now, rounds = rounds, later: Set<Day> = []
        for s in steps where s.recording.claim == .confirmed && (s.recording.decidedAt?.day).map({ $0 > day }) ?? false {
            guard let recorded = s.recording.recordedAt else { continue }
            if s.step.time(c) == s.claimedAt { c = s.step.moving(c, to: recorded, calendar, rules) }
            rounds = rounds.map { $0.moving(s.step, from: s.claimedAt, to: recorded, urgency: c.urgency, calendar, rules) ?? $0 }
        }
        for s in steps.filter({ !knows($0.recording) }).sorted(by: { ($0.id ?? 0) > ($1.id ?? 0) }) {
            switch s.step {
            case .receive: return KnownComplaint(complaint: nil, rounds: [], laterDissatisfied: [])
            case .accept: c.acceptedAt = nil
            case .resolve: c.resolvedAt = nil; c.result = nil
            case .respond: c.respondedAt = nil; c.response = nil
            case .extend: c.extensionDays = nil; c.extensionReason = nil; c.extendedAt = nil
            case .return:
                c.department = c.returnedFrom ?? c.department
                c.returnedFrom = nil; c.returnedAt = nil; c.returnReason = nil
            case .verify: c.verifiedAt = nil; c.breach = nil; c.finding = nil
            case .followup:
                if let last = rounds.last, last.followupAt == s.claimedAt {
                    // It reopened the complaint: the round it closed is the one in hand again.
                    later.insert(s.claimedAt.day)
                    rounds.removeLast()
                    c.reopenedAt = last.round > 1 ? last.openedAt : nil
                    c.resolvedAt = last.resolvedAt; c.result = last.result
                    c.respondedAt = last.respondedAt; c.response = last.response
                    c.extensionDays = last.extensionDays; c.extensionReason = last.extensionReason; c.extendedAt = last.extendedAt
                }
                // The follow-up before it, if any, is the one that reopened the round now in hand.
                c.followupAt = rounds.last?.followupAt
                c.satisfied = c.followupAt == nil ? nil : false
                c.followupNote = rounds.last?.followupNote
            }
        }
        return KnownComplaint(complaint: ComplaintDeadlines.refreshed(c, calendar, rules), rounds: rounds, laterDissatisfied: later)
    }
}
