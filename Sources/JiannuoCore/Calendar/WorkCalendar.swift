/// Working days = Monday–Friday, minus statutory holidays, plus make-up working days (调休).
/// Built from yearly data files plus officers' own overrides; a year without data falls back
/// to weekends only and is reported by `missingYears`.
public struct WorkCalendar: Sendable {
    public private(set) var holidays: [Day: String] = [:]
    public private(set) var workdays: [Day: String] = [:]
    public private(set) var years: Set<Int> = []
    /// Holidays that fall on Monday–Friday and working days that fall on a weekend, sorted:
    /// the only exceptions that change a count of weekdays.
    private var weekdayHolidays: [Int] = []
    private var weekendWorkdays: [Int] = []

    public init(years data: [CalendarYear] = [], overrides: [CalendarOverride] = []) {
        for y in data {
            years.insert(y.year)
            for h in y.holidays { for d in h.days { holidays[d] = h.name } }
            for w in y.workdays { workdays[w.date] = w.name }
        }
        for o in overrides {
            switch o.kind {
            case .holiday: holidays[o.date] = o.note ?? "自定休息日"; workdays[o.date] = nil
            case .workday: workdays[o.date] = o.note ?? "自定工作日"; holidays[o.date] = nil
            }
        }
        weekdayHolidays = holidays.keys.filter { !$0.isWeekend && workdays[$0] == nil }.map(\.ordinal).sorted()
        weekendWorkdays = workdays.keys.filter(\.isWeekend).map(\.ordinal).sorted()
    }

    public func isWorkday(_ d: Day) -> Bool {
        if workdays[d] != nil { return true }
        if holidays[d] != nil { return false }
        return !d.isWeekend
    }

    public func hasData(forYear y: Int) -> Bool { years.contains(y) }

    /// The `n`-th working day after `start`, counting from the next day (次日起算).
    /// With n == 0, `start` itself.
    public func addingWorkdays(_ n: Int, to start: Day) -> Day {
        var d = start
        var left = n
        while left > 0 {
            d = d.adding(days: 1)
            if isWorkday(d) { left -= 1 }
        }
        return d
    }

    /// Working days from `from` to `to`, both included (0 when `to` < `from`).
    /// Counted in constant time plus a search of the exceptions, since alerts ask it for every late item.
    public func workdays(from: Day, to: Day) -> Int {
        guard to >= from else { return 0 }
        return WorkCalendar.weekdays(through: to) - WorkCalendar.weekdays(through: from.adding(days: -1))
            - WorkCalendar.count(weekdayHolidays, from.ordinal, to.ordinal)
            + WorkCalendar.count(weekendWorkdays, from.ordinal, to.ordinal)
    }

    /// Monday–Friday days from a fixed Monday in the past up to and including `d`.
    static func weekdays(through d: Day) -> Int {
        let offset = d.ordinal + 3 + 7 * 100_000   // day 0 (1970-01-01) is a Thursday: shift so 0 is a Monday
        let weeks = offset / 7, rest = offset % 7
        return weeks * 5 + min(rest + 1, 5)
    }

    /// How many of the sorted `values` lie in lo...hi.
    static func count(_ values: [Int], _ lo: Int, _ hi: Int) -> Int {
        func lowerBound(_ x: Int) -> Int {
            var a = 0, b = values.count
            while a < b { let m = (a + b) / 2; if values[m] < x { a = m + 1 } else { b = m } }
            return a
        }
        return lowerBound(hi + 1) - lowerBound(lo)
    }

    /// Signed working days from `today` to `due`: positive = working days left until the due date
    /// (today excluded, due included); 0 on the due date; negative when late, and at least -1 as soon
    /// as today is past the due date even if no working day has passed since.
    public func workdaysLeft(from today: Day, to due: Day) -> Int {
        if due == today { return 0 }
        if due > today { return workdays(from: today.adding(days: 1), to: due) }
        return -max(1, workdays(from: due.adding(days: 1), to: today))
    }

    /// Years touched by `days` for which no calendar data is loaded.
    public func missingYears(among days: [Day]) -> [Int] {
        Set(days.map(\.year)).subtracting(years).sorted()
    }
}

/// One year's schedule as the State Council publishes it.
public struct CalendarYear: Codable, Sendable, Equatable {
    public struct Holiday: Codable, Sendable, Equatable {
        public var name: String
        public var from: Day
        public var to: Day
        public var days: [Day] { from <= to ? (from.ordinal...to.ordinal).map(Day.init(ordinal:)) : [] }
    }
    public struct Workday: Codable, Sendable, Equatable {
        public var date: Day
        public var name: String
    }
    public var year: Int
    public var holidays: [Holiday]
    public var workdays: [Workday]

    public init(year: Int, holidays: [Holiday], workdays: [Workday]) {
        self.year = year; self.holidays = holidays; self.workdays = workdays
    }
}

/// An officer's correction to the shipped calendar, kept in the database.
public struct CalendarOverride: Codable, Sendable, Hashable {
    public enum Kind: String, Codable, Sendable, CaseIterable { case holiday, workday }
    public var date: Day
    public var kind: Kind
    public var note: String?
    public init(date: Day, kind: Kind, note: String? = nil) { self.date = date; self.kind = kind; self.note = note }
}
