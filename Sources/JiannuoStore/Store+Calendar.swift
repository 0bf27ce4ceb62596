import GRDB
import JiannuoCore

extension Store {
    public func addCalendarOverride(_ o: CalendarOverride) throws { try LedgerWrites(self).addCalendarOverride(o) }

    public func removeCalendarOverride(_ date: Day) throws { try LedgerWrites(self).removeCalendarOverride(date) }

    public func loadCalendarYear(text: String, source: String) throws -> CalendarYear {
        try LedgerWrites(self).loadCalendarYear(text: text, source: source)
    }

    /// Moves with every change of the calendar or the rules in force (never with other writes): what
    /// a Store reads once at open and keeps.
    public func configGeneration() throws -> Int {
        try read { db in Int(try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'config_generation'") ?? "0") ?? 0 }
    }

    public func calendarOverrides() throws -> [CalendarOverride] {
        try read { db in try CalendarReads.overrides(GRDBReader(db: db)) }
    }
}
