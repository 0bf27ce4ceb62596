import GRDB
import JiannuoCore

/// One kept count that differs from the count the records give.
public struct TallyDifference: Codable, Sendable, Equatable {
    public var stage: String
    public var due: String
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
            let diffs = try StageTallies.differences(db).map {
                TallyDifference(stage: $0.0, due: $0.1, department: $0.2, open: $0.3, kept: $0.4, recomputed: $0.5)
            }
            return (diffs, StageTallies.triggerNames.filter { !existing.contains($0) })
        }
    }
}
