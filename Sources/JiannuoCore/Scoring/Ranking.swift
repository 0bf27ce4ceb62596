/// A department's place in a period's ranking, and how it moved since the previous period.
public struct RankedScore: Sendable, Equatable {
    public var score: DepartmentScore
    public var rank: Int
    /// Places gained (positive) or lost since the previous period; nil if not ranked then.
    public var change: Int?
    public var previousScore: Double?
}

extension DepartmentScore: Equatable {
    public static func == (a: DepartmentScore, b: DepartmentScore) -> Bool {
        a.department == b.department && a.period == b.period && a.score == b.score && a.dimensions == b.dimensions
    }
}

public enum Ranking {
    /// Highest score first; ties by department code, so the order is stable.
    public static func ranks(_ scores: [String: DepartmentScore]) -> [String: Int] {
        var r: [String: Int] = [:]
        let ordered = scores.values.sorted { $0.score != $1.score ? $0.score > $1.score : $0.department < $1.department }
        for (i, s) in ordered.enumerated() { r[s.department] = i + 1 }
        return r
    }

    public static func rank(_ now: [String: DepartmentScore], previous: [String: DepartmentScore]) -> [RankedScore] {
        let rNow = ranks(now), rBefore = ranks(previous)
        return now.values.map { s in
            RankedScore(score: s, rank: rNow[s.department]!, change: rBefore[s.department].map { $0 - rNow[s.department]! },
                        previousScore: previous[s.department]?.score)
        }.sorted { $0.rank < $1.rank }
    }
}

/// A unit ranked among the units of every county of a city.
public struct CityRankedScore: Sendable, Equatable {
    public var county: String
    public var ranked: RankedScore
    public var cityRank: Int
}

extension Ranking {
    /// Every county's units ranked together: highest score first, ties by county and then by unit code;
    /// each keeps its rank (and change) within its county.
    public static func city(_ counties: [String: [RankedScore]]) -> [CityRankedScore] {
        let all = counties.flatMap { county, ranking in ranking.map { (county, $0) } }.sorted { a, b in
            if a.1.score.score != b.1.score.score { return a.1.score.score > b.1.score.score }
            return a.0 != b.0 ? a.0 < b.0 : a.1.score.department < b.1.score.department
        }
        return all.enumerated().map { CityRankedScore(county: $0.element.0, ranked: $0.element.1, cityRank: $0.offset + 1) }
    }
}
