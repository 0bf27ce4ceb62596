import Foundation
import Testing

/// Words, not codes, in either language: under --lang en nothing but data is Chinese, and under
/// the default language no command shows an internal code.
@Suite struct LanguageTests {
    /// A ledger whose every datum is ASCII: any Chinese printed under --lang en is the program's own.
    static func asciiLedger() throws -> CLI {
        let cli = try CLI(today: "2026-11-20")
        let en = ["--lang", "en"]
        for (code, name, kind) in [("E1", "East Town", "township"), ("W1", "West Street", "subdistrict")] {
            let r = try cli.run(["department", "add", "--code", code, "--name", name, "--kind", kind] + en)
            try #require(r.status == 0, "\(r)")
            #expect(!hasCJK(r.stdout + r.stderr), "\(r)")
        }
        let writes: [[String]] = [
            ["commitment", "add", "--department", "East Town", "--category", "3", "--kind", "contract", "--counterparty", "Acme Ltd",
             "--content", "Pay for the road works", "--amount", "235624", "--made", "2026-01-05", "--deadline", "2026-03-01",
             "--delivered", "2026-01-10", "--procedures", "legality,collective"],
            ["commitment", "add", "--department", "W1", "--category", "1", "--kind", "policy", "--counterparty", "Beta Co",
             "--content", "Grant the promised subsidy", "--made", "2026-02-01", "--deadline", "2026-12-31"],
            ["commitment", "progress", "CN-2026-0002", "--percent", "40", "--note", "half paid"],
            ["complaint", "add", "--channel", "hotline", "--department", "E1", "--content", "The subsidy was never paid",
             "--complainant", "Li Lei", "--contact", "13800138000", "--category", "1", "--received", "2026-11-02 09:00"],
            ["complaint", "add", "--channel", "phone", "--department", "W1", "--content", "Road still closed", "--received", "2026-11-19 10:00"],
            ["complaint", "accept", "TS-2026-000001", "--at", "2026-11-03 09:00"],
            ["complaint", "resolve", "TS-2026-000001", "--result", "Paid in full", "--at", "2026-11-05 10:00"],
            ["complaint", "respond", "TS-2026-000001", "--text", "Told the firm", "--at", "2026-11-06 10:00"],
            ["complaint", "verify", "TS-2026-000001", "--breach", "yes", "--category", "1", "--finding", "Promise broken", "--at", "2026-11-07 10:00"],
            ["rectification", "add", "SX-2026-0001", "--unit", "E1", "--measures", "Pay and apologise", "--deadline", "2026-11-13", "--ordered", "2026-11-08"],
            ["accountability", "add", "SX-2026-0001", "--target", "Head of E1", "--kind", "interview", "--date", "2026-11-09"],
            ["opinion", "add", "--department", "W1", "--title", "Road story", "--source", "local paper", "--severity", "high", "--date", "2026-11-10"],
        ]
        for w in writes {
            let r = try cli.run(w + en)
            try #require(r.status == 0, "\(r)")
            #expect(!hasCJK(r.stdout + r.stderr), "Chinese under --lang en: \(r)")
        }
        return cli
    }

    static let reads: [[String]] = [
        ["status"], ["alerts"], ["scores"], ["department", "list"], ["department", "show", "E1"], ["department", "show", "West Street"],
        ["commitment", "list"], ["commitment", "show", "CN-2026-0001"], ["complaint", "list"], ["complaint", "show", "TS-2026-000001"],
        ["breach", "list"], ["breach", "show", "SX-2026-0001"], ["rectification", "list"], ["accountability", "list"], ["opinion", "list"],
        ["audit", "list"], ["audit", "verify"], ["audit", "anchor"], ["user", "list"], ["user", "roles"], ["whoami"], ["doctor"],
        ["calendar", "show", "2026-11"], ["calendar", "workdays", "2026-11-01", "2026-11-30"],
    ]

    /// The dashboard's screens, rendered as the command line offers them.
    static let screens: [[String]] = [
        ["render"], ["render", "--keys", "?"], ["render", "--keys", "1 Enter"], ["render", "--keys", "2 Enter"],
        ["render", "--keys", "4 Enter"], ["render", "--width", "200", "--height", "60", "--keys", "3"],
        ["render", "--width", "200", "--height", "60", "--keys", "4 Enter G"],
    ]

    @Test("under --lang en every command's words are English: only data may be Chinese, and this ledger's data is not")
    func englishEverywhere() throws {
        let cli = try Self.asciiLedger()
        for args in Self.reads + Self.screens {
            let r = try cli.run(args + ["--lang", "en"])
            #expect(r.status == 0, "\(r)")
            #expect(!r.stdout.isEmpty, "\(r)")
            let han = (r.stdout + r.stderr).unicodeScalars.filter { (0x3000...0x9FFF).contains($0.value) || (0xFF00...0xFFEF).contains($0.value) }
            #expect(han.isEmpty, "Chinese under --lang en: \(String(String.UnicodeScalarView(han)).prefix(40)) in \(r)")
        }
        // Refusals too.
        let bad = try cli.run(["alerts", "--department", "Nowhere", "--lang", "en"])
        #expect(bad.status == 65 && !hasCJK(bad.stderr), "\(bad)")
    }

