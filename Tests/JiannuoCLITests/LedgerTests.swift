import Foundation
import Testing

/// Ledgers out and in: export → import into an empty database → export gives identical files, in both
/// header languages; a ledger with bad rows imports nothing and names each row and column; a second
/// import adds nothing; an online backup is a complete, intact copy.
@Suite("CLI: export, import, backup") struct LedgerTests {
    @Test("export → import → export gives identical CSV files, with Chinese or English headers")
    func roundTrip() throws {
        let cli = try CLI(today: "2026-11-20")
        #expect(try cli.run(["demo"]).status == 0)
        for lang in ["zh", "en"] {
            let empty = cli.path("empty-\(lang).sqlite")
            #expect(try cli.run(["init"], db: empty).status == 0)
            for kind in ["departments", "commitments", "complaints"] {
                let first = cli.path("\(kind)-\(lang).csv"), second = cli.path("\(kind)-\(lang)-again.csv")
                #expect(try cli.run(["export", kind, "-o", first, "--lang", lang]).status == 0)
                let bytes = try #require(FileManager.default.contents(atPath: first))
                #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF], "UTF-8 with a byte-order mark, for Excel and WPS")
                let header = String(decoding: bytes.dropFirst(3).prefix(40), as: UTF8.self)
                #expect(lang == "zh" ? hasCJK(header) : !hasCJK(header), "\(lang) headers: \(header)")
                let r = try cli.run(["import", kind, first], db: empty)
                #expect(r.status == 0, "\(r)")
                #expect(try cli.run(["export", kind, "-o", second, "--lang", lang], db: empty).status == 0)
                #expect(FileManager.default.contents(atPath: second) == bytes, "\(kind) (\(lang)) did not round-trip")
            }
            // A second import of the same file adds nothing.
            let again = try cli.run(["import", "complaints", cli.path("complaints-\(lang).csv"), "--json"], db: empty)
            let o = try again.object()
            #expect(o["imported"] as? Int == 0 && (o["skipped"] as? Int ?? 0) > 0, "\(again)")
            #expect(try cli.run(["audit", "verify"], db: empty).status == 0)
        }
    }

    @Test("a ledger with bad rows imports nothing and names each row and column")
    func badRowsRefuseTheFile() throws {
        let cli = try CLI(today: "2026-11-20")
        #expect(try cli.run(["demo"]).status == 0)
        let good = cli.path("commitments.csv"), departments = cli.path("departments.csv")
        #expect(try cli.run(["export", "commitments", "-o", good]).status == 0)
        #expect(try cli.run(["export", "departments", "-o", departments]).status == 0)
        var lines = try String(contentsOfFile: good, encoding: .utf8).components(separatedBy: "\n")
        // Row 5 (line index 4): an impossible deadline; row 8: a wrong column count.
        var cells = lines[4].components(separatedBy: ",")
        cells[9] = "2026-02-30"
        lines[4] = cells.joined(separator: ",")
        lines[7] = "CN-2026-9999,410422101"
        let bad = cli.path("bad.csv")
        try lines.joined(separator: "\n").write(toFile: bad, atomically: true, encoding: .utf8)
        let target = cli.path("target.sqlite")
        #expect(try cli.run(["init"], db: target).status == 0)
        #expect(try cli.run(["import", "departments", departments], db: target).status == 0)
        let before = try cli.count("commitments")   // of the demo database, untouched
        let r = try cli.run(["import", "commitments", bad], db: target)
        #expect(r.status == 65, "\(r)")
        #expect(r.stderr.contains("第 5 行「兑现时限」"), "\(r.stderr)")
        #expect(r.stderr.contains("第 8 行"), "\(r.stderr)")
        let (_, count, _) = try cli.sqlite(["SELECT count(*) FROM commitments"], db: target)
        #expect(count.trimmingCharacters(in: .whitespacesAndNewlines) == "0", "nothing imported")
        #expect(try cli.count("commitments") == before)
    }

    @Test("backup makes a complete, intact copy and never overwrites a file")
    func backup() throws {
        let cli = try CLI(today: "2026-11-20")
        #expect(try cli.run(["demo"]).status == 0)
        let copy = cli.path("copy.sqlite")
        #expect(try cli.run(["backup", copy]).status == 0)
        let (_, check, _) = try cli.sqlite(["PRAGMA integrity_check"], db: copy)
        #expect(check.trimmingCharacters(in: .whitespacesAndNewlines) == "ok")
        let (_, n, _) = try cli.sqlite(["SELECT count(*) FROM complaints"], db: copy)
        #expect(Int(n.trimmingCharacters(in: .whitespacesAndNewlines)) == (try cli.count("complaints")))
        #expect(try cli.run(["audit", "verify"], db: copy).status == 0)
        let again = try cli.run(["backup", copy])
        #expect(again.status == 65 && hasCJK(again.stderr))
    }

    @Test("publish writes the commitment letter and ledger, escaped, with no complainant's name or contact")
    func publish() throws {
        let cli = try CLI(today: "2026-11-20")
        #expect(try cli.run(["demo"]).status == 0)
        let html = cli.path("wall.html"), md = cli.path("wall.md")
        #expect(try cli.run(["publish", "-o", html]).status == 0)
        #expect(try cli.run(["publish", "--department", "410422101", "-o", md]).status == 0)
        let page = try String(contentsOfFile: html, encoding: .utf8)
        let letter = try String(contentsOfFile: md, encoding: .utf8)
        #expect(page.contains("政务诚信承诺书") && page.contains("<table>"))
        #expect(letter.hasPrefix("# 任店镇政务诚信承诺书"))
        let complaints = try cli.run(["complaint", "list", "--json"]).array()
        for c in complaints.prefix(500) {
            for key in ["contact", "complainant"] {
                if let v = c[key] as? String, v.count > 1 {
                    #expect(!page.contains(v) && !letter.contains(v), "\(key) \(v) was published")
                }
            }
        }
        #expect(try cli.run(["publish", "-o", cli.path("wall.txt")]).status == 65)
    }
}
