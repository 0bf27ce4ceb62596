import JiannuoCore

/// One department's breach record for the drill-down: score, dimensions, every line, every breach,
/// open alerts, trend and predecessors. Built by `DashboardApp` from the ledger, laid out by
/// `DrillDocument` and shown as a document (scrolling, Enter on a line opens its record).
public struct DepartmentDrill: Sendable, Equatable {
    public struct Dim: Sendable, Equatable { public var label: String; public var value: Double; public var weight: Double }

    public var code: String
    public var name: String
    public var period: String
    public var score: Double
    public var onTime: String
    public var dimensions: [Dim]
    /// Every line of the score, the base first: they add up to `score`.
    public var lines: [ScoreLine]
    /// Every breach of the unit and its predecessors, each leading to its record.
    public var breaches: [DocLine]
    /// Every open alert of the unit, each leading to its record.
    public var alerts: [DocLine]
    public var trend: [Double]
    public var trendLabels: [String]
    public var predecessors: [String]
    /// The language its own words are in (names and notes of the data are as stored).
    public var lang: Lang
    /// The unit's supervision findings (what each ordered) and the items reported up, each a record.
    public var findings: [DocLine] = []
    public var escalations: [DocLine] = []
    /// The difficulties it reported and how the office answered.
    public var difficulties: [DocLine] = []
    /// The supervision letters it was sent and its replies (shown only when there is one).
    public var letters: [DocLine] = []

    public init(code: String, name: String, period: String, score: Double, onTime: String, dimensions: [Dim], lines: [ScoreLine],
                breaches: [DocLine], alerts: [DocLine], trend: [Double], trendLabels: [String], predecessors: [String], lang: Lang = .zh) {
        self.code = code; self.name = name; self.period = period; self.score = score; self.onTime = onTime
        self.dimensions = dimensions; self.lines = lines; self.breaches = breaches; self.alerts = alerts
        self.trend = trend; self.trendLabels = trendLabels; self.predecessors = predecessors; self.lang = lang
    }
}
