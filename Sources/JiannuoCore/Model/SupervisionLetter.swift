/// A supervision letter (督办函) to a unit: every item of the unit's that was overdue or nearing its limit
/// on the day it was issued, with what the unit must do, and a day by which the unit replies. The items are
/// kept as they stood on that day, so that the letter reads the same whenever it is printed again; the
/// reply is a record of the unit's (or of the office for it), and until it is given the reply-by day is an alert.
public struct SupervisionLetter: Codable, Sendable, Hashable {
    public var id: String
    /// 文号, from the office's series (`[letters] series` in the rules).
    public var number: String
    public var department: String
    /// 主送: the unit's name on the day of issue.
    public var recipient: String
    /// 发文机关 and 抄送.
    public var issuer: String
    public var cc: String?
    public var issuedAt: DateTime
    public var issuedBy: String
    public var replyBy: Day
    public var items: [LetterItem]
    public var reply: String?
    public var repliedAt: DateTime?
    public var repliedBy: String?

    public init(id: String, number: String, department: String, recipient: String, issuer: String, cc: String?, issuedAt: DateTime,
                issuedBy: String, replyBy: Day, items: [LetterItem], reply: String? = nil, repliedAt: DateTime? = nil, repliedBy: String? = nil) {
        self.id = id; self.number = number; self.department = department; self.recipient = recipient; self.issuer = issuer; self.cc = cc
        self.issuedAt = issuedAt; self.issuedBy = issuedBy; self.replyBy = replyBy; self.items = items
        self.reply = reply; self.repliedAt = repliedAt; self.repliedBy = repliedBy
    }

    enum CodingKeys: String, CodingKey {
        case id, number, department, recipient, issuer, cc, issuedAt = "issued_at", issuedBy = "issued_by", replyBy = "reply_by", items
        case reply, repliedAt = "replied_at", repliedBy = "replied_by"
    }

    public var isOpen: Bool { repliedAt == nil }

    /// Replied by its reply-by day; nil while unanswered.
    public var repliedOnTime: Bool? { repliedAt.map { $0.day <= replyBy } }

    /// The letter for a unit's alerts of `today`: its own duties only (a report up or an answer owed by the
    /// office is not the unit's to do), the reply due `letter_reply_workdays` working days after.
    public static func drafted(id: String, serial: Int, unit: Department, alerts: [Alert], at: DateTime, by: String,
                               rules: Rules, calendar: WorkCalendar) throws -> SupervisionLetter {
        let items = alerts.filter { $0.department == unit.code && LetterItem.required[$0.kind] != nil && $0.level != .info }
            .sorted { ($0.level, $0.due, $0.record) < ($1.level, $1.due, $1.record) }.map(LetterItem.init)
        guard !items.isEmpty else {
            throw JiannuoError.invalid("单位 \(unit.code)（\(unit.name)）今天没有逾期或临期的事项，无需督办", "unit \(unit.code) has nothing overdue or nearing today: no letter")
        }
        return SupervisionLetter(id: id, number: rules.letters.number(year: at.day.year, serial: serial), department: unit.code,
                                 recipient: unit.name, issuer: rules.letters.issuer, cc: rules.letters.cc, issuedAt: at, issuedBy: by,
                                 replyBy: calendar.addingWorkdays(rules.deadlines.letterReplyWorkdays, to: at.day), items: items)
    }

    /// The unit's reply, given once.
    public func replied(_ text: String, at: DateTime, by: String) throws -> SupervisionLetter {
        if let at = repliedAt {
            throw JiannuoError.invalid("督办函 \(id) 已于 \(at.string) 回复", "supervision letter \(id) was already answered on \(at.string)")
        }
        var l = self
        l.reply = try Validate.text(text, Field("回复内容", "reply"), max: 4000, multiline: true)
        l.repliedAt = at; l.repliedBy = by
        return l
    }

    /// What `letter list --status` takes.
    public enum Status: String, Vocabulary {
        case open, late, replied
        public var label: String {
            switch self {
            case .open: "待回复"
            case .late: "逾期未回复"
            case .replied: "已回复"
            }
        }
        public var english: String {
            switch self {
            case .open: "awaiting reply"
            case .late: "reply overdue"
            case .replied: "replied"
            }
        }
    }

