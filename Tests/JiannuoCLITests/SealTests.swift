import Foundation
import Testing
import JiannuoTestSupport

/// The chain never seals what it has not verified: a ledger changed behind the program's back is not
/// upgraded, its next write does not run a migration in an officer's name, and the kept counts the
/// ranking reads are checked by `audit verify` like the records.
@Suite("CLI: the chain never seals what it has not verified") struct SealTests {
    static func ledger() throws -> (CLI, String) {
        let cli = try CLI(today: "2026-03-02")
        try cli.ok(["department", "add", "--code", "410422101", "--name", "任店镇", "--kind", "township"])
        let c = try cli.ok(["complaint", "add", "--channel", "hotline", "--department", "410422101", "--content", "道路破损",
                            "--received", "2026-03-02 09:00"])
        return (cli, try #require(c["id"] as? String))
    }

    @Test func anEditedLedgerWithAMigrationUndoneIsNeitherUpgradedNorWrittenTo() throws {
        let (cli, id) = try Self.ledger()
        let (s, _, e) = try cli.sqlite(["""
            DROP TRIGGER jn_digest_complaints_update;
            UPDATE complaints SET content = '已妥善处理' WHERE id = '\(id)';
            DELETE FROM grdb_migrations WHERE identifier = 'v12-score-facts';
            """])
        try #require(s == 0, "sqlite3: \(e)")
        let before = try cli.dump()

        let write = try cli.run(["complaint", "add", "--channel", "hotline", "--department", "410422101", "--content", "又一件"])
        #expect(write.status == 74 && write.stderr.contains("jiannuo init"), "an officer's write must not upgrade: \(write)")
        let upgrade = try cli.run(["init"])
        #expect(upgrade.status == 65 && upgrade.stderr.contains("未通过核验"), "the upgrade must refuse an unverified chain: \(upgrade)")
        #expect(try cli.dump() == before, "nothing was written: no migration, no seal")
        let verify = try cli.run(["audit", "verify"])
        #expect(verify.status != 0, "\(verify)")
    }

    @Test func anEditedScoreFactFailsVerify() throws {
        let (cli, _) = try Self.ledger()
        // A promise made without its procedures costs a line the ranking reads from score_facts.
        try cli.ok(["commitment", "add", "--department", "410422101", "--category", "1", "--kind", "policy", "--counterparty", "叶县某公司",
                    "--content", "奖励资金", "--made", "2026-03-01", "--deadline", "2026-06-30"])
        #expect(try cli.run(["audit", "verify"]).status == 0)
        let (s, _, e) = try cli.sqlite(["UPDATE score_facts SET times = times + 3 WHERE rowid = (SELECT min(rowid) FROM score_facts)"])
        try #require(s == 0, "sqlite3: \(e)")
        let verify = try cli.run(["audit", "verify"])
        #expect(verify.status == 65 && (verify.stdout + verify.stderr).contains("score_facts"), "\(verify)")
    }

    @Test("a ledger of the previous schema (v14) verifies and is upgraded by an admin's init, its kept counts checked without the tables it lacks")
    func theLastSchemaUpgrades() throws {
        let cli = try CLI(today: "2026-03-02")
        try cli.ok(["department", "add", "--code", "410422101", "--name", "任店镇", "--kind", "township"])
        try cli.ok(["commitment", "add", "--department", "410422101", "--category", "1", "--kind", "policy", "--counterparty", "叶县某公司",
                    "--content", "奖励资金", "--made", "2026-03-01", "--deadline", "2026-06-30"])
        // As v14 left a ledger: none of v15's tables (empty here, so the sealed digests still hold).
        let (s, _, e) = try cli.sqlite(["""
            DROP TABLE complaint_rounds; DROP TABLE complaint_steps; DROP TABLE dated_claims; DROP INDEX amendments_late;
            DELETE FROM grdb_migrations WHERE identifier = 'v15-complaint-history';
            """])
        try #require(s == 0, "sqlite3: \(e)")
        let write = try cli.run(["complaint", "add", "--channel", "hotline", "--department", "410422101", "--content", "又一件"])
        #expect(write.status == 74, "an officer's write does not upgrade it: \(write)")
        let upgrade = try cli.run(["init"])
        #expect(upgrade.status == 0, "\(upgrade)")
        #expect(try cli.count("complaint_steps") == 0)
        try cli.ok(["complaint", "add", "--channel", "hotline", "--department", "410422101", "--content", "又一件"])
        #expect(try cli.count("complaint_steps") == 1)
        #expect(try cli.run(["audit", "verify"]).status == 0)
        #expect(try cli.run(["doctor"]).status == 0)
    }
}
