import ArgumentParser
import Foundation
import JiannuoCore
import JiannuoStore

/// Options every command takes, before or after the subcommand (see `Arguments.hoistGlobals`).
struct GlobalOptions: ParsableArguments {
    @Option(help: H("数据库：SQLite 文件，或 PostgreSQL 连接串/URI（默认 $JIANNUO_DB，否则 $XDG_DATA_HOME/jiannuo/jiannuo.sqlite）", "Database: a SQLite file, or a PostgreSQL connection string or URI (default $JIANNUO_DB, else $XDG_DATA_HOME/jiannuo/jiannuo.sqlite)"))
    var db: String?

    @Option(help: H("县（区）代码：在市级 PostgreSQL 数据库中选择一个县的账本（默认 $JIANNUO_COUNTY；库中只有一个时可省）", "County (or district) code: which county's ledger of a city's PostgreSQL database (default $JIANNUO_COUNTY; may be left out when there is only one)"))
    var county: String?

    @Option(name: .customLong("operator"), help: H("操作人：只能是当前系统账号（操作人取自运行程序的系统账号，不由此选项决定）", "Operator: can only be the current system account (the operator is the system account running the program, not set by this option)"))
    var operatorName: String?

    @Option(help: H("今天的日期 YYYY-MM-DD（默认 $JIANNUO_TODAY，否则系统日期）", "Today's date YYYY-MM-DD (default $JIANNUO_TODAY, else the system date)"))
    var today: String?

    @Flag(help: H("输出 JSON", "Output JSON"))
    var json = false

    @Option(help: H("消息语言：zh（默认）或 en", "Language of messages: zh (default) or en"))
    var lang: String?

    @Option(help: H("规则文件（默认 $JIANNUO_RULES，否则内置规则）", "Rules file (default $JIANNUO_RULES, else the built-in rules)"))
    var rules: String?

    @Flag(name: .customLong("read-only"), help: H("只读打开数据库（看板显示只读标志，任何写入都被拒绝）", "Open the database read-only (the dashboard shows a read-only mark; any write is refused)"))
    var readOnly = false

    @Flag(help: H("使用演示数据库（不存在时自动生成），适用于看板与每个子命令", "Use the demo database (generated if it does not exist), for the dashboard and every subcommand"))
    var demo = false

    var environment: [String: String] { ProcessEnvironment.values }

    var language: Lang { Lang.from(option: lang, environment: environment) }

    /// Only the two languages the program speaks: `--lang fr` is a usage error, not Chinese in disguise.
    func checkLanguage() throws {
        guard let l = lang, !["zh", "en", "zh-cn", "en-us"].contains(l.lowercased()) else { return }
        throw JiannuoError.usage("--lang 只能是 zh 或 en：收到“\(Sanitize.visible(l))”", "--lang must be zh or en, not \"\(Sanitize.visible(l))\"")
    }

    /// The ledger to open: under a set-group-ID install, the resolved path its check approved.
    var databasePath: String { GroupPrivilege.ledgerPath(requestedDatabasePath) }

    var requestedDatabasePath: String {
        if let db, !db.isEmpty { return db }
        if let e = environment["JIANNUO_DB"], !e.isEmpty { return e }
        let base = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (NSHomeDirectory() as NSString).appendingPathComponent(".local/share")
        return (base as NSString).appendingPathComponent(demo ? "jiannuo/demo.sqlite" : "jiannuo/jiannuo.sqlite")
    }

    /// Now, read when each action happens. Under `--today D` now is the last second of D. The ledger
    /// puts it in the office's zone when it opens (a setting of the ledger; a user's `TZ` plays no part).
    func clock() throws -> Clock {
        guard let text = today ?? environment["JIANNUO_TODAY"].flatMap({ $0.isEmpty ? nil : $0 }) else { return .system() }
        return .fixed(try Validate.day(text, Field("--today 日期", "--today")))
    }

