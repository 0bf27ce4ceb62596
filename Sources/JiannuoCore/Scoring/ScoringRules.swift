/// Points of the integrity score, read from the `[scoring]` section of `rules.toml`, where each
/// value is explained. Every value is a multiple of 0.5, so that lines add up exactly.
public struct ScoringRules: Sendable, Equatable {
    public var base: Double = 100
    public var creditRepairPeriods = 1
    public var points: [ScoreRule: Double] = ScoringRules.defaultPoints
    /// The most each dimension can lose ("扣完为止"); they add up to `base`.
    public var weights: [Dimension: Double] = ScoringRules.defaultWeights

    public init() {}

    public static let defaultWeights: [Dimension: Double] = [
        .transparency: 15, .compliance: 10, .promiseKeeping: 45, .rectification: 15, .publicOpinion: 15,
    ]

    public static let defaultPoints: [ScoreRule: Double] = Dictionary(uniqueKeysWithValues: ScoreRule.scored.map { ($0, $0.defaultPoints) })

    /// What a line of the rule moves: its points, added for a bonus, taken off otherwise.
    public func value(_ rule: ScoreRule) -> Double {
        let v = points[rule] ?? rule.defaultPoints
        return rule.isBonus ? v : -v
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
