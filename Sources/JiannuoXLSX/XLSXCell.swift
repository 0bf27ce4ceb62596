import Foundation

/// A cell as the program writes it: text stays text (an id or a phone number is never turned into a
/// number), numbers are numbers, days and moments are Excel dates with a date format.
public enum XLSXCell: Sendable, Equatable {
    case text(String)
    case number(Double)
    /// A sum of money, shown with two decimals (`1234.50`).
    case amount(Double)
    /// A day, `2026-11-05`.
    case day(year: Int, month: Int, day: Int)
    /// A moment in the office's local time, `2026-11-05 09:05:00`.
    case time(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int)
    case empty

    /// Days since Excel's epoch (1899-12-30, the 1900 system with its leap-year bug accounted for).
    static func serial(year: Int, month: Int, day: Int) -> Int {
        // Days from the civil date (Howard Hinnant's algorithm), then shifted to Excel's epoch.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        let unix = era * 146_097 + doe - 719_468
        return unix + 25_569
    }

    /// The civil date of a serial day number (1900 system).
    static func civil(_ serial: Int) -> (year: Int, month: Int, day: Int) {
        let z = serial - 25_569 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}
