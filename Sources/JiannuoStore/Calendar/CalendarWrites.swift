import JiannuoCore

/// The calendar and the rules in force: each change recomputes the stored limits of open complaints in
/// the same transaction, and moves the generation that open dashboards watch to reopen the ledger.
extension LedgerEngine {
    public func addCalendarOverride(_ o: CalendarOverride) throws {
        try authorize(.calendarChange)
        try transaction { w, audit in
            if try w.int("SELECT count(*) FROM calendar_overrides WHERE date = ?", [o.date.string]) > 0 {
                try w.execute("UPDATE calendar_overrides SET kind = ?, note = ? WHERE date = ?", [o.kind.rawValue, o.note, o.date.string])
            } else {
                try w.execute("INSERT INTO calendar_overrides(date, kind, note) VALUES (?, ?, ?)", [o.date.string, o.kind.rawValue, o.note])
            }
            // Limits first: the audit row carries the digests of the ledger after the whole change.
            try refreshOpenDeadlines(w)
            try audit.record("calendar.\(o.kind.rawValue)", entity: "calendar", id: o.date.string, after: o)
        }
    }

    public func removeCalendarOverride(_ date: Day) throws {
        try authorize(.calendarChange)
        try transaction { w, audit in
            var found: (String?, String?)? = nil
            try w.each("SELECT kind, note FROM calendar_overrides WHERE date = ?", [date.string]) { found = ($0.text(0), $0.text(1)) }
            guard let found, let kind = found.0.flatMap(CalendarOverride.Kind.init(rawValue:)) else {
                throw JiannuoError.notFound("\(date) 没有自定的日历调整（只能删除用 add-holiday/add-workday 加的日期）",
                                            "no override on \(date)")
            }
            try w.execute("DELETE FROM calendar_overrides WHERE date = ?", [date.string])
            try refreshOpenDeadlines(w)
            try audit.record("calendar.remove", entity: "calendar", id: date.string,
                             before: CalendarOverride(date: date, kind: kind, note: found.1), after: Optional<CalendarOverride>.none)
        }
    }

    /// Loads a year's calendar file into the database (it then wins over a shipped file of that year).
    public func loadCalendarYear(text: String, source: String) throws -> CalendarYear {
        try authorize(.calendarChange)
        let year = try CalendarFile.parse(text, source: source)
        try transaction { w, audit in
            try w.execute("INSERT INTO calendar_years(year, source) VALUES (?, ?) ON CONFLICT(year) DO UPDATE SET source = excluded.source",
                          [year.year, text])
            try refreshOpenDeadlines(w)
            try audit.record("calendar.load", entity: "calendar", id: "\(year.year)", after: year)
        }
        return year
    }

    /// Puts a rules file's time limits into force: the stored limits of open complaints are computed
    /// again with them, in one audited transaction. Nothing else recomputes them: reading with
    /// `--rules` never changes the ledger.
    public func applyRules(_ new: Rules, source: String) throws -> Int {
        try authorize(.rulesApply)
        return try transaction { w, audit in
            var before: String? = nil
            try w.each("SELECT value FROM meta WHERE key = 'deadline_rules'", []) { before = $0.text(0) }
            let open = try w.int("SELECT count(*) FROM complaints WHERE \(CoreSQL.complaintOpen())")
            try refreshOpenDeadlines(w, deadlines: new.deadlines)
            let fingerprint = AuditText.json(new.deadlines)
            try w.execute("INSERT INTO meta(key, value) VALUES ('deadline_rules', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                          [fingerprint])
            try audit.append(action: "rules.apply", entity: "rules", id: source, before: before, after: fingerprint)
            return open
        }
    }

    /// The office's zone, a setting of the ledger read at every open: a user's `TZ` changes nothing of
    /// what now or today is (a supervisor abroad could otherwise date an event tomorrow).
    public func setOfficeZone(_ name: String) throws {
        try authorize(.calendarChange)
        guard let zone = Clock.zoneName(name) else {
            throw JiannuoError.invalid("时区“\(Sanitize.visible(name))”无效：请用 IANA 名称，如 Asia/Shanghai", "unknown time zone \"\(Sanitize.visible(name))\": use an IANA name such as Asia/Shanghai")
        }
        try transaction { w, audit in
            var before: String? = nil
            try w.each("SELECT value FROM meta WHERE key = 'office_zone'", []) { before = $0.text(0) }
            guard before != zone else { return }
            try w.execute("INSERT INTO meta(key, value) VALUES ('office_zone', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                          [zone])
            try bumpConfigGeneration(w)
            try audit.append(action: "settings.office-zone", entity: "settings", id: "office_zone",
                             before: before.map(AuditText.json), after: AuditText.json(zone))
        }
    }

    /// Open dashboards reopen the ledger when this moves: the calendar, the rules or the office's zone changed.
    func bumpConfigGeneration(_ w: Writer) throws {
        try w.execute("""
            INSERT INTO meta(key, value) VALUES ('config_generation', '1')
            ON CONFLICT(key) DO UPDATE SET value = CAST(CAST(meta.value AS INTEGER) + 1 AS TEXT)
            """, [])
    }

    /// After a calendar or rules change, open complaints' stored limits are recomputed, in the same
    /// transaction, so that indexed "due before" queries stay true.
    func refreshOpenDeadlines(_ w: Writer, deadlines: DeadlineRules? = nil) throws {
        // Every calendar and rules change passes here.
        try bumpConfigGeneration(w)
        let cal = try CalendarReads.calendar(w)
        let rules = deadlines ?? self.rules.deadlines
        var changed: [(Complaint, Complaint)] = []
        try w.each("SELECT * FROM complaints WHERE \(CoreSQL.complaintOpen())", []) { row in
            let c = try Complaint(positional: row)
            let r = ComplaintDeadlines.refreshed(c, cal, rules)
            if r != c { changed.append((c, r)) }
        }
        for (before, after) in changed { try w.update(after, from: before) }
    }
}
