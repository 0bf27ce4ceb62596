/// The working-day calendars shipped with the program (`Sources/JiannuoStore/Data/calendar/*.toml`, which
/// stay the published source): the same years as values, because reading and decoding the files cost every
/// command a millisecond before it began. `ShippedCalendarTests` holds these equal to the files.
public enum ShippedCalendar {
    public static let years: [CalendarYear] = [
        CalendarYear(year: 2025, holidays: [
            .init(name: "元旦", from: Day("2025-01-01")!, to: Day("2025-01-01")!),
            .init(name: "春节", from: Day("2025-01-28")!, to: Day("2025-02-04")!),
            .init(name: "清明节", from: Day("2025-04-04")!, to: Day("2025-04-06")!),
            .init(name: "劳动节", from: Day("2025-05-01")!, to: Day("2025-05-05")!),
            .init(name: "端午节", from: Day("2025-05-31")!, to: Day("2025-06-02")!),
            .init(name: "国庆节、中秋节", from: Day("2025-10-01")!, to: Day("2025-10-08")!),
        ], workdays: [
            .init(date: Day("2025-01-26")!, name: "春节调休上班（星期日）"),
            .init(date: Day("2025-02-08")!, name: "春节调休上班（星期六）"),
            .init(date: Day("2025-04-27")!, name: "劳动节调休上班（星期日）"),
            .init(date: Day("2025-09-28")!, name: "国庆节调休上班（星期日）"),
            .init(date: Day("2025-10-11")!, name: "国庆节调休上班（星期六）"),
        ]),
        CalendarYear(year: 2026, holidays: [
            .init(name: "元旦", from: Day("2026-01-01")!, to: Day("2026-01-03")!),
            .init(name: "春节", from: Day("2026-02-15")!, to: Day("2026-02-23")!),
            .init(name: "清明节", from: Day("2026-04-04")!, to: Day("2026-04-06")!),
            .init(name: "劳动节", from: Day("2026-05-01")!, to: Day("2026-05-05")!),
            .init(name: "端午节", from: Day("2026-06-19")!, to: Day("2026-06-21")!),
            .init(name: "中秋节", from: Day("2026-09-25")!, to: Day("2026-09-27")!),
            .init(name: "国庆节", from: Day("2026-10-01")!, to: Day("2026-10-07")!),
        ], workdays: [
            .init(date: Day("2026-01-04")!, name: "元旦调休上班（星期日）"),
            .init(date: Day("2026-02-14")!, name: "春节调休上班（星期六）"),
            .init(date: Day("2026-02-28")!, name: "春节调休上班（星期六）"),
            .init(date: Day("2026-05-09")!, name: "劳动节调休上班（星期六）"),
            .init(date: Day("2026-09-20")!, name: "国庆节调休上班（星期日）"),
            .init(date: Day("2026-10-10")!, name: "国庆节调休上班（星期六）"),
        ]),
    ]
}
