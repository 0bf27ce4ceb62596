/// The records that may need an alert: open items whose limit falls on or before the end of their
/// nearing band (see `Alerts.Limits`), plus unreported breaches and unhandled opinion events.
public struct AlertInputs: Sendable {
    public var commitments: [Commitment] = []
    public var complaints: [Complaint] = []
    public var rectifications: [Rectification] = []
    public var breaches: [Breach] = []
    public var opinions: [OpinionEvent] = []
    /// Unanswered difficulty reports.
    public var difficulties: [DifficultyReport] = []
    /// Supervision letters not yet replied to.
    public var letters: [SupervisionLetter] = []
    /// Debts to small firms judged for arrears; nil: those among `commitments`.
    public var debts: [Commitment]?
    /// Misrouted complaints handed back and not yet accepted, judged for a late return; nil: those among `complaints`.
    public var returns: [Complaint]?
    /// Open items of the four big kinds read as their running limits only (the Store's full list), judged as
    /// the records above are.
    public var limits: [OpenLimit] = []
    /// For attributing a merged unit's open items to its successor.
    public var departments: [String: Department] = [:]
    /// Items already reported to the county leadership, with the day: no longer 须上报, still overdue.
    public var escalated: [String: Day] = [:]
    /// Promises amended after their deadline, by id, with the earliest such amendment: one made when the
    /// promise was already due to be reported up does not take that duty away (`Alerts.reportDuty`).
    public var amendedLate: [String: AmendedLate] = [:]
    public init() {}
}

/// A promise amended after its deadline had passed: what it was, the deadline then and the day of the change.
public struct AmendedLate: Sendable {
    public var commitment: Commitment
    public var oldDeadline: Day
    public var amendedOn: Day
    public init(commitment: Commitment, oldDeadline: Day, amendedOn: Day) {
        self.commitment = commitment; self.oldDeadline = oldDeadline; self.amendedOn = amendedOn
    }
}

/// Alerts as a pure function of records, calendar, rules and today.
public enum Alerts {
    /// The payment limit of money owed to a small firm, if the commitment is such a debt.
    public static func arrearsDue(_ c: Commitment, _ rules: DeadlineRules) -> Day? {
        guard c.category == 3, c.amount != nil, let delivered = c.deliveredOn else { return nil }
        return arrearsDue(delivered: delivered, paymentDays: c.paymentDays, rules)
    }

    /// A debt's payment limit: the contract's days after delivery, the rules' default without one, never more than the most.
    public static func arrearsDue(delivered: Day, paymentDays: Int?, _ rules: DeadlineRules) -> Day {
        delivered.adding(days: min(paymentDays ?? rules.arrearsDefaultDays, rules.arrearsMaxDays))
    }

    public static func compute(_ input: AlertInputs, calendar: WorkCalendar, rules: DeadlineRules, today: Day) -> [Alert] {
        let items = judge(input, calendar: calendar, rules: rules, today: today)
        return sortedByUrgency(items + calendarAlerts(calendar: calendar, today: today, dues: items.map(\.due)))
    }

