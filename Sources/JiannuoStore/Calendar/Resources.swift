import Foundation
import GRDB
import JiannuoCore

/// What the program ships in Sources/JiannuoStore/Data, as values: the files there are the published source,
/// and tests hold the two equal (`ShippedCalendar`, `Rules.defaults`).
enum Resources {
    static func calendarYears() -> [CalendarYear] { ShippedCalendar.years }
}

extension Rules {
    /// The shipped defaults, or the file named by `JIANNUO_RULES`.
    public static func bundled(environment: [String: String] = ProcessEnvironment.values) throws -> Rules {
        if let path = environment["JIANNUO_RULES"], !path.isEmpty { return try load(path: path) }
        // The shipped `rules.toml` words these same values (a test holds them equal): parsing it on every
        // command cost a write a tenth of its time.
        return .defaults
    }

    public static func load(path: String) throws -> Rules {
        guard let text = UserFiles.text(path) else {
            throw JiannuoError.notFound("找不到规则文件：\(path)", "rules file not found: \(path)")
        }
        return try parse(text, source: path)
    }
}
