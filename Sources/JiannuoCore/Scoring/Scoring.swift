/// The integrity score as a pure function of facts, period, today, rules and calendar.
public enum Scoring {
    /// Who answers for a record in a period: a unit merged on or before the period's end answers
    /// through its successor ("不得以机构调整为由违约毁约"); its own record stays its own before that.
    public static func owner(_ code: String, in period: Period, _ departments: [String: Department]) -> String {
        var c = code
        var seen: Set<String> = [c]
        while let d = departments[c], let next = d.successor, let on = d.mergedOn, on <= period.end, !seen.contains(next) {
            seen.insert(next); c = next
        }
        return c
    }

    /// Scores of every department that has a record in the period, plus the given ones at base.
    /// With `detail` false only totals are kept (no lines, no notes): what a ranking needs.
    public static func scoreAll(_ facts: ScoreFacts, period: Period, today: Day, rules: Rules, calendar: WorkCalendar,
                                departments codes: [String], detail: Bool = true) -> [String: DepartmentScore] {
        if !detail {
            let inOrder = ScoreTotals.withBonuses(rules.scoring)
            var totals: [String: ScoreTotals] = [:]
            for code in codes { totals[code] = ScoreTotals() }
            collect(facts, period: period, today: today, rules: rules, calendar: calendar, detail: false) { owner, line in
                totals[owner, default: ScoreTotals()].add(line, inOrder: inOrder)
            }
            var out: [String: DepartmentScore] = [:]
            for (code, t) in totals { out[code] = t.score(code, period: period, rules: rules.scoring) }
            return out
        }
        var lines: [String: [ScoreLine]] = [:]
        for code in codes { lines[code] = [] }
        collect(facts, period: period, today: today, rules: rules, calendar: calendar, detail: detail) { owner, line in
            lines[owner, default: []].append(line)
        }
        var out: [String: DepartmentScore] = [:]
        for (code, ls) in lines { out[code] = assemble(code, ls, period: period, rules: rules.scoring, detail: detail) }
        return out
    }

    public static func score(_ code: String, _ facts: ScoreFacts, period: Period, today: Day, rules: Rules,
                             calendar: WorkCalendar) -> DepartmentScore {
        scoreAll(facts, period: period, today: today, rules: rules, calendar: calendar, departments: [code])[code]!
    }

    /// Applies the lines in date order: a dimension loses at most its weight ("扣完为止") and a bonus
    /// never lifts it above its weight. Each line keeps the points it actually moved, so the lines
    /// always add up to the score.
    static func assemble(_ code: String, _ ls: [ScoreLine], period: Period, rules: ScoringRules, detail: Bool) -> DepartmentScore {
        let sorted = ls.sorted(by: inDateOrder)
        var left: [Dimension: Double] = rules.weights
        var counts: [ScoreRule: Int] = [:]
        var applied: [ScoreLine] = []
        applied.reserveCapacity(detail ? sorted.count + 1 : 0)
        if detail { applied.append(ScoreLine(rule: .base, dimension: nil, points: rules.base, record: nil, date: period.start, note: "基础分", noteEn: "base")) }
        for var l in sorted {
            counts[l.rule, default: 0] += l.records
            guard let d = l.dimension else { continue }
            let weight = rules.weights[d] ?? 0
            let before = left[d] ?? 0
            let after = min(weight, max(0, before + l.points))
            left[d] = after
            if detail {
                // Adding +0 turns a -0 into 0: a line that cost nothing shows 0, never "-0.0".
                let real = after - before + 0
                if real != l.points {
                    let amount = Scoring.plain(abs(real))
                    if real == 0 {
                        l.note += l.points < 0 ? "（本项已扣完，不再扣分）" : "（已达本项满分，不再加分）"
                        l.noteEn += l.points < 0 ? " (dimension exhausted: nothing more deducted)" : " (dimension full: nothing more added)"
                    } else {
                        l.note += l.points < 0 ? "（本项仅余 \(amount) 分，实扣 \(amount)）" : "（距本项满分仅 \(amount) 分，实加 \(amount)）"
                        l.noteEn += l.points < 0 ? " (dimension nearly exhausted: \(amount) deducted)" : " (dimension nearly full: \(amount) added)"
                    }
                }
                l.points = real
                applied.append(l)
            }
        }
        return result(code, left: left, counts: counts, lines: applied, period: period, rules: rules)
    }

