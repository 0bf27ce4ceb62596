/// A scoring period: a month (`2026-11`), a quarter (`2026-Q4`), a year (`2026`), or the rolling
/// twelve months ending on a day (`rolling`).
public struct Period: Hashable, Sendable, Codable, CustomStringConvertible {
    public enum Kind: String, Sendable, Codable { case month, quarter, year, rolling }
    public let kind: Kind
    public let start: Day
    public let end: Day

    public init(kind: Kind, start: Day, end: Day) { self.kind = kind; self.start = start; self.end = end }

    public static func month(_ y: Int, _ m: Int) -> Period {
        let s = Day(year: y, month: m, day: 1)!
        return Period(kind: .month, start: s, end: s.adding(months: 1).adding(days: -1))
    }

    public static func quarter(_ y: Int, _ q: Int) -> Period {
        let s = Day(year: y, month: (q - 1) * 3 + 1, day: 1)!
        return Period(kind: .quarter, start: s, end: s.adding(months: 3).adding(days: -1))
    }

    public static func year(_ y: Int) -> Period {
        Period(kind: .year, start: Day(year: y, month: 1, day: 1)!, end: Day(year: y, month: 12, day: 31)!)
    }

    public static func rolling(endingOn d: Day) -> Period {
        Period(kind: .rolling, start: d.adding(months: -12).adding(days: 1), end: d)
    }

    public static func currentQuarter(_ today: Day) -> Period { quarter(today.year, (today.month - 1) / 3 + 1) }

    /// Parses `2026-11`, `2026-Q4`, `2026`, `rolling`.
    public static func parse(_ text: String, today: Day) throws -> Period {
        let t = text.uppercased()
        if t == "ROLLING" || t == "R12" || t == "LAST12" { return rolling(endingOn: today) }
        let parts = t.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        if parts.count == 1, parts[0].count == 4, let y = Int(parts[0]), y >= 1900 { return year(y) }
        if parts.count == 2, parts[0].count == 4, let y = Int(parts[0]), y >= 1900 {
            if parts[1].hasPrefix("Q"), let q = Int(parts[1].dropFirst()), (1...4).contains(q) { return quarter(y, q) }
            if parts[1].count == 2, let m = Int(parts[1]), (1...12).contains(m) { return month(y, m) }
        }
        throw JiannuoError.invalid("期间“\(Sanitize.visible(text))”无效：应为 2026-11（月）、2026-Q4（季）、2026（年）或 rolling（近十二个月）",
                                   "period must be 2026-11, 2026-Q4, 2026 or rolling")
    }

    /// The period of the same kind just before this one.
    public var previous: Period { shifted(-1) }

    public func shifted(_ n: Int) -> Period {
        switch kind {
        case .month: let s = start.adding(months: n); return .month(s.year, s.month)
        case .quarter: let s = start.adding(months: 3 * n); return .quarter(s.year, (s.month - 1) / 3 + 1)
        case .year: return .year(start.year + n)
        case .rolling: return .rolling(endingOn: end.adding(months: 12 * n))
        }
    }

    public func contains(_ d: Day) -> Bool { d >= start && d <= end }

    public var description: String {
        switch kind {
        case .month: return String(start.string.prefix(7))
        case .quarter: return "\(start.year)-Q\((start.month - 1) / 3 + 1)"
        case .year: return "\(start.year)"
        case .rolling: return "rolling:\(start)..\(end)"
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }

    public init(from decoder: Decoder) throws {
        let s = try decoder.singleValueContainer().decode(String.self)
        self = try Period.parse(s, today: Day(year: 2000, month: 1, day: 1)!)
    }
}
