import TOMLKit

/// Time limits of the mechanism, read from `deadlines.toml` (documented there). Complaint limits
/// are working days counted from the day after the start event (次日起算).
public struct DeadlineRules: Codable, Sendable, Equatable {
    public var acceptWorkdays = 1
    public var resolveWorkdaysCritical = 1
    public var resolveWorkdaysUrgent = 3
    public var resolveWorkdaysNormal = 13
    public var respondWorkdays = 1
    public var maxExtensionWorkdays = 10
    public var returnWorkdays = 2
    public var complaintNearingWorkdays = 1
    public var commitmentNearingDays = 7
    public var rectificationNearingWorkdays = 5
    public var arrearsDefaultDays = 30
    public var arrearsMaxDays = 60
    public var arrearsNearingDays = 7
    public var opinionWorkdays = 1
    public var escalateOverdueWorkdays = 5
    /// How many working days after its claimed day an event may be entered and still count on that day
    /// without the office confirming it (补录宽限).
    public var claimGraceWorkdays = 2
    /// The largest evidence file `attach` stores, in MB (not a time limit, but a limit the office sets here).
    public var attachmentMaxMB = 20
    /// The office answers a unit's difficulty report within this many working days of its filing.
    public var difficultyAnswerWorkdays = 5
    /// A unit replies to a supervision letter (督办函) within this many working days of its issue.
    public var letterReplyWorkdays = 5

    public init() {}

    enum CodingKeys: String, CodingKey {
        case acceptWorkdays = "accept_workdays"
        case resolveWorkdaysCritical = "resolve_workdays_critical"
        case resolveWorkdaysUrgent = "resolve_workdays_urgent"
        case resolveWorkdaysNormal = "resolve_workdays_normal"
        case respondWorkdays = "respond_workdays"
        case maxExtensionWorkdays = "max_extension_workdays"
        case returnWorkdays = "return_workdays"
        case complaintNearingWorkdays = "complaint_nearing_workdays"
        case commitmentNearingDays = "commitment_nearing_days"
        case rectificationNearingWorkdays = "rectification_nearing_workdays"
        case arrearsDefaultDays = "arrears_default_days"
        case arrearsMaxDays = "arrears_max_days"
        case arrearsNearingDays = "arrears_nearing_days"
        case opinionWorkdays = "opinion_workdays"
        case escalateOverdueWorkdays = "escalate_overdue_workdays"
        case claimGraceWorkdays = "claim_grace_workdays"
        case attachmentMaxMB = "attachment_max_mb"
        case difficultyAnswerWorkdays = "difficulty_answer_workdays"
        case letterReplyWorkdays = "letter_reply_workdays"
    }

    /// The values each rule may take: a limit of 0 working days or of years would not be a limit,
    /// and the calendar reasons about a century at most.
    public static let ranges: [String: ClosedRange<Int>] = [
        "accept_workdays": 1...60, "resolve_workdays_critical": 1...60, "resolve_workdays_urgent": 1...60,
        "resolve_workdays_normal": 1...60, "respond_workdays": 1...60, "max_extension_workdays": 0...60,
        "return_workdays": 1...60, "complaint_nearing_workdays": 0...60, "commitment_nearing_days": 0...366,
        "rectification_nearing_workdays": 0...60, "arrears_default_days": 1...60, "arrears_max_days": 1...60,
        "arrears_nearing_days": 0...366, "opinion_workdays": 1...60, "escalate_overdue_workdays": 0...60,
        "claim_grace_workdays": 0...60, "attachment_max_mb": 1...200,
        "difficulty_answer_workdays": 1...60, "letter_reply_workdays": 1...60,
    ]

    /// Missing keys keep their defaults; unknown keys and values outside `ranges` are errors.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = DeadlineRules.defaults
        func v(_ k: CodingKeys, _ def: Int) throws -> Int {
            let x = try c.decodeIfPresent(Int.self, forKey: k) ?? def
            let range = DeadlineRules.ranges[k.rawValue]!
            guard range.contains(x) else {
                throw JiannuoError.invalid("规则 \(k.rawValue) = \(x) 超出允许范围 \(range.lowerBound)–\(range.upperBound)",
                                           "rule \(k.rawValue) = \(x) is outside \(range.lowerBound)-\(range.upperBound)")
            }
            return x
        }
        acceptWorkdays = try v(.acceptWorkdays, d.acceptWorkdays)
        resolveWorkdaysCritical = try v(.resolveWorkdaysCritical, d.resolveWorkdaysCritical)
        resolveWorkdaysUrgent = try v(.resolveWorkdaysUrgent, d.resolveWorkdaysUrgent)
        resolveWorkdaysNormal = try v(.resolveWorkdaysNormal, d.resolveWorkdaysNormal)
        respondWorkdays = try v(.respondWorkdays, d.respondWorkdays)
        maxExtensionWorkdays = try v(.maxExtensionWorkdays, d.maxExtensionWorkdays)
        returnWorkdays = try v(.returnWorkdays, d.returnWorkdays)
        complaintNearingWorkdays = try v(.complaintNearingWorkdays, d.complaintNearingWorkdays)
        commitmentNearingDays = try v(.commitmentNearingDays, d.commitmentNearingDays)
        rectificationNearingWorkdays = try v(.rectificationNearingWorkdays, d.rectificationNearingWorkdays)
        arrearsDefaultDays = try v(.arrearsDefaultDays, d.arrearsDefaultDays)
        arrearsMaxDays = try v(.arrearsMaxDays, d.arrearsMaxDays)
        arrearsNearingDays = try v(.arrearsNearingDays, d.arrearsNearingDays)
        opinionWorkdays = try v(.opinionWorkdays, d.opinionWorkdays)
        escalateOverdueWorkdays = try v(.escalateOverdueWorkdays, d.escalateOverdueWorkdays)
        claimGraceWorkdays = try v(.claimGraceWorkdays, d.claimGraceWorkdays)
        attachmentMaxMB = try v(.attachmentMaxMB, d.attachmentMaxMB)
        difficultyAnswerWorkdays = try v(.difficultyAnswerWorkdays, d.difficultyAnswerWorkdays)
        letterReplyWorkdays = try v(.letterReplyWorkdays, d.letterReplyWorkdays)
        guard arrearsDefaultDays <= arrearsMaxDays else {
            throw JiannuoError.invalid("规则 arrears_default_days = \(arrearsDefaultDays) 大于 arrears_max_days = \(arrearsMaxDays)",
                                       "arrears_default_days must not exceed arrears_max_days")
        }
    }

    public static let defaults = DeadlineRules()

    public func resolveWorkdays(_ u: Urgency) -> Int {
        switch u {
        case .critical: resolveWorkdaysCritical
        case .urgent: resolveWorkdaysUrgent
        case .normal: resolveWorkdaysNormal
        }
    }
}
