import Foundation
import JiannuoTestSupport
import Testing
@testable import JiannuoTUI

/// `jiannuo render` on the small demo (seed 1, today 2026-11-20) compared byte for byte with the files in
/// Golden/. `UPDATE_GOLDEN=1 swift test …` rewrites them (review every one by eye before committing);
/// without it a missing file is a failure.
@Suite struct DashboardGoldenTests {
    init() { _ = Width.ensureLocale() }

    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let width: Int
        let height: Int
        let args: [String]
        /// Something is drawn over the panes (help, detail): their sides may be covered.
        var overlay = false
        /// Commands (`jiannuo ARGS --db DB`) run on a demo of its own before rendering.
        var setup: [[String]] = []
        var testDescription: String { name }
    }

    /// Twelve dated progress notes on CN-2025-0062: a record longer than an 80×24 screen. Dates come from
    /// `--today`, so the screen is the same on every run.
    static let longHistory: [[String]] = (1...12).map { i in
        ["commitment", "progress", "CN-2025-0062", "--percent", "\(20 + i * 5)", "--note", "第 \(i) 次推进：协调资金与施工进度，对方确认收到",
         "--today", String(format: "2026-10-%02d", i * 2)]
    }

    static let cases: [Case] = [
        Case(name: "dashboard-80x24", width: 80, height: 24, args: []),
        Case(name: "dashboard-120x40", width: 120, height: 40, args: []),
        Case(name: "dashboard-200x60", width: 200, height: 60, args: []),
        Case(name: "dashboard-80x24-focus3-select12", width: 80, height: 24, args: ["--focus", "3", "--select", "12"]),
        Case(name: "dashboard-120x40-select5-complaints", width: 120, height: 40, args: ["--focus", "complaints", "--select", "5"]),
        Case(name: "dashboard-80x24-bottom", width: 80, height: 24, args: ["--keys", "G"]),
        Case(name: "dashboard-120x40-detail-commitment", width: 120, height: 40, args: ["--keys", "j j Enter"], overlay: true),
        Case(name: "dashboard-80x24-detail-complaint", width: 80, height: 24, args: ["--keys", "Tab Enter"], overlay: true),
        Case(name: "dashboard-80x24-help", width: 80, height: 24, args: ["--keys", "?"], overlay: true),
        Case(name: "dashboard-80x24-filter", width: 80, height: 24, args: ["--keys", "Tab / 任 店"]),
        Case(name: "dashboard-80x24-filter-deadlines", width: 80, height: 24, args: ["--keys", "3 / 龙 泉 Enter j"]),
        Case(name: "dashboard-80x24-filter-nomatch", width: 80, height: 24, args: ["--keys", "4 / 无 此 单 位"]),
        Case(name: "dashboard-60x12-minimum", width: 60, height: 12, args: []),
        Case(name: "intake-120x40-empty", width: 120, height: 40, args: ["--keys", "a"], overlay: true),
        Case(name: "intake-120x40-typed-errors", width: 120, height: 40,
             args: ["--keys", "a Tab Tab Right Tab 王 小 明 Tab 1 3 8 Tab 镇 Tab 3 Tab Tab 工 程 款 BSpace C-w C-s"], overlay: true),
        Case(name: "intake-80x24-content", width: 80, height: 24,
             args: ["--keys", "a Tab Tab Tab Tab Tab 任 店 Tab Tab Tab 企 业 反 映 工 程 款 拖 欠 半 年"], overlay: true),
        Case(name: "step-120x40-verify", width: 120, height: 40, args: ["--keys", "2 h Right Tab Right Right Right"], overlay: true),
        Case(name: "drill-120x40", width: 120, height: 40, args: ["--keys", "4 j Enter j j"], overlay: true),
        Case(name: "drill-80x24-from-complaint", width: 80, height: 24, args: ["--keys", "2 d"], overlay: true),
        Case(name: "search-100x30", width: 100, height: 30, args: ["--keys", ": 盐 化 Enter Down"], overlay: true),
        Case(name: "dashboard-40x10-too-small", width: 40, height: 10, args: []),
        Case(name: "help-80x24-end", width: 80, height: 24, args: ["--keys", "2 ? G"], overlay: true),
        Case(name: "record-80x24-last-history-line", width: 80, height: 24,
             args: ["--keys", ": C N - 2 0 2 5 - 0 0 6 2 Enter Enter G"], overlay: true, setup: longHistory),
        Case(name: "record-80x24-complaint-links", width: 80, height: 24,
             args: ["--keys", ": T S - 2 0 2 6 - 0 0 0 2 6 6 Enter Enter G k k k"], overlay: true),
        Case(name: "record-80x24-breach-from-complaint", width: 80, height: 24,
             args: ["--keys", ": T S - 2 0 2 6 - 0 0 0 2 6 6 Enter Enter G k k k Enter"], overlay: true),
        Case(name: "drill-200x60-six-breaches", width: 200, height: 60, args: ["--keys", ": 4 1 0 4 2 2 1 1 0 Enter Enter"], overlay: true),
        Case(name: "drill-80x24-end", width: 80, height: 24, args: ["--keys", ": 4 1 0 4 2 2 1 1 0 Enter Enter G"], overlay: true),
        Case(name: "step-80x24-refused", width: 80, height: 24, args: ["--keys", "2 s"]),
        Case(name: "step-80x24-progress-starts-from-record", width: 80, height: 24, args: ["--keys", "p"], overlay: true),
        Case(name: "pane-80x24-sorted-filtered", width: 80, height: 24, args: ["--keys", "2 o o F Tab Right Right C-s"]),
        Case(name: "pane-200x60-sorted-filtered", width: 200, height: 60, args: ["--keys", "2 o o F Tab Right Right C-s"]),
        Case(name: "filter-form-80x24-complaints", width: 80, height: 24, args: ["--keys", "2 F Tab Right Right Tab Tab 5"], overlay: true),
        Case(name: "step-80x24-confirm-breach", width: 80, height: 24,
             args: ["--keys", "2 h Right Tab 3 Tab 属 实 C-s"], overlay: true),
    ]

    /// The screen of a case: on the shared demo, or on a demo of its own after its setup commands.
    static func screen(_ c: Case) throws -> String {
        guard !c.setup.isEmpty else { return accountNeutral(try DashboardSupport.shared().render(width: c.width, height: c.height, extra: c.args)) }
        let demo = try DashboardSupport.Demo()
        for cmd in c.setup {
            let r = try ProcessRunner.run(demo.bin, cmd + ["--db", demo.db], home: demo.dir.path)
            try #require(r.status == 0, "setup failed: \(r)")
        }
        return accountNeutral(try demo.render(width: c.width, height: c.height, extra: c.args))
    }

    /// The header names the system account running the tests (root in CI): the goldens say "tester",
    /// with the header's widest gap taking up the difference so that the line keeps its width.
    static func accountNeutral(_ screen: String) -> String {
        guard let pw = getpwuid(geteuid()), let raw = pw.pointee.pw_name else { return screen }
        let account = String(cString: raw)
        var lines = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let first = lines.first, first.contains("  \(account)  "), account != "tester" else { return screen }
        var line = first.replacingOccurrences(of: "  \(account)  ", with: "  tester  ")
        let delta = "tester".count - account.count
        if delta > 0, let gap = line.range(of: String(repeating: " ", count: delta + 2), options: .backwards) {
            line.replaceSubrange(gap, with: "  ")
        } else if delta < 0, let gap = line.range(of: "   ", options: .backwards) {
            line.replaceSubrange(gap, with: String(repeating: " ", count: 3 - delta))
        }
        lines[0] = line
        return lines.joined(separator: "\n")
    }

    static var updating: Bool { ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" }

    static func goldenURL(_ name: String) -> URL { DashboardSupport.goldenDirectory.appendingPathComponent("\(name).txt") }

    @Test(arguments: cases)
    func matchesGolden(_ c: Case) throws {
        try Self.compare(try Self.screen(c), golden: c.name)
    }

    /// A screen against Golden/NAME.txt: written under UPDATE_GOLDEN=1, else compared byte for byte
    /// (the English goldens of `EnglishDashboardTests` go through here too).
    static func compare(_ screen: String, golden name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = goldenURL(name)
        if updating {
            try FileManager.default.createDirectory(at: DashboardSupport.goldenDirectory, withIntermediateDirectories: true)
            try Data(screen.utf8).write(to: url)
            return
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            Issue.record("golden file \(url.path) is missing: run with UPDATE_GOLDEN=1 and review it. The screen was:\n\(screen)",
                         sourceLocation: sourceLocation)
            return
        }
        let golden = String(decoding: data, as: UTF8.self)
        if golden != screen {
            let a = golden.split(separator: "\n", omittingEmptySubsequences: false)
            let b = screen.split(separator: "\n", omittingEmptySubsequences: false)
            let diffs = (0..<max(a.count, b.count)).filter { i in (i < a.count ? a[i] : nil) != (i < b.count ? b[i] : nil) }
            let shown = diffs.prefix(6).map { i in
                "line \(i + 1):\n  golden: \(i < a.count ? String(a[i]) : "(none)")\n  screen: \(i < b.count ? String(b[i]) : "(none)")"
            }
            Issue.record("\(name) differs from \(url.lastPathComponent) on \(diffs.count) line(s) (UPDATE_GOLDEN=1 to accept):\n\(shown.joined(separator: "\n"))",
                         sourceLocation: sourceLocation)
        }
    }

    /// Checks run on the golden files themselves, so a reviewed file is also a checked one.
    @Test(arguments: cases)
    func goldenIsWellFormed(_ c: Case) throws {
        let url = Self.goldenURL(c.name)
        let text: String
        if let data = FileManager.default.contents(atPath: url.path) {
            text = String(decoding: data, as: UTF8.self)
        } else {
            // Missing files are reported by matchesGolden; check the live screen instead.
            text = try Self.screen(c)
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // print() adds one newline after the last line: H lines then an empty string.
        #expect(lines.count == c.height + 1 && lines.last == "", "\(c.name): \(lines.count - 1) lines for a height of \(c.height)")
        for (i, l) in lines.enumerated() {
            #expect(Width.of(l) <= c.width, "\(c.name) line \(i + 1) is \(Width.of(l)) columns wide: \(l)")
            #expect(!l.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F || (0x80...0x9F).contains($0.value) },
                    "\(c.name) line \(i + 1) has a control character")
            #expect(!l.hasSuffix(" "), "\(c.name) line \(i + 1) has trailing spaces")
        }
        if c.width < 60 || c.height < 12 {
            #expect(text.contains("终端太小"), "\(c.name): no 'terminal too small' notice")
            #expect(!text.contains("┌"), "\(c.name): panes drawn on a too-small terminal")
            return
        }
        let (boxes, problems) = DashboardSupport.misalignedBoxes(text, allowOccluded: c.overlay)
        #expect(problems.isEmpty, "\(c.name): columns do not line up:\n\(problems.prefix(8).joined(separator: "\n"))")
        if c.overlay {
            #expect(boxes >= 1, "\(c.name): the overlay's own box is not intact")
        } else {
            #expect(boxes == 4, "\(c.name): \(boxes) intact pane boxes, expected 4")
            for title in ["1 承诺事项", "2 投诉举报", "3 临期/逾期", "4 部门评分"] {
                #expect(text.contains(title), "\(c.name): pane “\(title)” not visible")
            }
            #expect(lines[0].contains("2026-11-20"), "\(c.name): header without today's date: \(lines[0])")
        }
    }

    /// Inside every pane the table's columns start at the same display column on every row: where a
    /// column-header word starts, every row below has a character boundary (no wide character straddles
    /// it), so a width miscount anywhere in a row shows up here or in the box check above.
    @Test(arguments: cases.filter { !$0.overlay && $0.width >= 60 && $0.height >= 12 })
    func tableColumnsStartAtTheSameDisplayColumn(_ c: Case) throws {
        let url = Self.goldenURL(c.name)
        let text = try FileManager.default.contents(atPath: url.path).map { String(decoding: $0, as: UTF8.self) } ?? Self.screen(c)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let grid = lines.map { DashboardSupport.columns($0) }
        var checked = 0
        for (y, row) in grid.enumerated() {
            for (x, ch) in row where ch == "┌" {
                guard let right = row.first(where: { $0.col > x && $0.char == "┐" })?.col, y + 1 < grid.count else { continue }
                // The column-header row is the first row inside the box.
                let starts = Self.wordStarts(Self.cells(grid[y + 1], from: x + 1, to: right))
                guard !starts.isEmpty else { continue }
                var yy = y + 2
                while yy < grid.count, DashboardSupport.char(at: x, in: lines[yy]) == "│" {
                    let body = Self.cells(grid[yy], from: x + 1, to: right)
                    for s in starts where body.contains(where: { $0.col < s && $0.col + Width.of($0.char) > s }) {
                        Issue.record("\(c.name) row \(yy + 1): a wide character straddles display column \(s), where a column starts: \(lines[yy])")
                    }
                    if let last = body.last, last.col + Width.of(last.char) > right {
                        Issue.record("\(c.name) row \(yy + 1): text runs into the right border: \(lines[yy])")
                    }
                    checked += 1
                    yy += 1
                }
            }
        }
        #expect(checked > 0)
    }

    /// The checks above would see a row one column off (a wide character counted as one column).
    @Test func theAlignmentCheckCatchesARowOneColumnOff() throws {
        let text = try DashboardSupport.shared().render(width: 80, height: 24)
        #expect(DashboardSupport.misalignedBoxes(text).problems.isEmpty)
        var lines = text.components(separatedBy: "\n")
        let row = try #require(lines.firstIndex { $0.contains("龚店镇") })
        lines[row] = lines[row].replacingOccurrences(of: "龚店镇 ", with: "龚店镇")
        let broken = DashboardSupport.misalignedBoxes(lines.joined(separator: "\n"))
        #expect(broken.problems.contains { $0.contains("row \(row)") }, "\(broken.problems)")
    }

    static func cells(_ row: [(col: Int, char: Character)], from: Int, to: Int) -> [(col: Int, char: Character)] {
        row.filter { $0.col >= from && $0.col < to }
    }

    /// Display columns where a header word starts (after the frame or a space).
    static func wordStarts(_ cells: [(col: Int, char: Character)]) -> [Int] {
        var out: [Int] = []
        var previousSpace = true
        for c in cells {
            if c.char != " " && previousSpace { out.append(c.col) }
            previousSpace = c.char == " "
        }
        return out
    }
}
