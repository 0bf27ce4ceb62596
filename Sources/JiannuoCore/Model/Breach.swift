/// A verified failure to keep a promise (失信违诺), reported up to the county leadership.
public struct Breach: Codable, Sendable, Hashable {
    public var id: String
    public var department: String
    public var category: Int
    public var commitment: String?
    public var complaint: String?
    public var date: Day
    public var finding: String
    public var reportedOn: Day?

    public init(id: String, department: String, category: Int, commitment: String?, complaint: String?,
                date: Day, finding: String, reportedOn: Day? = nil) {
        self.id = id; self.department = department; self.category = category; self.commitment = commitment
        self.complaint = complaint; self.date = date; self.finding = finding; self.reportedOn = reportedOn
    }

    enum CodingKeys: String, CodingKey {
        case id, department, category, commitment, complaint, date, finding, reportedOn = "reported_on"
    }

    public func reported(on day: Day) throws -> Breach {
        guard reportedOn == nil else {
            throw JiannuoError.invalid("失信记录 \(id) 已于 \(reportedOn!) 报县委县政府", "breach \(id) was already reported on \(reportedOn!)")
        }
        guard day >= date else {
            throw JiannuoError.invalid("报告日期 \(day) 早于认定日期 \(date)", "report date \(day) is before the breach date \(date)")
        }
        var b = self
        b.reportedOn = day
        return b
    }
}

/// The department's rectification of a breach: who, what, by when (整改责任单位、措施、时限).
public struct Rectification: Codable, Sendable, Hashable {
    public var id: String
    /// What it rectifies: a confirmed breach, or an inspection finding (限期整改 without a breach).
    public var breach: String?
    public var finding: String?
    public var unit: String
    public var measures: String
    public var opened: Day
    public var deadline: Day
    public var completedOn: Day?

    public init(id: String, breach: String?, finding: String? = nil, unit: String, measures: String, opened: Day, deadline: Day,
                completedOn: Day? = nil) {
        self.id = id; self.breach = breach; self.finding = finding; self.unit = unit; self.measures = measures
        self.opened = opened; self.deadline = deadline; self.completedOn = completedOn
    }

    enum CodingKeys: String, CodingKey {
        case id, breach, finding, unit, measures, opened, deadline, completedOn = "completed_on"
    }

    /// The record it follows (a breach or a finding), for lines and messages.
    public var source: String { Rectification.source(breach: breach, finding: finding) }
    public static func source(breach: String?, finding: String?) -> String { breach ?? finding ?? "" }

    /// Ordered by `day` and past its deadline then, not done (逾期未完成整改).
    public func isOverdue(on day: Day) -> Bool { opened <= day && Lateness.overdue(due: deadline, done: completedOn, on: day) }

    public static func validated(id: String, breach: Breach, unit: String, measures: String, opened: Day, deadline: Day) throws -> Rectification {
        guard opened >= breach.date else {
            throw JiannuoError.invalid("整改日期 \(opened) 早于失信认定日期 \(breach.date)", "rectification date is before the breach date")
        }
        return try validated(id: id, source: (breach.id, nil), unit: unit, measures: measures, opened: opened, deadline: deadline)
    }

    public static func validated(id: String, finding: Finding, unit: String, measures: String, opened: Day, deadline: Day) throws -> Rectification {
        guard opened >= finding.date else {
            throw JiannuoError.invalid("整改日期 \(opened) 早于检查发现问题的日期 \(finding.date)", "rectification date is before the finding's date")
        }
        return try validated(id: id, source: (nil, finding.id), unit: unit, measures: measures, opened: opened, deadline: deadline)
    }

    static func validated(id: String, source: (String?, String?), unit: String, measures: String, opened: Day, deadline: Day) throws -> Rectification {
        guard deadline >= opened else {
            throw JiannuoError.invalid("整改时限 \(deadline) 早于下达整改日期 \(opened)", "rectification deadline \(deadline) is before the date ordered \(opened)")
        }
        return Rectification(id: id, breach: source.0, finding: source.1, unit: try Validate.departmentCode(unit),
                             measures: try Validate.text(measures, Field("整改措施", "measures"), max: 2000, multiline: true),
                             opened: opened, deadline: deadline)
    }

    public func done(on day: Day) throws -> Rectification {
        guard completedOn == nil else {
            throw JiannuoError.invalid("整改 \(id) 已于 \(completedOn!) 完成", "rectification \(id) was already completed")
        }
        guard day >= opened else {
            throw JiannuoError.invalid("完成日期 \(day) 早于整改开始日期 \(opened)", "completion date is before the rectification was opened")
        }
        var r = self
        r.completedOn = day
        return r
    }
}

