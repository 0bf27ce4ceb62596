import Foundation
import JiannuoTestSupport
import Testing
import JiannuoCore
@testable import JiannuoTUI

/// The dashboard and `jiannuo render` under `--lang en` (or LANG=en*). The screens are rendered from a
/// ledger whose every datum is ASCII, so any Chinese on them is the program's own words. The default
/// language stays Chinese: `DashboardGoldenTests` holds those screens byte for byte.
@Suite struct EnglishDashboardTests {
    init() { _ = Width.ensureLocale() }

    /// Three units, four commitments, four complaints at every stage, a breach with its rectification and
    /// accountability, an opinion event: every pane has rows and every overlay has something to show.
    final class Ledger: @unchecked Sendable {
        let dir: TemporaryDirectory
        let bin: String
        var db: String { dir.file("ledger.sqlite") }

        static let writes: [[String]] = [
            ["department", "add", "--code", "E1", "--name", "East Town", "--kind", "township"],
            ["department", "add", "--code", "W1", "--name", "West Street", "--kind", "subdistrict"],
            ["department", "add", "--code", "F1", "--name", "Finance Bureau", "--kind", "county-department"],
            ["commitment", "add", "--department", "East Town", "--category", "3", "--kind", "contract", "--counterparty", "Acme Ltd",
             "--content", "Pay for the road works", "--amount", "235624", "--made", "2026-01-05", "--deadline", "2026-03-01",
             "--delivered", "2026-01-10", "--procedures", "legality,collective"],
            ["commitment", "add", "--department", "W1", "--category", "1", "--kind", "policy", "--counterparty", "Beta Co",
             "--content", "Grant the promised subsidy", "--made", "2026-02-01", "--deadline", "2026-12-31"],
            ["commitment", "add", "--department", "F1", "--category", "2", "--kind", "letter", "--counterparty", "Gamma Works",
             "--content", "Refund the deposit", "--made", "2026-06-01", "--deadline", "2026-11-25"],
            ["commitment", "add", "--department", "E1", "--category", "1", "--kind", "policy", "--counterparty", "Delta Farm",
             "--content", "Build the farm road", "--made", "2026-05-01", "--deadline", "2026-11-20"],
            ["commitment", "progress", "CN-2026-0002", "--percent", "40", "--note", "half paid"],
            ["complaint", "add", "--channel", "hotline", "--department", "E1", "--content", "The subsidy was never paid",
             "--complainant", "Li Lei", "--contact", "13800138000", "--category", "1", "--received", "2026-11-02 09:00"],
            ["complaint", "add", "--channel", "phone", "--department", "W1", "--content", "Road still closed", "--received", "2026-11-19 10:00"],
            ["complaint", "add", "--channel", "email", "--department", "F1", "--content", "Invoice unpaid for months", "--complainant", "Zhao Min",
             "--contact", "zm@example.com", "--category", "3", "--received", "2026-11-09 09:00"],
            ["complaint", "add", "--channel", "visit", "--department", "E1", "--content", "Noise from the plant at night", "--urgency", "urgent",
             "--received", "2026-11-16 09:00"],
            ["complaint", "accept", "TS-2026-000001", "--at", "2026-11-03 09:00"],
            ["complaint", "resolve", "TS-2026-000001", "--result", "Paid in full", "--at", "2026-11-05 10:00"],
            ["complaint", "respond", "TS-2026-000001", "--text", "Told the firm", "--at", "2026-11-06 10:00"],
            ["complaint", "verify", "TS-2026-000001", "--breach", "yes", "--category", "1", "--finding", "Promise broken", "--at", "2026-11-07 10:00"],
            ["rectification", "add", "SX-2026-0001", "--unit", "E1", "--measures", "Pay and apologise", "--deadline", "2026-11-13",
             "--ordered", "2026-11-08"],
            ["accountability", "add", "SX-2026-0001", "--target", "Head of E1", "--kind", "interview", "--date", "2026-11-09"],
            ["complaint", "accept", "TS-2026-000003", "--at", "2026-11-09 10:00"],
            ["complaint", "resolve", "TS-2026-000003", "--result", "Invoice paid", "--at", "2026-11-12 10:00"],
            ["complaint", "respond", "TS-2026-000003", "--text", "Told the supplier", "--at", "2026-11-13 10:00"],
            ["complaint", "accept", "TS-2026-000004", "--at", "2026-11-16 11:00"],
            ["opinion", "add", "--department", "W1", "--title", "Road story", "--source", "local paper", "--severity", "high", "--date", "2026-11-10"],
        ]

