import Foundation
import GRDB
import JiannuoCore

/// Data files shipped with the program (Sources/JiannuoStore/Data).
enum Resources {
    static var dataDirectory: URL? {
        Bundle.module.resourceURL?.appendingPathComponent("Data")
    }

    static func text(_ relative: String) -> String? {
        guard let url = dataDirectory?.appendingPathComponent(relative) else { return nil }
        return try? String(contentsOf: url, encoding: .utf8)
    }

    /// The shipped calendar years, read once per process.
    static let shippedYears: Result<[CalendarYear], Error> = Result { try readCalendarYears() }

    static func calendarYears() throws -> [CalendarYear] { try shippedYears.get() }

    static func readCalendarYears() throws -> [CalendarYear] {
        guard let dir = dataDirectory?.appendingPathComponent("calendar"),
              let names = try? FileManager.default.contentsOfDirectory(atPath: dir.path) else { return [] }
        return try names.filter { $0.hasSuffix(".toml") }.sorted().map { name in
            let text = try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
            return try CalendarFile.parse(text, source: name)
        }
    }
}

extension Rules {
    /// The shipped defaults, or the file named by `JIANNUO_RULES`.
    public static func bundled(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Rules {
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
