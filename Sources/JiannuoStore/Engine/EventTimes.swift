import JiannuoCore

extension Ledger {
    /// The day an event claims: the one given (an office entering things late) or today; never after
    /// today. Read from the clock when the action happens.
    func eventDay(_ given: Day?, _ field: Field) throws -> Day {
        let today = clock.today
        guard let d = given else { return today }
        try Validate.notFuture(d, today: today, field)
        return d
    }

    /// The moment an event claims: the one given or now; never after now.
    func eventTime(_ given: DateTime?, _ field: Field) throws -> DateTime {
        let now = clock.now
        guard let t = given else { return now }
        try Validate.notFuture(t, now: now, field)
        return t
    }
}

/// An event dated by a user: the day it claims, the day it counts on, and how it was recorded.
struct DatedEvent {
    var claimed: Day
    var recording: EventRecording
    /// The claimed day, or the day of recording while the claim waits for confirmation.
    var effective: Day { recording.claim == .pending ? (recording.recordedAt?.day ?? claimed) : claimed }
}

extension Ledger {
    /// `eventDay`, and whether the day it claims is older than the grace window allows (or claimed by
    /// a unit's liaison about an earlier day): such a claim is recorded at once but counts on the day of
    /// recording until the office confirms it (`ClaimPolicy`).
    func datedEvent(_ given: Day?, _ field: Field) throws -> DatedEvent {
        let claimed = try eventDay(given, field)
        let now = clock.now
        let pending = ClaimPolicy.isPending(claimed: claimed, recorded: now.day, role: actor.role,
                                            graceWorkdays: rules.deadlines.claimGraceWorkdays, calendar: calendar)
        return DatedEvent(claimed: claimed, recording: EventRecording(claimed: pending ? claimed : nil, recordedAt: now,
                                                                     claim: pending ? .pending : nil))
    }
}

/// A complaint's step dated by a user: the moment it claims and the moment it was recorded.
struct DatedMoment {
    var claimed: DateTime
    var recordedAt: DateTime
    var pending: Bool
    /// The claimed moment, or the recording while the claim waits for confirmation.
    var effective: DateTime { pending ? recordedAt : claimed }
}

extension Ledger {
    /// `eventTime`, judged as `datedEvent` judges a day (`ClaimPolicy`).
    func datedMoment(_ given: DateTime?, _ field: Field) throws -> DatedMoment {
        let claimed = try eventTime(given, field)
        let now = clock.now
        let pending = ClaimPolicy.isPending(claimed: claimed.day, recorded: now.day, role: actor.role,
                                            graceWorkdays: rules.deadlines.claimGraceWorkdays, calendar: calendar)
        return DatedMoment(claimed: claimed, recordedAt: now, pending: pending)
    }
}
