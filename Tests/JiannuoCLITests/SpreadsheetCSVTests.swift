import Foundation
import JiannuoTestSupport
import Testing

/// A 台账 CSV as Excel and WPS save it: GB18030 (GBK) instead of UTF-8, dates as `2026/10/1` or
/// `2026年10月1日`, times as `2026/11/2 9:05`, amounts as `1,234.50元`; read as export's own forms. A date
/// that could be read two ways is refused with its row, column and what was read; nothing is guessed.
@Suite("CLI: CSV as spreadsheets save it") struct SpreadsheetCSVTests {
    static let header = "编号,责任单位,承诺类型,类别,对方名称,统一社会信用代码,承诺内容,金额（元）,承诺日期,兑现时限,状态,进度%,已履行决策程序,办结日期,交付日期,付款期限（天）"

    func ledger() throws -> CLI {
        let cli = try CLI(today: "2026-11-20")
        try cli.ok(["department", "add", "--code", "FGW", "--name", "县发改委", "--kind", "county-department"])
        return cli
    }

    /// The text written as GB18030 by the system's iconv, as WPS on Chinese Windows would.
    func gb18030(_ cli: CLI, _ text: String, _ name: String) throws -> String {
        let utf8 = cli.path(name + ".utf8"), out = cli.path(name)
        try text.write(toFile: utf8, atomically: true, encoding: .utf8)
        let r = try ProcessRunner.run(try executable("iconv"), ["-f", "UTF-8", "-t", "GB18030", "-o", out, utf8], home: cli.dir.path)
        try #require(r.status == 0, "\(r)")
        #expect(String(data: try Data(contentsOf: URL(fileURLWithPath: out)), encoding: .utf8) == nil, "the file is not UTF-8 any more")
        return out
    }

    @Test("GB18030 with spreadsheet dates and grouped amounts imports as export's own forms, and says its encoding")
    func excelForms() throws {
        let cli = try ledger()
        let rows = [
            "CN-2026-0101,FGW,合同协议,3,许昌电子有限公司,,支付工程款,\"1,234.50元\",2026/10/1,2026年12月31日,推进中,40,集体讨论决定,,2026/10/8,30",
            "CN-2026-0102,FGW,政策承诺,1,某某科技有限公司,,奖励资金兑现,￥80000,2026.10.9,2027-1-5,未启动,0,,,,",
        ]
        let file = try gb18030(cli, ([Self.header] + rows).joined(separator: "\r\n") + "\r\n", "台账.csv")
        // A dry run first: checked whole, counted, nothing written.
        let dry = try cli.run(["import", "commitments", file, "--dry-run"])
        #expect(dry.status == 0 && dry.stdout.contains("将导入 2 条") && dry.stdout.contains("未写入"), "\(dry)")
        #expect(try cli.run(["commitment", "list", "--json"]).array().isEmpty)
        let r = try cli.run(["import", "commitments", file])
        #expect(r.status == 0, "\(r)")
        #expect(r.stderr.contains("GB18030"), "\(r)")
        let a = try cli.ok(["commitment", "show", "CN-2026-0101"])
        #expect(a["made"] as? String == "2026-10-01" && a["deadline"] as? String == "2026-12-31" && a["delivered_on"] as? String == "2026-10-08", "\(a)")
        #expect(a["amount_fen"] as? Int == 123_450 && a["counterparty"] as? String == "许昌电子有限公司", "\(a)")
        let b = try cli.ok(["commitment", "show", "CN-2026-0102"])
        #expect(b["made"] as? String == "2026-10-09" && b["deadline"] as? String == "2027-01-05" && b["amount_fen"] as? Int == 8_000_000, "\(b)")
        let again = try cli.run(["import", "commitments", file, "--dry-run"])
        #expect(again.status == 0 && again.stdout.contains("将导入 0 条，跳过已存在的 2 条"), "\(again)")
    }

    @Test("a date read two ways, or an amount grouped wrongly, is refused with its row, column and what was read; nothing is written")
    func ambiguous() throws {
        let cli = try ledger()
        let rows = [
            "CN-2026-0201,FGW,合同协议,3,甲公司,,支付工程款,,11/5/2026,2026/12/31,推进中,40,,,,",
            "CN-2026-0202,FGW,合同协议,3,乙公司,,支付工程款,\"12,34.5\",2026/10/1,2026/12/31,推进中,40,,,,",
        ]
        let file = cli.path("bad.csv")
        try ([Self.header] + rows).joined(separator: "\n").write(toFile: file, atomically: true, encoding: .utf8)
        let r = try cli.run(["import", "commitments", file, "--dry-run"])
        #expect(r.status == 65, "\(r)")
        #expect(r.stderr.contains("第 2 行「承诺日期」") && r.stderr.contains("11/5/2026"), "\(r.stderr)")
        #expect(r.stderr.contains("第 3 行「金额（元）」") && r.stderr.contains("12,34.5"), "\(r.stderr)")
        #expect(try cli.run(["commitment", "list", "--json"]).array().isEmpty)
    }

