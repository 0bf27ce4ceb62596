import Foundation
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
        for y in ShippedCalendar.years { years[y.year] = y }
        var stored: [(String, String)] = []
        try r.each("SELECT year, source FROM calendar_years", []) { stored.append(($0.text(0) ?? "", $0.text(1) ?? "")) }
        for (year, source) in stored {
            let y = try CalendarFile.parse(source, source: "数据库中的 \(year) 年日历")
            years[y.year] = y
        }
        return WorkCalendar(years: years.keys.sorted().map { years[$0]! }, overrides: try overrides(r))
    }

    /// The office's zone the ledger keeps (`setOfficeZone`), else the county's.
    static func officeZone<R: SQLReader>(_ r: R) throws -> TimeZone {
        var name: String? = nil
        try r.each("SELECT value FROM meta WHERE key = 'office_zone'", []) { name = $0.text(0) }
        return name.flatMap(Clock.zone(named:)) ?? Clock.defaultZone
    }

    static func overrides<R: SQLReader>(_ r: R) throws -> [CalendarOverride] {
        try r.all("SELECT date, kind, note FROM calendar_overrides ORDER BY date", []) { row -> CalendarOverride? in
            guard let d = row.day(at: 0), let k = row.text(1).flatMap(CalendarOverride.Kind.init(rawValue:)) else { return nil }
            return CalendarOverride(date: d, kind: k, note: row.text(2))
        }.compactMap { $0 }
    }
}

extension AuditChain {
    /// The office's zone decides what today is, and `meta` is not among the digested tables: it must be
    /// what the last audited setting made it (the county's zone if none was ever set).
    static func zoneProblems<R: SQLReader>(_ r: R) throws -> [Problem] {
        var kept: String? = nil, audited: String? = nil
        try r.each("SELECT value FROM meta WHERE key = 'office_zone'", []) { kept = $0.text(0) }
        try r.each("SELECT after FROM audit_log WHERE action = 'settings.office-zone' ORDER BY seq DESC LIMIT 1", []) { row in
            audited = row.text(0).flatMap { try? JSONDecoder().decode(String.self, from: Data($0.utf8)) }
        }
        guard kept != audited else { return [] }
        return [Problem(reason: Text("办公时区设置（\(kept ?? "未设")）与审计日志记载的（\(audited ?? "未设")）不符：在程序之外被改动",
                                     "the office's time zone (\(kept ?? "unset")) is not what the audit log set (\(audited ?? "unset")): changed outside the program"),
                        table: "meta", records: ["office_zone"])]
    }
}
