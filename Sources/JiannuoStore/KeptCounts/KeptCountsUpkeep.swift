import GRDB
import JiannuoCore

/// One kept count that differs from the count the records give.
public struct KeptCountDifference: Codable, Sendable, Equatable {
    public var kind: String
    public var day: String
    public var department: String
    public var open: Bool
    public var kept: Int
    public var recomputed: Int
}

extension LedgerEngine {
    /// Every kept count compared with a recomputation from the records (empty when they agree), and
    /// the triggers that keep them which are missing or disabled.
    public func keptCountsCheck() throws -> (differences: [KeptCountDifference], missingTriggers: [String]) {
        try actor.require(.read)
        return try reading { r in (try KeptCountsCheck.differences(r), try missingKeptCountTriggers(r)) }
    }

    /// Recomputes every kept count from the records and puts back any trigger that was dropped, in one
    /// audited transaction (administrators only): the repair for what `keptCountsCheck` reports.
    /// Returns how many counts differed before.
    public func rebuildKeptCounts() throws -> Int {
        try authorize(.countsRebuild)
        return try transaction { w, audit in
            let before = try KeptCountsCheck.differences(w).count
            try rebuildKeptCountTables(w)
            try audit.append(action: "counts.rebuild", entity: "database", id: path, before: "{\"differences\":\(before)}", after: nil)
            return before
        }
    }
}