    /// The alerts of the records, unsorted, without the calendar's.
    public static func judge(_ input: AlertInputs, calendar: WorkCalendar, rules: DeadlineRules, today: Day) -> [Alert] {
        var out: [Alert] = []
        let owner = { (code: String) in Lineage.current(code, in: input.departments) }
        let judge = Judge(calendar: calendar, rules: rules, today: today)

        for c in input.commitments where c.status.isOpen {
            if let a = judge.alert(.commitment(c), owner) { out.append(a) }
        }
        for c in input.debts ?? input.commitments where c.status.isOpen {
            if let due = arrearsDue(c, rules), let a = judge.alert(.arrears(c, due: due), owner) { out.append(a) }
        }
        for c in input.complaints {
            if let l = OpenLimit.complaint(c), let a = judge.alert(l, owner) { out.append(a) }
        }
        for r in input.rectifications where r.completedOn == nil {
            if let a = judge.alert(.rectification(r), owner) { out.append(a) }
        }
        for l in input.limits {
            if let a = judge.alert(l, owner) { out.append(a) }
        }
        for o in input.opinions where o.handledOn == nil {
            let due = calendar.addingWorkdays(rules.opinionWorkdays, to: o.date)
            if var a = judge.alert(.opinion, o.id, owner(o.department), due: due, unit: .working, nearing: rules.opinionWorkdays,
                                   what: .opinion(id: o.id, title: o.title), always: true) {
                if o.severity == .high && a.level != .escalate {
                    a.level = .escalate
                    a.subject = .fixed(Text("重大舆情 \(o.id)「\(o.title)」未处置，须立即处置并报县委县政府",
                                            "major public opinion \(o.id) \"\(o.title)\" not handled: handle it now and report to the county leadership"))
                }
                out.append(a)
            }
        }
        // The office's own limit: a late answer is overdue, never a unit's matter to report up.
        for d in input.difficulties where d.isOpen {
            if var a = judge.alert(.difficulty, d.id, owner(d.department), due: d.due, unit: .working, nearing: rules.difficultyAnswerWorkdays,
                                   what: .difficulty(id: d.id, record: d.record), always: true) {
                if a.level == .escalate { a.level = .overdue }
                out.append(a)
            }
        }
        // A letter is itself the office's pressing: a late reply is overdue, reported up with the items it lists.
        for l in input.letters where l.isOpen {
            if var a = judge.alert(.letterReply, l.id, owner(l.department), due: l.replyBy, unit: .working, nearing: rules.letterReplyWorkdays,
                                   what: .letter(id: l.id, number: l.number), always: true) {
                if a.level == .escalate { a.level = .overdue }
                out.append(a)
            }
        }
        for b in input.breaches where b.reportedOn == nil {
            out.append(Alert(level: .escalate, kind: .breachReport, record: b.id, department: owner(b.department), due: b.date,
                             daysLeft: calendar.workdaysLeft(from: today, to: b.date), dayUnit: .working,
                             message: Text("失信违诺 \(b.id)（\(Category.label(b.category))）已认定，尚未报县委县政府",
                                           "breach \(b.id) (\(Category.label(b.category, .en))) confirmed, not yet reported to the county leadership")))
        }
        // A misrouted complaint handed back after its limit: the unit that held it is told, while the
        // complaint waits for the new unit to accept it.
        for c in input.returns ?? input.complaints where c.acceptedAt == nil {
            guard let from = c.returnedFrom, let back = c.returnedAt else { continue }
            let limit = ComplaintDeadlines.returnDue(c, calendar, rules)
            guard back.day > limit else { continue }
            let late = calendar.workdays(from: limit.adding(days: 1), to: back.day)
            out.append(Alert(level: .overdue, kind: .complaintReturn, record: c.id, department: owner(from), due: limit,
                             daysLeft: -late, dayUnit: .working,
                             message: Text("投诉 \(c.id) 错派退回超时：退回时限 \(limit)，\(back.day) 才退回（晚 \(late) 个工作日）",
                                           "complaint \(c.id) was returned late: limit \(limit), returned \(back.day) (\(late) working days late)")))
        }
        reportDuty(input, into: &out, owner: owner, calendar: calendar, rules: rules, today: today)
        for i in out.indices where out[i].level == .escalate {
            guard let day = input.escalated[out[i].record], day <= today else { continue }
            out[i].level = .overdue
            if case .fixed(let t) = out[i].subject {
                out[i].subject = .fixed(Text(t.zh + "（已于 \(day) 报县委县政府）", t.en + " (reported to the county leadership on \(day))"))
            } else {
                out[i].reportedOn = day
            }
        }
        return out
    }

    /// Whether a promise was due to be reported up (须上报) on the day it was amended: then the amendment
    /// moves its deadline but not that duty, which stays until it is reported.
    public static func dueToReport(_ a: AmendedLate, calendar: WorkCalendar, rules: DeadlineRules) -> Bool {
        level(due: a.oldDeadline, today: a.amendedOn, unit: .calendar, nearing: 0, calendar: calendar, rules: rules) == .escalate
    }

    /// A 须上报 alert for every promise amended while due to be reported and not reported since, in place
    /// of the promise's own alert under its new terms (unless that one is 须上报 itself).
    static func reportDuty(_ input: AlertInputs, into out: inout [Alert], owner: (String) -> String, calendar: WorkCalendar,
                           rules: DeadlineRules, today: Day) {
        for (id, a) in input.amendedLate.sorted(by: { $0.key < $1.key })
        where input.escalated[id] == nil && a.amendedOn <= today && dueToReport(a, calendar: calendar, rules: rules) {
            let late = a.oldDeadline.days(until: a.amendedOn)
            let text = Text("承诺 \(id)（\(a.commitment.counterparty)）于 \(a.amendedOn) 变更时已逾期 \(late) 天、须上报而未上报：变更不免除上报，须报县委县政府",
                            "commitment \(id) (\(a.commitment.counterparty)) was \(late) days overdue and due to be reported up when amended on \(a.amendedOn): the amendment does not lift that, report it to the county leadership")
            if let i = out.firstIndex(where: { $0.record == id && $0.kind == .commitment }) {
                guard out[i].level != .escalate else { continue }
                out.remove(at: i)
            }
            out.append(Alert(level: .escalate, kind: .commitment, record: id, department: owner(a.commitment.department), due: a.oldDeadline,
                             daysLeft: today.days(until: a.oldDeadline), dayUnit: .calendar, message: text))
        }
    }

