/// The one definition of late (逾期) that the scores, the alerts and the bulletin use; the Store's SQL
/// spells the same tests (`CoreSQL`), and the property tests hold the two together.
public enum Lateness {
    /// Met: done on or before its day.
    public static func onTime(due: Day, done: Day) -> Bool { done <= due }

    /// Overdue on `day`: its day has passed and it is not done by then (done later, or not yet).
    public static func overdue(due: Day, done: Day?, on day: Day) -> Bool { due < day && (done.map { $0 > day } ?? true) }

    /// A stage judged on `day`: done after its limit, or not done with the limit before `day`.
    public static func late(due: Day, done: Day?, on day: Day) -> Bool { done.map { !onTime(due: due, done: $0) } ?? (due < day) }
}
