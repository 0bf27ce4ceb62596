/// A complaint: received → accepted (受理) → resolved (办结) → responded (反馈), each within a limit.
public struct Complaint: Codable, Sendable, Hashable {
    public var id: String
    public var channel: Channel
    public var received: DateTime
    public var urgency: Urgency
    public var complainant: String?
    public var contact: String?
    public var department: String
    public var category: Int?
    public var commitment: String?
    public var content: String
    /// The platform's own number for it (工单编号, the 12345 hotline's work order): one per channel (since v17).
    public var workOrder: String?

    public var acceptedAt: DateTime?
    public var resolvedAt: DateTime?
    public var result: String?
    public var respondedAt: DateTime?
    public var response: String?

    public var extensionDays: Int?
    public var extensionReason: String?
    /// When the extension was granted (kept since schema v4).
    public var extendedAt: DateTime?

    /// A misrouted complaint handed on: from whom, when and why.
    public var returnedFrom: String?
    public var returnedAt: DateTime?
    public var returnReason: String?

    public var verifiedAt: DateTime?
    public var breach: Bool?
    public var finding: String?

    public var satisfied: Bool?
    public var followupNote: String?
    public var followupAt: DateTime?
    /// Handled again after a dissatisfied follow-up: the resolve limit runs from here (since v6).
    public var reopenedAt: DateTime?

    /// Limits in force, derived from the above by `ComplaintDeadlines` and kept for indexed queries.
    public var acceptDue: Day
    public var resolveDue: Day?
    public var respondDue: Day?

    public init(id: String, channel: Channel, received: DateTime, urgency: Urgency, complainant: String?, contact: String?,
                department: String, category: Int?, commitment: String?, content: String, acceptDue: Day) {
        self.id = id; self.channel = channel; self.received = received; self.urgency = urgency
        self.complainant = complainant; self.contact = contact; self.department = department
        self.category = category; self.commitment = commitment; self.content = content; self.acceptDue = acceptDue
    }

    enum CodingKeys: String, CodingKey {
        case id, channel, received, urgency, complainant, contact, department, category, commitment, content
        case acceptedAt = "accepted_at", resolvedAt = "resolved_at", result
        case respondedAt = "responded_at", response
        case extensionDays = "extension_days", extensionReason = "extension_reason", extendedAt = "extended_at"
        case returnedFrom = "returned_from", returnedAt = "returned_at", returnReason = "return_reason"
        case verifiedAt = "verified_at", breach, finding
        case satisfied, followupNote = "followup_note", followupAt = "followup_at", reopenedAt = "reopened_at"
        case workOrder = "work_order"
        case acceptDue = "accept_due", resolveDue = "resolve_due", respondDue = "respond_due"
    }

    public enum Stage: String, Codable, Sendable, CaseIterable {
        case received, accepted, resolved, responded
        public var label: String {
            switch self {
            case .received: "待受理"
            case .accepted: "办理中"
            case .resolved: "待反馈"
            case .responded: "已反馈"
            }
        }
        public var english: String {
            switch self {
            case .received: "to accept"
            case .accepted: "in hand"
            case .resolved: "to answer"
            case .responded: "answered"
            }
        }
        public func label(_ lang: Lang) -> String { lang == .zh ? label : english }
    }

    /// The last stage whose time is set (alerts ask this of tens of thousands of complaints: no allocation).
    public var stage: Stage { Stage.latest(reached: { s in s.reachedBy.map { time($0) != nil } ?? true }) }

    /// The limit of the current stage, nil once answered.
    public var currentDue: Day? { stage.limit.flatMap(due) }

    /// The day a limit falls on, nil while it does not run yet.
    public func due(_ limit: ComplaintLimit) -> Day? {
        switch limit {
        case .accept: acceptDue
        case .resolve: resolveDue
        case .respond: respondDue
        }
    }

    /// The time a limit was met (accepted, resolved, answered), nil while it is not.
    public func done(_ limit: ComplaintLimit) -> DateTime? {
        Complaint.Stage.allCases[limit.stage.index + 1].reachedBy.flatMap(time)
    }

    /// The time a stage was reached (accepted_at …), by the record's field name.
    func time(_ field: CodingKeys) -> DateTime? {
        switch field {
        case .acceptedAt: acceptedAt
        case .resolvedAt: resolvedAt
        case .respondedAt: respondedAt
        default: nil
        }
    }
}

