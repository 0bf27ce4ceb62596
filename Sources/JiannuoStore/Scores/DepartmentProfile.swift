import GRDB
import JiannuoCore

/// A unit's whole record for a period, read once and formatted by `department show`, the dashboard's
/// drill-down and the quarterly bulletin: its score with every line, the twelve-month trend, the
/// on-time rate, every breach with what was done about it, its findings, what went up to the county
/// leadership and its open alerts. A unit answers for the units merged into it.
public struct DepartmentProfile: Sendable {
    /// A breach and what followed it.
    public struct BreachRecord: Sendable {
        public var breach: Breach
        public var rectifications: [Rectification]
        public var accountability: [Accountability]
    }

    /// A supervision finding and the rectification it ordered, if any.
    public struct FindingRecord: Sendable {
        public var finding: Finding
        public var rectifications: [Rectification]
    }

    public struct TrendPoint: Sendable, Encodable {
        public var period: String
        public var score: Double
    }

    public var department: Department
    public var predecessors: [Department]
    public var events: [DepartmentEvent]
    public var period: Period
    /// The score of the period; with every line when the profile is one unit's (`profile(of:)`).
    public var score: DepartmentScore
    public var onTime: OnTimeRate
    /// The twelve months up to the last month the period covers.
    public var trend: [TrendPoint]
    /// Its place in a ranking of every unit (the profiles a bulletin reads), nil for one unit's profile.
    public var ranked: RankedScore?
    /// Every breach of the unit and its predecessors, newest first.
    public var breaches: [BreachRecord]
    /// Every rectification the unit (or a predecessor) was ordered to make, by deadline.
    public var rectifications: [Rectification]
    public var findings: [FindingRecord]
    public var escalations: [Escalation]
    /// The difficulties the unit (or a predecessor) reported, newest first.
    public var difficulties: [DifficultyReport]
    /// The supervision letters issued to the unit (or a predecessor), newest first.
    public var letters: [SupervisionLetter] = []
    /// Open alerts of today (none in the profiles of every unit, which a bulletin reads).
    public var alerts: [Alert]

    /// Every unit code whose records the unit answers for.
    public var lineage: [String] { [department.code] + predecessors.map(\.code) }

    /// How the unit's rectifications stood in the period, judged at `asOf` (the period's end, or today).
    public struct RectificationFigures: Sendable, Equatable {
        /// Deadline in the period.
        public var due = 0
        /// Past its deadline and not done at `asOf` (`Rectification.isOverdue`).
        public var overdue = 0
        /// Completed in the period, by `asOf`.
        public var done = 0
    }

    public func rectificationFigures(asOf: Day) -> RectificationFigures {
        var f = RectificationFigures()
        for r in rectifications {
            if period.contains(r.deadline) { f.due += 1 }
            if r.isOverdue(on: asOf) { f.overdue += 1 }
            if let c = r.completedOn, c >= period.start, c <= asOf { f.done += 1 }
        }
        return f
    }

    /// The period's difficulty reports: filed in it, and of those answered by their limit (judged at `asOf`).
    public func difficultyFigures(asOf: Day) -> (filed: Int, answeredOnTime: Int, open: Int) {
        let filed = difficulties.filter { period.contains($0.filedAt.day) }
        return (filed.count, filed.filter { $0.answeredOnTime == true && $0.answeredAt!.day <= asOf }.count,
                filed.filter { $0.answeredAt.map { $0.day > asOf } ?? true }.count)
    }

    /// The reports as the ledger knew them at the end of `day`: filed by then, answers and referrals since undone.
    static func known(_ list: [DifficultyReport], _ day: Day) -> [DifficultyReport] {
        list.filter { $0.filedAt.day <= day }.map { d in
            var d = d
            if let at = d.answeredAt, at.day > day { d.answer = nil; d.answeredAt = nil; d.answeredBy = nil }
            if let at = d.referredAt, at.day > day { d.referredAt = nil; d.referredBy = nil }
            return d
        }
    }

    /// The period's letters: issued in it, and of those replied by their day (judged at `asOf`), and unreplied at `asOf`.
    public func letterFigures(asOf: Day) -> (issued: Int, repliedOnTime: Int, open: Int) {
        let issued = letters.filter { period.contains($0.issuedAt.day) }
        return (issued.count, issued.filter { $0.repliedOnTime == true && $0.repliedAt!.day <= asOf }.count,
                issued.filter { $0.repliedAt.map { $0.day > asOf } ?? true }.count)
    }

    /// The letters as the ledger knew them at the end of `day`: issued by then, replies since undone.
    static func known(_ list: [SupervisionLetter], _ day: Day) -> [SupervisionLetter] {
        list.filter { $0.issuedAt.day <= day }.map { l in
            var l = l
            if let at = l.repliedAt, at.day > day { l.reply = nil; l.repliedAt = nil; l.repliedBy = nil }
            return l
        }
    }

    /// Breaches confirmed in the period.
    public var breachesInPeriod: Int { breaches.filter { period.contains($0.breach.date) }.count }
}