    /// Who acts: the system account running the process (effective uid), never a flag or `$USER`.
    static var systemAccount: String {
        if let pw = getpwuid(geteuid()), let name = pw.pointee.pw_name { return String(cString: name) }
        return "uid\(geteuid())"
    }

    /// The account; `--operator` is accepted only when it names that same account (scripts that pass it keep working).
    func account() throws -> String {
        let me = GlobalOptions.systemAccount
        if let asked = operatorName, asked != me {
            throw JiannuoError.usage("--operator “\(Sanitize.visible(String(asked.prefix(60))))” 不是当前系统账号 \(me)：操作人取自运行程序的系统账号（geteuid），不能用选项指定",
                                     "--operator \"\(Sanitize.visible(String(asked.prefix(60))))\" is not the current account \(me): the operator is the system account running the program")
        }
        return me
    }

    var isReadOnly: Bool { readOnly || environment["JIANNUO_READONLY"] == "1" }

    /// Commands that only read open `.read`: no migration, no write lock, no change to the file.
    /// An account the ledger gives no active role can run nothing but `--help` and `whoami` (77).
    var countyCode: String? { county ?? environment["JIANNUO_COUNTY"].flatMap { $0.isEmpty ? nil : $0 } }

    /// `county`: another county of the city database than `--county` (the city ranking reads them all).
    func openStore(_ access: SQLiteLedger.Access, anyAccount: Bool = false, county: String? = nil) throws -> any LedgerAdministration {
        let rules = try self.rules.map { try Rules.load(path: $0) }
        if LedgerAddress(databasePath).isPostgres {
            guard !demo else {
                throw JiannuoError.usage("--demo 只用于 SQLite 演示账本，不能与 PostgreSQL 连接串同用", "--demo is for the SQLite demo ledger, not a PostgreSQL database")
            }
            guard access != .create else {
                throw JiannuoError.usage("PostgreSQL 城市库的账本由 jiannuo init --county 代码 建立，或由 jiannuo migrate --from 账本文件 --to 连接串 --county 代码 迁入",
                                         "a city database's ledgers are made by jiannuo init --county CODE or come in through jiannuo migrate --from FILE --to URI --county CODE")
            }
            let store = try PostgresLedger(conninfo: databasePath, county: county ?? countyCode, clock: try clock(), operatorName: try account(), rules: rules,
                                    readOnly: isReadOnly)
            if !anyAccount { try store.actor.require(.read) }
            return store
        }
        let store = try openFile(access)
        if !anyAccount { try store.actor.require(.read) }
        return store
    }

    /// The ledger file of `--db` (or `--demo`'s, made on first use, whatever the command).
    func openFile(_ access: SQLiteLedger.Access) throws -> SQLiteLedger {
        let rules = try self.rules.map { try Rules.load(path: $0) }
        if demo && !FileManager.default.fileExists(atPath: databasePath) {
            _ = try SQLiteLedger(path: databasePath, clock: try clock(), operatorName: try account(), rules: rules, access: .create)
                .generateDemo(size: .small, seed: 1)
        }
        return try SQLiteLedger(path: databasePath, clock: try clock(), operatorName: try account(), rules: rules,
                                access: isReadOnly ? .readOnly : access)
    }
}

enum Arguments {
    static let valued: Set<String> = ["--db", "--county", "--operator", "--today", "--lang", "--rules"]
    static let flags: Set<String> = ["--json", "--read-only", "--demo"]

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

    /// The value of a global option before parsing (the last one given wins, as in the parser), for what
    /// can start early; the parser still decides.
    static func value(of option: String, in args: [String]) -> String? {
        var found: String? = nil
        var i = 0
        while i < args.count, args[i] != "--" {
            if args[i] == option, i + 1 < args.count { found = args[i + 1]; i += 1 }
            else if args[i].hasPrefix(option + "=") { found = String(args[i].dropFirst(option.count + 1)) }
            i += 1
        }
        return found
    }
}
