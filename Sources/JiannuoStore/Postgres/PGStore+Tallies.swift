import JiannuoCore

/// The kept counts on PostgreSQL: checked with the same SQL as SQLite's, rebuilt by the owner's
/// function (officers have no grant on a kept table).
extension PGStore {
    public func tallyCheck() throws -> (differences: [TallyDifference], missingTriggers: [String]) {
        try actor.require(.read)
        return try read { c in
            let enabled = Set(try c.execute("""
                SELECT g.tgname FROM pg_trigger g JOIN pg_class t ON t.oid = g.tgrelid JOIN pg_namespace n ON n.oid = t.relnamespace
                WHERE n.nspname = $1 AND g.tgenabled <> 'D'
                """, [schema]).rows.compactMap { $0[0] })
            return (try KeptCountsCheck.differences(PGReader(connection: c)), PGKeptTallies.triggerNames.filter { !enabled.contains($0) })
        }
    }

    public func rebuildTallies() throws -> Int {
        try actor.require(.countsRebuild)
        return try write { c, audit in
            let before = try KeptCountsCheck.differences(PGReader(connection: c)).count
            try c.execute("SELECT jn_rebuild_counts()")
            try audit.append(action: "counts.rebuild", entity: "database", id: path, before: "{\"differences\":\(before)}", after: nil)
            return before
        }
    }
}
