import GRDB
import JiannuoCore

extension LedgerEngine {
    /// Moves with every change of the calendar or the rules in force (never with other writes): what
    /// a ledger reads once at open and keeps.
    public func configGeneration() throws -> Int {
        try reading { r in
            var value = "0"
            try r.each("SELECT value FROM meta WHERE key = 'config_generation'", []) { value = $0.text(0) ?? "0" }
            return Int(value) ?? 0
        }
    }

    public func calendarOverrides() throws -> [CalendarOverride] { try reading { r in try CalendarReads.overrides(r) } }
}

/// The calendar as either engine keeps it.
enum CalendarReads {
    /// Shipped years, then years loaded into the database (which win), then officers' overrides.
    static func calendar<R: SQLReader>(_ r: R) throws -> WorkCalendar {
        var years: [Int: CalendarYear] = [:]
        for y in try Resources.calendarYears() { years[y.year] = y }
        var stored: [(String, String)] = []
        try r.each("SELECT year, source FROM calendar_years", []) { stored.append(($0.text(0) ?? "", $0.text(1) ?? "")) }
        for (year, source) in stored {
            let y = try CalendarFile.parse(source, source: "数据库中的 \(year) 年日历")
            years[y.year] = y
        }
        return WorkCalendar(years: years.keys.sorted().map { years[$0]! }, overrides: try overrides(r))
    }

    static func overrides<R: SQLReader>(_ r: R) throws -> [CalendarOverride] {
        try r.all("SELECT date, kind, note FROM calendar_overrides ORDER BY date", []) { row -> CalendarOverride? in
            guard let d = row.day(at: 0), let k = row.text(1).flatMap(CalendarOverride.Kind.init(rawValue:)) else { return nil }
            return CalendarOverride(date: d, kind: k, note: row.text(2))
        }.compactMap { $0 }
    }
}
