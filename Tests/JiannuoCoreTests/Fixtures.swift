import Foundation
import JiannuoTestSupport
import Testing
@testable import JiannuoCore

/// The shipped calendar file of a year, parsed as the program parses it.
func shippedYear(_ year: Int) throws -> CalendarYear {
    let url = packageRoot.appendingPathComponent("Sources/JiannuoStore/Data/calendar/\(year).toml")
    let text = try String(contentsOf: url, encoding: .utf8)
    return try CalendarFile.parse(text, source: "\(year).toml")
}

/// The 2026 working calendar as shipped (2027 deliberately absent: weekends only).
func calendar2026() throws -> WorkCalendar { WorkCalendar(years: [try shippedYear(2026)]) }

let rules = DeadlineRules.defaults

/// A clock late enough for every fixture date: now is the end of 2026-12-31.
let lateClock = Clock.fixed(Day("2026-12-31")!)