    @Test("an office's own 台账: its usual headers, 序号 and 备注 left out, units by name; a mapping file for the rest; an unknown header refused")
    func ownLedger() throws {
        let cli = try ledger()
        let file = cli.path("台账.csv")
        try """
        序号,承诺单位,承诺类型,类别,企业名称,承诺事项,金额（元）,承诺时间,完成时限,状态,进度%,编号,备注
        1,县发改委,合同协议,2,甲公司,按期拨付奖补资金,"12,000元",2026年10月1日,2026/12/31,推进中,30,CN-2026-0501,
        2,县发改委,政策承诺,1,乙公司,办理审批,,2026/10/3,2027/1/5,未启动,0,CN-2026-0502,联系人张三
        """.write(toFile: file, atomically: true, encoding: .utf8)
        let r = try cli.run(["import", "commitments", file])
        #expect(r.status == 0, "\(r)")
        let a = try cli.ok(["commitment", "show", "CN-2026-0501"])
        #expect(a["department"] as? String == "FGW" && a["counterparty"] as? String == "甲公司" && a["amount_fen"] as? Int == 1_200_000, "\(a)")

        // A header of its own: refused, naming it and the way out; a mapping file says what it is.
        let odd = cli.path("odd.csv")
        try "经办科室,承诺单位,承诺类型,类别,企业名称,承诺事项,承诺时间,完成时限,状态,进度%,编号\n综合科,县发改委,合同协议,2,丙公司,修路,2026/10/5,2026/12/1,推进中,10,CN-2026-0503\n"
            .write(toFile: odd, atomically: true, encoding: .utf8)
        let refused = try cli.run(["import", "commitments", odd])
        #expect(refused.status == 65 && refused.stderr.contains("经办科室") && refused.stderr.contains("--columns"), "\(refused)")
        let map = cli.path("columns.toml")
        try "[columns]\n\"经办科室\" = \"-\"\n".write(toFile: map, atomically: true, encoding: .utf8)
        #expect(try cli.run(["import", "commitments", odd, "--columns", map]).status == 0)
        try "[columns]\n\"经办科室\" = \"office\"\n".write(toFile: map, atomically: true, encoding: .utf8)
        let badMap = try cli.run(["import", "commitments", odd, "--columns", map])
        #expect(badMap.status == 65 && badMap.stderr.contains("office"), "\(badMap)")
        #expect(try cli.run(["commitment", "list", "--json"]).array().count == 3)

        // No 编号 at all: each row takes the next id of its year; the same file again is known row by row and adds nothing.
        let plain = cli.path("无编号.csv")
        try "序号,承诺单位,承诺类型,类别,企业名称,承诺事项,承诺时间,完成时限,状态,进度%\n1,县发改委,合同协议,2,丁公司,修桥,2026/10/5,2026/12/1,推进中,10\n2,县发改委,合同协议,2,戊公司,修路,2026/10/6,2026/12/2,推进中,10\n"
            .write(toFile: plain, atomically: true, encoding: .utf8)
        let dry = try cli.run(["import", "commitments", plain, "--dry-run"])
        #expect(dry.status == 0 && dry.stdout.contains("将导入 2 条"), "\(dry)")
        let first = try cli.run(["import", "commitments", plain, "--json"]).object()
        #expect(first["imported"] as? Int == 2, "\(first)")
        let again = try cli.run(["import", "commitments", plain, "--json"]).object()
        #expect(again["imported"] as? Int == 0 && again["skipped"] as? Int == 2, "\(again)")
        let ids = try cli.run(["commitment", "list", "--json"]).array().compactMap { $0["id"] as? String }.sorted()
        #expect(ids == ["CN-2026-0501", "CN-2026-0502", "CN-2026-0503", "CN-2026-0504", "CN-2026-0505"], "\(ids)")
        #expect(try cli.run(["audit", "verify"]).status == 0)
    }

