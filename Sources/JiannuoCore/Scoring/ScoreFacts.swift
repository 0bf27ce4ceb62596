/// What the score is computed from: the records of a period, as the Store selects them.
public struct ScoreFacts: Sendable {
    /// A complaint stage whose limit fell in the period (only the late ones and the open ones are needed).
    public struct Stage: Sendable, Hashable {
        public var complaint: String
        public var department: String
        public var kind: ComplaintLimit
        public var due: Day
        public var done: Day?
        public init(complaint: String, department: String, kind: ComplaintLimit, due: Day, done: Day?) {
            self.complaint = complaint; self.department = department; self.kind = kind; self.due = due; self.done = done
        }
    }

    /// A breach and the day its last rectification was completed (nil while any is open, or none exists).
    public struct BreachFact: Sendable, Hashable {
        public var breach: Breach
        public var repairedOn: Day?
        public init(breach: Breach, repairedOn: Day?) { self.breach = breach; self.repairedOn = repairedOn }
    }

    public struct AccountabilityFact: Sendable, Hashable {
        public var action: Accountability
        public var department: String
        public init(action: Accountability, department: String) { self.action = action; self.department = department }
    }

    /// A follow-up the complainant was not satisfied with (回访不满意).
    public struct Dissatisfied: Sendable, Hashable {
        public var complaint: String, department: String, date: Day
        public init(complaint: String, department: String, date: Day) {
            self.complaint = complaint; self.department = department; self.date = date
        }
    }

    /// A misrouted complaint handed back: `department` is the unit that held it.
    public struct Return: Sendable, Hashable {
        public var complaint: String, department: String, received: Day, returned: Day, count: Int
        public init(complaint: String, department: String, received: Day, returned: Day, count: Int = 1) {
            self.complaint = complaint; self.department = department; self.received = received; self.returned = returned
            self.count = count
        }
    }

    /// Lines a ranking reads already judged and counted (`count` records, `times` × the rule's points),
    /// kept on write by the Store for one period: the promises', breaches' and rectifications' lines
    /// without reading their records. `date` is the line's day where its dimension applies lines in
    /// date order, else the period's start.
    public struct Counted: Sendable, Hashable {
        public var rule: ScoreRule, department: String, date: Day, count: Int, times: Int
        public init(rule: ScoreRule, department: String, date: Day, count: Int, times: Int) {
            self.rule = rule; self.department = department; self.date = date; self.count = count; self.times = times
        }
    }

    public var departments: [String: Department] = [:]
    public var counted: [Counted] = []
    public var findings: [Finding] = []
    public var dissatisfied: [Dissatisfied] = []
    public var returns: [Return] = []
    public var breaches: [BreachFact] = []
    public var commitments: [Commitment] = []
    /// The amendments of those commitments, by commitment, in date order: the terms of a past day
    /// are the terms then in force.
    public var amendments: [String: [Amendment]] = [:]
    /// Commitments that have at least one feedback entry.
    public var withFeedback: Set<String> = []
    public var stages: [Stage] = []
    public var rectifications: [Rectification] = []
    public var accountability: [AccountabilityFact] = []
    public var opinions: [OpinionEvent] = []

    public init() {}
}

/// One deduction or bonus, traced to the record it comes from. The base is a line too.
public struct ScoreLine: Codable, Sendable, Hashable {
    public var rule: ScoreRule
    public var dimension: Dimension?
    public var points: Double
    public var record: String?
    public var date: Day?
    public var note: String
    public var noteEn: String
    /// How many records the line stands for: more than one only where a ranking reads counts instead of
    /// records (late stages per unit and day), so that the counts match `department show`'s lines.
    public var records: Int = 1

    public init(rule: ScoreRule, dimension: Dimension?, points: Double, record: String?, date: Day?, note: String, noteEn: String = "",
                records: Int = 1) {
        self.rule = rule; self.dimension = dimension; self.points = points; self.record = record; self.date = date; self.note = note
        self.noteEn = noteEn; self.records = records
    }

    public func note(_ lang: Lang) -> String { lang == .zh ? note : (noteEn.isEmpty ? rule.label(.en) : noteEn) }

    enum CodingKeys: String, CodingKey { case rule, dimension, points, record, date, note, noteEn = "note_en" }
}

public struct DepartmentScore: Codable, Sendable {
    public var department: String
    public var period: Period
    public var score: Double
    public var dimensions: [String: Double]
    public var counts: [ScoreRule: Int]
    public var lines: [ScoreLine]
}