    public func status(today: Day) -> Status {
        if repliedAt != nil { return .replied }
        return today > replyBy ? .late : .open
    }
}

/// One item of a letter as it stood on the day of issue.
public struct LetterItem: Codable, Sendable, Hashable {
    public var record: String
    public var kind: Alert.Kind
    public var level: Alert.Level
    public var due: Day
    public var daysLeft: Int
    public var dayUnit: Alert.DayUnit
    /// The alert's words, in both languages, as they were that day.
    public var text: String
    public var textEn: String

    enum CodingKeys: String, CodingKey {
        case record, kind, level, due, daysLeft = "days_left", dayUnit = "day_unit", text, textEn = "text_en"
    }

    init(_ a: Alert) {
        record = a.record; kind = a.kind; level = a.level; due = a.due; daysLeft = a.daysLeft; dayUnit = a.dayUnit
        text = a.message(.zh); textEn = a.message(.en)
    }

    public func text(_ lang: Lang) -> String { lang == .zh ? text : textEn }

    /// What the unit must do, by kind: only the kinds that are the unit's own duty are put in a letter.
    public static let required: [Alert.Kind: Text] = [
        .commitment: Text("兑现承诺，报送兑现情况及佐证材料", "fulfil the promise and report it with evidence"),
        .arrears: Text("按约定支付中小企业账款", "pay the small firm as agreed"),
        .complaintAccept: Text("受理投诉", "accept the complaint"),
        .complaintReturn: Text("受理退回件", "accept the returned complaint"),
        .complaintResolve: Text("办结投诉，或依规申请延期", "resolve the complaint, or ask for an extension as the rules allow"),
        .complaintRespond: Text("向投诉人反馈办理结果", "tell the complainant the outcome"),
        .rectification: Text("完成整改，报送整改情况", "complete the rectification and report it"),
        .opinion: Text("处置舆情，报送处置情况", "handle the public-opinion event and report it"),
    ]

    public var requirement: Text { Self.required[kind] ?? Text("", "") }
}

/// A document series and header the office sets in the rules (`[letters]`, `[bulletin]`): `series` with
/// `{year}` and `{n}` (the year's count), 发文机关, 主送 (a bulletin's; a letter's is its unit) and 抄送.
public struct DocumentRules: Sendable, Equatable {
    public var series: String
    public var issuer = "县政府督查室"
    public var to: String? = nil
    public var cc: String? = nil

    public init(series: String, to: String? = nil) { self.series = series; self.to = to }

    public static let letters = DocumentRules(series: "践诺督函〔{year}〕{n}号")
    public static let bulletin = DocumentRules(series: "践诺通报〔{year}〕{n}号", to: "县直各单位，各乡镇人民政府、街道办事处")

    /// A section of the rules file as written: what it leaves out keeps `defaults`.
    struct Section: Decodable { var series: String?; var issuer: String?; var to: String?; var cc: String? }

    init(_ section: Section?, defaults d: DocumentRules, name: String) throws {
        series = section?.series ?? d.series; issuer = section?.issuer ?? d.issuer
        to = section?.to ?? d.to; cc = section?.cc ?? d.cc
        guard series.contains("{n}") else {
            throw JiannuoError.invalid("[\(name)] series = \(series) 须含 {n}（当年第几号）", "[\(name)] series must contain {n} (the year's number)")
        }
        _ = try Validate.text(series, Field("[\(name)] series", "[\(name)] series"), max: 60)
        _ = try Validate.text(issuer, Field("[\(name)] issuer", "[\(name)] issuer"), max: 60)
        if let to { _ = try Validate.text(to, Field("[\(name)] to", "[\(name)] to"), max: 200) }
        if let cc { _ = try Validate.text(cc, Field("[\(name)] cc", "[\(name)] cc"), max: 200) }
    }

    /// `践诺督函〔2026〕3号`.
    public func number(year: Int, serial: Int) -> String {
        series.replacingOccurrences(of: "{year}", with: String(year)).replacingOccurrences(of: "{n}", with: String(serial))
    }
}