extension LedgerEngine {
    /// One unit's whole record for `period`: every line of its score, the trend of the twelve months
    /// up to the last month the period covers, and every breach, finding, escalation and open alert.
    public func profile(of code: String, period: Period, today: Day, asKnown: AsKnown?) throws -> DepartmentProfile {
        try actor.requireVisible(code)
        let lastMonth = Period.month(min(period.end, today).year, min(period.end, today).month)
        let months = (0..<12).reversed().map { lastMonth.shifted(-$0) }
        // The on-time rate and the unit's alerts are read on a second connection meanwhile (each part was its
        // own snapshot already): the profile takes the time of the longer half, on both cores. A PostgreSQL
        // ledger, with one connection, reads them one after the other as before.
        let lineage = try reading { r in try r.lineage(code) }
        let side = Concurrent { [self] in
            (try onTimeRate(of: code, period: period, today: today),
             try alerts(today: today, departments: lineage).filter { lineage.contains($0.department) })
        }
        // A failure here does not leave the other connection reading behind it.
        defer { _ = try? side.value() }
        let all = try scores(of: code, periods: [period] + months, today: today, asKnown: asKnown)
        var profile = try reading { r in try records(r, of: code, period: period, score: all[0]) }
        profile.trend = zip(months, all.dropFirst()).map { .init(period: $0.description, score: $1.score) }
        (profile.onTime, profile.alerts) = try side.value()
        if let asKnown {
            profile.difficulties = DepartmentProfile.known(profile.difficulties, asKnown.day)
            profile.letters = DepartmentProfile.known(profile.letters, asKnown.day)
        }
        return profile
    }

    /// Every ranked unit's record for `period`, for a bulletin: the scores and trends of the ranking
    /// (no lines), the on-time rate, and every breach, finding and escalation; no alerts.
    public func profiles(period: Period, today: Day, asKnown: AsKnown?) throws -> [DepartmentProfile] {
        let asOf = min(period.end, today)
        let months = (0..<12).reversed().map { Period.month(asOf.year, asOf.month).shifted(-$0) }
        let ranked = try ranking(period: period, today: today, asKnown: asKnown)
        let monthly = try scores(periods: months, today: today, asKnown: asKnown)
        var out: [DepartmentProfile] = []
        for r in ranked {
            let code = r.score.department
            var p = try reading { reader in try records(reader, of: code, period: period, score: r.score) }
            p.ranked = r
            if let asKnown {
                p.difficulties = DepartmentProfile.known(p.difficulties, asKnown.day)
                p.letters = DepartmentProfile.known(p.letters, asKnown.day)
            }
            p.trend = zip(months, monthly).compactMap { m, scores in scores[code].map { .init(period: m.description, score: $0.score) } }
            p.onTime = try onTimeRate(of: code, period: period, today: today)
            out.append(p)
        }
        return out
    }

    /// The unit, its lineage and its records, in one snapshot.
    private func records<R: SQLReader>(_ r: R, of code: String, period: Period, score: DepartmentScore) throws -> DepartmentProfile {
        guard let unit = try r.records(Department.self, "SELECT * FROM departments WHERE code = ?", [code]).first else {
            throw JiannuoError.notFound(RecordKind.department.word, code)
        }
        let units = try r.departmentMap()
        let predecessors = Lineage.predecessors(of: code, in: units)
        let ofLineage = ListFilter(department: code)
        func list<T: FetchableRecord>(_ spec: ListSpec, _ f: ListFilter, extra: [(String, DatabaseValueConvertible?)] = []) throws -> [T] {
            let (sql, arguments) = try spec.sql(r, f, extra: extra)
            return try r.records(T.self, sql, arguments)
        }
        // What followed a breach may be another unit's (a rectification ordered elsewhere): a liaison sees its own only.
        let seen = { (unit: String) in self.actor.sees(unit) }
        let breaches: [Breach] = try list(.breaches, ofLineage)
        // What followed every breach of the lineage, in two statements rather than two per breach
        // (a unit of the province demo has a hundred breaches), each list in its own order.
        let lineage = try r.lineage(code)
        let ofBreaches = "SELECT id FROM breaches WHERE department IN (\(placeholders(lineage.count)))"
        let codes: [DatabaseValueConvertible] = lineage
        let followed = try r.records(Rectification.self, """
            SELECT * FROM rectifications WHERE breach IN (\(ofBreaches)) ORDER BY \(ListSpec.rectifications.order)
            """, codes)
        let acted = try r.records(Accountability.self, """
            SELECT * FROM accountability WHERE breach IN (\(ofBreaches)) OR complaint IN (\(ofBreaches)) OR finding IN (\(ofBreaches))
            ORDER BY \(ListSpec.accountability.order)
            """, codes + codes + codes)
        let rectsOf = Dictionary(grouping: followed, by: { $0.breach ?? "" })
        var actsOf: [String: [Accountability]] = [:]
        for a in acted {
            // One action may name the breach in more than one column: it is listed under it once.
            for id in Set([a.breach, a.complaint, a.finding].compactMap { $0 }) { actsOf[id, default: []].append(a) }
        }
        let records: [DepartmentProfile.BreachRecord] = breaches.map { b in
            DepartmentProfile.BreachRecord(breach: b, rectifications: (rectsOf[b.id] ?? []).filter { seen($0.unit) },
                                           accountability: (actsOf[b.id] ?? []).filter { seen($0.department ?? "") })
        }
        let rectifications: [Rectification] = try list(.rectifications, ofLineage)
        let ordered = Dictionary(grouping: rectifications.filter { $0.finding != nil }, by: { $0.finding ?? "" })
        let findings = (try list(.findings, ofLineage) as [Finding]).map { DepartmentProfile.FindingRecord(finding: $0, rectifications: ordered[$0.id] ?? []) }
        return DepartmentProfile(department: unit, predecessors: predecessors,
                                 events: try r.records(DepartmentEvent.self, "SELECT * FROM department_events WHERE code = ? OR \"into\" = ? ORDER BY date, id", [code, code]),
                                 period: period, score: score, onTime: OnTimeRate(onTime: 0, closed: 0, openOverdue: 0, rate: nil), trend: [],
                                 ranked: nil, breaches: records, rectifications: rectifications, findings: findings, escalations: try list(.escalations, ofLineage),
                                 difficulties: try list(.difficulties(today: clock.today), ofLineage),
                                 letters: try list(.letters(today: clock.today), ofLineage), alerts: [])
    }
}
