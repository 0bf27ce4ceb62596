import JiannuoCore

/// Supervision letters (督办函): the office issues one to a unit listing what the unit has overdue or
/// nearing today; the unit (or the office for it) replies once. Each moment is the recording's own.
extension LedgerEngine {
    /// The letter to `unit`, recorded with its 文号 and items as of now.
    public func issueLetter(to unit: String) throws -> SupervisionLetter {
        try authorize(.letterIssue)
        let now = clock.now
        // Only the unit's alerts (and those of the units merged into it), not the county's.
        let lineage = try reading { r in try r.lineage(try requireUnit(r, unit).code) }
        let due = try alerts(today: nil, departments: lineage)
        return try transaction { w, audit in
            let d = try requireUnit(w, unit)
            return try issue(w, audit, d, due, now)
        }
    }

    /// One letter to every unit with something overdue or nearing today, in one transaction (none if none).
    public func issueLetters() throws -> [SupervisionLetter] {
        try authorize(.letterIssue)
        let now = clock.now
        let due = try alerts()
        let units = Set(due.filter { LetterItem.required[$0.kind] != nil && $0.level != .info }.map(\.department))
        guard !units.isEmpty else { return [] }
        return try transaction { w, audit in
            try units.sorted().map { code in try issue(w, audit, try w.requireDepartment(code, active: false), due, now) }
        }
    }

    private func issue(_ w: Writer, _ audit: any AuditAppending, _ d: Department, _ due: [Alert], _ now: DateTime) throws -> SupervisionLetter {
        let id = try w.nextId(.letter, year: now.day.year)
        let serial = Int(id.split(separator: "-").last ?? "") ?? 0
        let letter = try SupervisionLetter.drafted(id: id, serial: serial, unit: d, alerts: due, at: now, by: actor.account,
                                                   rules: rules, calendar: try CalendarReads.calendar(w))
        try w.insert(letter)
        try audit.record("letter.issue", entity: RecordKind.letter.rawValue, id: id, after: letter, claimed: nil)
        return letter
    }

    /// The unit's reply to a letter, given once.
    public func replyToLetter(_ id: String, text: String) throws -> SupervisionLetter {
        try authorize(.letterReply)
        let now = clock.now
        return try transaction { w, audit in
            let before = try requireLetter(w, id)
            try actor.require(.letterReply, department: before.department)
            let after = try before.replied(text, at: now, by: actor.account)
            try w.update(after, from: before)
            try audit.record("letter.reply", entity: RecordKind.letter.rawValue, id: id, before: before, after: after, claimed: nil)
            return after
        }
    }

    func requireLetter<Q: SQLReader>(_ r: Q, _ id: String) throws -> SupervisionLetter { try require(r, id, .letter) { $0.department } }
}
