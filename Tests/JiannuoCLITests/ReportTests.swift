import Foundation
import JiannuoTestSupport
import Testing

/// The county demo ledger at 2026-11-20, made once for the whole suite and removed after it, with
/// every complainant's name in it. The suite then only reads it.
struct CountyDemo: SuiteTrait, TestScoping {
    struct Ledger: Sendable {
        let cli: CLI
        let complainants: Set<String>
    }
    @TaskLocal static var ledger: Ledger?

    func provideScope(for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void) async throws {
        let cli = try CLI(today: "2026-11-20")
        let r = try cli.run(["demo", "--size", "county"])
        try #require(r.status == 0, "\(r)")
        let (s, o, e) = try cli.sqlite(["SELECT DISTINCT complainant FROM complaints WHERE complainant IS NOT NULL"])
        try #require(s == 0, "sqlite3 failed: \(e)")
        // Everything in the database file itself, so that a test can tell that reads leave it as it is.
        _ = try cli.sqlite(["PRAGMA wal_checkpoint(TRUNCATE)"])
        let names = Set(o.split(separator: "\n").map(String.init).filter { $0.count > 1 })
        try await CountyDemo.$ledger.withValue(Ledger(cli: cli, complainants: names)) { try await function() }
    }
}

extension Trait where Self == CountyDemo {
    static var countyDemo: Self { Self() }
}

