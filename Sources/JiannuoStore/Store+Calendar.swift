import GRDB
import JiannuoCore

extension Store {
    public func addCalendarOverride(_ o: CalendarOverride) throws {
        try authorize(.calendarChange)
        return try write { db, audit in
            let before = try Row.fetchOne(db, sql: "SELECT kind FROM calendar_overrides WHERE date = ?", arguments: [o.date.string])
            if before != nil {
                try db.execute(sql: "UPDATE calendar_overrides SET kind = ?, note = ? WHERE date = ?", arguments: [o.kind.rawValue, o.note, o.date.string])
            } else {
                try db.execute(sql: "INSERT INTO calendar_overrides(date, kind, note) VALUES (?, ?, ?)", arguments: [o.date.string, o.kind.rawValue, o.note])
            }
            // Limits first: the audit row carries the digests of the ledger after the whole change.
            try refreshOpenDeadlines(db)
            try audit.record("calendar.\(o.kind.rawValue)", entity: "calendar", id: o.date.string, after: o)
        }
    }

    public func removeCalendarOverride(_ date: Day) throws {
        try authorize(.calendarChange)
        return try write { db, audit in
            guard let row = try Row.fetchOne(db, sql: "SELECT kind, note FROM calendar_overrides WHERE date = ?", arguments: [date.string]),
                  let kind = CalendarOverride.Kind(rawValue: row["kind"]) else {
                throw JiannuoError.notFound("\(date) 没有自定的日历调整（只能删除用 add-holiday/add-workday 加的日期）",
                                            "no override on \(date)")
            }
            try db.execute(sql: "DELETE FROM calendar_overrides WHERE date = ?", arguments: [date.string])
            try refreshOpenDeadlines(db)
            try audit.record("calendar.remove", entity: "calendar", id: date.string,
                             before: CalendarOverride(date: date, kind: kind, note: row["note"]), after: Optional<CalendarOverride>.none)
        }
    }

    /// Loads a year's calendar file into the database (it then wins over a shipped file of that year).
    public func loadCalendarYear(text: String, source: String) throws -> CalendarYear {
        try authorize(.calendarChange)
        let year = try CalendarFile.parse(text, source: source)
        try write { db, audit in
            try db.execute(sql: "INSERT INTO calendar_years(year, source) VALUES (?, ?) ON CONFLICT(year) DO UPDATE SET source = excluded.source",
                           arguments: [year.year, text])
            try refreshOpenDeadlines(db)
            try audit.record("calendar.load", entity: "calendar", id: "\(year.year)", after: year)
        }
        return year
    }

    /// Moves with every change of the calendar or the rules in force (never with other writes): what
    /// a Store reads once at open and keeps.
    public func configGeneration() throws -> Int {
        try read { db in Int(try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'config_generation'") ?? "0") ?? 0 }
    }

    public func calendarOverrides() throws -> [CalendarOverride] {
        try read { db in try CalendarReads.overrides(GRDBReader(db: db)) }
    }

    /// After a calendar change, open complaints' stored limits are recomputed with the new calendar,
    /// in the same transaction, so that indexed "due before" queries stay true.
    func refreshOpenDeadlines(_ db: Database, deadlines: DeadlineRules? = nil) throws {
        // Every calendar and rules change passes here: open dashboards reopen the store when it moves.
        try db.execute(sql: """
            INSERT INTO meta(key, value) VALUES ('config_generation', '1')
            ON CONFLICT(key) DO UPDATE SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT)
            """)
        let cal = try Store.loadCalendar(db)
        let rules = deadlines ?? self.rules.deadlines
        let cursor = try Complaint.filter(Column("responded_at") == nil).fetchCursor(db)
        var changed: [Complaint] = []
        while let c = try cursor.next() {
            let r = ComplaintDeadlines.refreshed(c, cal, rules)
            if r != c { changed.append(r) }
        }
        for c in changed { try c.update(db) }
    }
}