    @Test("a 台账 without the columns the program needs: refused naming each; a mapping file's [defaults] fills them")
    func defaults() throws {
        let cli = try ledger()
        let file = cli.path("简表.csv")
        try "序号,承诺单位,企业名称,承诺事项,承诺时间,完成时限\n1,县发改委,己公司,修桥,2026/10/5,2026/12/1\n".write(toFile: file, atomically: true, encoding: .utf8)
        let refused = try cli.run(["import", "commitments", file])
        #expect(refused.status == 65 && refused.stderr.contains("「承诺类型（表中无此列，键 kind）」") && refused.stderr.contains("「类别（表中无此列，键 category）」"), "\(refused)")
        let map = cli.path("columns.toml")
        try "[defaults]\nkind = \"policy\"\ncategory = 1\nstatus = \"not_started\"\nprogress = 0\n".write(toFile: map, atomically: true, encoding: .utf8)
        let r = try cli.run(["import", "commitments", file, "--columns", map, "--json"])
        let imported = try r.object()["imported"] as? Int
        #expect(r.status == 0 && imported == 1, "\(r)")
        let c = try #require(try cli.run(["commitment", "list", "--json"]).array().first)
        #expect(c["kind"] as? String == "policy" && c["category"] as? Int == 1 && c["counterparty"] as? String == "己公司", "\(c)")
        try "[defaults]\nkinds = \"policy\"\n".write(toFile: map, atomically: true, encoding: .utf8)
        let bad = try cli.run(["import", "commitments", file, "--columns", map])
        #expect(bad.status == 65 && bad.stderr.contains("kinds"), "\(bad)")
    }

    @Test("--skip-bad: the good rows imported, each bad row left out and named (a cell the parse refuses, a unit the ledger lacks), the audit row counting them")
    func skipBad() throws {
        let cli = try ledger()
        let rows = [
            "CN-2026-0201,FGW,政策承诺,1,甲公司,,奖励,100,2026-10-01,2026-12-31,推进中,10,,,,",
            "CN-2026-0202,FGW,政策承诺,1,乙公司,,奖励,100,2026-13-01,2026-12-31,推进中,10,,,,",
            "CN-2026-0203,XXX,政策承诺,1,丙公司,,奖励,100,2026-10-01,2026-12-31,推进中,10,,,,",
        ]
        let file = cli.path("skip.csv")
        try ([Self.header] + rows).joined(separator: "\n").write(toFile: file, atomically: true, encoding: .utf8)
        let before = try cli.dump()
        let refused = try cli.run(["import", "commitments", file])
        #expect(refused.status == 65 && refused.stderr.contains("第 3 行") && refused.stderr.contains("第 4 行"), "\(refused)")
        #expect(try cli.dump() == before)
        let dry = try cli.run(["import", "commitments", file, "--skip-bad", "--dry-run", "--json"])
        #expect(dry.status == 0, "\(dry)")
        #expect(try dry.object()["imported"] as? Int == 1 && (try dry.object())["bad"] as? Int == 2, "\(dry.stdout)")
        #expect(try cli.dump() == before, "a dry run writes nothing")
        let r = try cli.run(["import", "commitments", file, "--skip-bad"])
        #expect(r.status == 0 && r.stdout.contains("已导入 1 条") && r.stdout.contains("跳过有问题的 2 行"), "\(r)")
        #expect(r.stderr.contains("第 3 行") && r.stderr.contains("（已跳过）") && r.stderr.contains("第 4 行") && r.stderr.contains("XXX"), "\(r.stderr)")
        let ids = try cli.run(["commitment", "list", "--json"]).array().compactMap { $0["id"] as? String }
        #expect(ids == ["CN-2026-0201"], "\(ids)")
        let (_, after, _) = try cli.sqlite(["SELECT after FROM audit_log WHERE action = 'import.commitments' ORDER BY seq DESC LIMIT 1"])
        #expect(after.contains("\"bad\":1"), "the store's own bad row is counted in its audit row: \(after)")
    }

    @Test("a unit merged into itself, or into a unit merged back into it, is refused as department merge refuses it")
    func mergersCannotCycle() throws {
        let cli = try ledger()
        let file = cli.path("units.csv")
        try "code,name,kind,active,successor,merged_on\nAAA,甲,other,no,AAA,2026-01-01\nBBB,乙,other,no,CCC,2026-01-01\nCCC,丙,other,no,BBB,2026-01-01\nDDD,丁,other,no,FGW,2026-01-01\n"
            .write(toFile: file, atomically: true, encoding: .utf8)
        let before = try cli.dump()
        let r = try cli.run(["import", "departments", file, "--dry-run"])
        #expect(r.status == 65, "\(r)")
        #expect(r.stderr.contains("第 2 行") && r.stderr.contains("不能并入自身"), "\(r.stderr)")
        #expect(r.stderr.contains("第 3 行") && r.stderr.contains("第 4 行") && r.stderr.contains("成环"), "\(r.stderr)")
        #expect(!r.stderr.contains("第 5 行"), "a merger into a real unit is fine: \(r.stderr)")
        #expect(try cli.dump() == before)
    }
}
