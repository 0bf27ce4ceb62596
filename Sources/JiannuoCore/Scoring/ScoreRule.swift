/// Every kind of line in the integrity score: what a rules file, the JSON and the kept counts call it
/// (`key`), the dimension it moves, its default points and its words. The one place a rule is named:
/// the Store's SQL and every screen take the name from here, so a rule cannot be misspelt into a
/// silent 0.
public enum ScoreRule: Hashable, Sendable {
    /// The points a unit starts each period with (a line of its own, not a rule of the rules file).
    case base
    case breach(category: Int)
    case commitmentOverdue, commitmentOverdueBeforeAmendment, commitmentFulfilledLate, commitmentPartial, commitmentUnfulfilled
    /// A complaint's limit missed (受理, 办结 or 反馈 late).
    case complaintLate(ComplaintLimit)
    case complaintFollowupDissatisfied, complaintReturnLate
    case noFeedback, missingProcedure
    case rectificationLate, rectificationOnTime, accountability
    case opinion(Severity), opinionHandledLate
    case arrearsOverdue
    case finding(Severity)

    /// Every rule that costs or earns points, in the order the rules file explains them.
    public static let scored: [ScoreRule] = (1...6).map { .breach(category: $0) } + [
        .commitmentOverdue, .commitmentOverdueBeforeAmendment, .commitmentFulfilledLate, .commitmentPartial, .commitmentUnfulfilled,
    ] + ComplaintLimit.allCases.map(ScoreRule.complaintLate) + [
        .arrearsOverdue,
    ] + Severity.allCases.map(ScoreRule.finding) + [
        .complaintFollowupDissatisfied, .complaintReturnLate, .noFeedback, .missingProcedure,
        .rectificationLate, .rectificationOnTime, .accountability,
    ] + Severity.allCases.map(ScoreRule.opinion) + [.opinionHandledLate]

    /// Looked up, not built: scoring sorts thousands of lines by it.
    public var key: String { Self.keys[self] ?? spelled }

    private static let keys: [ScoreRule: String] = Dictionary(uniqueKeysWithValues: ([.base] + scored).map { ($0, $0.spelled) })

    private var spelled: String {
        switch self {
        case .base: "base"
        case .breach(let n): "breach_category_\(n)"
        case .commitmentOverdue: "commitment_overdue"
        case .commitmentOverdueBeforeAmendment: "commitment_overdue_before_amendment"
        case .commitmentFulfilledLate: "commitment_fulfilled_late"
        case .commitmentPartial: "commitment_partial"
        case .commitmentUnfulfilled: "commitment_unfulfilled"
        case .complaintLate(let l): "complaint_\(l.rawValue)_late"
        case .complaintFollowupDissatisfied: "complaint_followup_dissatisfied"
        case .complaintReturnLate: "complaint_return_late"
        case .noFeedback: "no_feedback"
        case .missingProcedure: "missing_procedure"
        case .rectificationLate: "rectification_late"
        case .rectificationOnTime: "rectification_on_time"
        case .accountability: "accountability"
        case .opinion(let s): "opinion_\(s.rawValue)"
        case .opinionHandledLate: "opinion_handled_late"
        case .arrearsOverdue: "arrears_overdue"
        case .finding(let s): "inspection_finding_\(s.rawValue)"
        }
    }

    private static let byKey: [String: ScoreRule] = Dictionary(uniqueKeysWithValues: ([.base] + scored).map { ($0.spelled, $0) })

    /// The rule a key names; nil for a key no rule has.
    public init?(key: String) {
        guard let r = Self.byKey[key] else { return nil }
        self = r
    }

    /// The dimension whose share the rule's points move; none for the base.
    public var dimension: Dimension? {
        switch self {
        case .base: nil
        case .noFeedback, .complaintLate(.respond): .transparency
        case .missingProcedure: .compliance
        case .rectificationLate, .rectificationOnTime, .accountability: .rectification
        case .opinion, .opinionHandledLate: .publicOpinion
        default: .promiseKeeping
        }
    }

