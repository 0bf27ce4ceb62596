import GRDB
import JiannuoCore

/// The alerts shown first, and how many there are at each level, read without building the rest.
public struct AlertPage: Sendable {
    /// The most urgent alerts in `Alert.urgency` order: the first `limit`, or all when `complete`.
    public var alerts: [Alert]
    public var counts: [Alert.Level: Int]
    public var complete: Bool
    public var total: Int { counts.values.reduce(0, +) }

    public init(alerts: [Alert], counts: [Alert.Level: Int]? = nil, complete: Bool) {
        self.alerts = alerts; self.complete = complete
        self.counts = counts ?? alerts.reduce(into: [:]) { $0[$1.level, default: 0] += 1 }
    }
}

extension LedgerEngine {
    /// Every alert of the day, most urgent first; `departments`: only these units' items.
    public func alerts(today: Day?, departments: [String]?) throws -> [Alert] {
        try actor.require(.read)
        let day = today ?? clock.today
        let inputs = try reading { r in try AlertReads(today: day, calendar: calendar, rules: rules.deadlines).inputs(r, departments: departments) }
        return AlertReads.visible(Alerts.compute(inputs, calendar: calendar, rules: rules.deadlines, today: day), to: actor)
    }

    public func alertPage(today: Day?, limit: Int) throws -> AlertPage {
        try actor.require(.read)
        let day = today ?? clock.today
        // A confined role sees one unit's alerts: few, and filtered by owner after judging.
        if isConfined { return AlertPage(alerts: try alerts(today: day, departments: nil), complete: true) }
        return try reading { r in try AlertReads(today: day, calendar: calendar, rules: rules.deadlines).page(r, limit: limit) }
    }
}

/// The alerts' reads, in SQL both engines run.
struct AlertReads {
    let today: Day
    let calendar: WorkCalendar
    let rules: DeadlineRules
    var sources: AlertSources { AlertSources(today: today, calendar: calendar, rules: rules) }

    static func visible(_ all: [Alert], to actor: Actor) -> [Alert] {
        guard let role = actor.role, RoleTable.isConfined(role) else { return all }
        return all.filter { actor.sees($0.department) }
    }

    /// The first `limit` alerts and the count at each level, as `alerts` would give them. The open
    /// items of the four big kinds (promises, debts, complaints, rectifications) are counted by level
    /// from their due-day index (`AlertBands`) and only the first `limit` of each are read; the few
    /// others (opinions, breaches, returns, items reported up or amended later) are judged whole.
    func page<R: SQLReader>(_ r: R, limit: Int) throws -> AlertPage {
        let sources = self.sources
        let special = try sources.specialRecords(r)
        var few = try sources.fewInputs(r, special: special, departments: nil)
        few.departments = try r.departmentMap()
        var big = AlertInputs()
        big.departments = few.departments
        big.debts = []; big.returns = []
        var counts: [Alert.Level: Int] = [:]
        var reachesNextYear = false
        for s in sources.big(r.dialect) {
            let c = try s.count(r, excluding: special)
            for (level, n) in c.byLevel { counts[level, default: 0] += n }
            reachesNextYear = reachesNextYear || c.nextYear > 0
            try s.fetch(r, excluding: special, limit: limit, into: &big)
        }
        let judged = Alerts.judge(few, calendar: calendar, rules: rules, today: today)
        let notes = Alerts.calendarAlerts(calendar: calendar, today: today,
                                          dues: judged.map(\.due) + (reachesNextYear ? [Day(year: today.year + 1, month: 1, day: 1)!] : []))
        for a in judged + notes { counts[a.level, default: 0] += 1 }
        let first = Alerts.sortedByUrgency(judged + notes + Alerts.judge(big, calendar: calendar, rules: rules, today: today))
        return AlertPage(alerts: Array(first.prefix(limit)), counts: counts, complete: limit >= counts.values.reduce(0, +))
    }

    /// Loads only what can raise an alert today, through the partial indexes over open items.
    /// `departments`: only these units' items (one unit's page), else every unit's. The big kinds come as
    /// their running limits (`OpenLimit`), or `whole` as records for a reader that changes them first.
    func inputs<R: SQLReader>(_ r: R, departments: [String]?, whole: Bool = false) throws -> AlertInputs {
        let sources = self.sources
        let special = try sources.specialRecords(r)
        var i = try sources.fewInputs(r, special: special, departments: departments)
        i.departments = try r.departmentMap()
        for s in sources.big(r.dialect) { try s.fetch(r, excluding: special, departments: departments, whole: whole, into: &i) }
        return i
    }
}
