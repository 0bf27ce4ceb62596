import Foundation
import JiannuoTestSupport
import Testing

/// 督办函: a letter to a unit lists everything of the unit's overdue or nearing that day with what it must
/// do, under the office's 文号; issuing it is a record; its reply-by day is an alert until the unit replies;
/// it reads the same when printed again; the unit's record, the drill-down and the bulletin count it.
@Suite("CLI: supervision letters") struct LetterTests {
    /// FGW with a promise due 2026-11-20 and a complaint received 2026-11-02 never accepted; CZJ with nothing due.
    func ledger() throws -> (CLI, commitment: String, complaint: String) {
        let cli = try CLI(today: "2026-11-16")
        try cli.ok(["department", "add", "--code", "FGW", "--name", "县发改委", "--kind", "county-department"])
        try cli.ok(["department", "add", "--code", "CZJ", "--name", "县财政局", "--kind", "county-department"])
        let c = try cli.ok(["commitment", "add", "--department", "FGW", "--category", "1", "--kind", "policy", "--counterparty", "甲公司",
                            "--content", "奖补", "--made", "2026-10-01", "--deadline", "2026-11-20"])["id"] as! String
        let t = try cli.ok(["complaint", "add", "--channel", "hotline", "--department", "FGW", "--content", "企业反映",
                            "--received", "2026-11-02 09:00"])["id"] as! String
        return (cli, c, t)
    }

    @Test("issued with its 文号 and every item due, recorded and audited; the reply-by day an alert, late, then replied; counted in the unit's record and the bulletin")
    func lifecycle() throws {
        let (cli, commitment, complaint) = try ledger()
        let html = cli.path("fgw.html")
        let issued = try cli.run(["letter", "FGW", "-o", html, "--json"])
        try #require(issued.status == 0, "\(issued)")
        let l = try issued.object()
        let id = try #require(l["id"] as? String)
        #expect(id == "DB-2026-0001" && l["number"] as? String == "践诺督函〔2026〕1号" && l["reply_by"] as? String == "2026-11-23", "\(l)")
        let items = try #require(l["items"] as? [[String: Any]])
        #expect(Set(items.compactMap { $0["record"] as? String }) == [commitment, complaint], "\(items)")
        let page = try String(contentsOfFile: html, encoding: .utf8)
        #expect(page.contains("践诺督函〔2026〕1号") && page.contains("县发改委：") && page.contains("县政府督查室") && page.contains(commitment)
                && page.contains("兑现承诺") && page.contains("受理投诉") && page.contains("2026-11-23"), "\(page)")
        #expect(try cli.count("audit_log WHERE action = 'letter.issue' AND entity_id = '\(id)'") == 1)
        // Nothing due, no letter (and nothing written); a second letter takes the next number.
        let before = try cli.dump()
        let none = try cli.run(["letter", "CZJ", "-o", cli.path("czj.html")])
        #expect(none.status == 65 && none.stderr.contains("无需督办"), "\(none)")
        #expect(try cli.dump() == before && !FileManager.default.fileExists(atPath: cli.path("czj.html")))
        let wrongFile = try cli.run(["letter", "FGW", "-o", cli.path("fgw.txt")])
        #expect(wrongFile.status == 65 && wrongFile.stderr.contains(".html"), "\(wrongFile)")
        #expect(try cli.dump() == before, "a letter that cannot be written is not issued")

        // The reply-by day: nearing, then late (the unit's overdue item), listed as late; replied after it.
        let onDay = try cli.run(["alerts", "--json"], today: "2026-11-23").array()
        #expect(onDay.first { $0["record"] as? String == id }?["level"] as? String == "due_today", "\(onDay)")
        let late = try cli.run(["alerts", "--json", "--department", "FGW"], today: "2026-11-25").array()
        let alert = try #require(late.first { $0["record"] as? String == id })
        #expect(alert["kind"] as? String == "letter_reply" && alert["level"] as? String == "overdue", "\(alert)")
        #expect(try cli.run(["letter", "list", "--status", "late", "--json"], today: "2026-11-25").array().count == 1)
        let reply = try cli.run(["letter", "reply", id, "--text", "承诺已兑现，投诉已受理"], today: "2026-11-25")
        #expect(reply.status == 0 && reply.stdout.contains("逾期回复"), "\(reply)")
        #expect(try cli.run(["letter", "reply", id, "--text", "再答"], today: "2026-11-25").status == 65)
        let after = try cli.run(["alerts", "--json"], today: "2026-11-25").array()
        #expect(!after.contains { $0["record"] as? String == id }, "a replied letter is no longer an alert")
        // As known on the 24th, it was still unanswered.
        let known = try cli.run(["alerts", "--json", "--as-known", "2026-11-24"], today: "2026-11-25")
        #expect(known.status == 0, "\(known)")
        let knownThen = try known.array()
        #expect(knownThen.contains { $0["record"] as? String == id }, "\(known.stdout.prefix(300))")