    /// `Alert.urgency` order, sorting small keys instead of whole alerts: moving tens of thousands
    /// of structs full of strings cost more than computing them.
    public static func sortedByUrgency(_ alerts: [Alert]) -> [Alert] {
        // The numeric keys packed into one integer, compared before any string: copying an alert to compare
        // it (its strings retained and released) was most of the sort.
        let keys = alerts.map { a in
            (Int64(a.level.rank) << 56) | (Int64(a.daysLeft + (1 << 23)) << 32) | Int64(a.due.ordinal + (1 << 23)) << 4 | Int64(a.kind.order)
        }
        let order = alerts.withUnsafeBufferPointer { all in
            all.indices.sorted { i, j in
                let a = keys[i] >> 4, b = keys[j] >> 4
                if a != b { return a < b }
                if all[i].record != all[j].record { return all[i].record < all[j].record }
                return keys[i] & 15 < keys[j] & 15
            }
        }
        return order.map { alerts[$0] }
    }

    /// The level of one limit today, or nil when it is not yet nearing: the one rule that the alerts
    /// and the dashboard's row colours both follow.
    public static func level(due: Day, today: Day, unit: Alert.DayUnit, nearing: Int, calendar: WorkCalendar,
                             rules: DeadlineRules) -> Alert.Level? {
        if today > due {
            let lateWorkdays = calendar.workdays(from: due.adding(days: 1), to: today)
            return lateWorkdays >= rules.escalateOverdueWorkdays ? .escalate : .overdue
        }
        if today == due { return .dueToday }
        let left = unit == .working ? calendar.workdaysLeft(from: today, to: due) : today.days(until: due)
        return left <= nearing ? .nearing : nil
    }

    /// A year without calendar data would silently count weekends only: say so.
    public static func calendarAlerts(calendar: WorkCalendar, today: Day, dues: [Day]) -> [Alert] {
        var out: [Alert] = []
        if !calendar.hasData(forYear: today.year) {
            out.append(Alert(level: .overdue, kind: .calendar, record: "\(today.year)", department: "", due: today, daysLeft: 0,
                             dayUnit: .calendar, message: Text("缺少 \(today.year) 年工作日历（节假日、调休），期限只按周末计算，请载入当年日历",
                                                               "no \(today.year) work calendar (holidays, make-up days): limits count weekends only; load this year's calendar")))
        }
        let next = today.year + 1
        let yearEnd = Day(year: today.year, month: 12, day: 31)!
        let soon = today.days(until: yearEnd) <= 60 || dues.contains { $0.year >= next }
        if soon && !calendar.hasData(forYear: next) {
            out.append(Alert(level: .info, kind: .calendar, record: "\(next)", department: "", due: yearEnd,
                             daysLeft: today.days(until: yearEnd), dayUnit: .calendar,
                             message: Text("尚未载入 \(next) 年工作日历，跨年期限将只按周末计算（jiannuo calendar load \(next).toml）",
                                           "the \(next) work calendar is not loaded: limits past the year end count weekends only (jiannuo calendar load \(next).toml)")))
        }
        return out
    }
}

/// Decides the level of one limit and words the message.
struct Judge {
    let calendar: WorkCalendar
    let rules: DeadlineRules
    let today: Day

    /// An open item's running limit: how its days are counted and from when it is nearing follow from its kind.
    func alert(_ l: OpenLimit, _ owner: (String) -> String) -> Alert? {
        let unit: Alert.DayUnit, nearing: Int
        switch l.kind {
        case .commitment: (unit, nearing) = (.calendar, rules.commitmentNearingDays)
        case .arrears: (unit, nearing) = (.calendar, rules.arrearsNearingDays)
        case .rectification: (unit, nearing) = (.working, rules.rectificationNearingWorkdays)
        default: (unit, nearing) = (.working, rules.complaintNearingWorkdays)
        }
        return alert(l.kind, l.record, owner(l.department), due: l.due, unit: unit, nearing: nearing, what: l.subject)
    }

    func alert(_ kind: Alert.Kind, _ record: String, _ department: String, due: Day, unit: Alert.DayUnit, nearing: Int,
               what: AlertSubject, always: Bool = false) -> Alert? {
        let left = unit == .working ? calendar.workdaysLeft(from: today, to: due) : today.days(until: due)
        guard let level = Alerts.level(due: due, today: today, unit: unit, nearing: always ? Int.max : nearing,
                                       calendar: calendar, rules: rules) else { return nil }
        return Alert(level: level, kind: kind, record: record, department: department, due: due, daysLeft: left,
                     dayUnit: unit, subject: what)
    }
}
