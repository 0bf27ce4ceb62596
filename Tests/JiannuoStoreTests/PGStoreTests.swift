import Foundation
import JiannuoTestSupport
import Testing
@testable import JiannuoCore
@testable import JiannuoStore

/// The PostgreSQL engine used directly, as the dashboard uses it: two connections on one county.
@Suite("PostgreSQL: the engine behind the Ledger seam", .serialized) struct PGStoreTests {
    @Test("a write committed on one connection is heard by another's data version, which asks the server nothing")
    func writesAreHeard() throws {
        let pg = try PostgresCluster()
        let dir = try TemporaryDirectory("jiannuo-store")
        let clock = Clock(today: d("2026-11-20"), minute: 23 * 60 + 59)
        let file = try SQLiteLedger(path: dir.file("ledger.sqlite"), clock: clock, operatorName: pg.account, rules: .defaults, access: .create)
        _ = try file.generateDemo(size: .small, seed: 3)
        _ = try LedgerMigration.run(from: file, to: pg.conninfo, county: "410422")
        let watcher = try PostgresLedger(conninfo: pg.conninfo, county: nil, clock: clock, operatorName: pg.account, rules: .defaults, readOnly: true)
        let writer = try PostgresLedger(conninfo: pg.conninfo, county: "410422", clock: clock, operatorName: pg.account, rules: .defaults, readOnly: false)
        let v0 = try watcher.dataVersion()
        usleep(100_000)
        #expect(try watcher.dataVersion() == v0, "nothing was written")
        // Any role may NOTIFY the county's channel: a notification with no write behind it moves nothing.
        _ = try pg.query("NOTIFY \"jiannuo_ledger_410422\", '999'")
        usleep(200_000)
        #expect(try watcher.dataVersion() == v0, "a bare NOTIFY is not a write")
        _ = try writer.addAccount("jnpgwatch", name: "值守", role: .intake, department: nil)
        var v = v0
        for _ in 0..<200 where v == v0 {
            usleep(5_000)
            v = try watcher.dataVersion()
        }
        #expect(v == v0 + 1, "the watcher heard one write")
        #expect(try watcher.accounts().contains { $0.account == "jnpgwatch" })
        // A read-only connection refuses to write, and says so.
        #expect(throws: JiannuoError.self) { _ = try watcher.addAccount("jnpgother", name: "其他", role: .intake, department: nil) }
        #expect(try writer.verifyAudit(anchor: nil, progress: nil).intact)
    }
}
