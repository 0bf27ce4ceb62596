import JiannuoTestSupport
import Testing
@testable import JiannuoCore

@Suite("Working-day calendar, 2026")
struct CalendarTests {
    @Test("the shipped 2026 file has the State Council's schedule")
    func shipped() throws {
        let y = try shippedYear(2026)
        #expect(y.year == 2026)
        #expect(y.holidays.count == 7)
        let holidayDays: Int = y.holidays.reduce(0) { $0 + $1.days.count }
        #expect(holidayDays == 33)  // 3 + 9 + 3 + 5 + 3 + 3 + 7
        #expect(Set(y.workdays.map(\.date)) == Set(["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"].map(d)))
    }

    @Test("working or not", arguments: [
        ("2026-01-01", false), ("2026-01-02", false), ("2026-01-03", false), ("2026-01-04", true), ("2026-01-05", true),
        ("2026-02-13", true), ("2026-02-14", true), ("2026-02-15", false), ("2026-02-16", false), ("2026-02-20", false),
        ("2026-02-23", false), ("2026-02-24", true), ("2026-02-28", true), ("2026-03-01", false), ("2026-04-06", false),
        ("2026-05-05", false), ("2026-05-09", true), ("2026-05-10", false), ("2026-06-19", false), ("2026-09-20", true),
        ("2026-09-25", false), ("2026-10-07", false), ("2026-10-08", true), ("2026-10-10", true), ("2026-10-11", false),
        ("2026-12-31", true), ("2027-01-01", true), ("2027-01-02", false), ("2026-11-21", false),
    ])
    func isWorkday(_ day: String, _ expected: Bool) throws {
        #expect(try calendar2026().isWorkday(d(day)) == expected)
    }

    // Acceptance within 1 working day, counted from the day after receipt (次日起算).
    @Test("accept limit around every 2026 holiday", arguments: [
        ("2026-02-13 16:00", "2026-02-14"),  // Friday → Saturday make-up working day
        ("2026-09-30 10:00", "2026-10-08"),  // eve of National Day → first working day after it
        ("2026-12-31 17:00", "2027-01-01"),  // year end into 2027, no data: weekends only, so a Friday works
        ("2026-02-14 09:00", "2026-02-24"),  // make-up Saturday → after the Spring Festival
        ("2026-04-03 09:00", "2026-04-07"),  // 清明 Sat–Mon
        ("2026-04-30 09:00", "2026-05-06"),  // 劳动节 Fri–Tue
        ("2026-05-08 09:00", "2026-05-09"),  // Friday → make-up Saturday
        ("2026-06-18 09:00", "2026-06-22"),  // 端午 Fri–Sun
        ("2026-09-19 09:00", "2026-09-20"),  // Saturday → make-up Sunday
        ("2026-09-24 09:00", "2026-09-28"),  // 中秋 Fri–Sun
        ("2026-10-09 09:00", "2026-10-10"),  // Friday → make-up Saturday
        ("2026-12-31 00:00", "2027-01-01"),
        ("2026-01-03 09:00", "2026-01-04"),  // during 元旦 → make-up Sunday
        ("2026-03-06 09:00", "2026-03-09"),  // ordinary Friday → Monday
    ])
    func acceptLimit(_ received: String, _ due: String) throws {
        let cal = try calendar2026()
        var draft = ComplaintDraft()
        draft.received = received; draft.department = "FGW"; draft.content = "测试"
        let c = try draft.validated(id: "TS-2026-000001", calendar: cal, rules: rules, clock: lateClock)
        #expect(c.acceptDue == d(due))
        #expect(cal.addingWorkdays(1, to: dt(received).day) == d(due))
    }

    // Resolve limits from the acceptance day.
    @Test("resolve limits", arguments: [
        // 13 working days across the Spring Festival, from Tue 2026-02-10:
        // 11,12,13 (3), Sat 14 make-up (4), 15–23 off, 24,25,26,27 (8), Sat 28 make-up (9), Sun 3-01 off,
        // 3-02,03,04,05 (13) → 2026-03-05.
        ("2026-02-10 09:00", Urgency.normal, "2026-03-05"),
        // 3 working days from Tue 2026-09-29: 30 (1), 10-01…07 off, 10-08 (2), 10-09 (3).
        ("2026-09-29 09:00", .urgent, "2026-10-09"),
        ("2026-02-13 09:00", .critical, "2026-02-14"),
        // 13 from Tue 2026-12-15: Dec 16,17,18,21,22,23,24,25,28,29,30,31 (12), Fri 2027-01-01 (13, weekends only).
        ("2026-12-15 09:00", .normal, "2027-01-01"),
    ])
    func resolveLimit(_ accepted: String, _ urgency: Urgency, _ due: String) throws {
        let cal = try calendar2026()
        var c = Complaint(id: "TS-2026-000001", channel: .hotline, received: dt(accepted), urgency: urgency, complainant: nil,
                          contact: nil, department: "FGW", category: nil, commitment: nil, content: "x", acceptDue: dt(accepted).day)
        c = try ComplaintWorkflow.accept(c, at: dt(accepted), cal, rules)
        #expect(c.resolveDue == d(due))
    }

