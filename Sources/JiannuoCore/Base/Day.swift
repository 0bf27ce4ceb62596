import Foundation

/// A calendar date with no time zone: what the office means by "2026-11-29".
/// Stored as a day number so that date arithmetic is integer arithmetic.
public struct Day: Hashable, Comparable, Sendable {
    /// Days since 1970-01-01.
    public let ordinal: Int

    public init(ordinal: Int) { self.ordinal = ordinal }

    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...Day.daysIn(month: month, year: year)).contains(day) else { return nil }
        ordinal = Day.daysFromCivil(year, month, day)
    }

    /// Strict `YYYY-MM-DD`: no other shapes, no impossible dates.
    public init?(_ text: String) {
        var text = text
        guard let d = text.withUTF8({ Day.parse($0) }) else { return nil }
        self = d
    }

    /// Parses the first ten bytes' worth exactly; used for millions of database values, so no copies.
    static func parse(_ u: UnsafeBufferPointer<UInt8>) -> Day? {
        guard u.count == 10, u[4] == 45, u[7] == 45 else { return nil }
        func num(_ r: Range<Int>) -> Int? {
            var v = 0
            for i in r { let c = u[i]; guard c >= 48 && c <= 57 else { return nil }; v = v * 10 + Int(c - 48) }
            return v
        }
        guard let y = num(0..<4), let m = num(5..<7), let d = num(8..<10) else { return nil }
        return Day(year: y, month: m, day: d)
    }

    public var components: (year: Int, month: Int, day: Int) { Day.civilFromDays(ordinal) }
    public var year: Int { components.year }
    public var month: Int { components.month }

    /// ISO weekday: 1 = Monday … 7 = Sunday.
    public var weekday: Int { ((ordinal % 7 + 7 + 3) % 7) + 1 }
    public var isWeekend: Bool { weekday >= 6 }

    public func adding(days n: Int) -> Day { Day(ordinal: ordinal + n) }
    public func days(until other: Day) -> Int { other.ordinal - ordinal }

    public func adding(months n: Int) -> Day {
        let c = components
        let total = c.year * 12 + (c.month - 1) + n
        let y = total / 12, m = total % 12 + 1
        return Day(year: y, month: m, day: min(c.day, Day.daysIn(month: m, year: y)))!
    }

    /// The whole calendar months inside `first…last`: the first day of the first and the last day of the
    /// last, or nil when no month lies wholly inside (what a monthly roll-up can answer for).
    public static func wholeMonths(_ first: Day, _ last: Day) -> (first: Day, last: Day)? {
        let f = first.components, l = last.components
        let from = f.day == 1 ? first : Day(year: f.year, month: f.month, day: 1)!.adding(months: 1)
        let end = Day(year: l.year, month: l.month, day: Day.daysIn(month: l.month, year: l.year))!
        let to = last == end ? last : Day(year: l.year, month: l.month, day: 1)!.adding(days: -1)
        return from <= to ? (from, to) : nil
    }

    /// `YYYY-MM-DD`, written digit by digit: this runs millions of times when a large ledger is built.
    public var string: String {
        let c = components
        var b = [UInt8](repeating: 45, count: 10)
        Day.digits(c.year, 4, into: &b, at: 0)
        Day.digits(c.month, 2, into: &b, at: 5)
        Day.digits(c.day, 2, into: &b, at: 8)
        return String(decoding: b, as: UTF8.self)
    }

    static func digits(_ value: Int, _ count: Int, into b: inout [UInt8], at offset: Int) {
        var v = value
        for i in stride(from: offset + count - 1, through: offset, by: -1) {
            b[i] = UInt8(48 + v % 10)
            v /= 10
        }
    }

    public static func < (a: Day, b: Day) -> Bool { a.ordinal < b.ordinal }

    public static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }
    public static func daysIn(month m: Int, year y: Int) -> Int {
        switch m {
        case 2: return isLeap(y) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    // Howard Hinnant's days_from_civil / civil_from_days.
    static func daysFromCivil(_ y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    static func civilFromDays(_ z0: Int) -> (year: Int, month: Int, day: Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp + (mp < 10 ? 3 : -9)
        return (m <= 2 ? y + 1 : y, m, d)
    }
}

extension Day: Codable {
    public init(from decoder: Decoder) throws {
        let s = try decoder.singleValueContainer().decode(String.self)
        guard let d = Day(s) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "bad date \(s)"))
        }
        self = d
    }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(string)
    }
}

extension Day: CustomStringConvertible { public var description: String { string } }

