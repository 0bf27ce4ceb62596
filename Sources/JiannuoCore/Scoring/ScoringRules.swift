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
}