    /// The score from what each dimension has left.
    static func result(_ code: String, left: [Dimension: Double], counts: [ScoreRule: Int], lines: [ScoreLine], period: Period,
                       rules: ScoringRules) -> DepartmentScore {
        var dims: [String: Double] = [:]
        for d in Dimension.allCases { dims[d.rawValue] = left[d] ?? 0 }
        let total = rules.base - rules.weights.values.reduce(0, +) + left.values.reduce(0, +)
        return DepartmentScore(department: code, period: period, score: min(100, max(0, total)), dimensions: dims,
                               counts: counts, lines: lines)
    }

    /// The order in which lines are applied: by date, then rule, then record.
    static func inDateOrder(_ a: ScoreLine, _ b: ScoreLine) -> Bool {
        if a.date != b.date { return (a.date ?? Day(ordinal: 0)) < (b.date ?? Day(ordinal: 0)) }
        return (a.rule.key, a.record ?? "") < (b.rule.key, b.record ?? "")
    }

    /// Walks the facts once and hands every line to its owner.
    static func collect(_ f: ScoreFacts, period p: Period, today: Day, rules: Rules, calendar: WorkCalendar, detail: Bool = true,
                        _ emit: (String, ScoreLine) -> Void) {
        let r = rules.scoring
        let asOf = min(p.end, today)
        // A rule's dimension and points, looked up once per rule rather than once per fact.
        var ruleTerms: [ScoreRule: (Dimension?, Double)] = [:]
        func terms(_ rule: ScoreRule) -> (Dimension?, Double) {
            if let t = ruleTerms[rule] { return t }
            let t = (rule.dimension, r.value(rule))
            ruleTerms[rule] = t
            return t
        }
        // The note is only worded when lines are shown.
        func line(_ rule: ScoreRule, _ record: String, _ date: Day, _ note: @autoclosure () -> Text, times: Int = 1, records: Int = 1) -> ScoreLine {
            let words = detail ? note() : Text("", "")
            let (dimension, value) = terms(rule)
            return ScoreLine(rule: rule, dimension: dimension, points: value * Double(times),
                             record: record, date: date, note: words.zh, noteEn: words.en, records: records)
        }
        // Hundreds of thousands of facts name a few hundred units: each unit's owner is found once.
        var owners: [String: String] = [:]
        func own(_ code: String) -> String {
            if let o = owners[code] { return o }
            let o = owner(code, in: p, f.departments)
            owners[code] = o
            return o
        }

        for bf in f.breaches {
            let b = bf.breach
            guard b.date <= asOf else { continue }
            if let repaired = bf.repairedOn, repaired < repairCut(p, r) { continue }
            emit(own(b.department), line(.breach(category: b.category), b.id, b.date,
                                         Text("失信违诺（\(Category.label(b.category))）\(bf.repairedOn.map { "，已于 \($0) 整改完成" } ?? "，尚未整改完成")",
                                              "breach (\(Category.label(b.category, .en)))\(bf.repairedOn.map { ", rectified on \($0)" } ?? ", not yet rectified")")))
        }
        for k in f.counted {
            emit(own(k.department), line(k.rule, "", k.date, k.rule.words,
                                         times: k.times, records: k.count))
        }
        for c in f.commitments {
            let o = own(c.department)
            let amendments = f.amendments[c.id] ?? []
            if p.contains(c.made), !c.missingProcedures.isEmpty {
                emit(o, line(.missingProcedure, c.id, c.made, Text("未履行决策程序：\(c.missingProcedures.map(\.label).joined(separator: "、"))",
                                                                "procedures not followed: \(c.missingProcedures.map(\.english).joined(separator: ", "))"),
                             times: c.missingProcedures.count))
            }
            // Money owed to a small firm and not paid by its payment limit costs like an overdue promise.
            // Like commitment_overdue: each period at whose end it is still unpaid past the limit.
            if let due = Alerts.arrearsDue(c, rules.deadlines), due < asOf, c.made <= asOf, Scoring.closedBy(c).map({ $0 > asOf }) ?? true {
                emit(o, line(.arrearsOverdue, c.id, due, Text("拖欠中小企业账款 \(c.amount!.grouped) 元超过付款期限 \(due)",
                                                                "\(c.amount!.grouped) yuan owed to a small firm past its payment limit \(due)")))
            }
            let closedBy = c.status.isOpen ? nil : c.fulfilledOn
            if let closed = closedBy, p.contains(closed) {
                let due = c.deadline(on: closed, amendments: amendments)
                switch c.status {
                case .fulfilled where closed > due:
                    emit(o, line(.commitmentFulfilledLate, c.id, closed, Text("逾期兑现（时限 \(due)）", "fulfilled late (deadline \(due))")))
                case .partial: emit(o, line(.commitmentPartial, c.id, closed, Text("部分兑现", "partially fulfilled")))
                case .unfulfilled: emit(o, line(.commitmentUnfulfilled, c.id, closed, Text("未兑现", "unfulfilled")))
                default: break
                }
                if !f.withFeedback.contains(c.id) { emit(o, line(.noFeedback, c.id, closed, Text("办结后未向社会或对方反馈", "no feedback to the public or the counterparty after closing"))) }
            }
            // The terms in force at the end of the period judge it: an amendment changes the future only.
            let due = c.deadline(on: asOf, amendments: amendments)
            let openAtEnd = closedBy.map { $0 > asOf } ?? true
            if openAtEnd && due < asOf && c.made <= asOf {
                emit(o, line(.commitmentOverdue, c.id, due, Text("超过兑现时限 \(due) 仍未兑现", "not fulfilled by its deadline \(due)")))
            }
            // A deadline already missed when it was amended keeps its cost, in the period of the amendment.
            for a in amendments where a.oldDeadline < a.date && p.contains(a.date) && a.date <= asOf {
                emit(o, line(.commitmentOverdueBeforeAmendment, c.id, a.date,
                             Text("变更前已逾期 \(a.oldDeadline.days(until: a.date)) 天（原时限 \(a.oldDeadline)，\(a.date) 变更为 \(a.newDeadline)）",
                                  "\(a.oldDeadline.days(until: a.date)) days overdue when amended (deadline \(a.oldDeadline), changed to \(a.newDeadline) on \(a.date))")))
            }
        }
        for s in f.stages where p.contains(s.due) {
            guard Lateness.late(due: s.due, done: s.done, on: asOf) else { continue }
            let word = s.kind.word.zh, wordEn = s.kind.word.en
            emit(own(s.department), line(.complaintLate(s.kind), s.complaint, s.due,
                                         s.done.map { Text("\(word)超时（时限 \(s.due)，\($0) 完成）", "\(wordEn) late (limit \(s.due), done \($0))") }
                                            ?? Text("\(word)超时未完成（时限 \(s.due)）", "\(wordEn) not done by its limit \(s.due)")))
        }
        for x in f.findings where p.contains(x.date) && x.date <= asOf {
            emit(own(x.department), line(.finding(x.severity), x.id, x.date,
                                         Text("督促检查发现问题（\(x.severity.label)）：\(x.issue)", "supervision finding (\(x.severity.english)): \(x.issue)")))
        }
        for d in f.dissatisfied where p.contains(d.date) && d.date <= asOf {
            emit(own(d.department), line(.complaintFollowupDissatisfied, d.complaint, d.date,
                                         Text("回访不满意，重新办理", "follow-up not satisfied: handled again")))
        }
        for r in f.returns where p.contains(r.returned) && r.returned <= asOf {
            let limit = calendar.addingWorkdays(rules.deadlines.returnWorkdays, to: r.received)
            guard r.returned > limit else { continue }
            emit(own(r.department), line(.complaintReturnLate, r.complaint, r.returned,
                                         Text("错派投诉退回超时（时限 \(limit)，\(r.returned) 退回）", "misrouted complaint returned late (limit \(limit), returned \(r.returned))"),
                                         times: r.count, records: r.count))
        }
        for x in f.rectifications {
            let o = own(x.unit)
            if let done = x.completedOn, p.contains(done) {
                if Lateness.onTime(due: x.deadline, done: done) {
                    emit(o, line(.rectificationOnTime, x.id, done, Text("按时完成整改", "rectified on time")))
                } else {
                    emit(o, line(.rectificationLate, x.id, done, Text("逾期完成整改（时限 \(x.deadline)）", "rectified late (deadline \(x.deadline))")))
                }
            } else if x.isOverdue(on: asOf) {
                emit(o, line(.rectificationLate, x.id, x.deadline, Text("超过整改时限 \(x.deadline) 仍未完成", "not rectified by its deadline \(x.deadline)")))
            }
        }
        for a in f.accountability where p.contains(a.action.date) {
            emit(own(a.department), line(.accountability, a.action.id, a.action.date, Text("问责：\(a.action.kind) \(a.action.target)", "accountability: \(AccountabilityKind.display(a.action.kind, .en)) \(a.action.target)")))
        }
        for o in f.opinions {
            let who = own(o.department)
            if p.contains(o.date) {
                emit(who, line(.opinion(o.severity), o.id, o.date, Text("舆情（\(o.severity.label)）：\(o.title)", "public opinion (\(o.severity.english)): \(o.title)")))
            }
            let due = calendar.addingWorkdays(rules.deadlines.opinionWorkdays, to: o.date)
            if let h = o.handledOn {
                if h > due && p.contains(h) { emit(who, line(.opinionHandledLate, o.id, h, Text("舆情处置不及时（时限 \(due)）", "handled late (limit \(due))"))) }
            } else if due < asOf && p.contains(due) {
                emit(who, line(.opinionHandledLate, o.id, due, Text("舆情超过处置时限 \(due) 仍未处置", "not handled by its limit \(due)")))
            }
        }
    }

