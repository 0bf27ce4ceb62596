import Foundation
import JiannuoTestSupport
import Testing

/// Ledgers as Excel workbooks: `export … -o FILE.xlsx` writes one sheet with dates as dates and numbers as
/// numbers (read here by openpyxl), and `import` reads it back, or an office's own 台账 made in a spreadsheet
/// (here by openpyxl), or the 12345 platform's export, as it reads CSV.
@Suite("CLI: Excel workbooks") struct WorkbookTests {
    static let python = "/usr/bin/python3"

    func ledger() throws -> CLI {
        let cli = try CLI(today: "2026-11-20")
        try cli.ok(["department", "add", "--code", "FGW", "--name", "县发改委", "--kind", "county-department"])
        try cli.ok(["commitment", "add", "--department", "FGW", "--category", "3", "--kind", "contract", "--counterparty", "许昌电子有限公司",
                    "--content", "支付工程款", "--amount", "1234.50", "--made", "2026-10-01", "--deadline", "2026-12-31"])
        try cli.ok(["complaint", "add", "--channel", "hotline", "--department", "FGW", "--content", "企业反映补贴未兑现",
                    "--received", "2026-11-02 09:05", "--work-order", "GD0001"])
        return cli
    }

    func python(_ cli: CLI, _ script: String, _ args: [String]) throws -> String {
        let r = try ProcessRunner.run(Self.python, ["-c", script] + args, home: cli.dir.path, timeout: 60)
        try #require(r.status == 0, "\(r.stderr)")
        return r.stdout
    }

    @Test("exported as a workbook: openpyxl reads dates as dates and amounts as numbers; imported into a new ledger, the same rows")
    func exportAndBack() throws {
        let cli = try ledger()
        let book = cli.path("承诺.xlsx"), complaints = cli.path("投诉.xlsx")
        #expect(try cli.run(["export", "commitments", "-o", book]).status == 0)
        #expect(try cli.run(["export", "complaints", "--format", "xlsx", "-o", complaints]).status == 0)
        let seen = try python(cli, """
            import openpyxl, sys
            ws = openpyxl.load_workbook(sys.argv[1]).worksheets[0]
            head = [c.value for c in ws[1]]
            row = {h: c for h, c in zip(head, ws[2])}
            print(ws.freeze_panes, type(row["金额（元）"].value).__name__, row["金额（元）"].value, row["承诺日期"].is_date, row["承诺日期"].value.date(), row["编号"].value)
            """, [book])
        #expect(seen.trimmingCharacters(in: .whitespacesAndNewlines) == "A2 float 1234.5 True 2026-10-01 CN-2026-0001", "\(seen)")
        let moment = try python(cli, """
            import openpyxl, sys
            ws = openpyxl.load_workbook(sys.argv[1]).worksheets[0]
            head = [c.value for c in ws[1]]
            row = {h: c for h, c in zip(head, ws[2])}
            print(row["收到时间"].value.isoformat(), row["工单编号"].value, row["联系方式"].value)
            """, [complaints])
        #expect(moment.hasPrefix("2026-11-02T09:05:00 GD0001"), "\(moment)")
        // A new ledger takes both workbooks back: the same export, cell for cell.
        let other = try CLI(today: "2026-11-20")
        try other.ok(["department", "add", "--code", "FGW", "--name", "县发改委", "--kind", "county-department"])
        let a = try other.run(["import", "commitments", book])
        #expect(a.status == 0 && a.stdout.contains("已导入 1 条"), "\(a)")
        let b = try other.run(["import", "complaints", complaints])
        #expect(b.status == 0 && b.stdout.contains("已导入 1 条"), "\(b)")
        #expect(try other.run(["export", "commitments"]).stdout == (try cli.run(["export", "commitments"]).stdout))
        #expect(try other.run(["export", "complaints"]).stdout == (try cli.run(["export", "complaints"]).stdout))
        let terminal = try cli.run(["export", "commitments", "--format", "pdf"])
        #expect(terminal.status == 65, "\(terminal)")
    }

