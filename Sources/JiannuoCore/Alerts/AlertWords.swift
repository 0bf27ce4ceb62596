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
    func what(_ lang: Lang) -> String {
        let zh = lang == .zh
        switch self {
        case .commitment(let id, let who): return zh ? "承诺 \(id)（\(who)）兑现时限" : "commitment \(id) (\(who)) deadline"
        case .arrears(let who, let amount): return zh ? "拖欠\(who)账款 \(amount.grouped) 元付款期限" : "payment of \(amount.grouped) yuan owed to \(who)"
        case .complaint(let id, let urgency, let stage):
            return zh ? "投诉 \(id)（\(urgency.label)）\(Self.stageWord[stage] ?? "")时限" : "complaint \(id) (\(urgency.english)) \(stage.english) limit"
        case .rectification(let id, let source, let ofBreach):
            return zh ? "整改 \(id)（\(ofBreach ? "失信" : "检查发现") \(source)）整改时限" : "rectification \(id) (\(ofBreach ? "breach" : "finding") \(source)) deadline"
        case .opinion(let id, let title): return zh ? "舆情 \(id)「\(title)」处置时限" : "public opinion \(id) \"\(title)\" handling limit"
        case .difficulty(let id, let record): return zh ? "困难问题报告 \(id)（\(record)）答复时限" : "difficulty report \(id) (\(record)) answer limit"
        case .letter(let id, let number): return zh ? "督办函 \(id)（\(number)）回复时限" : "supervision letter \(id) (\(number)) reply limit"
        case .fixed(let t): return t(lang)
        }
    }

    static let stageWord: [Alert.Kind: String] = [.complaintAccept: "受理", .complaintReturn: "退回件受理",
                                                  .complaintResolve: "办结", .complaintRespond: "反馈"]
}

extension Alert {
    /// The alert in words, made now.
    public func message(_ lang: Lang) -> String {
        var text: String
        if case .fixed(let t) = subject {
            text = t(lang)
        } else {
            let what = subject.what(lang), n = abs(daysLeft)
            if lang == .zh {
                let unit = dayUnit == .working ? "个工作日" : "天"
                switch level {
                case .escalate: text = "\(what) \(due) 已逾期 \(n) \(unit)，须报县委县政府"
                case .overdue: text = "\(what) \(due) 已逾期 \(n) \(unit)"
                case .dueToday: text = "\(what)今天（\(due)）到期"
                case .nearing, .info: text = "\(what) \(due)，还剩 \(daysLeft) \(unit)"
                }
            } else {
                let unit = dayUnit == .working ? (n == 1 ? "working day" : "working days") : (n == 1 ? "day" : "days")
                switch level {
                case .escalate: text = "\(what) \(due) passed \(n) \(unit) ago: report to the county leadership"
                case .overdue: text = "\(what) \(due) passed \(n) \(unit) ago"
                case .dueToday: text = "\(what) falls today (\(due))"
                case .nearing, .info: text = "\(what) \(due), \(daysLeft) \(unit) left"
                }
            }
            // Reported up: no longer 须上报, still overdue; the words say both.
            if let day = reportedOn {
                text = lang == .zh ? "\(what) \(due) 已逾期 \(n) \(dayUnit == .working ? "个工作日" : "天")（已于 \(day) 报县委县政府）"
                                   : "\(what) \(due) passed \(n) \(dayUnit == .working ? (n == 1 ? "working day" : "working days") : (n == 1 ? "day" : "days")) ago (reported to the county leadership on \(day))"
            }
        }
        return text
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
