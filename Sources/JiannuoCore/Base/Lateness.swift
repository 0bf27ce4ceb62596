/// The one definition of late (逾期) that the scores, the alerts and the bulletin use; the Store's SQL
/// spells the same tests (`CoreSQL`), and the property tests hold the two together.
public enum Lateness {
    /// Met: done on or before its day.
    public static func onTime(due: Day, done: Day) -> Bool { done <= due }

    /// Overdue on `day`: its day has passed and it is not done by then (done later, or not yet).
    public static func overdue(due: Day, done: Day?, on day: Day) -> Bool { due < day && (done.map { $0 > day } ?? true) }

    /// A stage judged on `day`: done after its limit, or not done with the limit before `day`.
    public static func late(due: Day, done: Day?, on day: Day) -> Bool { done.map { !onTime(due: due, done: $0) } ?? (due < day) }

    /// One item of the on-time rate (按时办结率) over the days `start`…`asOf`: counted when its limit falls
    /// in them or it was already overdue at `start`; closed when done by `asOf` (on time when by its
    /// limit); open and overdue when not done by `asOf` and its limit has passed; nil when not counted.
    /// `ScoreReads.onTimeRate` asks the same of the big tables in SQL.
    public static func onTimeItem(due: Day, done: Day?, start: Day, asOf: Day) -> (closed: Bool, onTime: Bool, openOverdue: Bool)? {
        let inPeriod = due >= start && due <= asOf
        let overdueAtStart = due < start && (done.map { $0 >= start } ?? true)
        guard inPeriod || overdueAtStart else { return nil }
        if let d = done, d <= asOf { return (true, onTime(due: due, done: d), false) }
        return (false, false, due < asOf)
    }
}
