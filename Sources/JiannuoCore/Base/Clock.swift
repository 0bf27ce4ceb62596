import Foundation

/// The only source of "now". Commands get it from `--today` or the real date; tests fix it.
public struct Clock: Sendable {
    public let today: Day
    public let now: DateTime

    public init(today: Day, minute: Int = 9 * 60) {
        self.today = today
        self.now = DateTime(day: today, minute: minute)
    }

    /// The real local date and time.
    public static func system(date: Date = Date(), timeZone: TimeZone = .current) -> Clock {
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = timeZone
        let c = cal.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return Clock(today: Day(year: c.year!, month: c.month!, day: c.day!)!, minute: c.hour! * 60 + c.minute!)
    }

    /// A fixed date with the real time of day, so events typed the same day keep their order.
    public static func fixed(_ day: Day, date: Date = Date()) -> Clock {
        let sys = system(date: date)
        return Clock(today: day, minute: sys.now.minute)
    }
}
