/// One unit's running totals in a ranking: what `Scoring.assemble` gives, without keeping a line per
/// fact (a province unit has thousands). Only a dimension where some rule adds points needs its lines
/// applied in date order (a bonus never lifts it above its weight, a deduction never below zero), so
/// only those lines are kept; elsewhere every line deducts, and the dimension ends at its weight less
/// all it lost, or zero, whatever the order.
struct ScoreTotals {
    var counts: [ScoreRule: Int] = [:]
    var lost: [Dimension: Double] = [:]
    var ordered: [Dimension: [ScoreLine]] = [:]

    /// The dimensions in which some rule adds points under these rules.
    static func withBonuses(_ rules: ScoringRules) -> Set<Dimension> {
        Set(ScoreRule.scored.compactMap { rules.value($0) > 0 ? $0.dimension : nil })
    }

    mutating func add(_ l: ScoreLine, inOrder: Set<Dimension>) {
        counts[l.rule, default: 0] += l.records
        guard let d = l.dimension else { return }
        if inOrder.contains(d) { ordered[d, default: []].append(l) } else { lost[d, default: 0] -= l.points }
    }

    func score(_ code: String, period: Period, rules: ScoringRules) -> DepartmentScore {
        var left: [Dimension: Double] = rules.weights
        for (d, x) in lost { left[d] = max(0, (left[d] ?? 0) - x) }
        for (d, lines) in ordered {
            let weight = rules.weights[d] ?? 0
            for l in lines.sorted(by: Scoring.inDateOrder) { left[d] = min(weight, max(0, (left[d] ?? 0) + l.points)) }
        }
        return Scoring.result(code, left: left, counts: counts, lines: [], period: period, rules: rules)
    }
}
