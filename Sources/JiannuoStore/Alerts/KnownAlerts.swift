import GRDB
import JiannuoCore

extension LedgerEngine {
    /// The alerts as they stood at the end of a day, judged on that day from what the ledger knew then
    /// (`alerts --as-known D`): the items open at D by their recorded events, not today's.
    public func alerts(asKnown: AsKnown) throws -> [Alert] {
        try actor.require(.read)
        try requireAsKnown()
        let day = asKnown.day
        let inputs = try reading { r -> AlertInputs in
            var i = try AlertReads(today: day, calendar: calendar, rules: rules.deadlines).inputs(r, departments: nil, whole: true)
            try KnownAlerts(asKnown: asKnown, rules: rules.deadlines, calendar: calendar).apply(to: &i, r)
            return i
        }
        return AlertReads.visible(Alerts.compute(inputs, calendar: calendar, rules: rules.deadlines, today: day), to: actor)
    }
}

/// What the alert inputs of a past day lack when read from today's records: the items closed since (their
/// closing recorded later), and what was registered since. Promises and complaints are put back by their
/// recorded events (`AsKnown`); rectifications, breach reports and opinions by the days typed.
struct KnownAlerts {
    let asKnown: AsKnown
    let rules: DeadlineRules
    let calendar: WorkCalendar
    var day: Day { asKnown.day }
    var limits: Alerts.Limits { Alerts.Limits(today: day, calendar: calendar, rules: rules) }

    func apply<R: SQLReader>(to i: inout AlertInputs, _ r: R) throws {
        try complaints(&i, r)
        try commitments(&i, r)
        let d = day.string, limits = self.limits
        let completions = try KnownCompletions.read(r, asKnown: asKnown)
        var have = Set(i.rectifications.map(\.id))
        // Done after the day, or done by it on a claim decided or recorded since: nothing else was open then.
        let claimed = completions.keys.sorted()
        let marks = claimed.map { _ in "?" }.joined(separator: ",")
        let either = claimed.isEmpty ? "completed_on > ?" : "(completed_on > ? OR id IN (\(marks)))"
        var closed = try r.records(Rectification.self, "SELECT * FROM rectifications WHERE \(either) AND opened <= ?",
                                   [d] + claimed.map { $0 as DatabaseValueConvertible } + [d])
        KnownCompletions.apply(completions, to: &closed)
        for var x in closed where (x.completedOn.map { $0 > day } ?? true) && x.deadline <= limits.rectifications.nearingThrough && !have.contains(x.id) {
            x.completedOn = nil
            i.rectifications.append(x); have.insert(x.id)
        }
        i.rectifications.removeAll { $0.opened > day }
        i.breaches.removeAll { $0.date > day }
        for var b in try r.all("SELECT * FROM breaches WHERE reported_on > ? AND date <= ?", [d, d], { try Breach(positional: $0) }) {
            b.reportedOn = nil
            i.breaches.append(b)
        }
        i.opinions.removeAll { $0.date > day }
        let handledEither = claimed.isEmpty ? "handled_on > ?" : "(handled_on > ? OR id IN (\(marks)))"
        var handled = try r.records(OpinionEvent.self, "SELECT * FROM opinions WHERE \(handledEither) AND date <= ?",
                                    [d] + claimed.map { $0 as DatabaseValueConvertible } + [d])
        KnownCompletions.apply(completions, to: &handled)
        for var o in handled where o.handledOn.map({ $0 > day }) ?? true {
            o.handledOn = nil
            i.opinions.append(o)
        }
        // Difficulty reports by their recorded moments: filed by the day's end, answered after it.
        i.difficulties.removeAll { $0.filedAt.day > day }
        for var x in try r.records(DifficultyReport.self, "SELECT * FROM difficulties WHERE answered_at IS NOT NULL AND substr(filed_at, 1, 10) <= ?", [d])
        where x.answeredAt.map({ $0.day > day }) ?? false {
            x.answer = nil; x.answeredAt = nil; x.answeredBy = nil
            i.difficulties.append(x)
        }
        // Letters the same way: issued by the day's end, replied after it.
        i.letters.removeAll { $0.issuedAt.day > day }
        for var l in try r.records(SupervisionLetter.self, "SELECT * FROM letters WHERE replied_at IS NOT NULL AND substr(issued_at, 1, 10) <= ?", [d])
        where l.repliedAt.map({ $0.day > day }) ?? false {
            l.reply = nil; l.repliedAt = nil; l.repliedBy = nil
            i.letters.append(l)
        }
    }

    /// Complaints with a step recorded since: each as it stood (`KnownComplaints`).
    private func complaints<R: SQLReader>(_ i: inout AlertInputs, _ r: R) throws {
        let changed = try KnownComplaints.read(r, asKnown: asKnown, rules: rules, calendar: calendar)
        i.complaints.removeAll { changed[$0.id] != nil || $0.received.day > day }
        i.returns?.removeAll { changed[$0.id] != nil || $0.received.day > day }
        let through = limits.complaints.nearingThrough
        for c in changed.values.compactMap(\.complaint) {
            if c.stage.isOpen, let due = c.currentDue, due <= through { i.complaints.append(c) }
            if c.acceptedAt == nil, c.returnedAt != nil { i.returns?.append(c) }
        }
    }

    /// Promises with an entry or amendment recorded or decided since: each as it stood, judged by the
    /// deadline then in force.
    private func commitments<R: SQLReader>(_ i: inout AlertInputs, _ r: R) throws {
        let d = day.string
        let later = "(substr(recorded_at, 1, 10) > ? OR substr(decided_at, 1, 10) > ?)"
        let ids = try r.all("""
            SELECT commitment FROM commitment_entries WHERE \(later) UNION SELECT commitment FROM amendments WHERE \(later)
            """, [d, d, d, d]) { $0.text(0) ?? "" }
        i.commitments.removeAll { $0.made > day }
        i.debts?.removeAll { $0.made > day }
        guard !ids.isEmpty else { return }
        let marks = ids.map { _ in "?" }.joined(separator: ",")
        let args: [DatabaseValueConvertible] = ids
        var f = ScoreFacts()
        f.commitments = try r.all("SELECT * FROM commitments WHERE id IN (\(marks))", args) { try Commitment(positional: $0) }
        for a in try r.records(Amendment.self, "SELECT * FROM amendments WHERE commitment IN (\(marks)) ORDER BY date, id", args) {
            f.amendments[a.commitment, default: []].append(a)
        }
        var entries: [String: [CommitmentEntry]] = [:]
        for e in try r.records(CommitmentEntry.self, "SELECT * FROM commitment_entries WHERE commitment IN (\(marks))", args) {
            entries[e.commitment, default: []].append(e)
        }
        asKnown.apply(&f, entries: entries)
        let changed = Set(ids), limits = self.limits
        i.commitments.removeAll { changed.contains($0.id) }
        i.debts?.removeAll { changed.contains($0.id) }
        for var c in f.commitments where c.status.isOpen && c.made <= day {
            c.deadline = c.deadline(on: day, amendments: f.amendments[c.id] ?? [])
            if c.deadline <= limits.commitments.nearingThrough { i.commitments.append(c) }
            if let delivered = c.deliveredOn, c.category == 3, c.amount != nil, delivered <= limits.arrears.nearingThrough { i.debts?.append(c) }
        }
    }
}
