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