    @Test("working days of February 2026")
    func february() throws {
        // February 2026 starts on a Sunday.
        //   2–6 Mon–Fri              5
        //   9–13 Mon–Fri             5   (10)
        //   14 Sat, make-up day      1   (11)
        //   15–23 Spring Festival    0   (16–20 and 23 are weekdays off)
        //   24–27 Tue–Fri            4   (15)
        //   28 Sat, make-up day      1   (16)
        #expect(try calendar2026().workdays(from: d("2026-02-01"), to: d("2026-02-28")) == 16)
    }

    @Test("working days of the whole of 2026")
    func wholeYear() throws {
        // 2026 has 52 weeks and one extra Thursday: 261 weekdays. Weekday holidays: 元旦 1/1–1/2 (2), 春节 2/16–20, 2/23 (6),
        // 清明 4/6 (1), 劳动节 5/1, 5/4, 5/5 (3), 端午 6/19 (1), 中秋 9/25 (1), 国庆 10/1, 10/2, 10/5–10/7 (5): 19.
        // Make-up days: 6. 261 − 19 + 6 = 248.
        #expect(try calendar2026().workdays(from: d("2026-01-01"), to: d("2026-12-31")) == 248)
    }

    @Test("working-day counts", arguments: [
        ("2026-10-01", "2026-10-10", 3),  // 8, 9, 10
        ("2026-10-01", "2026-10-07", 0),
        ("2026-02-14", "2026-02-14", 1),
        ("2026-03-02", "2026-03-01", 0),  // TO before FROM
        ("2026-12-28", "2027-01-08", 10), // 28–31 (4), 2027: Fri 1 (1), 4–8 (5): weekends only
        ("2024-02-26", "2024-03-01", 5),  // leap year without data: Mon–Fri incl. 29th
        ("2028-02-28", "2028-03-01", 3),  // Mon 28, Tue 29, Wed 1
        ("2025-02-24", "2025-03-02", 5),  // non-leap February ends on a Friday
    ])
    func counts(_ from: String, _ to: String, _ n: Int) throws {
        #expect(try calendar2026().workdays(from: d(from), to: d(to)) == n)
    }

    @Test("adding working days in leap years without data")
    func leapYears() throws {
        let cal = try calendar2026()
        #expect(cal.addingWorkdays(1, to: d("2024-02-28")) == d("2024-02-29"))
        #expect(cal.addingWorkdays(1, to: d("2024-02-29")) == d("2024-03-01"))
        #expect(cal.addingWorkdays(1, to: d("2028-02-28")) == d("2028-02-29"))
        #expect(cal.addingWorkdays(0, to: d("2028-02-27")) == d("2028-02-27"))
        #expect(cal.missingYears(among: [d("2024-02-29"), d("2026-05-01"), d("2028-02-29")]) == [2024, 2028])
        #expect(cal.hasData(forYear: 2026) && !cal.hasData(forYear: 2027))
    }

    // Signed working days from today to a due date of Wed 2026-09-30.
    @Test("workdaysLeft sign rules", arguments: [
        ("2026-09-30", 0),    // due today
        ("2026-09-29", 1),
        ("2026-09-28", 2),
        ("2026-09-25", 3),    // from a holiday Friday: 26, 27 off; 28, 29, 30
        ("2026-10-01", -1),   // late during the holiday although no working day has passed
        ("2026-10-07", -1),
        ("2026-10-08", -1),   // first working day after
        ("2026-10-09", -2),
        ("2026-10-10", -3),   // make-up Saturday counts
        ("2026-10-11", -3),   // Sunday does not
        ("2026-10-12", -4),
    ])
    func workdaysLeft(_ today: String, _ expected: Int) throws {
        #expect(try calendar2026().workdaysLeft(from: d(today), to: d("2026-09-30")) == expected)
    }

    @Test("officers' overrides win over the shipped data")
    func overrides() throws {
        let y = try shippedYear(2026)
        let cal = WorkCalendar(years: [y], overrides: [
            CalendarOverride(date: d("2026-03-03"), kind: .holiday, note: "防汛"),
            CalendarOverride(date: d("2026-10-05"), kind: .workday),
        ])
        #expect(!cal.isWorkday(d("2026-03-03")))
        #expect(cal.isWorkday(d("2026-10-05")))
        #expect(cal.holidays[d("2026-03-03")] == "防汛")
        #expect(cal.addingWorkdays(1, to: d("2026-09-30")) == d("2026-10-05"))
    }

