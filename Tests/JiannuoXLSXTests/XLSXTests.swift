import Foundation
import JiannuoTestSupport
import JiannuoXLSX
import Testing

/// The workbook reader and writer against real third parties: what openpyxl (Debian's python3-openpyxl)
/// and LibreOffice write is read cell for cell, and what we write opens in both with the same cells.
@Suite("Excel workbooks (.xlsx) in and out") struct XLSXTests {
    static let python = "/usr/bin/python3"

    static func sample() -> XLSXWriter.Sheet {
        XLSXWriter.Sheet(name: "承诺", header: ["编号", "单位", "金额（元）", "承诺日期", "收到时间", "说明"], rows: [
            [.text("CN-2026-0001"), .text("县发改委"), .number(1234.5), .day(year: 2026, month: 11, day: 5),
             .time(year: 2026, month: 11, day: 5, hour: 9, minute: 5, second: 30), .text("含 & < > \" 与换行\n第二行")],
            [.text("CN-2026-0002"), .text("龙泉乡"), .number(100), .day(year: 2024, month: 2, day: 29), .empty, .text("0012345")],
        ])
    }

    static let expected = [
        ["编号", "单位", "金额（元）", "承诺日期", "收到时间", "说明"],
        ["CN-2026-0001", "县发改委", "1234.5", "2026-11-05", "2026-11-05 09:05:30", "含 & < > \" 与换行\n第二行"],
        ["CN-2026-0002", "龙泉乡", "100", "2024-02-29", "", "0012345"],
    ]

    @Test("written and read back: text stays text, numbers numbers, days and times dates; the sheet chosen by name")
    func roundTrip() throws {
        let data = try XLSXWriter.workbook([Self.sample(), .init(name: "第二张", header: ["a"], rows: [[.text("b")]])], width: { $0.count })
        #expect(try XLSXReader.rows(data) == Self.expected)
        #expect(try XLSXReader.rows(data, sheet: "第二张") == [["a"], ["b"]])
        #expect(try XLSXReader.sheetNames(data) == ["承诺", "第二张"])
        #expect(throws: XLSXReader.Failure.self) { try XLSXReader.rows(data, sheet: "没有") }
        #expect(throws: XLSXReader.Failure.self) { try XLSXReader.rows(Data("not a zip".utf8)) }
    }

    @Test("what openpyxl reads of our workbook: the same values, dates as dates, numbers as numbers, the header frozen")
    func openpyxlReadsOurs() throws {
        let dir = try TemporaryDirectory("xlsx")
        let path = dir.file("ours.xlsx")
        try XLSXWriter.workbook([Self.sample()], width: { $0.count }).write(to: URL(fileURLWithPath: path))
        let script = """
            import openpyxl, json, sys, datetime
            wb = openpyxl.load_workbook(sys.argv[1])
            ws = wb.worksheets[0]
            def v(c):
                x = c.value
                if isinstance(x, datetime.datetime): return ("date" if c.is_date else "?") + ":" + x.isoformat()
                if isinstance(x, (int, float)): return "num:" + repr(x)
                return x
            print(json.dumps({"title": ws.title, "freeze": ws.freeze_panes, "rows": [[v(c) for c in r] for r in ws.iter_rows()]}, ensure_ascii=False))
            """
        let r = try ProcessRunner.run(Self.python, ["-c", script, path], home: dir.path, timeout: 60)
        #expect(r.status == 0, "\(r.stderr)")
        let o = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(o["title"] as? String == "承诺" && o["freeze"] as? String == "A2", "\(o)")
        let rows = try #require(o["rows"] as? [[Any]])
        #expect(rows.count == 3)
        #expect(rows[1][2] as? String == "num:1234.5" && rows[1][3] as? String == "date:2026-11-05T00:00:00"
                && rows[1][4] as? String == "date:2026-11-05T09:05:30" && rows[2][5] as? String == "0012345", "\(rows)")
        #expect(rows[1][5] as? String == "含 & < > \" 与换行\n第二行")
    }

    @Test("a workbook openpyxl writes (shared strings, its date styles, a formula's cached value absent) is read cell for cell")
    func readsOpenpyxls() throws {
        let dir = try TemporaryDirectory("xlsx")
        let path = dir.file("theirs.xlsx")
        let script = """
            import openpyxl, sys, datetime
            wb = openpyxl.Workbook()
            ws = wb.active
            ws.title = "台账"
            ws.append(["承诺单位", "金额", "承诺时间", "完成时限", "进度"])
            ws.append(["县发改委", 1234.5, datetime.datetime(2026, 11, 5, 9, 5), datetime.date(2026, 12, 31), 65])
            ws.append(["龙泉乡", 3, datetime.date(2025, 1, 2), datetime.date(2026, 1, 31), 0])
            wb.create_sheet("别的")["A1"] = "x"
            wb.save(sys.argv[1])
            """
        let r = try ProcessRunner.run(Self.python, ["-c", script, path], home: dir.path, timeout: 60)
        try #require(r.status == 0, "\(r.stderr)")
        let rows = try XLSXReader.rows(try Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(rows == [["承诺单位", "金额", "承诺时间", "完成时限", "进度"],
                         ["县发改委", "1234.5", "2026-11-05 09:05:00", "2026-12-31", "65"],
                         ["龙泉乡", "3", "2025-01-02", "2026-01-31", "0"]], "\(rows)")
    }

    @Test("LibreOffice opens ours with the same cells, and what LibreOffice writes from a CSV is read back the same")
    func libreOffice() throws {
        let office = try executable("libreoffice")
        let dir = try TemporaryDirectory("xlsx")
        let ours = dir.file("ours.xlsx")
        try XLSXWriter.workbook([Self.sample()], width: { $0.count }).write(to: URL(fileURLWithPath: ours))
        // Ours → CSV by LibreOffice: the text and numbers as written, the dates in our formats.
        let out = dir.file("out")
        let toCSV = try ProcessRunner.run(office, ["--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1", "--outdir", out, ours],
                                          home: dir.path, timeout: 180)
        #expect(toCSV.status == 0, "\(toCSV.stderr)")
        let csv = try String(contentsOfFile: out + "/ours.csv", encoding: .utf8)
        // LibreOffice quotes the cells it holds as text, not the numbers and dates.
        #expect(csv.contains("\"CN-2026-0001\",\"县发改委\",1234.5,2026-11-05,2026-11-05 09:05:30,\"含 & < > \"\" 与换行\n第二行\""), "\(csv)")
        #expect(csv.contains("\"CN-2026-0002\",\"龙泉乡\",100,2024-02-29,,\"0012345\""), "\(csv)")
        // A CSV → xlsx by LibreOffice (its own styles and shared strings), read by us.
        let source = dir.file("theirs.csv")
        try "单位,金额,日期\n县发改委,1234.5,2026-11-05\n龙泉乡,3,2025-01-02\n".write(toFile: source, atomically: true, encoding: .utf8)
        let toXLSX = try ProcessRunner.run(office, ["--headless", "--infilter=CSV:44,34,76,1", "--convert-to", "xlsx", "--outdir", out, source],
                                           home: dir.path, timeout: 180)
        #expect(toXLSX.status == 0, "\(toXLSX.stderr)")
        let rows = try XLSXReader.rows(try Data(contentsOf: URL(fileURLWithPath: out + "/theirs.xlsx")))
        #expect(rows == [["单位", "金额", "日期"], ["县发改委", "1234.5", "2026-11-05"], ["龙泉乡", "3", "2025-01-02"]], "\(rows)")
    }

    @Test("a formula cell and a merged header are refused, each named; a text file is not a workbook")
    func refusals() throws {
        let dir = try TemporaryDirectory("xlsx")
        let formula = dir.file("formula.xlsx"), merged = dir.file("merged.xlsx")
        let script = """
            import openpyxl, sys
            wb = openpyxl.Workbook(); ws = wb.active
            ws.append(["金额", "两倍"]); ws.append([3, "=A2*2"]); wb.save(sys.argv[1])
            wb = openpyxl.Workbook(); ws = wb.active
            ws.append(["承诺", None, "日期"]); ws.merge_cells("A1:B1"); ws.append(["a", "b", "c"]); wb.save(sys.argv[2])
            """
        let r = try ProcessRunner.run(Self.python, ["-c", script, formula, merged], home: dir.path, timeout: 60)
        try #require(r.status == 0, "\(r.stderr)")
        do {
            _ = try XLSXReader.rows(try Data(contentsOf: URL(fileURLWithPath: formula)))
            Issue.record("a formula was read")
        } catch let f as XLSXReader.Failure {
            #expect(f.zh.contains("B2") && f.zh.contains("公式"), "\(f.zh)")
        }
        do {
            _ = try XLSXReader.rows(try Data(contentsOf: URL(fileURLWithPath: merged)))
            Issue.record("a merged header was read")
        } catch let f as XLSXReader.Failure {
            #expect(f.zh.contains("A1:B1") && f.zh.contains("合并"), "\(f.zh)")
        }
    }
}
