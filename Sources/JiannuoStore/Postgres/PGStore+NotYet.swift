import Foundation
import JiannuoCore

/// What the PostgreSQL engine does not do: the demo into an existing county (`demo --db URI` makes a
/// county of its own) and backups (`pg_dump` is the tool).
/// Each refuses plainly (74), with nothing written, rather than doing part of it.
extension PGStore {
    public func generateDemo(size: DemoSize, seed: UInt64) throws -> DemoCounts {
        throw PGStore.notYet("生成演示数据", "generating demo data")
    }

    public func backup(to path: String) throws {
        throw PGStore.notYet("备份（请用 pg_dump）", "backup (use pg_dump)")
    }

}
