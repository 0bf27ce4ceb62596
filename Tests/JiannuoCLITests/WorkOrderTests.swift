import Foundation
import JiannuoTestSupport
import Testing

/// A complaint carries its platform's work-order number (12345's 工单编号): registered once per channel,
/// shown in the record, the list and the exports, and read back by an import; on both engines.
@Suite("Complaints: the platform's work-order number", .serialized) struct WorkOrderTests {
    static func demo() throws -> CLI {
        let cli = try CLI(today: "2026-11-20", initialised: false)
        let r = try cli.raw(["demo", "--db", cli.db, "--today", "2026-11-20"])
        try #require(r.status == 0, "\(r)")
        return cli
    }

    static func add(_ cli: CLI, _ extra: [String], db: String? = nil) throws -> Run {
        try cli.run(["complaint", "add", "--channel", "hotline", "--department", "GXJ", "--content", "企业反映补贴未兑现", "--category", "1"] + extra, db: db)
    }

    @Test("one per channel: a second complaint with the same number is refused naming the first, nothing written; another channel may repeat it")
    func oncePerChannel() throws {
        let cli = try Self.demo()
        let first = try Self.add(cli, ["--work-order", "GD20261120000123", "--json"])
        try #require(first.status == 0, "\(first)")
        let id = try #require(try first.object()["id"] as? String)
        #expect(try first.object()["work_order"] as? String == "GD20261120000123")
        let before = try cli.dump()
        let again = try Self.add(cli, ["--work-order", "GD20261120000123"])
        #expect(again.status == 65 && again.stderr.contains(id) && again.stderr.contains("工单编号"), "\(again)")
        #expect(try cli.dump() == before, "a refused complaint writes nothing")
        let bad = try Self.add(cli, ["--work-order", "GD 1;DROP"])
        #expect(bad.status == 65 && bad.stderr.contains("工单编号"), "\(bad)")
        let phone = try cli.run(["complaint", "add", "--channel", "phone", "--department", "GXJ", "--content", "同号他渠道", "--work-order", "GD20261120000123"])
        #expect(phone.status == 0, "\(phone)")
        // The engine holds it too, whatever writes the file.
        let (st, index, e) = try cli.sqlite(["SELECT sql FROM sqlite_master WHERE name = 'complaints_work_order'"])
        #expect(st == 0 && index.contains("UNIQUE INDEX") && index.contains("channel, work_order"), "\(index) \(e)")
    }

    @Test("shown in the record, the list (a column only when some complaint has one), JSON and the export; found by search in the dashboard's store")
    func shownEverywhere() throws {
        let cli = try Self.demo()
        let plain = try cli.run(["complaint", "list", "--department", "GXJ"]).stdout
        #expect(!plain.contains("工单编号"), "no column while no complaint has one")
        let id = try #require(try cli.ok(["complaint", "add", "--channel", "hotline", "--department", "GXJ", "--content", "工单展示",
                                          "--work-order", "GD-2026-777"])["id"] as? String)
        let show = try cli.run(["complaint", "show", id])
        #expect(show.stdout.contains("工单编号 GD-2026-777"), "\(show)")
        let list = try cli.run(["complaint", "list", "--department", "GXJ"])
        #expect(list.stdout.contains("工单编号") && list.stdout.contains("GD-2026-777"), "\(list)")
        let rows = try cli.run(["complaint", "list", "--json"]).array()
        #expect(rows.allSatisfy { $0.keys.contains("work_order") }, "a stable key in every row")
        let csv = try cli.run(["export", "complaints"]).stdout
        let header = csv.split(separator: "\n").first.map(String.init) ?? ""
        #expect(header.hasSuffix("工单编号") || header.hasSuffix("工单编号\r"), "\(header)")
        #expect(csv.contains("GD-2026-777"))
        // The dashboard's search (`:`) finds it by its number.
        let screen = try cli.raw(["render", "--db", cli.db, "--today", "2026-11-20", "--width", "120", "--height", "30", "--keys", ": G D - 2 0 2 6 - 7 7 7 Enter"]).stdout
        #expect(screen.contains(id), "\(screen)")
    }

    @Test("an import reads the column, refuses a number the ledger or an earlier row already holds, and a re-import adds nothing")
    func importReadsIt() throws {
        let cli = try Self.demo()
        _ = try cli.ok(["complaint", "add", "--channel", "hotline", "--department", "GXJ", "--content", "已有", "--work-order", "GD-OLD-1"])
        let file = cli.path("orders.csv")
        func write(_ rows: [String]) throws {
            try (["渠道,收到时间,紧急程度,承办单位,投诉内容,工单号"] + rows).joined(separator: "\n").write(toFile: file, atomically: true, encoding: .utf8)
        }
        try write(["12345热线,2026-11-18 09:00,一般,GXJ,新工单一,GD-NEW-1", "12345热线,2026-11-18 10:00,一般,GXJ,与已有重号,GD-OLD-1",
                   "12345热线,2026-11-18 11:00,一般,GXJ,文件内重号,GD-NEW-1"])
        let before = try cli.dump()
        let refused = try cli.run(["import", "complaints", file])
        // Rows count from the header (row 1): the clash with the ledger is row 3, the repeat row 4 of row 2's.
        #expect(refused.status == 65 && refused.stderr.contains("第 3 行") && refused.stderr.contains("GD-OLD-1") && refused.stderr.contains("与第 2 行重复"), "\(refused)")
        #expect(try cli.dump() == before)
        try write(["12345热线,2026-11-18 09:00,一般,GXJ,新工单一,GD-NEW-1", "12345热线,2026-11-18 10:00,一般,GXJ,新工单二,GD-NEW-2"])
        let ok = try cli.run(["import", "complaints", file])
        #expect(ok.status == 0, "\(ok)")
        let numbers = try cli.run(["complaint", "list", "--json"]).array().compactMap { $0["work_order"] as? String }
        #expect(Set(numbers).isSuperset(of: ["GD-NEW-1", "GD-NEW-2", "GD-OLD-1"]), "\(numbers)")
        let again = try cli.run(["import", "complaints", file])
        #expect(again.status == 0, "\(again)")
        #expect(try cli.run(["complaint", "list", "--json"]).array().compactMap { $0["work_order"] as? String }.count == numbers.count)
    }

    @Test("on the city database: migrated with the file, refused again by number, held by the engine")
    func onPostgres() throws {
        let s = try PostgresCLITests.Setup()
        let first = try s.cli.run(["complaint", "add", "--channel", "hotline", "--department", "GXJ", "--content", "迁移前", "--work-order", "GD-PG-1", "--json"])
        try #require(first.status == 0, "\(first)")
        try #require(try s.migrate().status == 0)
        let shown = try s.city(["complaint", "show", try #require(try first.object()["id"] as? String)])
        #expect(shown.stdout.contains("工单编号 GD-PG-1"), "\(shown)")
        let dup = try s.city(["complaint", "add", "--channel", "hotline", "--department", "GXJ", "--content", "重号", "--work-order", "GD-PG-1"])
        #expect(dup.status == 65, "\(dup)")
        let index = try s.pg.query("SELECT count(*) FROM pg_indexes WHERE schemaname = '\(PostgresCLITests.schema)' AND indexname = 'complaints_work_order'")
        #expect(index == "1")
        #expect(try s.city(["audit", "verify"]).status == 0)
    }
}