        init(sourceLocation: SourceLocation = #_sourceLocation) throws {
            bin = try jiannuoBinary(sourceLocation: sourceLocation)
            dir = try TemporaryDirectory("jiannuo-en")
            let made = try ProcessRunner.run(bin, ["init", "--db", dir.file("ledger.sqlite")], home: dir.path)
            try #require(made.status == 0, "init failed: \(made)", sourceLocation: sourceLocation)
            for w in Self.writes {
                let r = try run(w + ["--lang", "en"])
                try #require(r.status == 0, "\(r)", sourceLocation: sourceLocation)
            }
        }

        /// `jiannuo ARGS --db DB --today 2026-11-20` (a step typed `--at` an earlier day on that day, `entryDay`),
        /// LANG=C.UTF-8 unless `env` says otherwise.
        @discardableResult
        func run(_ args: [String], env: [String: String] = [:]) throws -> ProcessResult {
            try ProcessRunner.run(bin, args + ["--db", db, "--today", entryDay(args, today: DashboardSupport.today)], home: dir.path, extraEnv: env)
        }

        /// `jiannuo render --lang en` at a size, after optional keys.
        func render(_ width: Int, _ height: Int, keys: String? = nil, lang: [String] = ["--lang", "en"], env: [String: String] = [:],
                    sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
            let r = try run(["render", "--width", "\(width)", "--height", "\(height)"] + (keys.map { ["--keys", $0] } ?? []) + lang, env: env)
            try #require(r.status == 0, "render failed: \(r)", sourceLocation: sourceLocation)
            #expect(Self.foreign(r.stderr).isEmpty, "Chinese on standard error: \(r.stderr)", sourceLocation: sourceLocation)
            return r.stdout
        }

        /// Han characters and CJK or full-width punctuation in `text`: none may appear under English.
        static func foreign(_ text: String) -> String {
            String(String.UnicodeScalarView(text.unicodeScalars.filter {
                (0x2E80...0x9FFF).contains($0.value) || (0xF900...0xFAFF).contains($0.value) || (0xFF00...0xFFEF).contains($0.value)
            }))
        }
    }

    nonisolated(unsafe) private static var sharedLedger: Ledger?
    private static let lock = NSLock()

    /// One ledger for every test of a run, made on first use.
    static func ledger(sourceLocation: SourceLocation = #_sourceLocation) throws -> Ledger {
        lock.lock(); defer { lock.unlock() }
        if let l = sharedLedger { return l }
        let l = try Ledger(sourceLocation: sourceLocation)
        sharedLedger = l
        atexit { EnglishDashboardTests.sharedLedger = nil }
        return l
    }

    struct Screen: CustomTestStringConvertible, Sendable {
        let name: String
        let width: Int
        let height: Int
        let keys: String?
        /// English words that show this is the screen meant (not, say, a refusal in the footer).
        let expect: [String]
        /// Chinese that may appear: words the ledger stores as chosen (accountability kinds).
        var allowed: [String] = []
        var testDescription: String { name }
    }

