import JiannuoTestSupport
import Testing
@testable import JiannuoCore

@Suite("Day and DateTime")
struct DayTests {
    @Test("impossible or malformed dates are refused", arguments: [
        "2026-02-30", "2025-02-29", "1900-02-29", "2026-04-31", "2026-13-01", "2026-00-10", "2026-01-00", "2026-01-32",
        "2026-2-3", "2026/02/03", "20260203", "2026-02-03 ", " 2026-02-03", "2026-02-0a", "", "0000-01-01",
        "２０２６-02-03", "2026-02-03T00:00", "26-02-03", "-2026-02-03", "2026--2-03",
    ])
    func invalidDates(_ text: String) {
        #expect(Day(text) == nil)
    }

    @Test("real dates parse and print back", arguments: [
        ("2024-02-29", 2024, 2, 29), ("2000-02-29", 2000, 2, 29), ("2026-12-31", 2026, 12, 31),
        ("1970-01-01", 1970, 1, 1), ("0001-01-01", 1, 1, 1), ("9999-12-31", 9999, 12, 31),
    ])
    func validDates(_ text: String, _ y: Int, _ m: Int, _ day: Int) throws {
        let parsed = try #require(Day(text))
        #expect(parsed.components.year == y)
        #expect(parsed.components.month == m)
        #expect(parsed.components.day == day)
        #expect(parsed.string == text)
        #expect(Day(year: y, month: m, day: day) == parsed)
    }

    @Test("the whole months inside a span", arguments: [
        ("2026-10-01", "2026-12-31", "2026-10-01…2026-12-31"), ("2026-10-02", "2026-12-31", "2026-11-01…2026-12-31"),
        ("2026-10-01", "2026-12-30", "2026-10-01…2026-11-30"), ("2026-09-15", "2026-11-14", "2026-10-01…2026-10-31"),
        ("2024-02-01", "2024-02-29", "2024-02-01…2024-02-29"), ("2025-02-01", "2025-02-27", "none"),
        ("2026-09-15", "2026-10-14", "none"), ("2026-11-30", "2027-01-31", "2026-12-01…2027-01-31"), ("2026-12-02", "2026-12-01", "none"),
    ])
    func wholeMonths(_ first: String, _ last: String, _ expected: String) throws {
        let span = Day.wholeMonths(try #require(Day(first)), try #require(Day(last)))
        #expect(span.map { "\($0.first.string)…\($0.last.string)" } ?? "none" == expected)
    }

    // ISO weekday, 1 = Monday … 7 = Sunday; the expected days are from a printed calendar.
    @Test("weekday", arguments: [
        ("1970-01-01", 4), ("2000-01-01", 6), ("2024-02-29", 4), ("2026-01-01", 4), ("2026-02-13", 5),
        ("2026-02-14", 6), ("2026-02-15", 7), ("2026-09-30", 3), ("2027-01-01", 5), ("2028-02-29", 2), ("1969-12-31", 3),
    ])
    func weekday(_ text: String, _ expected: Int) {
        #expect(d(text).weekday == expected)
        #expect(d(text).isWeekend == (expected >= 6))
    }

    @Test("day arithmetic across month, year and leap-year ends", arguments: [
        ("2026-12-31", 1, "2027-01-01"), ("2027-01-01", -1, "2026-12-31"), ("2024-02-28", 1, "2024-02-29"),
        ("2025-02-28", 1, "2025-03-01"), ("2024-02-29", 365, "2025-02-28"), ("2023-12-31", 366, "2024-12-31"),
        ("2026-01-31", 28, "2026-02-28"), ("1999-12-31", 1, "2000-01-01"), ("2100-02-28", 1, "2100-03-01"),
    ])
    func addingDays(_ from: String, _ n: Int, _ to: String) {
        #expect(d(from).adding(days: n) == d(to))
        #expect(d(from).days(until: d(to)) == n)
    }

    @Test("year lengths")
    func yearLengths() {
        #expect(d("2024-01-01").days(until: d("2025-01-01")) == 366)
        #expect(d("2025-01-01").days(until: d("2026-01-01")) == 365)
        #expect(d("2000-01-01").days(until: d("2001-01-01")) == 366)
        #expect(d("2100-01-01").days(until: d("2101-01-01")) == 365)
    }

    @Test("month arithmetic clamps to the month's last day", arguments: [
        ("2024-01-31", 1, "2024-02-29"), ("2025-01-31", 1, "2025-02-28"), ("2026-12-15", 1, "2027-01-15"),
        ("2026-01-15", -1, "2025-12-15"), ("2026-03-31", -1, "2026-02-28"), ("2024-02-29", 12, "2025-02-28"),
    ])
    func addingMonths(_ from: String, _ n: Int, _ to: String) {
        #expect(d(from).adding(months: n) == d(to))
    }

    @Test("ordering")
    func ordering() {
        #expect(d("2026-12-31") < d("2027-01-01"))
        #expect(d("2026-02-28") < d("2026-03-01"))
        #expect(!(d("2026-03-01") < d("2026-03-01")))
    }

    @Test("date-times", arguments: [
        ("2026-11-20 09:30", "2026-11-20", 570), ("2026-11-20T09:30", "2026-11-20", 570),
        ("2026-11-20 23:59:59", "2026-11-20", 1439), ("2026-11-20", "2026-11-20", 0), ("2024-02-29 00:00", "2024-02-29", 0),
    ])
    func dateTimes(_ text: String, _ day: String, _ minute: Int) throws {
        let t = try #require(DateTime(text))
        #expect(t.day == d(day))
        #expect(t.minute == minute)
    }

    @Test("bad date-times are refused", arguments: [
        "2026-11-20 24:00", "2026-11-20 09:60", "2026-11-20 9:30", "2026-02-30 09:30", "2026-11-20 09:30:60",
        "2026-11-20 +9:30", "2026-11-20 09-30", "2026-11-20  9:30", "2026-11-20 09:30:5", "2026-11-20 09:30+8", "2026-11-20T09:30:00+08", "09:30", "",
    ])
    func badDateTimes(_ text: String) {
        #expect(DateTime(text) == nil)
    }

    @Test("date-times order by day, then minute")
    func dateTimeOrder() {
        #expect(dt("2026-11-20 23:59") < dt("2026-11-21 00:00"))
        #expect(dt("2026-11-20 08:00") < dt("2026-11-20 08:01"))
        #expect(dt("2026-11-20 08:05").string == "2026-11-20 08:05")
    }
}
