import ArgumentParser
import Foundation
import JiannuoCore
import JiannuoStore

/// Options every command takes, before or after the subcommand (see `Arguments.hoistGlobals`).
struct GlobalOptions: ParsableArguments {
    @Option(help: "数据库文件（默认 $JIANNUO_DB，否则 $XDG_DATA_HOME/jiannuo/jiannuo.sqlite）")
    var db: String?

    @Option(name: .customLong("operator"), help: "操作人（默认 $USER），记入审计日志")
    var operatorName: String?

    @Option(help: "今天的日期 YYYY-MM-DD（默认 $JIANNUO_TODAY，否则系统日期）")
    var today: String?

    @Flag(help: "输出 JSON")
    var json = false

    @Option(help: "消息语言：zh（默认）或 en")
    var lang: String?

    @Option(help: "规则文件（默认 $JIANNUO_RULES，否则内置规则）")
    var rules: String?

    @Flag(name: .customLong("read-only"), help: "只读打开数据库（看板显示只读标志，任何写入都被拒绝）")
    var readOnly = false

    var environment: [String: String] { ProcessInfo.processInfo.environment }

    var language: Lang { Lang.from(option: lang, environment: environment) }

    var databasePath: String {
        if let db, !db.isEmpty { return db }
        if let e = environment["JIANNUO_DB"], !e.isEmpty { return e }
        let base = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (NSHomeDirectory() as NSString).appendingPathComponent(".local/share")
        return (base as NSString).appendingPathComponent("jiannuo/jiannuo.sqlite")
    }

    /// Now, read when each action happens, in the office's zone (`TZ`, else Asia/Shanghai). Under
    /// `--today D` now is the last second of D.
    func clock() throws -> Clock {
        let zone = Clock.officeZone(environment["TZ"])
        guard let text = today ?? environment["JIANNUO_TODAY"].flatMap({ $0.isEmpty ? nil : $0 }) else { return .system(zone: zone) }
        return .fixed(try Validate.day(text, Field("--today 日期", "--today")), zone: zone)
    }

    var operatorValue: String {
        operatorName ?? environment["USER"] ?? environment["LOGNAME"] ?? "unknown"
    }

    var isReadOnly: Bool { readOnly || environment["JIANNUO_READONLY"] == "1" }

    /// Commands that only read open `.read`: no migration, no write lock, no change to the file.
    func openStore(_ access: Store.Access) throws -> Store {
        let rules = try self.rules.map { try Rules.load(path: $0) }
        return try Store(path: databasePath, clock: try clock(), operatorName: operatorValue, rules: rules,
                         access: isReadOnly ? .readOnly : access)
    }
}

enum Arguments {
    static let valued: Set<String> = ["--db", "--operator", "--today", "--lang", "--rules"]
    static let flags: Set<String> = ["--json", "--read-only"]

    /// Moves global options found anywhere to the end, so that `jiannuo --db X --json commitment list`
    /// and `jiannuo commitment list --db X --json` parse the same.
    static func hoistGlobals(_ args: [String]) -> [String] {
        var rest: [String] = [], globals: [String] = []
        var i = 0
        while i < args.count {
            let a = args[i]
            if a == "--" { rest += args[i...]; break }
            let name = a.split(separator: "=", maxSplits: 1).first.map(String.init) ?? a
            if valued.contains(name) {
                if a.contains("=") { globals.append(a) } else {
                    globals.append(a)
                    if i + 1 < args.count { globals.append(args[i + 1]); i += 1 }
                }
            } else if flags.contains(a) {
                globals.append(a)
            } else {
                rest.append(a)
            }
            i += 1
        }
        // Options go before a `--` terminator if there is one.
        if let dash = rest.firstIndex(of: "--") { rest.insert(contentsOf: globals, at: dash); return rest }
        return rest + globals
    }
}
