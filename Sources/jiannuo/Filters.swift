import ArgumentParser
import JiannuoCore
import JiannuoStore

/// The filters every `list` command takes.
struct FilterOptions: ParsableArguments {
    @Option(help: H("单位代码（含已并入的单位）", "Unit code (including the units merged into it)")) var department: String?
    @Option(help: H("状态", "Status")) var status: String?
    @Option(help: H("类别 1–6", "Category 1–6")) var category: Int?
    @Option(help: H("起始日期 YYYY-MM-DD", "Start date YYYY-MM-DD")) var from: String?
    @Option(help: H("截止日期 YYYY-MM-DD", "End date YYYY-MM-DD")) var to: String?
    @Option(help: H("最多输出的条数", "Maximum number of entries to print")) var limit: Int?
    @Option(help: H("跳过的条数", "Number of entries to skip")) var offset: Int = 0

    func filter() throws -> ListFilter {
        if let c = category { _ = try Validate.category(c) }
        if let l = limit, l < 0 { throw JiannuoError.invalid("--limit 不能为负数", "--limit must not be negative") }
        return ListFilter(department: department, status: status, category: category,
                          from: try from.map { try Validate.day($0, Field("起始日期", "--from")) },
                          to: try to.map { try Validate.day($0, Field("截止日期", "--to")) },
                          limit: limit, offset: max(0, offset))
    }
}

func parseDay(_ s: String?, _ zh: String, _ en: String) throws -> Day? {
    try s.map { try Validate.day($0, Field(zh, en)) }
}

/// `--as-known D`: a day up to today (what is not yet known cannot be shown).
func parseAsKnown(_ s: String?, today: Day) throws -> AsKnown? {
    let field = Field("所知日期（--as-known）", "--as-known")
    guard let d = try parseDay(s, field.zh, field.en) else { return nil }
    try Validate.notFuture(d, today: today, field)
    return AsKnown(d)
}

/// A time typed as local office time (the ledger's zone).
func parseTime(_ s: String?, _ zh: String, _ en: String, _ ledger: any Ledger) throws -> DateTime? {
    try s.map { try Validate.dateTime($0, Field(zh, en), zone: ledger.clock.zone) }
}

func parseYesNo(_ s: String, _ zh: String, _ en: String) throws -> Bool {
    switch s.lowercased() {
    case "yes", "y", "true", "是": return true
    case "no", "n", "false", "否": return false
    default: throw JiannuoError.invalid("\(zh)只能是 yes 或 no：收到“\(Sanitize.visible(s))”", "\(en) must be yes or no")
    }
}