/// Action taken against a unit or an official (问责), following a breach, a complaint handled in
/// violation of the rules (no breach needed) or an inspection finding.
public struct Accountability: Codable, Sendable, Hashable {
    public var id: String
    public var breach: String?
    public var complaint: String?
    public var finding: String?
    /// 单位 or 公职人员.
    public var targetKind: AccountabilityTarget
    public var department: String?
    public var official: String?
    public var post: String?
    /// The target as one line (the unit's name, or the official with the post).
    public var target: String
    public var kind: String
    public var date: Day

    public init(id: String, breach: String?, complaint: String? = nil, finding: String? = nil, targetKind: AccountabilityTarget = .unit,
                department: String? = nil, official: String? = nil, post: String? = nil, target: String, kind: String, date: Day) {
        self.id = id; self.breach = breach; self.complaint = complaint; self.finding = finding; self.targetKind = targetKind
        self.department = department; self.official = official; self.post = post
        self.target = target; self.kind = kind; self.date = date
    }

    enum CodingKeys: String, CodingKey {
        case id, breach, complaint, finding, targetKind = "target_kind", department, official, post, target, kind, date
    }

    /// The record it follows.
    public var source: String { breach ?? complaint ?? finding ?? "" }

    /// The kinds named in the notice and the rules on accountability, in rising order of weight.
    public static var commonKinds: [String] { AccountabilityKind.allCases.map(\.label) }

    /// What an accountability follows and whom it is against; checked against the record it follows.
    public struct Draft: Sendable {
        public var follows: (id: String, date: Day)
        public var unit: String
        public var targetKind: AccountabilityTarget
        public var official: String?
        public var post: String?
        public var target: String?
        public var kind: String
        public init(follows: (id: String, date: Day), unit: String, targetKind: AccountabilityTarget, official: String?, post: String?,
                    target: String?, kind: String) {
            self.follows = follows; self.unit = unit; self.targetKind = targetKind; self.official = official; self.post = post
            self.target = target; self.kind = kind
        }
    }

    public static func validated(id: String, draft d: Draft, unitName: String, date: Day) throws -> Accountability {
        guard date >= d.follows.date else {
            throw JiannuoError.invalid("问责日期 \(date) 早于所依据记录 \(d.follows.id) 的日期 \(d.follows.date)",
                                       "accountability date is before the date of \(d.follows.id)")
        }
        let kind = try AccountabilityKind.parse(d.kind, Field("问责方式", "kind"))
        var official: String? = nil, post: String? = nil
        if d.targetKind == .official {
            guard let o = d.official, !o.trimmingCharacters(in: .whitespaces).isEmpty,
                  let p = d.post, !p.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw JiannuoError.invalid("问责公职人员须写明姓名（--official）与职务（--post）", "an official's accountability needs --official and --post")
            }
            official = try Validate.text(o, Field("公职人员姓名", "official"), max: 30)
            post = try Validate.text(p, Field("职务", "post"), max: 60)
        }
        let target = try d.target.map { try Validate.text($0, Field("问责对象", "target"), max: 100) }
            ?? (d.targetKind == .official ? "\(unitName)\(post!) \(official!)" : unitName)
        return Accountability(id: id, breach: nil, targetKind: d.targetKind, department: d.unit, official: official, post: post,
                              target: target, kind: kind.label, date: date)
    }
}

/// A news or social-media item about a breach (舆情): "一经发现、立即处置".
public struct OpinionEvent: Codable, Sendable, Hashable {
    public var id: String
    public var department: String
    public var date: Day
    public var source: String
    public var title: String
    public var severity: Severity
    public var handledOn: Day?
    public var note: String?

    public init(id: String, department: String, date: Day, source: String, title: String, severity: Severity,
                handledOn: Day? = nil, note: String? = nil) {
        self.id = id; self.department = department; self.date = date; self.source = source; self.title = title
        self.severity = severity; self.handledOn = handledOn; self.note = note
    }

    enum CodingKeys: String, CodingKey {
        case id, department, date, source, title, severity, handledOn = "handled_on", note
    }

    public static func validated(id: String, department: String, date: Day, source: String, title: String, severity: Severity) throws -> OpinionEvent {
        OpinionEvent(id: id, department: try Validate.departmentCode(department), date: date,
                     source: try Validate.text(source, Field("来源", "source"), max: 100),
                     title: try Validate.text(title, Field("标题", "title"), max: 200), severity: severity)
    }

    public func handled(on day: Day, note: String?) throws -> OpinionEvent {
        guard handledOn == nil else {
            throw JiannuoError.invalid("舆情 \(id) 已于 \(handledOn!) 处置", "opinion event \(id) was already handled")
        }
        guard day >= date else {
            throw JiannuoError.invalid("处置日期 \(day) 早于发现日期 \(date)", "handling date is before the date found")
        }
        var o = self
        o.handledOn = day
        o.note = try Validate.optionalText(note, Field("处置情况", "note"), max: 1000, multiline: true)
        return o
    }
}
