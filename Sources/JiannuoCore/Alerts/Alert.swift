/// Something nearing or past its limit, with the reason in one Chinese line.
public struct Alert: Codable, Sendable, Hashable {
    public enum Level: String, Codable, Sendable, CaseIterable, Comparable {
        case escalate, overdue, dueToday = "due_today", nearing, info
        /// Lower is more urgent.
        public var rank: Int { Level.allCases.firstIndex(of: self)! }
        public static func < (a: Level, b: Level) -> Bool { a.rank < b.rank }
        public var label: String {
            switch self {
            case .escalate: "须上报"
            case .overdue: "已逾期"
            case .dueToday: "今日到期"
            case .nearing: "临期"
            case .info: "提示"
            }
        }
        public var english: String {
            switch self {
            case .escalate: "report up"
            case .overdue: "overdue"
            case .dueToday: "due today"
            case .nearing: "nearing"
            case .info: "note"
            }
        }
        public func label(_ lang: Lang) -> String { lang == .zh ? label : english }
    }

    public enum Kind: String, Codable, Sendable, CaseIterable {
        case commitment, complaintAccept = "complaint_accept", complaintResolve = "complaint_resolve"
        case complaintRespond = "complaint_respond", complaintReturn = "complaint_return"
        case rectification, arrears, opinion, breachReport = "breach_report", difficulty, calendar, letterReply = "letter_reply"
        public var label: String {
            switch self {
            case .commitment: "承诺兑现"
            case .complaintAccept: "投诉受理"
            case .complaintResolve: "投诉办结"
            case .complaintRespond: "投诉反馈"
            case .complaintReturn: "退回件受理"
            case .rectification: "整改"
            case .arrears: "中小企业账款"
            case .opinion: "舆情处置"
            case .breachReport: "失信上报"
            case .difficulty: "困难问题答复"
            case .calendar: "工作日历"
            case .letterReply: "督办函回复"
            }
        }
        public var english: String {
            switch self {
            case .commitment: "commitment"
            case .complaintAccept: "acceptance"
            case .complaintResolve: "resolution"
            case .complaintRespond: "response"
            case .complaintReturn: "returned case"
            case .rectification: "rectification"
            case .arrears: "arrears"
            case .opinion: "public opinion"
            case .breachReport: "breach report"
            case .difficulty: "difficulty answer"
            case .calendar: "calendar"
            case .letterReply: "letter reply"
            }
        }
        public func label(_ lang: Lang) -> String { lang == .zh ? label : english }
        /// Breaks the last tie of `urgency`: one commitment's promise and its debt may fall due together.
        public var order: Int { Kind.allCases.firstIndex(of: self)! }
    }

    public enum DayUnit: String, Codable, Sendable { case working, calendar }

    public var level: Level
    public var kind: Kind
    public var record: String
    public var department: String
    public var due: Day
    public var daysLeft: Int
    public var dayUnit: DayUnit
    /// What it is about; `message(lang)` words it when it is shown.
    public var subject: AlertSubject
    /// Already reported to the county leadership on this day (the item stays overdue).
    public var reportedOn: Day?

    public init(level: Level, kind: Kind, record: String, department: String, due: Day, daysLeft: Int, dayUnit: DayUnit,
                subject: AlertSubject) {
        self.level = level; self.kind = kind; self.record = record; self.department = department
        self.due = due; self.daysLeft = daysLeft; self.dayUnit = dayUnit; self.subject = subject
    }

    /// An alert with words fixed when it is made.
    public init(level: Level, kind: Kind, record: String, department: String, due: Day, daysLeft: Int, dayUnit: DayUnit,
                message: Text) {
        self.init(level: level, kind: kind, record: record, department: department, due: due, daysLeft: daysLeft, dayUnit: dayUnit,
                  subject: .fixed(message))
    }

    /// "逾期 5 工作日" / "剩 3 天": never a negative count.
    public func remaining(_ lang: Lang) -> String { Alert.remaining(daysLeft, dayUnit, lang) }

    /// `compact` drops the spaces, for narrow table columns ("逾期20天", "20d late").
    public static func remaining(_ daysLeft: Int, _ unit: DayUnit, _ lang: Lang, compact: Bool = false) -> String {
        let n = abs(daysLeft)
        if lang == .zh {
            let word = unit == .working ? "工作日" : "天"
            let s = compact ? "" : " "
            return daysLeft < 0 ? "逾期\(s)\(n)\(s)\(word)" : daysLeft == 0 ? "今天" : "剩\(s)\(n)\(s)\(word)"
        }
        // Compact English abbreviates the unit as compact Chinese drops the spaces ("5wd late", "264d late").
        let word = compact ? (unit == .working ? "wd" : "d")
            : unit == .working ? (n == 1 ? " working day" : " working days") : (n == 1 ? " day" : " days")
        return daysLeft < 0 ? "\(n)\(word) late" : daysLeft == 0 ? "today" : "\(n)\(word) left"
    }

    enum CodingKeys: String, CodingKey {
        case level, kind, record, department, due, daysLeft = "days_left", dayUnit = "day_unit", message, messageEn = "message_en"
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(level, forKey: .level); try c.encode(kind, forKey: .kind); try c.encode(record, forKey: .record)
        try c.encode(department, forKey: .department); try c.encode(due, forKey: .due); try c.encode(daysLeft, forKey: .daysLeft)
        try c.encode(dayUnit, forKey: .dayUnit); try c.encode(message, forKey: .message); try c.encode(messageEn, forKey: .messageEn)
    }

    /// Read back (a saved `alerts --json`) with its words as they were written.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(level: try c.decode(Level.self, forKey: .level), kind: try c.decode(Kind.self, forKey: .kind),
                  record: try c.decode(String.self, forKey: .record), department: try c.decode(String.self, forKey: .department),
                  due: try c.decode(Day.self, forKey: .due), daysLeft: try c.decode(Int.self, forKey: .daysLeft),
                  dayUnit: try c.decode(DayUnit.self, forKey: .dayUnit),
                  message: Text(try c.decode(String.self, forKey: .message), try c.decodeIfPresent(String.self, forKey: .messageEn) ?? ""))
    }

    /// Most urgent first: level, then fewest days left, then the earliest limit, then the id.
    public static func urgency(_ a: Alert, _ b: Alert) -> Bool {
        if a.level != b.level { return a.level < b.level }
        if a.daysLeft != b.daysLeft { return a.daysLeft < b.daysLeft }
        if a.due != b.due { return a.due < b.due }
        if a.record != b.record { return a.record < b.record }
        return a.kind.order < b.kind.order
    }
}
