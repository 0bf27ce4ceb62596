/// A promise a department made to a market entity or the public ("谁承诺、谁负责").
public struct Commitment: Codable, Sendable, Hashable {
    public var id: String
    public var department: String
    public var kind: CommitmentKind
    public var category: Int
    public var counterparty: String
    public var creditCode: String?
    public var content: String
    public var amount: Money?
    public var made: Day
    public var deadline: Day
    public var status: CommitmentStatus
    public var progress: Int
    public var procedures: [Procedure]
    public var fulfilledOn: Day?
    /// For money owed to small firms (category 3): when the goods or work were delivered,
    /// and the payment term the contract sets (30 days unless it says up to 60).
    public var deliveredOn: Day?
    public var paymentDays: Int?

    public init(id: String, department: String, kind: CommitmentKind, category: Int, counterparty: String,
                creditCode: String? = nil, content: String, amount: Money? = nil, made: Day, deadline: Day,
                status: CommitmentStatus = .notStarted, progress: Int = 0, procedures: [Procedure] = [],
                fulfilledOn: Day? = nil, deliveredOn: Day? = nil, paymentDays: Int? = nil) {
        self.id = id; self.department = department; self.kind = kind; self.category = category
        self.counterparty = counterparty; self.creditCode = creditCode; self.content = content
        self.amount = amount; self.made = made; self.deadline = deadline; self.status = status
        self.progress = progress; self.procedures = procedures; self.fulfilledOn = fulfilledOn
        self.deliveredOn = deliveredOn; self.paymentDays = paymentDays
    }

    enum CodingKeys: String, CodingKey {
        case id, department, kind, category, counterparty, creditCode = "credit_code", content
        case amount = "amount_fen", made, deadline, status, progress, procedures
        case fulfilledOn = "fulfilled_on", deliveredOn = "delivered_on", paymentDays = "payment_days"
    }

    /// The deadline in force at the end of `day`: amendments dated after it had not yet changed it.
    /// `amendments` are this commitment's, in date order.
    public func deadline(on day: Day, amendments: [Amendment]) -> Day {
        amendments.first(where: { $0.date > day })?.oldDeadline ?? deadline
    }

    /// Procedures of the five that were not done: a promise made without them is flagged.
    public var missingProcedures: [Procedure] { Procedure.allCases.filter { !procedures.contains($0) } }
}

/// A dated entry on a commitment: progress reported, feedback given to the public, fulfilment.
public struct CommitmentEntry: Codable, Sendable, Hashable {
    public enum Kind: String, Codable, Sendable { case progress, feedback, fulfill, status }
    public var id: Int64?
    public var commitment: String
    public var kind: Kind
    public var date: Day
    public var percent: Int?
    public var text: String?
    /// The status the commitment had after this entry (kept since schema v4), so that every change
    /// of status is in its history even without a note.
    public var status: CommitmentStatus?
    /// When it was recorded, and its claim if it is about an earlier day; `date` is the day it counts on.
    public var recording: EventRecording

    public init(id: Int64? = nil, commitment: String, kind: Kind, date: Day, percent: Int? = nil, text: String? = nil,
                status: CommitmentStatus? = nil, recording: EventRecording = EventRecording()) {
        self.id = id; self.commitment = commitment; self.kind = kind; self.date = date
        self.percent = percent; self.text = text; self.status = status; self.recording = recording
    }

    enum CodingKeys: String, CodingKey { case id, commitment, kind, date, percent, text, status }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decodeIfPresent(Int64.self, forKey: .id)
        commitment = try c.decode(String.self, forKey: .commitment)
        kind = try c.decode(Kind.self, forKey: .kind)
        date = try c.decode(Day.self, forKey: .date)
        percent = try c.decodeIfPresent(Int.self, forKey: .percent)
        text = try c.decodeIfPresent(String.self, forKey: .text)
        status = try c.decodeIfPresent(CommitmentStatus.self, forKey: .status)
        recording = try EventRecording(from: decoder)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(id, forKey: .id)
        try c.encode(commitment, forKey: .commitment)
        try c.encode(kind, forKey: .kind)
        try c.encode(date, forKey: .date)
        try c.encodeIfPresent(percent, forKey: .percent)
        try c.encodeIfPresent(text, forKey: .text)
        try c.encodeIfPresent(status, forKey: .status)
        try recording.encode(to: encoder)
    }

    /// How `jiannuo confirm` names it.
    public var ref: EventRef? { id.map(EventRef.entry) }
}

/// A change of a promise, allowed only for a legal reason (法定事由); the old terms are kept.
public struct Amendment: Codable, Sendable, Hashable {
    public var id: Int64?
    public var commitment: String
    public var date: Day
    public var reason: String
    public var legalBasis: String
    public var approver: String
    public var oldDeadline: Day
    public var newDeadline: Day
    public var oldContent: String
    public var newContent: String
    /// When it was recorded, and its claim if it is about an earlier day; `date` is the day it takes effect.
    public var recording: EventRecording