    @Test("an office's own 台账 made in a spreadsheet: Chinese headers, no ids, real date cells, a second sheet chosen by name")
    func ownLedgerFromASpreadsheet() throws {
        let cli = try ledger()
        let book = cli.path("台账.xlsx")
        _ = try python(cli, """
            import openpyxl, sys, datetime
            wb = openpyxl.Workbook()
            wb.active.title = "说明"
            wb.active["A1"] = "本表为 2026 年承诺台账"
            ws = wb.create_sheet("承诺")
            ws.append(["序号", "承诺单位", "企业名称", "承诺事项", "金额", "承诺时间", "完成时限", "类别", "承诺类型", "兑现情况", "完成进度"])
            ws.append([1, "县发改委", "某某科技有限公司", "奖励资金兑现", 80000, datetime.date(2026, 10, 9), datetime.datetime(2027, 1, 5), 1, "政策承诺", "推进中", 40])
            ws.append([2, "FGW", "平顶山建材有限公司", "代建厂房交付", None, datetime.date(2026, 9, 1), datetime.date(2026, 12, 1), 2, "政策承诺", "未启动", 0])
            wb.save(sys.argv[1])
            """, [book])
        let wrongSheet = try cli.run(["import", "commitments", book])
        #expect(wrongSheet.status == 65 && wrongSheet.stderr.contains("本表为"), "the first sheet is read unless --sheet says: \(wrongSheet)")
        let none = try cli.run(["import", "commitments", book, "--sheet", "没有"])
        #expect(none.status == 65 && none.stderr.contains("承诺") && none.stderr.contains("说明"), "\(none)")
        let r = try cli.run(["import", "commitments", book, "--sheet", "承诺", "--json"])
        #expect(r.status == 0, "\(r)")
        let result = try r.object()
        #expect(result["imported"] as? Int == 2, "\(r)")
        let list = try cli.run(["commitment", "list", "--json"]).array()
        let made = list.first { $0["counterparty"] as? String == "某某科技有限公司" }
        #expect(made?["made"] as? String == "2026-10-09" && made?["deadline"] as? String == "2027-01-05" && made?["amount_fen"] as? Int == 8_000_000, "\(String(describing: made))")
        let again = try cli.run(["import", "commitments", book, "--sheet", "承诺", "--json"])
        #expect((try again.object())["skipped"] as? Int == 2, "the same workbook again adds nothing: \(again)")
        let csv = cli.path("x.csv")
        try "a,b\n1,2\n".write(toFile: csv, atomically: true, encoding: .utf8)
        #expect(try cli.run(["import", "commitments", csv, "--sheet", "承诺"]).status == 65)
    }

    @Test("the 12345 platform's export as a workbook: created by work order once")
    func platformWorkbook() throws {
        let cli = try ledger()
        let book = cli.path("12345.xlsx")
        _ = try python(cli, """
            import openpyxl, sys, datetime
            wb = openpyxl.Workbook()
            ws = wb.active
            ws.append(["工单编号", "来电时间", "来电人", "来电号码", "诉求内容", "承办单位", "办理时限", "工单状态"])
            ws.append(["GD202611180001", datetime.datetime(2026, 11, 18, 9, 5), "张三", "13812345678", "补贴未兑现", "县发改委", datetime.datetime(2026, 11, 28, 18, 0), "办理中"])
            wb.save(sys.argv[1])
            """, [book])
        let r = try cli.run(["import", "complaints", book, "--from-12345", "--json"])
        #expect(r.status == 0, "\(r)")
        let created = try r.object()["created"] as? [String]
        #expect(created?.count == 1, "\(r)")
        let again = try cli.run(["import", "complaints", book, "--from-12345", "--json"])
        #expect((try again.object())["unchanged"] as? Int == 1, "\(again)")
    }

    @Test("our workbook, converted to CSV by LibreOffice, has the cells of our own CSV export")
    func libreOfficeAgreesWithOurCSV() throws {
        let cli = try ledger()
        try cli.ok(["commitment", "add", "--department", "FGW", "--category", "1", "--kind", "policy", "--counterparty", "某某科技有限公司",
                    "--content", "奖励资金兑现，含“引号”, 逗号", "--amount", "80000", "--made", "2026-10-09", "--deadline", "2027-01-05"])
        let book = cli.path("c.xlsx"), out = cli.path("lo")
        #expect(try cli.run(["export", "commitments", "-o", book]).status == 0)
        let office = try executable("libreoffice")
        let r = try ProcessRunner.run(office, ["--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1", "--outdir", out, book],
                                      home: cli.dir.path, timeout: 180)
        try #require(r.status == 0, "\(r.stderr)")
        let theirs = try Self.cells(try String(contentsOfFile: out + "/c.csv", encoding: .utf8))
        let ours = try Self.cells(try cli.run(["export", "commitments"]).stdout)
        #expect(theirs.count == 3 && theirs == ours, "\(theirs)\n\(ours)")
    }

    /// A CSV's cells (quotes undone), the byte-order mark dropped.
    static func cells(_ text: String) throws -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], cell = "", quoted = false
        var chars = Array(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" { if chars.first == "\"" { cell.append("\""); chars.removeFirst() } else { quoted = false } } else { cell.append(c) }
            } else if c == "\"" { quoted = true }
            else if c == "," { row.append(cell); cell = "" }
            else if c == "\n" || c == "\r\n" { row.append(cell); rows.append(row); row = []; cell = "" }
            else if c != "\r" { cell.append(c) }
        }
        if !cell.isEmpty || !row.isEmpty { row.append(cell); rows.append(row) }
        return rows
    }
}
