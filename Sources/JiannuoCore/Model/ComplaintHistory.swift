/// The steps of a complaint, each recorded with the moment it was written (`ComplaintStepRecord`) and
/// kept in one field of the record. A step a unit takes (accept … return) dated further back than the
/// grace window, or by the unit's own liaison, is a claim: the field holds the moment it was recorded
/// until the office confirms it.
public enum ComplaintStep: String, Codable, Sendable, CaseIterable {
    case receive, accept, resolve, respond, extend, `return`, verify, followup

    public var word: Text {
        switch self {
        case .receive: Text("登记", "registration")
        case .accept: Text("受理", "acceptance")
        case .resolve: Text("办结", "resolution")
        case .respond: Text("反馈", "response")
        case .extend: Text("延期", "extension")
        case .return: Text("退回", "return")
        case .verify: Text("核实", "verification")
        case .followup: Text("回访", "follow-up")
        }
    }

    /// Whether a backdated time waits for confirmation: the steps that show a unit's own work in time.
    /// Registration, verification and follow-up are the office's and count as typed.
    public var claimable: Bool {
        switch self {
        case .accept, .resolve, .respond, .extend, .return: true
        case .receive, .verify, .followup: false
        }
    }

    /// The time the step holds in the record.
    public func time(_ c: Complaint) -> DateTime? {
        switch self {
        case .receive: c.received
        case .accept: c.acceptedAt
        case .resolve: c.resolvedAt
        case .respond: c.respondedAt
        case .extend: c.extendedAt
        case .return: c.returnedAt
        case .verify: c.verifiedAt
        case .followup: c.followupAt
        }
    }

    /// The record with the step moved to `t` and its limits recomputed (a claimable step: the others
    /// are never moved).
    public func moving(_ c: Complaint, to t: DateTime, _ cal: WorkCalendar, _ r: DeadlineRules) -> Complaint {
        var c = c
        switch self {
        case .accept: c.acceptedAt = t
        case .resolve: c.resolvedAt = t
        case .respond: c.respondedAt = t
        case .extend: c.extendedAt = t
        case .return: c.returnedAt = t
        case .receive, .verify, .followup: return c
        }
        return ComplaintDeadlines.refreshed(c, cal, r)
    }
}

/// One step of a complaint as it was recorded (`HJ-n`): the moment typed, the moment written and, when
/// it was typed about an earlier moment than the grace window allows, how that claim stands.
public struct ComplaintStepRecord: Codable, Sendable, Hashable {
    public var id: Int64?
    public var complaint: String
    public var step: ComplaintStep
    /// The moment typed; `recording.claimed` is its day when it waits or waited for confirmation.
    public var claimedAt: DateTime
    public var recording: EventRecording

    public init(id: Int64? = nil, complaint: String, step: ComplaintStep, claimedAt: DateTime, recording: EventRecording) {
        self.id = id; self.complaint = complaint; self.step = step; self.claimedAt = claimedAt; self.recording = recording
    }

    enum CodingKeys: String, CodingKey { case id, complaint, step, claimedAt = "claimed_at" }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decodeIfPresent(Int64.self, forKey: .id)
        complaint = try c.decode(String.self, forKey: .complaint)
        step = try c.decode(ComplaintStep.self, forKey: .step)
        claimedAt = try c.decode(DateTime.self, forKey: .claimedAt)
        recording = try EventRecording(from: decoder)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(id, forKey: .id)
        try c.encode(complaint, forKey: .complaint)
        try c.encode(step, forKey: .step)
        try c.encode(claimedAt, forKey: .claimedAt)
        try recording.encode(to: encoder)
    }

    public var ref: EventRef? { id.map(EventRef.step) }

    /// The moment the step counts from: its recording while its claim waits or after it was rejected.
    public var counts: DateTime { recording.countsAsRecorded ? recording.recordedAt ?? claimedAt : claimedAt }
}

/// One earlier round of a complaint's handling, closed by a dissatisfied follow-up (回访不满意): the
/// result, the answer and the limits they were held to. Each round is shown and scored for itself; the
/// record carries the round in hand.
public struct ComplaintRound: Codable, Sendable, Hashable {
    public var id: Int64?
    public var complaint: String
    /// 1 for the first handling, 2 after the first reopening, …
    public var round: Int
    public var department: String
    /// When the round's handling began: the acceptance, or the reopening before it.
    public var openedAt: DateTime
    public var resolveDue: Day
    public var resolvedAt: DateTime
    public var result: String
    public var respondDue: Day
    public var respondedAt: DateTime
    public var response: String
    public var extensionDays: Int?
    public var extensionReason: String?
    public var extendedAt: DateTime?
    public var followupAt: DateTime
    public var followupNote: String?

