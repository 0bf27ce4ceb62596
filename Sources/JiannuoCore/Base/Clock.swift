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

    public init(zone: TimeZone = Clock.officeZone(), fixedDay: Day? = nil, fixedSecond: Int? = nil,
                instant: @escaping @Sendable () -> Date = { Date() }) {
        self.zone = zone; self.fixedDay = fixedDay; self.fixedSecond = fixedSecond; self.instant = instant
    }

    /// A fixed day at a fixed time of day (tests, renders).
    public init(today: Day, minute: Int, zone: TimeZone = Clock.officeZone()) {
        self.init(zone: zone, fixedDay: today, fixedSecond: minute * 60)
    }

    /// The real local date and time.
    public static func system(zone: TimeZone = Clock.officeZone()) -> Clock { Clock(zone: zone) }

    /// `--today D`: now is the last second of D.
    public static func fixed(_ day: Day, zone: TimeZone = Clock.officeZone()) -> Clock { Clock(zone: zone, fixedDay: day) }

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

    /// The office's zone: `TZ` when it names a zone, else Asia/Shanghai (the county's).
    public static func officeZone(_ tz: String? = ProcessInfo.processInfo.environment["TZ"]) -> TimeZone {
        if var name = tz, !name.isEmpty {
            if name.hasPrefix(":") { name.removeFirst() }
            if name.hasPrefix("/usr/share/zoneinfo/") { name.removeFirst("/usr/share/zoneinfo/".count) }
            if let z = TimeZone(identifier: name) { return z }
        }
        return TimeZone(identifier: "Asia/Shanghai")!
    }
}
