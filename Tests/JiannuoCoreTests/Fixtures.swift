import Foundation
import Testing
@testable import JiannuoCore

/// The package root, found from this file's path (Tests/JiannuoCoreTests/Fixtures.swift).
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The shipped calendar file of a year, parsed as the program parses it.
func shippedYear(_ year: Int) throws -> CalendarYear {
    let url = packageRoot.appendingPathComponent("Sources/JiannuoStore/Data/calendar/\(year).toml")
    let text = try String(contentsOf: url, encoding: .utf8)
    return try CalendarFile.parse(text, source: "\(year).toml")
}

/// The 2026 working calendar as shipped (2027 deliberately absent: weekends only).
func calendar2026() throws -> WorkCalendar { WorkCalendar(years: [try shippedYear(2026)]) }

/// A date the test knows is valid.
func d(_ s: String) -> Day {
    guard let day = Day(s) else { fatalError("bad test date \(s)") }
    return day
}

func dt(_ s: String) -> DateTime {
    guard let t = DateTime(s) else { fatalError("bad test date-time \(s)") }
    return t
}

let rules = DeadlineRules.defaults

/// A clock late enough for every fixture date: now is the end of 2026-12-31.
let lateClock = Clock.fixed(Day("2026-12-31")!)