    enum CodingKeys: String, CodingKey {
        case id, complaint, round, department, openedAt = "opened_at", resolveDue = "resolve_due", resolvedAt = "resolved_at", result
        case respondDue = "respond_due", respondedAt = "responded_at", response
        case extensionDays = "extension_days", extensionReason = "extension_reason", extendedAt = "extended_at"
        case followupAt = "followup_at", followupNote = "followup_note"
    }

    /// The limits a closed round is scored on (acceptance happens once, in the first round).
    public static let limits: [ComplaintLimit] = [.resolve, .respond]

    /// The round a dissatisfied follow-up closes: the record as it stood before the follow-up.
    public static func closing(_ c: Complaint, number: Int, followupAt: DateTime, note: String?) -> ComplaintRound? {
        guard let opened = c.reopenedAt ?? c.acceptedAt, let rd = c.resolveDue, let resolved = c.resolvedAt,
              let pd = c.respondDue, let responded = c.respondedAt else { return nil }
        return ComplaintRound(id: nil, complaint: c.id, round: number, department: c.department, openedAt: opened, resolveDue: rd,
                              resolvedAt: resolved, result: c.result ?? "", respondDue: pd, respondedAt: responded,
                              response: c.response ?? "", extensionDays: c.extensionDays, extensionReason: c.extensionReason,
                              extendedAt: c.extendedAt, followupAt: followupAt, followupNote: note)
    }

    /// The limit's day and the time it was met.
    public func due(_ limit: ComplaintLimit) -> Day? {
        switch limit {
        case .accept: nil
        case .resolve: resolveDue
        case .respond: respondDue
        }
    }

    public func done(_ limit: ComplaintLimit) -> DateTime? {
        switch limit {
        case .accept: nil
        case .resolve: resolvedAt
        case .respond: respondedAt
        }
    }

    /// The round with a step that holds `from` moved to `to` and its limits computed again, as the record's
    /// would be; nil when the round does not hold that step at that moment.
    public func moving(_ step: ComplaintStep, from: DateTime, to: DateTime, urgency: Urgency, _ cal: WorkCalendar, _ r: DeadlineRules) -> ComplaintRound? {
        let held: DateTime? = switch step {
        case .resolve: resolvedAt
        case .respond: respondedAt
        case .extend: extendedAt
        case .receive, .accept, .return, .verify, .followup: nil
        }
        guard held == from else { return nil }
        // The round as a record in hand (its handling began when it opened), moved as a record is.
        var c = Complaint(id: complaint, channel: .hotline, received: openedAt, urgency: urgency, complainant: nil, contact: nil,
                          department: department, category: nil, commitment: nil, content: "", acceptDue: resolveDue)
        c.acceptedAt = openedAt; c.reopenedAt = openedAt
        c.resolvedAt = resolvedAt; c.respondedAt = respondedAt
        c.extensionDays = extensionDays; c.extendedAt = extendedAt
        let moved = step.moving(c, to: to, cal, r)
        var out = self
        out.resolvedAt = moved.resolvedAt ?? resolvedAt; out.respondedAt = moved.respondedAt ?? respondedAt
        out.extendedAt = moved.extendedAt
        out.resolveDue = moved.resolveDue ?? resolveDue; out.respondDue = moved.respondDue ?? respondDue
        return out
    }
}

/// What a complaint's record does not carry itself: its earlier rounds and every step as recorded.
public struct ComplaintHistory: Codable, Sendable, Equatable {
    public var rounds: [ComplaintRound]
    public var steps: [ComplaintStepRecord]

    public init(rounds: [ComplaintRound], steps: [ComplaintStepRecord]) { self.rounds = rounds; self.steps = steps }

    /// The step as recorded behind the moment the record holds for it.
    public func record(_ step: ComplaintStep, holding t: DateTime?) -> ComplaintStepRecord? {
        guard let t else { return nil }
        return steps.last { $0.step == step && ($0.counts == t || $0.claimedAt == t) }
    }

    /// The same, when it was typed about an earlier moment and is or was a claim.
    public func claim(_ step: ComplaintStep, holding t: DateTime?) -> ComplaintStepRecord? {
        record(step, holding: t).flatMap { $0.recording.claim == nil ? nil : $0 }
    }
}