        let show = try cli.run(["department", "show", "FGW"], today: "2026-11-25")
        #expect(show.stdout.contains("督办函：") && show.stdout.contains("\(id) 2026-11-16 践诺督函〔2026〕1号 2 项 已回复 2026-11-25（逾期）"), "\(show.stdout)")
        let record = try cli.run(["letter", "show", id], today: "2026-11-25")
        #expect(record.stdout.contains("回复：2026-11-25") && record.stdout.contains("（逾期回复）") && record.stdout.contains("承诺已兑现"), "\(record.stdout)")
        let bulletin = try cli.run(["report", "--period", "2026-11", "--format", "md"], today: "2026-11-30").stdout
        #expect(bulletin.contains("## 十一、督办函") && bulletin.contains("本期向 1 个单位发督办函 1 件，按时回复 0 件"), "\(bulletin)")
    }

    @Test("printed again, it reads as issued, whatever happened since")
    func printedAgainAsIssued() throws {
        let (cli, commitment, complaint) = try ledger()
        let first = cli.path("a.md"), again = cli.path("b.md")
        let id = try #require(try cli.ok(["letter", "FGW", "-o", first])["id"] as? String)
        try cli.ok(["complaint", "accept", complaint], today: "2026-11-17")
        try cli.ok(["commitment", "fulfill", commitment], today: "2026-11-18")
        #expect(try cli.run(["letter", "show", id, "-o", again], today: "2026-11-30").status == 0)
        let a = try String(contentsOfFile: first, encoding: .utf8), b = try String(contentsOfFile: again, encoding: .utf8)
        #expect(a == b && a.contains(commitment) && a.contains("| 1 |"), "\(a)\n---\n\(b)")
    }

    @Test("--all: one letter per unit with something due, into a folder; the series and issuer come from the rules file")
    func allAndSeries() throws {
        let (cli, _, _) = try ledger()
        let rules = cli.path("rules.toml")
        try "[letters]\nseries = \"叶督函〔{year}〕第{n}号\"\nissuer = \"叶县督查室\"\ncc = \"县纪委监委\"\n".write(toFile: rules, atomically: true, encoding: .utf8)
        let dir = cli.path("letters")
        let r = try cli.run(["letter", "--all", "-o", dir, "--format", "md", "--rules", rules, "--json"])
        try #require(r.status == 0, "\(r)")
        let list = try r.array()
        #expect(list.count == 1 && list[0]["department"] as? String == "FGW" && list[0]["number"] as? String == "叶督函〔2026〕第1号", "\(list)")
        let text = try String(contentsOfFile: dir + "/DB-2026-0001-FGW.md", encoding: .utf8)
        #expect(text.contains("# 叶县督查室") && text.contains("抄送：县纪委监委"), "\(text)")
        try "[letters]\nseries = \"无编号\"\n".write(toFile: rules, atomically: true, encoding: .utf8)
        let bad = try cli.run(["rules", "check", rules])
        #expect(bad.status == 65 && bad.stderr.contains("{n}"), "\(bad)")
    }

    @Test("the letter prints with Chromium to one A4 page holding its number, the unit and the items")
    func pdf() throws {
        let (cli, commitment, _) = try ledger()
        let chromium = try executable("chromium"), pdftotext = try executable("pdftotext"), pdfinfo = try executable("pdfinfo")
        let dir = cli.path("pdf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: dir + "/home", withIntermediateDirectories: true)
        let html = dir + "/letter.html", pdf = dir + "/letter.pdf"
        try #require(try cli.run(["letter", "FGW", "-o", html]).status == 0)
        let (s, _, e) = try runProcess(chromium, ["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                                                  "--print-to-pdf=\(pdf)", URL(fileURLWithPath: html).absoluteString],
                                       home: dir + "/home", timeout: 180)
        try #require(s == 0 && FileManager.default.fileExists(atPath: pdf), "chromium failed (\(s)): \(e.suffix(800))")
        let (_, text, _) = try runProcess(pdftotext, ["-layout", pdf, "-"], home: dir + "/home", timeout: 60)
        #expect(text.contains("督办函") && text.contains("县发改委") && text.contains(commitment) && text.contains("2026-11-23"), "\(text)")
        let (_, info, _) = try runProcess(pdfinfo, [pdf], home: dir + "/home", timeout: 60)
        let size = try #require(info.firstMatch(of: /Page size:\s+([0-9.]+) x ([0-9.]+) pts/), "\(info)")
        #expect(abs((Double(size.1) ?? 0) - 595) < 1.5 && abs((Double(size.2) ?? 0) - 842) < 1.5, "\(info)")
        #expect(info.firstMatch(of: /Pages:\s+1\n/) != nil, "\(info)")
    }
}
