import GRDB
import JiannuoCore

/// One kept count that differs from the count the records give.
public struct TallyDifference: Codable, Sendable, Equatable {
    public var kind: String
    public var day: String
    public var department: String
    public var open: Bool
    public var kept: Int
    public var recomputed: Int
}

extension Store {
    /// Every kept count compared with a recomputation from the records (empty when they agree), and
    /// whether the triggers that keep them are all in place.
    public func tallyCheck() throws -> (differences: [TallyDifference], missingTriggers: [String]) {
        try read { db in
            let existing = Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger'"))
            let differences = try KeptCountsCheck.differences(GRDBReader(db: db))
            return (differences, KeptTallies.triggerNames.filter { !existing.contains($0) })
        }
    }

    /// Recomputes every kept count from the records and puts back any trigger that was dropped, in one
    /// audited transaction (administrators only): the repair for what `tallyCheck` reports. Returns how
    /// many counts differed before.
    public func rebuildTallies() throws -> Int {
        try authorize(.countsRebuild)
        return try write { db, audit in
            let before = try KeptCountsCheck.differences(GRDBReader(db: db)).count
            try KeptTallies.dropTriggers(db)
            try KeptTallies.rebuild(db)
            try KeptTallies.installTriggers(db)
            try audit.append(action: "counts.rebuild", entity: "database", id: path, before: "{\"differences\":\(before)}", after: nil)
            return before
        }
    }
}
