import Foundation
import JiannuoTestSupport
import Testing
@testable import JiannuoTUI

/// Helpers for the dashboard tests that run the built `jiannuo` (the test target does not depend on
/// JiannuoStore, so a demo database is made and read through the binary, as the CLI tests do).
enum DashboardSupport {
    static let goldenDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static let today = "2026-11-20"

    /// A small demo database (`demo --seed 1 --today 2026-11-20`) in a directory of its own.
    final class Demo: @unchecked Sendable {
        let dir: TemporaryDirectory
        let bin: String
        var db: String { dir.file("d.sqlite") }

        init(sourceLocation: SourceLocation = #_sourceLocation) throws {
            bin = try jiannuoBinary(sourceLocation: sourceLocation)
            dir = try TemporaryDirectory("jiannuo-dash")
            let r = try ProcessRunner.run(bin, ["demo", "--db", dir.file("d.sqlite"), "--today", DashboardSupport.today, "--seed", "1"],
                                          home: dir.path)
            try #require(r.status == 0, "demo failed: \(r)", sourceLocation: sourceLocation)
        }

        /// `jiannuo ARGS --db DB --today 2026-11-20`.
        @discardableResult
        func cli(_ args: [String]) throws -> ProcessResult {
            try ProcessRunner.run(bin, args + ["--db", db, "--today", DashboardSupport.today], home: dir.path)
        }

        /// `jiannuo render` at a size, after optional keys; the screen's lines.
        func render(width: Int, height: Int, extra: [String] = [], sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
            let r = try cli(["render", "--width", "\(width)", "--height", "\(height)"] + extra)
            try #require(r.status == 0, "render failed: \(r)", sourceLocation: sourceLocation)
            return r.stdout
        }
    }

    /// One demo database for every read-only test of a run, made on first use.
    nonisolated(unsafe) private static var sharedDemo: Demo?
    private static let lock = NSLock()
    static func shared(sourceLocation: SourceLocation = #_sourceLocation) throws -> Demo {
        lock.lock(); defer { lock.unlock() }
        if let d = sharedDemo { return d }
        let d = try Demo(sourceLocation: sourceLocation)
        sharedDemo = d
        // A static is never deinitialised: remove its directory when the test process exits.
        atexit { DashboardSupport.sharedDemo = nil }
        return d
    }

    // MARK: screen text

    /// A line as cells: each character with the display column it starts at (wcwidth widths).
    static func columns(_ line: String) -> [(col: Int, char: Character)] {
        var out: [(Int, Character)] = []
        var x = 0
        for c in line {
            out.append((x, c))
            x += Width.of(c)
        }
        return out
    }

    /// The character that starts at display column `col`, if any.
    static func char(at col: Int, in line: String) -> Character? {
        columns(line).first { $0.col == col }?.char
    }

    /// Lines without trailing spaces, and without trailing empty lines.
    static func normalise(_ text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { l -> String in
            var s = Substring(l)
            while s.last == " " { s = s.dropLast() }
            return String(s)
        }
        while lines.last == "" { lines.removeLast() }
        return lines
    }

    /// Every box drawn on the screen (┌ … ┐ on one row) whose sides do not run down the same display
    /// columns to its └ … ┘, described; empty when all line up. With `allowOccluded`, a box whose side
    /// is covered by something drawn over it (an overlay) is skipped rather than reported.
    static func misalignedBoxes(_ text: String, allowOccluded: Bool = false) -> (boxes: Int, problems: [String]) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let grid = lines.map { columns($0) }
        func at(_ y: Int, _ x: Int) -> Character? { grid[y].first { $0.col == x }?.char }
        var boxes = 0
        var problems: [String] = []
        for (y, row) in grid.enumerated() {
            for (x, c) in row where c == "┌" {
                guard let right = row.first(where: { $0.col > x && $0.char == "┐" })?.col else {
                    problems.append("row \(y): ┌ at column \(x) has no ┐ after it: \(lines[y])")
                    continue
                }
                var yy = y + 1
                var closed = false
                var box: [String] = []
                while yy < grid.count {
                    let l = at(yy, x), r = at(yy, right)
                    if l == "└" {
                        if r != "┘" { box.append("row \(yy): └ at column \(x) but \(r.map { "“\($0)”" } ?? "no character") at column \(right), expected ┘") }
                        closed = true
                        break
                    }
                    if l != "│" || r != "│" {
                        box.append("row \(yy): expected │ at columns \(x) and \(right) (from the ┌┐ on row \(y)), found \(l.map { "“\($0)”" } ?? "none") and \(r.map { "“\($0)”" } ?? "none"): \(lines[yy])")
                        break
                    }
                    yy += 1
                }
                if !closed && box.isEmpty { box.append("box at row \(y), column \(x): no └ below it") }
                if box.isEmpty { boxes += 1 } else if !allowOccluded { problems += box }
            }
        }
        return (boxes, problems)
    }
}
