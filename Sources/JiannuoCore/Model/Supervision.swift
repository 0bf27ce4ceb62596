/// 问责方式: the documented list (notice 五; 《中国共产党问责条例》, 《公职人员政务处分法》).
public enum AccountabilityKind: String, Vocabulary {
    case interview, criticism, selfExamination = "self-examination", admonishment, organisational
    case administrativeSanction = "administrative-sanction", partyDiscipline = "party-discipline", judicialReferral = "judicial-referral"
    public var label: String {
        switch self {
        case .interview: "约谈"
        case .criticism: "通报批评"
        case .selfExamination: "责令检查"
        case .admonishment: "诫勉"
        case .organisational: "组织处理"
        case .administrativeSanction: "政务处分"
        case .partyDiscipline: "党纪处分"
        case .judicialReferral: "移送司法机关"
        }
    }
    public var english: String {
        switch self {
        case .interview: "interview"
        case .criticism: "public criticism"
        case .selfExamination: "ordered self-examination"
        case .admonishment: "admonishment"
        case .organisational: "organisational measures"
        case .administrativeSanction: "administrative sanction"
        case .partyDiscipline: "party discipline"
        case .judicialReferral: "referral to the judicial organs"
        }
    }
}

extension AccountabilityKind {
    /// A stored kind in the reader's language: the stored text is the Chinese label (rows before
    /// the list existed may hold other words, shown as they are).
    public static func display(_ stored: String, _ lang: Lang) -> String {
        allCases.first { $0.label == stored }.map { $0.label(lang) } ?? stored
    }
}

/// Whom an accountability is against: a unit, or an official of it.
public enum AccountabilityTarget: String, Vocabulary {
    case unit, official
    public var label: String { self == .unit ? "单位" : "公职人员" }
    public var english: String { self == .unit ? "unit" : "official" }
}

/// A supervision round (督促检查, notice 四（一）): who inspected which units, when.
public struct InspectionRound: Codable, Sendable, Hashable {
    public var id: String
    public var name: String
    public var from: Day
    public var to: Day
    /// The units inspected; empty means every unit in use.
    public var departments: [String]
    public var inspectors: String

    public init(id: String, name: String, from: Day, to: Day, departments: [String], inspectors: String) {
        self.id = id; self.name = name; self.from = from; self.to = to; self.departments = departments; self.inspectors = inspectors
    }

    enum CodingKeys: String, CodingKey { case id, name, from = "from_day", to = "to_day", departments, inspectors }

    public func covers(_ code: String) -> Bool { departments.isEmpty || departments.contains(code) }
    /// A round is open on the days it runs (and before them, once planned).
    public func isOpen(on day: Day) -> Bool { day <= to }

    public static func validated(id: String, name: String, from: Day, to: Day, departments: [String], inspectors: String) throws -> InspectionRound {
        guard to >= from else {
            throw JiannuoError.invalid("检查截止日期 \(to) 早于开始日期 \(from)", "the round ends (\(to)) before it starts (\(from))")
        }
        return InspectionRound(id: id, name: try Validate.text(name, Field("检查名称", "name"), max: 100), from: from, to: to,
                               departments: departments, inspectors: try Validate.text(inspectors, Field("检查人员", "inspectors"), max: 200))
    }
}

/// A problem a round found in a unit (进展缓慢、成效不明显、承诺不实、兑现不力…), which may order 限期整改.
public struct Finding: Codable, Sendable, Hashable {
    public var id: String
    public var round: String
    public var department: String
    public var issue: String
    public var basis: String
    public var severity: Severity
    public var date: Day

    public init(id: String, round: String, department: String, issue: String, basis: String, severity: Severity, date: Day) {
        self.id = id; self.round = round; self.department = department; self.issue = issue; self.basis = basis
        self.severity = severity; self.date = date
    }

    public static func validated(id: String, round: InspectionRound, department: String, issue: String, basis: String,
                                 severity: Severity, date: Day) throws -> Finding {
        guard round.covers(department) else {
            throw JiannuoError.invalid("检查 \(round.id) 不包括单位 \(department)", "round \(round.id) does not cover \(department)")
        }
        guard date >= round.from else {
            throw JiannuoError.invalid("发现问题日期 \(date) 早于检查开始日期 \(round.from)", "the finding's date is before the round started")
        }
        return Finding(id: id, round: round.id, department: department,
                       issue: try Validate.text(issue, Field("问题", "issue"), max: 500, multiline: true),
                       basis: try Validate.text(basis, Field("依据", "basis"), max: 300, multiline: true), severity: severity, date: date)
    }
}

/// An overdue item reported up (报县委县政府, notice 二（三）): its 须上报 alert clears, the item stays overdue.
public struct Escalation: Codable, Sendable, Hashable {
    public enum Kind: String, Vocabulary {
        case commitment, complaint, arrears, rectification, opinion, breach
        public var label: String {
            switch self {
            case .commitment: "承诺"
            case .complaint: "投诉"
            case .arrears: "中小企业账款"
            case .rectification: "整改"
            case .opinion: "舆情"
            case .breach: "失信"
            }
        }
        public var english: String { self == .arrears ? "arrears" : rawValue }
    }

    public var id: String
    public var record: String
    public var kind: Kind
    public var department: String
    public var recipient: String
    public var date: Day
    public var note: String?

    public init(id: String, record: String, kind: Kind, department: String, recipient: String, date: Day, note: String?) {
        self.id = id; self.record = record; self.kind = kind; self.department = department; self.recipient = recipient
        self.date = date; self.note = note
    }

    enum CodingKeys: String, CodingKey { case id, record, kind, department, recipient, date, note }

    /// The records that can be reported up, past their limit (a breach at any time).
    public static let reportable: [RecordKind] = [.commitment, .complaint, .rectification, .opinion, .breach]

    /// The one body the notice names; another is refused so that reports are counted alike.
    public static let recipients = ["县委县政府"]
}
