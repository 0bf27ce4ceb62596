/// Where an alert's words are written: a `String`, or output that escapes what it is given.
public protocol WordSink {
    /// The program's own words (and days, numbers, amounts): no control characters, and nothing a
    /// display must make visible (an output format may still escape them).
    mutating func words(_ s: String)
    /// Text from a record (an id, a name, a title), which an output may have to escape.
    mutating func text(_ s: String)
}

extension String: WordSink {
    public mutating func words(_ s: String) { append(s) }
    public mutating func text(_ s: String) { append(s) }
}

/// What an alert is about, kept as its ingredients: the words are made only when a line is shown
/// (a province holds tens of thousands of alerts; a screen shows fifteen).
public enum AlertSubject: Sendable, Hashable {
    /// A limit of a record: its words follow from the level, the limit and the days left.
    case commitment(id: String, counterparty: String)
    case arrears(counterparty: String, amount: Money)
    case complaint(id: String, urgency: Urgency, stage: Alert.Kind)
    case rectification(id: String, source: String, ofBreach: Bool)
    case opinion(id: String, title: String)
    /// A unit's difficulty report the office has not answered.
    case difficulty(id: String, record: String)
    /// A supervision letter its unit has not replied to.
    case letter(id: String, number: String)
    /// Words fixed when the alert was made (breach reports, calendars, late returns, major opinions).
    case fixed(Text)

    /// The record and its limit, before the level's words ("承诺 CN-…（某公司）兑现时限"), in one language only:
    /// `alerts --json` words every alert twice, and making the other language each time doubled that.
    func what<S: WordSink>(_ lang: Lang, into s: inout S) {
        let zh = lang == .zh
        switch self {
        case .commitment(let id, let who):
            if zh { s.words("承诺 "); s.text(id); s.words("（"); s.text(who); s.words("）兑现时限") }
            else { s.words("commitment "); s.text(id); s.words(" ("); s.text(who); s.words(") deadline") }
        case .arrears(let who, let amount):
            if zh { s.words("拖欠"); s.text(who); s.words("账款 "); s.words(amount.grouped); s.words(" 元付款期限") }
            else { s.words("payment of "); s.words(amount.grouped); s.words(" yuan owed to "); s.text(who) }
        case .complaint(let id, let urgency, let stage):
            if zh { s.words("投诉 "); s.text(id); s.words("（"); s.words(urgency.label); s.words("）"); s.words(Self.stageWord[stage] ?? ""); s.words("时限") }
            else { s.words("complaint "); s.text(id); s.words(" ("); s.words(urgency.english); s.words(") "); s.words(stage.english); s.words(" limit") }
        case .rectification(let id, let source, let ofBreach):
            if zh { s.words("整改 "); s.text(id); s.words(ofBreach ? "（失信 " : "（检查发现 "); s.text(source); s.words("）整改时限") }
            else { s.words("rectification "); s.text(id); s.words(ofBreach ? " (breach " : " (finding "); s.text(source); s.words(") deadline") }
        case .opinion(let id, let title):
            if zh { s.words("舆情 "); s.text(id); s.words("「"); s.text(title); s.words("」处置时限") }
            else { s.words("public opinion "); s.text(id); s.words(" \""); s.text(title); s.words("\" handling limit") }
        case .difficulty(let id, let record):
            if zh { s.words("困难问题报告 "); s.text(id); s.words("（"); s.text(record); s.words("）答复时限") }
            else { s.words("difficulty report "); s.text(id); s.words(" ("); s.text(record); s.words(") answer limit") }
        case .letter(let id, let number):
            if zh { s.words("督办函 "); s.text(id); s.words("（"); s.text(number); s.words("）回复时限") }
            else { s.words("supervision letter "); s.text(id); s.words(" ("); s.text(number); s.words(") reply limit") }
        case .fixed(let t): s.text(t(lang))
        }
    }

    static let stageWord: [Alert.Kind: String] = [.complaintAccept: "受理", .complaintReturn: "退回件受理",
                                                  .complaintResolve: "办结", .complaintRespond: "反馈"]
}

extension Alert {
    /// The alert in words, made now.
    public func message(_ lang: Lang) -> String {
        var text = ""
        text.reserveCapacity(96)
        message(lang, into: &text)
        return text
    }

    /// The alert in words, written into `s` (`alerts --json` lays them straight into its output).
    public func message<S: WordSink>(_ lang: Lang, into s: inout S) {
        if case .fixed = subject { subject.what(lang, into: &s); return }
        let n = abs(daysLeft), zh = lang == .zh
        let unit = zh ? (dayUnit == .working ? "个工作日" : "天")
            : dayUnit == .working ? (n == 1 ? "working day" : "working days") : (n == 1 ? "day" : "days")
        subject.what(lang, into: &s)
        // Reported up: no longer 须上报, still overdue; the words say both.
        if let day = reportedOn {
            if zh { s.words(" \(due.string) 已逾期 \(n) \(unit)（已于 \(day.string) 报县委县政府）") }
            else { s.words(" \(due.string) passed \(n) \(unit) ago (reported to the county leadership on \(day.string))") }
            return
        }
        switch (level, zh) {
        case (.escalate, true): s.words(" \(due.string) 已逾期 \(n) \(unit)，须报县委县政府")
        case (.overdue, true): s.words(" \(due.string) 已逾期 \(n) \(unit)")
        case (.dueToday, true): s.words("今天（\(due.string)）到期")
        case (.nearing, true), (.info, true): s.words(" \(due.string)，还剩 \(daysLeft) \(unit)")
        case (.escalate, false): s.words(" \(due.string) passed \(n) \(unit) ago: report to the county leadership")
        case (.overdue, false): s.words(" \(due.string) passed \(n) \(unit) ago")
        case (.dueToday, false): s.words(" falls today (\(due.string))")
        case (.nearing, false), (.info, false): s.words(" \(due.string), \(daysLeft) \(unit) left")
        }
    }

    /// The record's id first, then a few words: for a narrow pane, where the whole message would cut the id.
    public func brief(_ lang: Lang) -> String { "\(record) \(briefWords(lang))" }

    /// A few words on what the alert is about, without the id (where the id has a column of its own).
    public func briefWords(_ lang: Lang) -> String {
        switch subject {
        case .commitment(_, let who): who
        case .arrears(let who, _): lang == .zh ? "欠款 \(who)" : "owed to \(who)"
        case .complaint(_, _, let stage): stage.label(lang)
        case .opinion(_, let title): title
        case .rectification, .difficulty, .letter, .fixed: kind.label(lang)
        }
    }

    /// The Chinese words, as `alerts --json` has always given them.
    public var message: String { message(.zh) }
    public var messageEn: String { message(.en) }
}