    public init(id: Int64? = nil, commitment: String, date: Day, reason: String, legalBasis: String, approver: String,
                oldDeadline: Day, newDeadline: Day, oldContent: String, newContent: String, recording: EventRecording = EventRecording()) {
        self.id = id; self.commitment = commitment; self.date = date; self.reason = reason
        self.legalBasis = legalBasis; self.approver = approver; self.oldDeadline = oldDeadline
        self.newDeadline = newDeadline; self.oldContent = oldContent; self.newContent = newContent; self.recording = recording
    }

    enum CodingKeys: String, CodingKey {
        case id, commitment, date, reason, legalBasis = "legal_basis", approver
        case oldDeadline = "old_deadline", newDeadline = "new_deadline"
        case oldContent = "old_content", newContent = "new_content"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decodeIfPresent(Int64.self, forKey: .id)
        commitment = try c.decode(String.self, forKey: .commitment)
        date = try c.decode(Day.self, forKey: .date)
        reason = try c.decode(String.self, forKey: .reason)
        legalBasis = try c.decode(String.self, forKey: .legalBasis)
        approver = try c.decode(String.self, forKey: .approver)
        oldDeadline = try c.decode(Day.self, forKey: .oldDeadline)
        newDeadline = try c.decode(Day.self, forKey: .newDeadline)
        oldContent = try c.decode(String.self, forKey: .oldContent)
        newContent = try c.decode(String.self, forKey: .newContent)
        recording = try EventRecording(from: decoder)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(id, forKey: .id)
        try c.encode(commitment, forKey: .commitment)
        try c.encode(date, forKey: .date)
        try c.encode(reason, forKey: .reason)
        try c.encode(legalBasis, forKey: .legalBasis)
        try c.encode(approver, forKey: .approver)
        try c.encode(oldDeadline, forKey: .oldDeadline)
        try c.encode(newDeadline, forKey: .newDeadline)
        try c.encode(oldContent, forKey: .oldContent)
        try c.encode(newContent, forKey: .newContent)
        try recording.encode(to: encoder)
    }

    /// How `jiannuo confirm` names it.
    public var ref: EventRef? { id.map(EventRef.amendment) }
}

/// What a caller asks for when adding a commitment, before it has an id.
public struct CommitmentDraft: Sendable {
    // In the order `commitment add` asks for them; `validated` checks them into a `Commitment`.
    public var department: String
    public var category: Int
    public var kind: CommitmentKind
    public var counterparty: String
    public var creditCode: String?
    public var content: String
    public var amount: String?
    public var made: String
    public var deadline: String
    public var procedures: [Procedure]
    public var deliveredOn: String?
    public var paymentDays: Int?

    public init(department: String, kind: CommitmentKind, category: Int, counterparty: String, creditCode: String? = nil,
                content: String, amount: String? = nil, made: String, deadline: String, procedures: [Procedure] = [],
                deliveredOn: String? = nil, paymentDays: Int? = nil) {
        self.department = department; self.kind = kind; self.category = category; self.counterparty = counterparty
        self.creditCode = creditCode; self.content = content; self.amount = amount; self.made = made
        self.deadline = deadline; self.procedures = procedures; self.deliveredOn = deliveredOn; self.paymentDays = paymentDays
    }

    /// Checks every field and returns the commitment with the given id. A promise cannot be dated
    /// after today.
    public func validated(id: String, today: Day) throws -> Commitment {
        let made = try Validate.day(self.made, Field("承诺日期", "date made"))
        try Validate.notFuture(made, today: today, Field("承诺日期", "date made"))
        let deadline = try Validate.day(self.deadline, Field("兑现时限", "deadline"))
        guard deadline >= made else {
            throw JiannuoError.invalid("兑现时限 \(deadline) 早于承诺日期 \(made)", "deadline \(deadline) is before the date made \(made)")
        }
        let delivered = try deliveredOn.map { try Validate.day($0, Field("交付日期", "delivery date")) }
        if let delivered {
            // A delivery may be scheduled ahead (its payment term runs from it); it cannot precede the promise.
            try Validate.notBefore(delivered, Field("交付日期", "delivery date"), made, Field("承诺日期", "date made"))
        }
        if let p = paymentDays, !(1...60).contains(p) {
            throw JiannuoError.invalid("付款期限 \(p) 天无效：应为 1–60 天（《保障中小企业款项支付条例》）",
                                       "payment term \(p) days is invalid: 1 to 60")
        }
        return Commitment(
            id: id, department: try Validate.departmentCode(department), kind: kind,
            category: try Validate.category(category),
            counterparty: try Validate.text(counterparty, Field("对方名称", "counterparty"), max: 100),
            creditCode: try creditCode.map { try CreditCode.validate($0) },
            content: try Validate.text(content, Field("承诺内容", "content"), max: 2000, multiline: true),
            amount: try amount.map { try Money(yuan: $0) }, made: made, deadline: deadline,
            procedures: Procedure.allCases.filter(procedures.contains),   // the notice's order, each once
            deliveredOn: delivered, paymentDays: paymentDays)
    }
}