    @Test("calendar files: bad files are refused with the reason")
    func badFiles() {
        let wrongYear = "year = 2026\n[[holiday]]\nname = \"x\"\nfrom = \"2025-10-01\"\n"
        #expect(throws: JiannuoError.self) { try CalendarFile.parse(wrongYear, source: "t") }
        let badDate = "year = 2026\n[[workday]]\ndate = \"2026-02-30\"\n"
        let e = #expect(throws: JiannuoError.self) { try CalendarFile.parse(badDate, source: "t") }
        #expect(e?.text.zh.contains("2026-02-30") == true)
        #expect(throws: JiannuoError.self) { try CalendarFile.parse("year = 2026\nunknown = 1\n", source: "t") }
        #expect(throws: JiannuoError.self) { try CalendarFile.parse("year = = 2026", source: "t") }
    }

    @Test("the shipped 2025 file")
    func shipped2025() throws {
        let cal = WorkCalendar(years: [try shippedYear(2025)])
        // 2025-01-26 (Sunday) and 2025-10-11 (Saturday) are make-up days; 2025-10-08 (Wednesday) is off.
        #expect(cal.isWorkday(d("2025-01-26")))
        #expect(cal.isWorkday(d("2025-10-11")))
        #expect(!cal.isWorkday(d("2025-10-08")))
        #expect(!cal.isWorkday(d("2025-06-02")))
        // Received Tue 2025-09-30: 10-01…08 off, 10-09 Thu.
        #expect(cal.addingWorkdays(1, to: d("2025-09-30")) == d("2025-10-09"))
    }

    @Test("counting agrees with walking day by day, with overrides and across years with and without data")
    func countsAgreeWithWalking() throws {
        let cal = WorkCalendar(years: [try shippedYear(2025), try shippedYear(2026)], overrides: [
            CalendarOverride(date: d("2026-03-03"), kind: .holiday),   // weekday made a holiday
            CalendarOverride(date: d("2026-03-07"), kind: .workday),   // Saturday made a working day
            CalendarOverride(date: d("2026-02-14"), kind: .holiday),   // a make-up day taken back
            CalendarOverride(date: d("2026-10-05"), kind: .workday),   // a holiday weekday made a working day
            CalendarOverride(date: d("2026-03-08"), kind: .holiday),   // a Sunday "holiday": no change
        ])
        func walk(_ a: Day, _ b: Day) -> Int {
            var n = 0, x = a
            while x <= b { if cal.isWorkday(x) { n += 1 }; x = x.adding(days: 1) }
            return n
        }
        let lo = d("2024-11-01").ordinal, hi = d("2027-03-01").ordinal
        var starts = [d("2026-01-01"), d("2026-02-14"), d("2026-03-07"), d("2026-10-05"), d("1969-12-25"), d("1900-02-26")]
        for o in stride(from: lo, through: hi, by: 5) { starts.append(Day(ordinal: o)) }
        for a in starts {
            for len in [0, 1, 2, 6, 7, 8, 13, 30, 45, 200] {
                let b = a.adding(days: len)
                #expect(cal.workdays(from: a, to: b) == walk(a, b), "\(a)…\(b)")
            }
        }
        // The overrides themselves.
        #expect(cal.workdays(from: d("2026-03-02"), to: d("2026-03-08")) == 5)   // Mon–Fri minus 3-03, plus Sat 3-07
        #expect(cal.workdays(from: d("2026-02-09"), to: d("2026-02-15")) == 5)   // 2-14 taken back
    }

    @Test("a calendar file outside 2000–2100, a holiday that ends before it starts, or a name with a control character is refused")
    func badCalendarFiles() throws {
        #expect(throws: JiannuoError.self) { try CalendarFile.parse("year = 1999\n", source: "y.toml") }
        #expect(throws: JiannuoError.self) { try CalendarFile.parse("year = 2101\n", source: "y.toml") }
        #expect(throws: JiannuoError.self) {
            try CalendarFile.parse("year = 2026\n[[holiday]]\nname = \"国庆\"\nfrom = \"2026-10-08\"\nto = \"2026-10-01\"\n", source: "y.toml")
        }
        #expect(throws: JiannuoError.self) {
            try CalendarFile.parse("year = 2026\n[[holiday]]\nname = \"国\\u001b庆\"\nfrom = \"2026-10-01\"\n", source: "y.toml")
        }
        let ok = try CalendarFile.parse("year = 2026\n[[holiday]]\nname = \"国庆\"\nfrom = \"2026-10-01\"\nto = \"2026-10-08\"\n", source: "y.toml")
        #expect(ok.holidays.count == 1)
    }
}