    static let screens: [Screen] = [
        Screen(name: "panes 80x24", width: 80, height: 24, keys: nil,
               expect: ["1 Commitments", "2 Complaints", "3 Deadlines", "4 Unit scores", "report up", "264d late", "Enter detail", "? more"]),
        Screen(name: "panes 200x60", width: 200, height: 60, keys: nil,
               expect: ["Party", "Yuan", "Channel", "Urgency", "visit", "in progress", "breach report", "? help"]),
        Screen(name: "complaints focused 200x60", width: 200, height: 60, keys: "2 j", expect: ["▶ 2 Complaints (2/2)", "to accept", "s accept"]),
        Screen(name: "deadlines focused 80x24", width: 80, height: 24, keys: "3 j j", expect: ["▶ 3 Deadlines (3/10)", "u report"]),
        Screen(name: "scores focused 80x24", width: 80, height: 24, keys: "4", expect: ["▶ 4 Unit scores", "Enter file"]),
        Screen(name: "sorted 80x24", width: 80, height: 24, keys: "o O", expect: ["Sorted by ↓unit", "↓unit"]),
        Screen(name: "help 80x24", width: 80, height: 24, keys: "? PgDn", expect: ["Keys", "more above", "lines"]),
        Screen(name: "help 200x60", width: 200, height: 60, keys: "2 ?", expect: ["Keys here (2 Complaints pane)", "Accept the complaint"]),
        Screen(name: "help end 80x24", width: 80, height: 24, keys: "? G", expect: ["Anywhere", "Quit (anywhere; SIGTERM too)"]),
        Screen(name: "help from a form 80x24", width: 80, height: 24, keys: "a F1", expect: ["Keys here (complaint form)", "Next option"]),
        Screen(name: "commitment record 80x24", width: 80, height: 24, keys: "Enter", expect: ["commitment CN-2026-0001", "Esc back"]),
        Screen(name: "complaint record 120x40", width: 120, height: 40, keys: ": T S - 2 0 2 6 - 0 0 0 0 0 1 Enter Enter",
               expect: ["complaint TS-2026-000001", "found from it", "m follow up"]),
        Screen(name: "breach record 80x24", width: 80, height: 24, keys: "3 j j Enter", expect: ["breach SX-2026-0001", "u report", "w rectified"]),
        Screen(name: "drill-down 120x40", width: 120, height: 40, keys: "4 j j Enter",
               expect: ["East Town E1 integrity file", "Score lines", "Breaches (1)", "Nearing and overdue", "Twelve months", "Enter open"]),
        Screen(name: "drill-down from a complaint 80x24", width: 80, height: 24, keys: "2 d", expect: ["integrity file", "On-time rate"]),
        Screen(name: "drill-down end 80x24", width: 80, height: 24, keys: "4 j j Enter G", expect: ["[report up]", "line ", "more above"]),
        Screen(name: "intake 80x24", width: 80, height: 24, keys: "a", expect: ["Register a complaint", "12345 hotline", "Ctrl-S save"]),
        Screen(name: "intake with errors 120x40", width: 120, height: 40, keys: "a Tab Tab Right Tab W a n g Tab x Tab Q Tab 3 C-s",
               expect: ["fields need fixing", "✗", "urgent"]),
        Screen(name: "intake suggestion 140x40", width: 140, height: 40, keys: "a Tab Tab Tab Tab Tab E 1 Tab Tab",
               expect: ["→ East Town (E1)", "suggested: CN-2026-", "(Ctrl-N takes it)"]),
        Screen(name: "intake discard 80x24", width: 80, height: 24, keys: "a Tab Tab Tab W Escape",
               expect: ["Discard the complaint?", "keep editing"]),
        Screen(name: "progress form 80x24", width: 80, height: 24, keys: "p", expect: ["Progress CN-2026-0001", "Progress %", "not started"]),
        Screen(name: "verify confirmation 80x24", width: 80, height: 24, keys: "2 h Right Tab 3 Tab x C-s",
               expect: ["Confirm: Verify TS-2026-000004", "This cannot be undone.", "go back"]),
        Screen(name: "verify form 120x40", width: 120, height: 40, keys: "2 h Right Tab", expect: ["Verify TS-2026-000004", "0 as complaint"]),
        Screen(name: "fulfil confirmation 80x24", width: 80, height: 24, keys: "j x C-s", expect: ["Mark commitment CN-2026-0004 as fulfilled"]),
        Screen(name: "step refused 80x24", width: 80, height: 24, keys: "2 s", expect: ["already accepted"]),
        Screen(name: "report up from an alert 80x24", width: 80, height: 24, keys: "3 u", expect: ["Report arrears alert CN-2026-0001 to the county"]),
        Screen(name: "accountability form 80x24", width: 80, height: 24, keys: "3 j j z",
               expect: ["Accountability SX-2026-0001", "Target", "Form"], allowed: Accountability.commonKinds),
        Screen(name: "filter form commitments 80x24", width: 80, height: 24, keys: "F",
               expect: ["Filter 1 Commitments by conditions", "Made from", "0 all"]),
        Screen(name: "filter form complaints 80x24", width: 80, height: 24, keys: "2 F Tab Right Tab Right",
               expect: ["Received from", "to accept", "Urgency"]),
        Screen(name: "filter form deadlines 80x24", width: 80, height: 24, keys: "3 F Tab Right", expect: ["Level", "report up"]),
        Screen(name: "filter applied 80x24", width: 80, height: 24, keys: "2 F Tab Right Right C-s", expect: ["1 cond.", "Filtered by 1 condition "]),
        Screen(name: "filter refused 80x24", width: 80, height: 24, keys: "2 F Tab Right Tab Tab Tab Tab 2 0 2 6 C-s",
               expect: ["received from"]),
        Screen(name: "scores have no filter form 80x24", width: 80, height: 24, keys: "4 F", expect: ["Filter the scores pane by unit with /"]),
        Screen(name: "filter line 80x24", width: 80, height: 24, keys: "/ z z z", expect: ["/zzz", "(nothing matches \"zzz\")", "type filter"]),
        Screen(name: "search 100x30", width: 100, height: 30, keys: ": E a s t Enter",
               expect: ["Search: commitments, complaints, units", "Find:", "township", "Kind"]),
        Screen(name: "search by content 100x30", width: 100, height: 30, keys: ": r o a d Enter", expect: ["commitment", "not started"]),
        Screen(name: "search finds nothing 80x24", width: 80, height: 24, keys: ": z z z Enter", expect: ["Nothing found for \"zzz\""]),
        Screen(name: "export under render 80x24", width: 80, height: 24, keys: "e", expect: ["render writes no files"]),
        Screen(name: "terminal too small 40x10", width: 40, height: 10, keys: nil, expect: ["Terminal too small"]),
    ]