/// A complaint's stages and limits as data: the one definition from which the Store writes its SQL
/// (which stage a row is in, which limit runs, when a stage was late) and Swift reads a record.
extension Complaint.Stage {
    /// The field whose time marks reaching this stage; the first stage is reached on receipt.
    var reachedBy: Complaint.CodingKeys? {
        switch self {
        case .received: nil
        case .accepted: .acceptedAt
        case .resolved: .resolvedAt
        case .responded: .respondedAt
        }
    }

    /// Every stage, the last first.
    static let latestFirst = Array(allCases.reversed())

    /// The latest stage reached, by whether each stage's moment is set: for a whole record, or for the few
    /// columns a list reads.
    public static func latest(reached: (Complaint.Stage) -> Bool) -> Complaint.Stage {
        for s in latestFirst where reached(s) { return s }
        return .received
    }

    /// The column (the record's field name) that marks reaching this stage.
    public var reachedColumn: String? { reachedBy?.stringValue }

    /// The limit that runs while a complaint is in this stage; none once answered.
    public var limit: ComplaintLimit? {
        switch self {
        case .received: .accept
        case .accepted: .resolve
        case .resolved: .respond
        case .responded: nil
        }
    }

    /// Every stage but the last is open: the complaint still waits for something.
    public var isOpen: Bool { limit != nil }
}

/// The three limits a complaint runs through (受理, 办结, 反馈).
public enum ComplaintLimit: String, Sendable, CaseIterable, Hashable {
    case accept, resolve, respond

    /// The stage in which this limit runs.
    public var stage: Complaint.Stage { Complaint.Stage.allCases.first { $0.limit == self }! }

    /// The column of the limit's day and of the time it was met (the record's field names).
    public var dueColumn: String {
        switch self {
        case .accept: Complaint.CodingKeys.acceptDue.stringValue
        case .resolve: Complaint.CodingKeys.resolveDue.stringValue
        case .respond: Complaint.CodingKeys.respondDue.stringValue
        }
    }
    public var doneColumn: String { Complaint.Stage.allCases[stage.index + 1].reachedColumn! }

    public var word: Text {
        switch self {
        case .accept: Text("受理", "acceptance")
        case .resolve: Text("办结", "resolution")
        case .respond: Text("反馈", "response")
        }
    }
}

extension Complaint.Stage {
    /// The stage's place in the order received → accepted → resolved → responded.
    public var index: Int { Complaint.Stage.allCases.firstIndex(of: self)! }
}

/// Computes a complaint's limits from its timestamps: the only place that knows how.
public enum ComplaintDeadlines {
    public static func acceptDue(_ c: Complaint, _ cal: WorkCalendar, _ r: DeadlineRules) -> Day {
        cal.addingWorkdays(r.acceptWorkdays, to: (c.returnedAt ?? c.received).day)
    }

    public static func returnDue(_ c: Complaint, _ cal: WorkCalendar, _ r: DeadlineRules) -> Day {
        cal.addingWorkdays(r.returnWorkdays, to: c.received.day)
    }

    public static func resolveDue(_ c: Complaint, _ cal: WorkCalendar, _ r: DeadlineRules) -> Day? {
        guard let a = c.reopenedAt ?? c.acceptedAt else { return nil }
        let base = cal.addingWorkdays(r.resolveWorkdays(c.urgency), to: a.day)
        // An extension counts only when granted by the limit it extends: one typed about the past counts
        // from its recording until confirmed, and after the limit it extends nothing.
        guard let days = c.extensionDays, (c.extendedAt?.day).map({ $0 <= base }) ?? true else { return base }
        return cal.addingWorkdays(days, to: base)
    }

    public static func respondDue(_ c: Complaint, _ cal: WorkCalendar, _ r: DeadlineRules) -> Day? {
        guard let s = c.resolvedAt else { return nil }
        return cal.addingWorkdays(r.respondWorkdays, to: s.day)
    }

    /// The complaint with every limit recomputed (after a transition, or a calendar or rules change).
    public static func refreshed(_ c: Complaint, _ cal: WorkCalendar, _ r: DeadlineRules) -> Complaint {
        var c = c
        c.acceptDue = acceptDue(c, cal, r)
        c.resolveDue = resolveDue(c, cal, r)
        c.respondDue = respondDue(c, cal, r)
        return c
    }
}
