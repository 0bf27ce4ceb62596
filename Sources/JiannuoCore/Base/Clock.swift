import Foundation

/// The only source of "now": read each time it is asked, so that an action is dated when it
/// happens, not when the program started. `--today D` fixes the day: now is then the last second
/// of D, so any time on D is accepted and nothing after it.
public struct Clock: Sendable {
    public let zone: TimeZone
    /// The day `--today` fixed, if any.
    public let fixedDay: Day?
    /// A fixed time of day (seconds) for headless renders and tests; nil means the end of the fixed day.
    let fixedSecond: Int?
    let instant: @Sendable () -> Date

    public init(zone: TimeZone = Clock.defaultZone, fixedDay: Day? = nil, fixedSecond: Int? = nil,
                instant: @escaping @Sendable () -> Date = { Date() }) {
        self.zone = zone; self.fixedDay = fixedDay; self.fixedSecond = fixedSecond; self.instant = instant
    }

    /// A fixed day at a fixed time of day (tests, renders).
    public init(today: Day, minute: Int, zone: TimeZone = Clock.defaultZone) {
        self.init(zone: zone, fixedDay: today, fixedSecond: minute * 60)
    }

    /// The real local date and time.
    public static func system(zone: TimeZone = Clock.defaultZone) -> Clock { Clock(zone: zone) }

    /// `--today D`: now is the last second of D.
    public static func fixed(_ day: Day, zone: TimeZone = Clock.defaultZone) -> Clock { Clock(zone: zone, fixedDay: day) }

    /// The same clock in the office's zone (a setting of the ledger): what "now" and "today" are there.
    public func inZone(_ zone: TimeZone) -> Clock { Clock(zone: zone, fixedDay: fixedDay, fixedSecond: fixedSecond, instant: instant) }

    public var now: DateTime {
        if let fixedDay {
            return DateTime.local(fixedDay, second: fixedSecond ?? 86_399, zone: zone)
        }
        return DateTime(instant(), zone: zone)
    }

    public var today: Day { fixedDay ?? now.day }

    /// The real moment, whatever `--today` says: what the audit log records as the time of entry.
    public var realNow: DateTime { DateTime(instant(), zone: zone) }

    /// True when the day is the real one (no `--today`, or `--today` naming the real date).
    public var isReal: Bool { fixedDay == nil || fixedDay == realNow.day }

    /// The county's zone, until a ledger says otherwise. A user's `TZ` never decides what now is.
    public static let defaultZone = TimeZone(identifier: "Asia/Shanghai")!

    /// A zone named as tz names it (`Asia/Urumqi`, `:Asia/Urumqi`, a zoneinfo path), nil if unknown.
    public static func zone(named text: String) -> TimeZone? {
        zoneName(text).flatMap(TimeZone.init(identifier:))
    }

    /// The zone's name as kept in a ledger (`UTC` stays `UTC`, where Foundation would call it `GMT`), nil if unknown.
    public static func zoneName(_ text: String) -> String? {
        var name = text
        if name.hasPrefix(":") { name.removeFirst() }
        if name.hasPrefix("/usr/share/zoneinfo/") { name.removeFirst("/usr/share/zoneinfo/".count) }
        return name.isEmpty || TimeZone(identifier: name) == nil ? nil : name
    }
}
