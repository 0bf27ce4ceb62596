/// Points of the integrity score, read from the `[scoring]` section of `rules.toml`, where each
/// value is explained. Every value is a multiple of 0.5, so that lines add up exactly.
public struct ScoringRules: Sendable, Equatable {
    public var base: Double = 100
    public var creditRepairPeriods = 1
    public var points: [String: Double] = ScoringRules.defaultPoints
    /// The most each dimension can lose ("扣完为止"); they add up to `base`.
    public var weights: [Dimension: Double] = ScoringRules.defaultWeights

    public init() {}

    public static let defaultWeights: [Dimension: Double] = [
        .transparency: 15, .compliance: 10, .promiseKeeping: 45, .rectification: 15, .publicOpinion: 15,
    ]

    public static let defaultPoints: [String: Double] = [
        "breach_category_1": 8, "breach_category_2": 8, "breach_category_3": 10,
        "breach_category_4": 8, "breach_category_5": 10, "breach_category_6": 4,
        "commitment_overdue": 3, "commitment_overdue_before_amendment": 3, "commitment_fulfilled_late": 1.5, "commitment_partial": 2, "commitment_unfulfilled": 5,
        "complaint_accept_late": 0.5, "complaint_resolve_late": 1, "complaint_respond_late": 1,
        "no_feedback": 1, "missing_procedure": 1,
        "rectification_late": 3, "rectification_on_time": 1, "accountability": 2,
        "opinion_low": 1, "opinion_medium": 2, "opinion_high": 4, "opinion_handled_late": 2,
        "arrears_overdue": 3, "inspection_finding_low": 1, "inspection_finding_medium": 2, "inspection_finding_high": 4,
        "complaint_followup_dissatisfied": 1, "complaint_return_late": 0.5,
    ]

    /// Rules that add points; all others deduct.
    public static let bonuses: Set<String> = ["rectification_on_time"]

    public static let dimensionOf: [String: Dimension] = {
        var d: [String: Dimension] = [:]
        for k in defaultPoints.keys {
            switch k {
            case "no_feedback", "complaint_respond_late": d[k] = .transparency
            case "missing_procedure": d[k] = .compliance
            case "rectification_late", "rectification_on_time", "accountability": d[k] = .rectification
            case _ where k.hasPrefix("opinion_"): d[k] = .publicOpinion
            default: d[k] = .promiseKeeping
            }
        }
        return d
    }()

    /// The words for a rule's code (`complaint_resolve_late` → 办结超时), so that no screen shows a code.
    public static func label(_ rule: String, _ lang: Lang) -> String {
        if rule.hasPrefix("breach_category_"), let n = Int(rule.dropFirst("breach_category_".count)) {
            return lang == .zh ? "失信（\(Category.label(n))）" : "breach (\(Category.label(n, .en)))"
        }
        let words: [String: Text] = [
            "base": Text("基础分", "base"),
            "commitment_overdue": Text("承诺逾期未兑现", "commitment overdue"),
            "commitment_overdue_before_amendment": Text("变更前已逾期", "overdue before amendment"),
            "commitment_fulfilled_late": Text("逾期兑现", "fulfilled late"),
            "commitment_partial": Text("部分兑现", "partially fulfilled"),
            "commitment_unfulfilled": Text("未兑现", "unfulfilled"),
            "complaint_accept_late": Text("受理超时", "accepted late"),
            "complaint_resolve_late": Text("办结超时", "resolved late"),
            "complaint_respond_late": Text("反馈超时", "answered late"),
            "no_feedback": Text("未反馈兑现情况", "no feedback"),
            "missing_procedure": Text("缺决策程序", "missing procedure"),
            "rectification_late": Text("整改逾期", "rectification late"),
            "rectification_on_time": Text("按时整改", "rectified on time"),
            "accountability": Text("问责", "accountability"),
            "opinion_low": Text("一般舆情", "minor public opinion"),
            "opinion_medium": Text("较大舆情", "serious public opinion"),
            "opinion_high": Text("重大舆情", "major public opinion"),
            "opinion_handled_late": Text("舆情处置超时", "opinion handled late"),
            "arrears_overdue": Text("拖欠账款逾期", "arrears overdue"),
            "inspection_finding_low": Text("检查发现一般问题", "minor supervision finding"),
            "inspection_finding_medium": Text("检查发现较大问题", "serious supervision finding"),
            "inspection_finding_high": Text("检查发现重大问题", "major supervision finding"),
            "complaint_followup_dissatisfied": Text("回访不满意", "follow-up not satisfied"),
            "complaint_return_late": Text("错派件退回超时", "misrouted complaint returned late"),
        ]
        return words[rule]?(lang) ?? rule
    }

    public func value(_ rule: String) -> Double {
        let v = points[rule] ?? 0
        return ScoringRules.bonuses.contains(rule) ? v : -v
    }
}

public enum Dimension: String, Codable, Sendable, CaseIterable {
    case transparency, compliance, promiseKeeping = "promise_keeping", rectification, publicOpinion = "public_opinion"
    public var label: String {
        switch self {
        case .transparency: "公开透明"
        case .compliance: "依法决策"
        case .promiseKeeping: "守信践诺"
        case .rectification: "整改问责"
        case .publicOpinion: "舆情处置"
        }
    }
    public var english: String {
        switch self {
        case .transparency: "transparency"
        case .compliance: "lawful decisions"
        case .promiseKeeping: "promise keeping"
        case .rectification: "rectification"
        case .publicOpinion: "public opinion"
        }
    }
    public func label(_ lang: Lang) -> String { lang == .zh ? label : english }
}