/// `jiannuo report`: the quarterly supervision bulletin (督查通报) in HTML, Markdown and CSV, on the county demo.
@Suite("CLI: report, the supervision bulletin", .countyDemo)
struct ReportTests {
    func demo() throws -> CLI { try #require(CountyDemo.ledger, "the county demo was not made").cli }

    /// This quarter's ranking as `scores` gives it: (code, name) in rank order.
    func rankedUnits(_ cli: CLI) throws -> [(String, String)] {
        let r = try cli.run(["scores", "--period", "2026-Q4", "--json"])
        try #require(r.status == 0, "\(r)")
        return try r.array().map { ($0["department"] as? String ?? "", $0["name"] as? String ?? "") }
    }

    func read(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    /// Every run of 2 to 4 characters of a text: a name is in the text if it is in this set.
    func pieces(_ text: String) -> Set<String> {
        let chars = Array(text)
        var all = Set<String>()
        for n in 2...4 where chars.count >= n {
            for i in 0...(chars.count - n) { all.insert(String(chars[i..<(i + n)])) }
        }
        return all
    }

    func files(_ cli: CLI) -> [String: Data] {
        var out: [String: Data] = [:]
        for s in ["", "-wal"] { out[s] = FileManager.default.contents(atPath: cli.db + s) ?? Data() }
        return out
    }

    @Test("report -o x.html: one self-contained file with the ranking, three charts and the assessment table; the ledger is not written")
    func html() throws {
        let cli = try demo()
        let dir = cli.path("html-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let before = files(cli)
        let r = try cli.run(["report", "--period", "2026-Q4", "-o", dir + "/通报.html"])
        #expect(r.status == 0, "\(r)")
        #expect(files(cli) == before, "report changed the ledger")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["通报.html"], "exactly one file is written")
        let page = try read(dir + "/通报.html")
        #expect(page.hasPrefix("<!DOCTYPE html>"))
        #expect(!page.contains("http") && !page.contains("src=") && !page.contains("<script") && !page.contains("<link"), "external references")
        #expect(page.components(separatedBy: "<svg").count - 1 >= 3, "three charts")
        for svg in page.components(separatedBy: "<svg").dropFirst() {
            #expect(svg.contains("<title>") && svg.contains("<text") && svg.contains("WenQuanYi Micro Hei"), "an SVG without a title, labels or the font")
        }
        #expect(page.contains("@page") && page.contains("A4") && page.contains("page-break-before") && page.contains("white-space: nowrap"))
        // Ids and dates in running text sit in unbreakable spans: the words are read without the tags.
        let words = page.replacing(/<[^>]+>/, with: "")
        for heading in ["叶县政务诚信督查通报", "2026年第四季度", "2026-10-01 至 2026-12-31", "制发日期：2026-11-20",
                        "政务诚信得分排名", "分项得分", "按时办结率", "失信违诺与整改", "报县委县政府事项", "考核评价结果"] {
            #expect(words.contains(heading), "no \(heading)")
        }
        #expect(page.contains("<span class=\"id\">2026-10-01</span>"), "a date in running text may break over two lines")
        let ranking = try rankedUnits(cli)
        #expect(ranking.count > 20, "the county has more units: \(ranking.count)")
        // The ranking table lists the units in rank order.
        var last = page.startIndex
        for (_, name) in ranking {
            guard let at = page.range(of: "<td>\(name)</td>", range: last..<page.endIndex) else {
                Issue.record("\(name) missing or out of order in the ranking"); break
            }
            last = at.upperBound
        }
        #expect(page.contains("<td class=\"id\">\(ranking[0].0)</td><td>\(ranking[0].1)</td>"))
    }

    @Test("report -o x.csv: the assessment table only, UTF-8 with BOM, a header and one row per unit in use")
    func csv() throws {
        let cli = try demo()
        let path = cli.path("result-\(UUID().uuidString).csv")
        let r = try cli.run(["report", "--period", "2026-Q4", "-o", path])
        #expect(r.status == 0, "\(r)")
        let bytes = try #require(FileManager.default.contents(atPath: path))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF], "UTF-8 with a byte-order mark")
        let lines = String(decoding: bytes.dropFirst(3), as: UTF8.self).split(separator: "\n").map(String.init)
        #expect(lines.first == "单位代码,单位名称,得分,名次,等次")
        let ranking = try rankedUnits(cli)
        #expect(lines.count == ranking.count + 1, "\(lines.count - 1) rows for \(ranking.count) units")
        for (line, (code, name)) in zip(lines.dropFirst(), ranking) {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            #expect(cells.count == 5 && cells[0] == code && cells[1] == name, "\(line)")
            guard cells.count == 5, let score = Double(cells[2]) else { Issue.record("bad row \(line)"); continue }
            let grade = score >= 90 ? "优秀" : score >= 80 ? "良好" : score >= 60 ? "一般" : "较差"
            #expect(cells[4] == grade, "\(line)")
        }
        let active = try cli.run(["department", "list", "--json"]).array().filter { $0["active"] as? Bool ?? true }
        #expect(active.count == ranking.count, "one row per unit in use")
    }

    @Test("report -o x.md: the same sections as Markdown tables")
    func markdown() throws {
        let cli = try demo()
        let path = cli.path("bulletin-\(UUID().uuidString).md")
        let r = try cli.run(["report", "--period", "2026-Q4", "-o", path])
        #expect(r.status == 0, "\(r)")
        let text = try read(path)
        #expect(text.hasPrefix("# 叶县政务诚信督查通报\n"))
        for heading in ["## 一、政务诚信得分排名", "## 二、分项得分", "## 三、按时办结率", "## 四、失信违诺与整改", "## 五、报县委县政府事项", "## 六、督促检查发现的问题", "## 七、单位报告的困难问题", "## 八、问责情况", "## 九、舆情处置", "## 十、投诉办理统计", "## 十一、督办函", "## 十二、考核评价结果"] {
            #expect(text.contains("\n" + heading + "\n"), "no \(heading)")
        }
        #expect(text.contains("| 名次 | 单位代码 | 单位名称 | 得分 |"))
        #expect(text.contains("| 单位代码 | 单位名称 | 得分 | 名次 | 等次 |\n| --- | --- | ---: | ---: | --- |\n"))
        #expect(!text.contains("<svg") && !text.contains("<table"))
        let first = try rankedUnits(cli)[0]
        #expect(text.contains("| 1 | \(first.0) | \(first.1) |"))
    }

    @Test("no personal data: no phone-number-like digits and no complainant's name in the HTML or the Markdown")
    func noPersonalData() throws {
        let cli = try demo()
        let html = cli.path("p-\(UUID().uuidString).html"), md = cli.path("p-\(UUID().uuidString).md")
        #expect(try cli.run(["report", "-o", html]).status == 0)
        #expect(try cli.run(["report", "-o", md]).status == 0)
        let names = try #require(CountyDemo.ledger).complainants
        #expect(names.count > 100, "the demo has complainants: \(names.count)")
        for text in [try read(html), try read(md)] {
            #expect(text.firstMatch(of: /\d{11}/) == nil, "a phone-number-like string")
            let found = names.intersection(pieces(text))
            #expect(found.isEmpty, "complainants' names: \(found.sorted().prefix(10))")
        }
    }

    @Test("HTML without -o on standard output, --json gives the figures, --format overrides, bad names are refused")
    func contract() throws {
        let cli = try demo()
        let page = try cli.run(["report"])
        #expect(page.status == 0 && page.stdout.hasPrefix("<!DOCTYPE html>") && page.stdout.contains("2026年第四季度"), "\(page)")
        let json = try cli.run(["report", "--period", "2026-11", "--json"])
        let o = try json.object()
        #expect(o["period"] as? String == "2026-11" && o["previous_period"] as? String == "2026-10", "\(json)")
        let units = try #require(o["units"] as? [[String: Any]])
        #expect(units.count == (try rankedUnits(cli)).count)
        #expect(units.allSatisfy { ($0["trend"] as? [Any])?.count == 12 && $0["grade"] is String && $0["on_time"] is [String: Any] })
        #expect(o["categories"] as? [Any] != nil && o["escalations"] as? [Any] != nil)
        let forced = cli.path("forced-\(UUID().uuidString).txt")
        #expect(try cli.run(["report", "--format", "csv", "-o", forced]).status == 0)
        #expect(FileManager.default.contents(atPath: forced)?.prefix(3) == Data([0xEF, 0xBB, 0xBF]))
        #expect(try cli.run(["report", "-o", cli.path("x.txt")]).status == 65)
        #expect(try cli.run(["report", "--format", "pdf"]).status == 65)
        #expect(try cli.run(["report", "--period", "2026-13"]).status == 65)
    }

    @Test("the HTML prints with Chromium to an A4 PDF that holds the ranking and the assessment table")
    func pdf() throws {
        let cli = try demo()
        let chromium = try executable("chromium"), pdftotext = try executable("pdftotext"), pdfinfo = try executable("pdfinfo")
        let dir = cli.path("pdf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: dir + "/home", withIntermediateDirectories: true)
        let html = dir + "/x.html", pdf = dir + "/out.pdf"
        let r = try cli.run(["report", "--period", "2026-Q4", "-o", html])
        try #require(r.status == 0, "\(r)")
        let (s, _, e) = try runProcess(chromium, ["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                                                  "--print-to-pdf=\(pdf)", URL(fileURLWithPath: html).absoluteString],
                                       home: dir + "/home", timeout: 180)
        try #require(s == 0 && FileManager.default.fileExists(atPath: pdf), "chromium failed (\(s)): \(e.suffix(800))")
        let (ts, text, te) = try runProcess(pdftotext, ["-layout", pdf, "-"], home: dir + "/home", timeout: 60)
        #expect(ts == 0, "\(te)")
        let first = try rankedUnits(cli)[0]
        #expect(text.contains(first.1) && text.contains("考核评价结果") && text.contains("叶县政务诚信督查通报"), "\(text.prefix(600))")
        let (is_, info, ie) = try runProcess(pdfinfo, [pdf], home: dir + "/home", timeout: 60)
        #expect(is_ == 0, "\(ie)")
        let size = try #require(info.firstMatch(of: /Page size:\s+([0-9.]+) x ([0-9.]+) pts/), "\(info)")
        let w = try #require(Double(size.1)), h = try #require(Double(size.2))
        #expect(abs(w - 595) < 1.5 && abs(h - 842) < 1.5, "not A4: \(w) x \(h)")
        let pages = try #require(info.firstMatch(of: /Pages:\s+(\d+)/).flatMap { Int($0.1) })
        #expect(pages >= 7, "each of the seven sections starts a page: \(pages) pages")
    }
}
