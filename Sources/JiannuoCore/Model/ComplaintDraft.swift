/// What an officer types for a new complaint, checked field by field.
public struct ComplaintDraft: Codable, Sendable, Equatable {
    public var channel: String = Channel.hotline.rawValue
    public var received: String = ""
    public var urgency: String = Urgency.normal.rawValue
    public var complainant: String = ""
    public var contact: String = ""
    public var department: String = ""
    public var category: String = ""
    public var commitment: String = ""
    public var content: String = ""
    /// Optional, and absent from drafts saved before it existed.
    public var workOrder: String?

    public init() {}

    public init(channel: String, received: String, urgency: String, complainant: String?, contact: String?,
                department: String, category: String?, commitment: String?, content: String) {
        self.channel = channel; self.received = received; self.urgency = urgency
        self.complainant = complainant ?? ""; self.contact = contact ?? ""; self.department = department
        self.category = category ?? ""; self.commitment = commitment ?? ""; self.content = content
    }

    /// Checks every field; the Store then checks that department and commitment exist.
    /// Checks every field; the receipt may not be later than the clock's now.
    public func validated(id: String, calendar: WorkCalendar, rules: DeadlineRules, clock: Clock) throws -> Complaint {
        let channel = try Channel.parse(self.channel, Field("渠道", "channel"))
        let received = try Validate.dateTime(self.received, Field("收到时间", "received"), zone: clock.zone)
        try Validate.notFuture(received, now: clock.now, Field("收到时间", "received"))
        let urgency = try Urgency.parse(self.urgency, Field("紧急程度", "urgency"))
        let complainant = complainant.isEmpty ? nil : try Validate.text(complainant, Field("投诉人", "complainant"), max: 60)
        let contact = contact.isEmpty ? nil : try Validate.text(contact, Field("联系方式", "contact"), max: 100)
        var category: Int? = nil
        if !self.category.isEmpty {
            guard let n = Int(self.category) else {
                throw JiannuoError.invalid("类别“\(Sanitize.visible(self.category))”无效：应为 1–6", "category must be 1 to 6")
            }
            category = try Validate.category(n)
        }
        let commitment = commitment.isEmpty ? nil : try Validate.text(commitment, Field("关联承诺", "commitment"), max: 20)
        var c = Complaint(
            id: id, channel: channel, received: received, urgency: urgency, complainant: complainant, contact: contact,
            department: try Validate.departmentCode(department), category: category, commitment: commitment,
            content: try Validate.text(content, Field("投诉内容", "content"), max: 4000, multiline: true),
            acceptDue: received.day)
        c.workOrder = try workOrder.flatMap { $0.isEmpty ? nil : try Validate.workOrder($0) }
        c = ComplaintDeadlines.refreshed(c, calendar, rules)
        return c
    }
}