public enum CommitmentWorkflow {
    /// A status and a percentage that contradict each other (100 % 推进中, 0 % 部分兑现), or nil.
    public static func contradiction(status: CommitmentStatus, percent: Int) -> Text? {
        let bad: Bool
        switch status {
        case .notStarted: bad = percent != 0
        case .inProgress, .partial: bad = percent == 0 || percent == 100
        case .stalled, .unfulfilled: bad = percent == 100
        case .fulfilled: bad = percent != 100
        }
        guard bad else { return nil }
        return Text("状态“\(status.label)”与进度 \(percent) % 矛盾", "status \(status.rawValue) contradicts progress \(percent) %")
    }

    /// Records progress on a day; the status stays what it was unless given (a stalled promise
    /// stays stalled), except that work on a promise not yet started starts it.
    ///
    /// States: 未启动 → 推进中 ⇄ 停滞 → 部分兑现 / 已兑现 / 未兑现. A 部分兑现 promise is still owed the
    /// rest: progress goes on (staying 部分兑现) until it is 已兑现 (fulfill) or declared 未兑现; those two are final.
    public static func progress(_ c: Commitment, percent: Int, status: CommitmentStatus?, on date: Day) throws -> Commitment {
        if c.status == .partial {
            if let status, status != .partial && status != .unfulfilled {
                throw JiannuoError.invalid("部分兑现的承诺只能继续记录进展（仍为部分兑现）、标记已兑现或认定未兑现，不能改为“\(status.label)”",
                                           "a partly fulfilled commitment stays partially_fulfilled until fulfilled or unfulfilled, not \(status.rawValue)")
            }
        } else {
            try requireOpen(c)
        }
        guard (0...100).contains(percent) else {
            throw JiannuoError.invalid("进度必须在 0–100 之间：收到 \(percent)", "percent must be 0 to 100, got \(percent)")
        }
        if let status, status == .fulfilled {
            throw JiannuoError.invalid("标记已兑现请用 fulfill 命令", "use fulfill to mark a commitment fulfilled")
        }
        try Validate.notBefore(date, Field("进展日期", "progress date"), c.made, Field("承诺日期", "date made"))
        let newStatus = status ?? (c.status == .partial ? .partial : c.status == .stalled ? .stalled : percent == 0 ? .notStarted : .inProgress)
        if let why = contradiction(status: newStatus, percent: percent) { throw JiannuoError.invalid(why.zh, why.en) }
        var c = c
        let wasPartial = c.status == .partial
        c.progress = percent
        c.status = newStatus
        // Closed as 部分兑现 on the day it was first so judged; further progress does not move that day.
        if !c.status.isOpen && !(wasPartial && newStatus == .partial) { c.fulfilledOn = date }
        return c
    }

    public static func fulfill(_ c: Commitment, on date: Day) throws -> Commitment {
        if c.status != .partial { try requireOpen(c) }
        try Validate.notBefore(date, Field("兑现日期", "fulfilment date"), c.made, Field("承诺日期", "date made"))
        var c = c
        c.status = .fulfilled; c.progress = 100; c.fulfilledOn = date
        return c
    }

    /// An amendment changes the future only: it is dated, and the new deadline cannot fall before it.
    /// `after`: the date of the last amendment, which this one may not precede.
    public static func amend(_ c: Commitment, deadline: Day?, content: String?, reason: String, legalBasis: String,
                             approver: String, on date: Day, after last: Day? = nil) throws -> (Commitment, Amendment) {
        try requireOpen(c)
        guard deadline != nil || content != nil else {
            throw JiannuoError.invalid("变更须至少修改兑现时限或承诺内容之一", "an amendment must change the deadline or the content")
        }
        try Validate.notBefore(date, Field("变更日期", "amendment date"), c.made, Field("承诺日期", "date made"))
        if let last { try Validate.notBefore(date, Field("变更日期", "amendment date"), last, Field("上次变更日期", "last amendment date")) }
        let reason = try Validate.text(reason, Field("变更事由", "reason"), max: 500, multiline: true)
        let basis = try Validate.text(legalBasis, Field("法律依据", "legal basis"), max: 500, multiline: true)
        let approver = try Validate.text(approver, Field("批准人", "approver"), max: 60)
        let newContent = try content.map { try Validate.text($0, Field("承诺内容", "content"), max: 2000, multiline: true) } ?? c.content
        let newDeadline = deadline ?? c.deadline
        if deadline != nil {
            try Validate.notBefore(newDeadline, Field("新的兑现时限", "new deadline"), date, Field("变更日期", "amendment date"))
        }
        let a = Amendment(commitment: c.id, date: date, reason: reason, legalBasis: basis, approver: approver,
                          oldDeadline: c.deadline, newDeadline: newDeadline, oldContent: c.content, newContent: newContent)
        var c = c
        c.deadline = newDeadline; c.content = newContent
        return (c, a)
    }

    static func requireOpen(_ c: Commitment) throws {
        guard c.status.isOpen else {
            throw JiannuoError.invalid("承诺 \(c.id) 已办结（\(c.status.label)），不能再修改", "commitment \(c.id) is closed (\(c.status.rawValue))")
        }
    }
}