    /// The rules whose lines must be applied in date order: those of a dimension where some rule adds
    /// points (see `ScoreTotals`). Elsewhere a line's day does not change the score.
    /// A number of points as people write it: `3`, `2.5`, never `-0.0` or `3.0`.
    public static func plain(_ v: Double) -> String {
        let x = (v * 10).rounded() / 10 + 0
        return x == x.rounded() ? String(Int(x)) : String(format: "%.1f", x)
    }

    public static func rulesInDateOrder(_ rules: ScoringRules) -> Set<ScoreRule> {
        let dims = ScoreTotals.withBonuses(rules)
        return Set(ScoreRule.scored.filter { $0.dimension.map(dims.contains) ?? false })
    }

    static func closedBy(_ c: Commitment) -> Day? { c.status.isOpen ? nil : c.fulfilledOn }

    /// A breach repaired on or after this day still costs points in the period: credit repair takes
    /// `credit_repair_periods` periods of the kind after the repair. The first day whose repair window
    /// reaches the period's start (adding months clamps to a month's end, so the cut is searched).
    public static func repairCut(_ p: Period, _ r: ScoringRules) -> Day {
        let months = monthsPerPeriod(p) * r.creditRepairPeriods
        var d = p.start.adding(months: -months)
        while d.adding(months: months) < p.start { d = d.adding(days: 1) }
        while d.adding(days: -1).adding(months: months) >= p.start { d = d.adding(days: -1) }
        return d
    }

    public static func monthsPerPeriod(_ p: Period) -> Int {
        switch p.kind {
        case .month: 1
        case .quarter: 3
        case .year, .rolling: 12
        }
    }
}
