/// A problem or difficulty a unit meets in keeping a promise, answering a complaint or rectifying
/// (困难问题报告, notice 三（一）"及时研究解决推进中遇到的困难和问题", 三（三）"存在的问题和困难及时报告"):
/// filed by the unit (or by the office for it), answered by the office within a working-day limit, and
/// possibly put before the county leadership by a leader. It suspends no deadline: only an approved
/// amendment moves one. Both moments are the recording's own (no day is typed), so there is nothing to claim.
public struct DifficultyReport: Codable, Sendable, Hashable {
    public var id: String
    /// The promise, complaint or rectification it is about.
    public var record: String
    /// The unit that holds that record (a liaison sees its own unit's reports).
    public var department: String
    public var text: String
    /// What the unit asks the office or the leadership for.
    public var asks: String?
    public var filedAt: DateTime
    public var filedBy: String
    /// The office answers by the end of this day (`difficulty_answer_workdays` after filing).
    public var due: Day
    public var answer: String?
    public var answeredAt: DateTime?
    public var answeredBy: String?
    /// Marked by a leader for the county leadership (提请县领导协调).
    public var referredAt: DateTime?
    public var referredBy: String?

    public init(id: String, record: String, department: String, text: String, asks: String?, filedAt: DateTime, filedBy: String,
                due: Day, answer: String? = nil, answeredAt: DateTime? = nil, answeredBy: String? = nil,
                referredAt: DateTime? = nil, referredBy: String? = nil) {
        self.id = id; self.record = record; self.department = department; self.text = text; self.asks = asks
        self.filedAt = filedAt; self.filedBy = filedBy; self.due = due; self.answer = answer; self.answeredAt = answeredAt
        self.answeredBy = answeredBy; self.referredAt = referredAt; self.referredBy = referredBy
    }

    enum CodingKeys: String, CodingKey {
        case id, record, department, text, asks, filedAt = "filed_at", filedBy = "filed_by", due, answer
        case answeredAt = "answered_at", answeredBy = "answered_by", referredAt = "referred_at", referredBy = "referred_by"
    }

    /// The records a difficulty can be about.
    public static let subjects: [RecordKind] = [.commitment, .complaint, .rectification]

    public var isOpen: Bool { answeredAt == nil }

    /// The refusal of a report on anything but a promise, complaint or rectification.
    public static func notASubject(_ record: String) -> JiannuoError {
        .invalid("困难问题报告只能针对承诺、投诉或整改（\(RecordKind.markers(subjects, .zh))），\(Sanitize.visible(record)) 不是",
                 "a difficulty report is about a commitment, complaint or rectification (\(RecordKind.markers(subjects, .en))); \(Sanitize.visible(record)) is not")
    }

    /// Answered by its due day; nil while unanswered.
    public var answeredOnTime: Bool? { answeredAt.map { $0.day <= due } }

    /// A new report, due `difficulty_answer_workdays` working days after the day it is filed.
    public static func validated(id: String, record: String, department: String, text: String, asks: String?, at: DateTime, by: String,
                                 calendar: WorkCalendar, rules: DeadlineRules) throws -> DifficultyReport {
        guard subjects.contains(RecordKind(record)) else { throw notASubject(record) }
        return DifficultyReport(id: id, record: record, department: department,
                                text: try Validate.text(text, Field("困难问题", "text"), max: 2000, multiline: true),
                                asks: try Validate.optionalText(asks, Field("请求事项", "asks"), max: 1000, multiline: true),
                                filedAt: at, filedBy: by, due: calendar.addingWorkdays(rules.difficultyAnswerWorkdays, to: at.day))
    }

    /// The office's answer (`text`), and/or a leader's referral to the county leadership (`refer`).
    /// An answer is given once; a referral may follow it.
    public func answered(_ text: String?, refer: Bool, at: DateTime, by: String) throws -> DifficultyReport {
        var d = self
        let answer = try Validate.optionalText(text, Field("答复内容", "answer"), max: 2000, multiline: true)
        if let answer {
            if let at = answeredAt {
                throw JiannuoError.invalid("困难问题报告 \(id) 已于 \(at.string) 答复", "difficulty report \(id) was already answered on \(at.string)")
            }
            d.answer = answer; d.answeredAt = at; d.answeredBy = by
        }
        if refer {
            if let at = referredAt {
                throw JiannuoError.invalid("困难问题报告 \(id) 已于 \(at.string) 提请县领导", "difficulty report \(id) was already referred on \(at.string)")
            }
            d.referredAt = at; d.referredBy = by
        }
        guard answer != nil || refer else {
            throw JiannuoError.invalid("请填写答复内容（--text）", "give the answer (--text)")
        }
        return d
    }

    /// What `difficulty list --status` takes.
    public enum Status: String, Vocabulary {
        case open, late, answered, referred
        public var label: String {
            switch self {
            case .open: "未答复"
            case .late: "逾期未答复"
            case .answered: "已答复"
            case .referred: "已提请县领导"
            }
        }
        public var english: String {
            switch self {
            case .open: "unanswered"
            case .late: "unanswered past its limit"
            case .answered: "answered"
            case .referred: "referred to the county leadership"
            }
        }
    }

    /// Its state in a word on `today`.
    public func status(today: Day) -> Status {
        if referredAt != nil { return .referred }
        if answeredAt != nil { return .answered }
        return today > due ? .late : .open
    }
}
