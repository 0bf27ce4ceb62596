import Foundation
import JiannuoTestSupport
import Testing

/// `report --issue`: a bulletin issued is recorded with its 文号, its figures and the audit anchor, and is
/// printed again byte for byte whatever is corrected later; a correction is a new bulletin.
@Suite("CLI: issued bulletins") struct BulletinIssueTests {
    @Test("issued with the next number of the series; reprinted byte for byte after a correction; the correction is a new bulletin; its PDF is A4 with its number")
    func issueAndReprint() throws {
        let (cli, commitment, complaint) = try LetterTests().ledger()
        let first = cli.path("通报.html"), again = cli.path("重印.html"), md = cli.path("通报.md")
        let draft = try cli.run(["report", "--period", "2026-11", "--format", "md"], today: "2026-11-30").stdout
        #expect(draft.contains("未发布稿") && draft.contains("发文机关：县政府督查室") && draft.contains("主送：县直各单位"), "\(draft.prefix(400))")
        let issued = try cli.run(["report", "--period", "2026-11", "--issue", "-o", first, "--json"], today: "2026-11-30")
        try #require(issued.status == 0, "\(issued)")
        let o = try issued.object()
        #expect(o["id"] as? String == "TB-2026-0001" && o["number"] as? String == "践诺通报〔2026〕1号" && o["as_known"] as? String == "2026-11-30", "\(o)")
        #expect((o["anchor"] as? String)?.contains(":") == true, "\(o)")
        let page = try String(contentsOfFile: first, encoding: .utf8)
        #expect(page.contains("践诺通报〔2026〕1号") && !page.contains("未发布稿"))
        #expect(try cli.count("audit_log WHERE action = 'report.issue' AND entity_id = 'TB-2026-0001'") == 1)

        // The ledger moves on: the promise is fulfilled, the complaint accepted.
        try cli.ok(["complaint", "accept", complaint], today: "2026-12-01")
        try cli.ok(["commitment", "fulfill", commitment], today: "2026-12-01")
        let reprint = try cli.run(["report", "--reprint", "TB-2026-0001", "-o", again], today: "2026-12-02")
        #expect(reprint.status == 0, "\(reprint)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: first)) == (try Data(contentsOf: URL(fileURLWithPath: again))), "an issued bulletin reprints byte for byte")
        #expect(try cli.run(["report", "--reprint", "TB-2026-0001", "-o", md], today: "2026-12-02").status == 0)
        #expect(try String(contentsOfFile: md, encoding: .utf8).contains("践诺通报〔2026〕1号"))
        // Made again today, it says what is known now; issued again, it is a new bulletin with the next number.
        let now = try cli.run(["report", "--period", "2026-11", "-o", cli.path("now.html")], today: "2026-12-02")
        #expect(now.status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: cli.path("now.html"))) != (try Data(contentsOf: URL(fileURLWithPath: first))))
        let second = try cli.run(["report", "--period", "2026-11", "--issue", "-o", cli.path("second.html"), "--json"], today: "2026-12-02").object()
        #expect(second["id"] as? String == "TB-2026-0002" && second["number"] as? String == "践诺通报〔2026〕2号", "\(second)")
        let list = try cli.run(["report", "--issued", "--json"], today: "2026-12-02").array()
        #expect(list.compactMap { $0["id"] as? String } == ["TB-2026-0002", "TB-2026-0001"], "\(list)")
        #expect(try cli.run(["report", "--reprint", "TB-2026-0009"]).status == 66)
        #expect(try cli.run(["report", "--issue", "--period", "2026-11"]).status == 64, "--issue needs -o")
        #expect(try cli.run(["audit", "verify"]).status == 0)

        // Printed from the reprint: an A4 PDF holding its number.
        let chromium = try executable("chromium"), pdftotext = try executable("pdftotext"), pdfinfo = try executable("pdfinfo")
        let dir = cli.path("pdf")
        try FileManager.default.createDirectory(atPath: dir + "/home", withIntermediateDirectories: true)
        let pdf = dir + "/tb.pdf"
        let (s, _, e) = try runProcess(chromium, ["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                                                  "--print-to-pdf=\(pdf)", URL(fileURLWithPath: again).absoluteString], home: dir + "/home", timeout: 180)
        try #require(s == 0, "chromium failed (\(s)): \(e.suffix(800))")
        let (_, text, _) = try runProcess(pdftotext, ["-layout", pdf, "-"], home: dir + "/home", timeout: 60)
        #expect(text.contains("践诺通报〔2026〕1号") && text.contains("考核评价结果") && text.contains("县发改委"), "\(text.prefix(500))")
        let (_, info, _) = try runProcess(pdfinfo, [pdf], home: dir + "/home", timeout: 60)
        let size = try #require(info.firstMatch(of: /Page size:\s+([0-9.]+) x ([0-9.]+) pts/), "\(info)")
        #expect(abs((Double(size.1) ?? 0) - 595) < 1.5 && abs((Double(size.2) ?? 0) - 842) < 1.5, "\(info)")
    }
}
