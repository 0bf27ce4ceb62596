import Foundation
import JiannuoCore

// What the program ships in Sources/JiannuoStore/Data is taken as values, the files there being the
// published source that tests hold the values to: the calendar (`ShippedCalendar`), the rules (`Rules.defaults`).

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