    @Test(arguments: screens)
    func noChineseButData(_ s: Screen) throws {
        let text = try Self.ledger().render(s.width, s.height, keys: s.keys)
        var checked = text
        for a in s.allowed { checked = checked.replacingOccurrences(of: a, with: "") }
        let han = Ledger.foreign(checked)
        #expect(han.isEmpty, "\(s.name): Chinese under --lang en: “\(han.prefix(40))”\n\(text)")
        for word in s.expect { #expect(text.contains(word), "\(s.name): “\(word)” not on screen\n\(text)") }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.count == s.height + 1, "\(s.name): \(lines.count - 1) lines for a height of \(s.height)")
        for (i, l) in lines.enumerated() {
            #expect(Width.of(l) <= s.width, "\(s.name) line \(i + 1) is \(Width.of(l)) columns wide: \(l)")
        }
        if s.width >= 60 {
            let (boxes, problems) = DashboardSupport.misalignedBoxes(text, allowOccluded: true)
            #expect(boxes >= 1 && problems.isEmpty, "\(s.name): \(problems.prefix(4).joined(separator: "\n"))")
        }
    }

    /// Reviewed by eye: `UPDATE_GOLDEN=1 swift test --filter EnglishDashboardTests` writes them.
    static let goldens: [(name: String, width: Int, height: Int, keys: String?)] = [
        ("en-dashboard-80x24", 80, 24, nil),
        ("en-help-80x24", 80, 24, "? PgDn"),
        ("en-drill-120x40", 120, 40, "4 j j Enter"),
    ]

    @Test func englishGoldens() throws {
        for g in Self.goldens {
            let screen = DashboardGoldenTests.accountNeutral(try Self.ledger().render(g.width, g.height, keys: g.keys))
            try DashboardGoldenTests.compare(screen, golden: g.name)
        }
    }

    @Test("LANG=en* picks English, --lang wins over LANG, and the default is Chinese")
    func languageComesFromTheCommandLineOrTheEnvironment() throws {
        let l = try Self.ledger()
        let zh = try l.render(80, 24, lang: [])
        #expect(zh.contains("1 承诺事项") && zh.contains("须上报") && zh.contains("逾期264天"), "\(zh)")
        let env = try l.render(80, 24, lang: [], env: ["LANG": "en_US.UTF-8"])
        #expect(env.contains("1 Commitments") && Ledger.foreign(env).isEmpty, "\(env)")
        let forced = try l.render(80, 24, lang: ["--lang", "zh"], env: ["LANG": "en_US.UTF-8"])
        #expect(forced == zh)
        #expect(try l.render(80, 24) == env)
    }

    @Test("every binding of the one key table has English: its help, its footer label and its keys")
    func everyBindingHasAnEnglishLabel() {
        for b in DashboardKeys.map.bindings {
            let what = "\(b.keyNames) in \(b.context)"
            #expect(!b.help.en.isEmpty && b.help.en != b.help.zh && Ledger.foreign(b.help.en).isEmpty, "help of \(what): \(b.help)")
            if let f = b.footer { #expect(!f.en.isEmpty && Ledger.foreign(f.en).isEmpty, "footer of \(what): \(f)") }
            if let k = b.footerKeys { #expect(!k.en.isEmpty && Ledger.foreign(k.en).isEmpty, "footer keys of \(what): \(k)") }
            #expect(Ledger.foreign(b.keyNames(.en)).isEmpty, "keys of \(what): \(b.keyNames(.en))")
        }
        for (title, _) in DashboardKeys.places { #expect(!title.en.isEmpty && Ledger.foreign(title.en).isEmpty, "\(title)") }
        let help = HelpContent(place: [.commitments, .panes], lang: .en).lines(width: 76).map(\.text).joined(separator: "\n")
        #expect(Ledger.foreign(help).isEmpty)
        for b in DashboardKeys.map.bindings { #expect(help.contains(b.help.en), "the English help lacks “\(b.help.en)”") }
        // The footer of every place, in English.
        var s = DashboardState(size: Size(width: 200, height: 60))
        var d = DashboardData(today: Day("2026-11-20")!, operatorName: "tester", database: "/tmp/x.sqlite", readOnly: false, calendar: WorkCalendar())
        d.lang = .en
        for p in Pane.allCases {
            s.focus = p
            let (hints, help) = DashboardKeys.footer(s, d)
            #expect(Ledger.foreign(hints.map { $0.keys + " " + $0.label }.joined() + (help ?? "")).isEmpty, "\(p)")
        }
    }

    @Test("forms, sort columns and titles have English words; only the accountability kinds are the ledger's own")
    func formsInEnglish() {
        let steps: [ActionForm.Step] = [.accept, .extend, .returnTo, .resolve, .respond, .verify, .followup, .progress, .fulfill, .feedback,
                                        .amend, .report, .accountability, .rectify, .rectificationDone]
        for step in steps {
            let f = ActionForm.make(step, record: "CN-2026-0001", today: Day("2026-11-20")!, unit: "East Town", lang: .en)
            let words = [f.title, step.label(.en)] + f.inputs.flatMap { [$0.label] + ($0.options ?? []).filter { !Accountability.commonKinds.contains($0) } }
            #expect(Ledger.foreign(words.joined(separator: " ")).isEmpty, "\(step): \(words)")
        }
        for p in Pane.allCases {
            #expect(Ledger.foreign(p.title(.en) + p.sortColumns.map(\.en).joined()).isEmpty, "\(p)")
            if let f = FilterForms.make(p, PaneState().query, names: ["E1": "East Town"], lang: .en) {
                let words = [f.title] + f.inputs.flatMap { [$0.label] + ($0.options ?? []) }
                #expect(Ledger.foreign(words.joined()).isEmpty, "\(p): \(words)")
            }
        }
        for field in IntakeForm.Field.allCases { #expect(Ledger.foreign(field.label(.en)).isEmpty && field.label(.zh) == field.label) }
    }
}
