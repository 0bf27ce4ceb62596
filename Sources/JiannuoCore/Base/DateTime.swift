import Foundation

/// A moment as the office saw it: the local date and time to the second, with the UTC offset in
/// force there (`2026-11-30T01:42:00+08:00`). The local date is what deadlines count from; the
/// offset keeps the instant exact whatever zone reads it later.
public struct DateTime: Hashable, Comparable, Sendable {
    public let day: Day
    /// Seconds since local midnight.
    public let secondOfDay: Int
    /// Minutes east of UTC.
    public let offset: Int

    /// The offset of the office's zone (Asia/Shanghai), for times written before offsets were kept.
    public static let legacyOffset = 8 * 60

    public init(day: Day, minute: Int = 0, second: Int = 0, offset: Int = DateTime.legacyOffset) {
        self.day = day
        self.secondOfDay = minute * 60 + second
        self.offset = offset
    }

    public init(day: Day, secondOfDay: Int, offset: Int) {
        self.day = day; self.secondOfDay = secondOfDay; self.offset = offset
    }

    /// The local time of an instant in a zone.
    public init(_ date: Date, zone: TimeZone) {
        let offsetSeconds = zone.secondsFromGMT(for: date)
        let local = Int(floor(date.timeIntervalSince1970)) + offsetSeconds
        let days = Int(floor(Double(local) / 86_400))
        self.init(day: Day(ordinal: days), secondOfDay: local - days * 86_400, offset: offsetSeconds / 60)
    }

    public var minute: Int { secondOfDay / 60 }

    /// Seconds since 1970-01-01T00:00:00Z: what ordering compares.
    public var instant: Int { day.ordinal * 86_400 + secondOfDay - offset * 60 }

    /// The last second of a local day in a zone.
    public static func endOfDay(_ day: Day, zone: TimeZone) -> DateTime {
        local(day, second: 86_399, zone: zone)
    }

    /// A local wall-clock time in a zone, with the offset in force then.
    public static func local(_ day: Day, second: Int, zone: TimeZone) -> DateTime {
        // The offset of the zone at that wall time: try the offset at noon UTC of the day, then correct once.
        let guess = Date(timeIntervalSince1970: TimeInterval(day.ordinal * 86_400 + second))
        var off = zone.secondsFromGMT(for: guess)
        off = zone.secondsFromGMT(for: guess.addingTimeInterval(TimeInterval(-off)))
        return DateTime(day: day, secondOfDay: second, offset: off / 60)
    }

    /// Input as an officer types it: `YYYY-MM-DD HH:MM[:SS]` (or `T`), read as local time in `zone`;
    /// a bare date is 00:00; a full ISO 8601 time with its offset is taken as written.
    public init?(_ text: String, zone: TimeZone) {
        guard let p = DateTime.parts(text) else { return nil }
        if let off = p.offset {
            self.init(day: p.day, secondOfDay: p.second, offset: off)
        } else {
            self = DateTime.local(p.day, second: p.second, zone: zone)
        }
    }

    /// Stored text: ISO 8601 with offset. Text without an offset (ledgers from before offsets were
    /// kept) is office time, +08:00.
    public init?(_ text: String) {
        guard let p = DateTime.parts(text) else { return nil }
        self.init(day: p.day, secondOfDay: p.second, offset: p.offset ?? DateTime.legacyOffset)
    }

    static func parts(_ text: String) -> (day: Day, second: Int, offset: Int?)? {
        if let d = Day(text) { return (d, 0, nil) }
        let u = Array(text.utf8)
        guard u.count >= 16, u[10] == 32 || u[10] == 84, u[13] == 58 else { return nil }
        func num(_ r: Range<Int>) -> Int? {
            guard r.upperBound <= u.count else { return nil }
            var v = 0
            for i in r { let c = u[i]; guard c >= 48 && c <= 57 else { return nil }; v = v * 10 + Int(c - 48) }
            return v
        }
        guard let d = Day(String(decoding: u[0..<10], as: UTF8.self)),
              let h = num(11..<13), let m = num(14..<16), (0...23).contains(h), (0...59).contains(m) else { return nil }
        var i = 16, s = 0
        if i < u.count, u[i] == 58 {
            guard let sec = num(17..<19), (0...59).contains(sec) else { return nil }
            s = sec; i = 19
        }
        var offset: Int? = nil
        if i < u.count {
            if u[i] == 90, i + 1 == u.count {   // Z
                offset = 0
            } else if u[i] == 43 || u[i] == 45, u.count == i + 6, u[i + 3] == 58,
                      let oh = num(i + 1..<i + 3), let om = num(i + 4..<i + 6), oh <= 14, om <= 59 {
                offset = (u[i] == 45 ? -1 : 1) * (oh * 60 + om)
            } else {
                return nil
            }
        }
        return (d, h * 3600 + m * 60 + s, offset)
    }

    /// `2026-11-30T01:42:00+08:00`: how times are stored and printed in JSON.
    public var iso: String {
        var b = [UInt8](repeating: 58, count: 15)
        b[0] = 84
        Day.digits(secondOfDay / 3600, 2, into: &b, at: 1)
        Day.digits(secondOfDay / 60 % 60, 2, into: &b, at: 4)
        Day.digits(secondOfDay % 60, 2, into: &b, at: 7)
        b[9] = offset < 0 ? 45 : 43
        Day.digits(abs(offset) / 60, 2, into: &b, at: 10)
        Day.digits(abs(offset) % 60, 2, into: &b, at: 13)
        return day.string + String(decoding: b, as: UTF8.self)
    }

    /// `2026-11-30 01:42`: the local time for tables and screens.
    public var string: String {
        var b = [UInt8](repeating: 32, count: 6)
        Day.digits(minute / 60, 2, into: &b, at: 1)
        b[3] = 58
        Day.digits(minute % 60, 2, into: &b, at: 4)
        return day.string + String(decoding: b, as: UTF8.self)
    }

    public static func == (a: DateTime, b: DateTime) -> Bool { a.instant == b.instant }
    public func hash(into h: inout Hasher) { h.combine(instant) }
    public static func < (a: DateTime, b: DateTime) -> Bool { a.instant < b.instant }
}

extension DateTime: Codable {
    public init(from decoder: Decoder) throws {
        let s = try decoder.singleValueContainer().decode(String.self)
        guard let d = DateTime(s) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "bad date-time \(s)"))
        }
        self = d
    }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(iso)
    }
}

extension DateTime: CustomStringConvertible { public var description: String { string } }