    @Test("under the default language no command shows an internal code (snake_case or entity.action)")
    func noCodesInChinese() throws {
        let cli = try Self.asciiLedger()
        let code = try NSRegularExpression(pattern: #"\b[a-z]+_[a-z_]+\b|\b[a-z]+\.[a-z][a-z-]+\b"#)
        for args in Self.reads + Self.screens {
            let r = try cli.run(args)
            #expect(r.status == 0, "\(r)")
            let text = (r.stdout + r.stderr).replacingOccurrences(of: cli.db, with: "").replacingOccurrences(of: "ledger.sqlite", with: "")
            let found = code.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { String(text[Range($0.range, in: text)!]) }
            #expect(found.isEmpty, "codes \(found) on a Chinese screen: \(r)")
        }
        // The record and the unit's breach file word every rule.
        let show = try cli.run(["department", "show", "E1"])
        #expect(show.stdout.contains("受理超时") || show.stdout.contains("失信（招商引资政策不兑现）"), "\(show)")
        #expect(!show.stdout.contains("breach_category"), "\(show)")
    }

    @Test("overdue items read 逾期 N 天 and amounts are grouped, never a negative count")
    func overdueInWords() throws {
        let cli = try Self.asciiLedger()
        let alerts = try cli.run(["alerts"])
        #expect(alerts.stdout.contains("逾期 "), "\(alerts)")
        #expect(alerts.stdout.range(of: #"\s-\d+\s*(天|工作日)"#, options: .regularExpression) == nil, "\(alerts)")
        #expect(alerts.stdout.contains("235,624.00 元"), "\(alerts)")
        let list = try cli.run(["commitment", "list"])
        #expect(list.stdout.contains("逾期 264 天"), "\(list)")
        let en = try cli.run(["alerts", "--lang", "en"])
        #expect(en.stdout.contains("264 days late"), "\(en)")
    }

    @Test("a unit is taken by code or exact name; anything else is refused with candidates and nothing is written")
    func unitByName() throws {
        let cli = try Self.asciiLedger()
        let before = try cli.count("complaints")
        let byName = try cli.run(["complaint", "add", "--channel", "visit", "--department", "West Street", "--content", "Noise", "--json"])
        #expect(byName.status == 0, "\(byName)")
        let added = try byName.object()
        #expect(added["department"] as? String == "W1")
        let near = try cli.run(["complaint", "add", "--channel", "visit", "--department", "West", "--content", "Noise"])
        #expect(near.status == 65, "\(near)")
        #expect(near.stderr.contains("没有名为“West”的单位；是否指：West Street（W1）"), "\(near)")
        let after = try cli.count("complaints")
        #expect(after == before + 1)
        let filtered = try cli.run(["complaint", "list", "--department", "East Town", "--json"])
        let ids = try filtered.array().compactMap { $0["department"] as? String }
        #expect(!ids.isEmpty && ids.allSatisfy { $0 == "E1" }, "\(filtered)")
        let none = try cli.run(["alerts", "--department", "Nowhere"])
        #expect(none.status == 65 && none.stderr.contains("没有代码或名称为“Nowhere”的单位"), "\(none)")
    }

    @Test("into a pipe a table is never cut: the command an alert tells you to run is whole")
    func tablesNotCutInAPipe() throws {
        let cli = try CLI(today: "2026-12-01")
        let r = try cli.run(["alerts"])
        #expect(r.stdout.contains("jiannuo calendar load 2027.toml"), "\(r)")
        #expect(!r.stdout.contains("…"), "\(r)")
    }

    @Test("calendar grids align: every week row's day numbers sit under their weekday, and 2026-09-20 is a 国庆节 make-up day")
    func calendarGrid() throws {
        let cli = try CLI(today: "2026-11-20")
        for month in ["2026-02", "2026-09", "2026-10"] {
            let r = try cli.run(["calendar", "show", month])
            #expect(r.status == 0, "\(r)")
            let rows = r.stdout.split(separator: "\n").dropFirst(2).prefix { $0.first == " " }
            #expect(rows.count >= 4, "\(r)")
            for row in rows { #expect(displayWidth(String(row)) <= 35, "row wider than seven cells: \(row)") }
            // Monday's column: every full week starts at column 0 with a right-aligned number.
            for row in rows.dropFirst() {
                let head = row.prefix(3).trimmingCharacters(in: .whitespaces)
                #expect(!head.isEmpty && Int(head) != nil, "\(row)")
            }
        }
        let sep = try cli.run(["calendar", "show", "2026-09"])
        #expect(sep.stdout.contains("2026-09-20  上班  国庆节调休上班"), "\(sep)")
        #expect(!sep.stdout.contains("中秋节调休"), "\(sep)")
    }

    func displayWidth(_ s: String) -> Int {
        s.unicodeScalars.reduce(0) { $0 + ((0x2E80...0x9FFF).contains($1.value) || (0xFF00...0xFF60).contains($1.value) ? 2 : 1) }
    }
}
