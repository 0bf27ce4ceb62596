import Foundation
import JiannuoTestSupport
import Testing

/// `import complaints --from-12345`: the platform's export of work orders, read by its own headers; each
/// work order registered once, corrected while its unit has not accepted it, and otherwise only set beside
/// what the ledger holds; a unit the ledger does not know refuses the file, named, never guessed.
@Suite("Importing the 12345 platform's work orders", .serialized) struct PlatformImportTests {
    static let header = "工单编号,来电时间,来电人,来电号码,诉求内容,承办单位,办理时限,工单状态,所属区域"

    static func write(_ cli: CLI, _ rows: [String]) throws -> String {
        let path = cli.path("12345.csv")
        try ([header] + rows).joined(separator: "\r\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static func order(_ cli: CLI, _ number: String) throws -> [String: Any]? {
        try cli.run(["complaint", "list", "--json"]).array().first { $0["work_order"] as? String == number }
    }

    @Test("created once by number, a correction before acceptance applied and audited, after it only said; unknown units named; dry run writes nothing")
    func createsCorrectsAndNeverDuplicates() throws {
        let cli = try WorkOrderTests.demo()
        let rows = ["GD202611180001,2026/11/18 9:05,张三,13812345678,企业反映补贴未兑现,GXJ,2026-11-28 18:00:00,办理中,城关镇",
                    "GD202611190002,2026-11-19 10:11:00,李四,13900001111,营业执照办理超时,工信局,2026-12-01,待受理,城关镇"]
        var file = try Self.write(cli, rows)
        // A unit named as the platform names it, unknown to the ledger: the file is refused, the unit named.
        let before = try cli.dump()
        let unknown = try cli.run(["import", "complaints", file, "--from-12345"])
        #expect(unknown.status == 65 && unknown.stderr.contains("第 3 行") && unknown.stderr.contains("本账本没有单位“工信局”"), "\(unknown)")
        #expect(unknown.stderr.contains("未导入的列：所属区域"), "columns the ledger keeps nothing of are said")
        #expect(try cli.dump() == before, "a refused import writes nothing")
        // A mapping file says which unit it is.
        let mapping = cli.path("units.toml")
        try "[units]\n\"工信局\" = \"GXJ\"\n".write(toFile: mapping, atomically: true, encoding: .utf8)
        let dry = try cli.run(["import", "complaints", file, "--from-12345", "--columns", mapping, "--dry-run", "--json"]).object()
        #expect((dry["created"] as? [String])?.count == 2 && dry["dry_run"] as? Bool == true, "\(dry)")
        #expect(try cli.dump() == before, "a dry run writes nothing")
        let first = try cli.run(["import", "complaints", file, "--from-12345", "--columns", mapping, "--json"])
        #expect(first.status == 0, "\(first)")
        let created = try #require(try first.object()["created"] as? [String])
        #expect(created.count == 2)
        let one = try #require(try Self.order(cli, "GD202611180001"))
        #expect(one["channel"] as? String == "hotline" && one["department"] as? String == "GXJ" && one["received"] as? String == "2026-11-18T09:05:00+08:00", "\(one)")
        // The same export again registers nothing twice.
        let again = try cli.run(["import", "complaints", file, "--from-12345", "--columns", mapping, "--json"]).object()
        #expect((again["created"] as? [String])?.isEmpty == true && again["unchanged"] as? Int == 2, "\(again)")
        #expect(try cli.count("complaints WHERE work_order LIKE 'GD2026111%'") == 2)

        // The unit accepts the second; the platform then rewrites both and closes the second.
        let second = try #require(try Self.order(cli, "GD202611190002")?["id"] as? String)
        #expect(try cli.run(["complaint", "accept", second]).status == 0)
        file = try Self.write(cli, [rows[0].replacingOccurrences(of: "企业反映补贴未兑现", with: "企业反映补贴未兑现，涉及2025年"),
                                    rows[1].replacingOccurrences(of: "营业执照办理超时", with: "改写的内容").replacingOccurrences(of: "待受理", with: "已办结")])
        let audit = try cli.count("audit_log")
        let corrected = try cli.run(["import", "complaints", file, "--from-12345", "--columns", mapping])
        #expect(corrected.status == 0, "\(corrected)")
        #expect(corrected.stdout.contains("更正 1 条") && corrected.stdout.contains("已受理，平台的诉求内容与本账本不同（未改动）")
                && corrected.stdout.contains("平台状态“已办结”，本账本尚未办结") && corrected.stdout.contains("平台办理时限 2026-12-01"), "\(corrected.stdout)")
        #expect(try Self.order(cli, "GD202611180001")?["content"] as? String == "企业反映补贴未兑现，涉及2025年")
        #expect(try Self.order(cli, "GD202611190002")?["content"] as? String == "营业执照办理超时", "an accepted complaint is the unit's: left as recorded")
        let (_, actions, _) = try cli.sqlite(["SELECT action FROM audit_log WHERE seq > \(audit) ORDER BY seq"])
        #expect(actions.split(separator: "\n") == ["complaint.platform-update", "import.12345"], "\(actions)")
        #expect(try cli.run(["audit", "verify"]).status == 0)
    }

    @Test("every bad row at once: a missing number, a time in the future, a number twice in the file")
    func badRowsAreAllSaid() throws {
        let cli = try WorkOrderTests.demo()
        let file = try Self.write(cli, [",2026-11-18 09:00,张三,138,无编号,GXJ,,,",
                                        "GD1,2027-01-01 09:00,张三,138,未来,GXJ,,,",
                                        "GD2,2026-11-18 09:00,张三,138,第一次,GXJ,,,",
                                        "GD2,2026-11-18 10:00,张三,138,第二次,GXJ,,,"])
        let before = try cli.dump()
        let r = try cli.run(["import", "complaints", file, "--from-12345", "--dry-run"])
        #expect(r.status == 65, "\(r)")
        #expect(r.stderr.contains("第 2 行") && r.stderr.contains("缺少工单编号"), "\(r.stderr)")
        #expect(r.stderr.contains("第 3 行"), "\(r.stderr)")
        #expect(try cli.dump() == before)
        let twice = try Self.write(cli, ["GD2,2026-11-18 09:00,张三,138,第一次,GXJ,,,", "GD2,2026-11-18 10:00,张三,138,第二次,GXJ,,,"])
        let repeated = try cli.run(["import", "complaints", twice, "--from-12345"])
        #expect(repeated.status == 65 && repeated.stderr.contains("第 3 行") && repeated.stderr.contains("与第 2 行重复"), "\(repeated)")
        #expect(try cli.dump() == before)
        let wrongKind = try cli.run(["import", "commitments", file, "--from-12345"])
        #expect(wrongKind.status == 65 && wrongKind.stderr.contains("--from-12345"), "\(wrongKind)")
    }
}