    /// The points when no rules file says otherwise (the bundled `rules.toml` explains each).
    public var defaultPoints: Double {
        switch self {
        case .base: 100
        case .breach(let n): [3: 10, 5: 10, 6: 4][n] ?? 8
        case .commitmentOverdue, .commitmentOverdueBeforeAmendment, .arrearsOverdue, .rectificationLate: 3
        case .commitmentFulfilledLate: 1.5
        case .commitmentPartial, .accountability, .opinionHandledLate: 2
        case .commitmentUnfulfilled: 5
        case .complaintLate(.accept), .complaintReturnLate: 0.5
        case .complaintLate: 1
        case .noFeedback, .missingProcedure, .rectificationOnTime, .complaintFollowupDissatisfied: 1
        case .opinion(let s), .finding(let s): [.low: 1, .medium: 2, .high: 4][s]!
        }
    }

    /// A rule that adds points; every other deducts.
    public var isBonus: Bool { self == .rectificationOnTime }

    /// A limit of a complaint's handling missed: the scores table's 超时环节 (a dissatisfied follow-up is not one).
    public var isLateStep: Bool {
        switch self {
        case .complaintLate, .complaintReturnLate: true
        default: false
        }
    }

    public var isBreach: Bool { if case .breach = self { true } else { false } }

    /// The words for the rule (`complaint_resolve_late` → 办结超时), so that no screen shows a key.
    public func label(_ lang: Lang) -> String { words(lang) }

    public var words: Text {
        switch self {
        case .base: Text("基础分", "base")
        case .breach(let n): Text("失信（\(Category.label(n))）", "breach (\(Category.label(n, .en)))")
        case .commitmentOverdue: Text("承诺逾期未兑现", "commitment overdue")
        case .commitmentOverdueBeforeAmendment: Text("变更前已逾期", "overdue before amendment")
        case .commitmentFulfilledLate: Text("逾期兑现", "fulfilled late")
        case .commitmentPartial: Text("部分兑现", "partially fulfilled")
        case .commitmentUnfulfilled: Text("未兑现", "unfulfilled")
        case .complaintLate(.accept): Text("受理超时", "accepted late")
        case .complaintLate(.resolve): Text("办结超时", "resolved late")
        case .complaintLate(.respond): Text("反馈超时", "answered late")
        case .complaintFollowupDissatisfied: Text("回访不满意", "follow-up not satisfied")
        case .complaintReturnLate: Text("错派件退回超时", "misrouted complaint returned late")
        case .noFeedback: Text("未反馈兑现情况", "no feedback")
        case .missingProcedure: Text("缺决策程序", "missing procedure")
        case .rectificationLate: Text("整改逾期", "rectification late")
        case .rectificationOnTime: Text("按时整改", "rectified on time")
        case .accountability: Text("问责", "accountability")
        case .opinion(let s): Text("\(s.label)舆情", "\(s.english) public opinion")
        case .opinionHandledLate: Text("舆情处置超时", "opinion handled late")
        case .arrearsOverdue: Text("拖欠账款逾期", "arrears overdue")
        case .finding(let s): Text("检查发现\(s.label)问题", "\(s.english) supervision finding")
        }
    }
}

/// Lines sort by key (after the date), as the rules' names always did.
extension ScoreRule: Comparable {
    public static func < (a: ScoreRule, b: ScoreRule) -> Bool { a.key < b.key }
}

/// In JSON a rule is its key, and so is a rule keying a dictionary (`"counts": {"accountability": 1}`).
extension ScoreRule: Codable, CodingKeyRepresentable {
    public init(from decoder: Decoder) throws {
        let key = try decoder.singleValueContainer().decode(String.self)
        guard let r = ScoreRule(key: key) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "unknown score rule \(key)"))
        }
        self = r
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(key)
    }

    public var codingKey: CodingKey { RuleKey(stringValue: key) }
    public init?<T: CodingKey>(codingKey: T) { self.init(key: codingKey.stringValue) }

    private struct RuleKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
