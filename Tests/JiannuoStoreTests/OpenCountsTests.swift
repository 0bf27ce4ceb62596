import Foundation
import Testing
@testable import JiannuoCore
@testable import JiannuoStore

/// The open items kept by due day (`KeptOpenCounts`): made from the records when an older ledger is
/// upgraded, and read for the alerts' counts and the panes' totals with the answers the records give.
@Suite("Store: open items counted by due day", .serialized)
struct OpenCountsTests {
    @Test("a ledger from before v23 gets the counts from its records on upgrade, and they are kept from then on")
    func upgradeFillsTheCounts() throws {
        let fx = try Fixture(today: "2026-09-24")
        var store = try fx.store()
        _ = try store.generateDemo(size: .small, seed: 5)
        let alerts = try store.alertPage(today: fx.today, limit: 10)
        // The ledger as v22 left it: no table, no triggers, no record of the migration.
        try fx.sql("""
            DROP TABLE \(KeptOpenCounts.table);
            \(SQLiteOpenCounts.triggerNames.map { "DROP TRIGGER \($0);" }.joined(separator: "\n"))
            DELETE FROM grdb_migrations WHERE identifier = '\(KeptOpenCounts.migration)';
            """)
        // Its other kept counts are still held to the records before the upgrade seals the file.
        let tally = "UPDATE stage_tallies SET n = n + %d WHERE due = (SELECT min(due) FROM stage_tallies)"
        try fx.sql(String(format: tally, 3))
        #expect(throws: JiannuoError.self) { _ = try fx.store() }
        #expect(try fx.scalar("SELECT count(*) FROM grdb_migrations WHERE identifier = '\(KeptOpenCounts.migration)'") == 0)
        try fx.sql(String(format: tally, -3))
        store = try fx.store()
        #expect(try fx.scalar("SELECT count(*) FROM \(KeptOpenCounts.table)") > 0)
        let check = try store.keptCountsCheck()
        #expect(check.differences.isEmpty && check.missingTriggers.isEmpty, "\(check)")
        let again = try store.alertPage(today: fx.today, limit: 10)
        #expect(again.counts == alerts.counts && again.alerts == alerts.alerts)

        // Every open kind moves with its records: a promise fulfilled, a complaint added.
        let open = try store.openCommitments(PaneQuery(), offset: 0, limit: 5)
        let complaints = try store.openComplaints(PaneQuery(), offset: 0, limit: 5)
        #expect(open.total == (try fx.scalar("SELECT count(*) FROM commitments WHERE \(CoreSQL.commitmentOpen())")))
        #expect(complaints.total == (try fx.scalar("SELECT count(*) FROM complaints WHERE \(CoreSQL.complaintOpen())")))
        let first = try #require(open.rows.first)
        _ = try store.fulfill(first.id, date: nil, note: "已兑现")
        let unit = try #require(try store.departments(includeInactive: false).first?.code)
        _ = try store.addComplaint(ComplaintDraft(channel: "hotline", received: "2026-09-24 09:00", urgency: "normal", complainant: nil, contact: nil,
                                                  department: unit, category: nil, commitment: nil, content: "路灯不亮"))
        #expect(try store.openCommitments(PaneQuery(), offset: 0, limit: 5).total == open.total - 1)
        #expect(try store.openComplaints(PaneQuery(), offset: 0, limit: 5).total == complaints.total + 1)
        #expect(try store.keptCountsCheck().differences.isEmpty)
    }
}
