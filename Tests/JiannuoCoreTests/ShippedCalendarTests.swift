import Foundation
import JiannuoTestSupport
import Testing
@testable import JiannuoCore

/// The program takes the shipped calendar as values (`ShippedCalendar`); the files in Data/calendar are what is
/// published. Every file, parsed as `calendar load` parses one, must be exactly one of those years, and every
/// year one of the files: a year added to one side only fails here.
@Suite struct ShippedCalendarTests {
    @Test func theValuesAreTheFilesYearByYear() throws {
        let dir = packageRoot.appendingPathComponent("Sources/JiannuoStore/Data/calendar")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".toml") }.sorted()
        let parsed = try files.map { name in
            try CalendarFile.parse(try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8), source: name)
        }
        #expect(parsed.count >= 2, "\(files)")
        #expect(parsed.map(\.year) == ShippedCalendar.years.map(\.year))
        for (file, value) in zip(parsed, ShippedCalendar.years) {
            #expect(file == value, "\(file.year): the file and ShippedCalendar differ")
        }
    }
}
