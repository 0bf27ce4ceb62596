import CNCursesW
import Foundation
import JiannuoCore

/// A plain-text table for the terminal, aligned by display width (a Han character is two columns).
struct TextTable {
    var headers: [String]
    var rows: [[String]] = []
    var rightAligned: Set<Int> = []

    init(_ headers: [String], rightAligned: Set<Int> = []) { self.headers = headers; self.rightAligned = rightAligned }

    mutating func add(_ row: [String]) { rows.append(row.map { Sanitize.visible($0) }) }

    static func width(_ s: String) -> Int {
        TerminalText.ensureLocale()
        return s.unicodeScalars.reduce(0) { $0 + max(0, Int(wcwidth(wchar_t(bitPattern: $1.value)))) }
    }

    /// Cuts `s` to at most `max` columns without splitting a wide character.
    static func clip(_ s: String, _ max: Int) -> String {
        guard width(s) > max else { return s }
        var out = "", used = 0
        for ch in s {
            let w = width(String(ch))
            if used + w > max - 1 { break }
            out.append(ch); used += w
        }
        return out + "…"
    }

    /// On a terminal the table fits its width (`COLUMNS`, else the window's), the widest columns
    /// giving way first; into a pipe or a file nothing is ever cut.
    func render() -> String {
        let all = [headers] + rows
        var widths = headers.map { _ in 0 }
        for r in all { for (i, c) in r.enumerated() where i < widths.count { widths[i] = max(widths[i], TextTable.width(c)) } }
        if let screen = TerminalText.columns() {
            let gaps = 2 * max(0, widths.count - 1)
            // Shrink the widest column one step at a time, none below its header or 8 columns.
            while widths.reduce(0, +) + gaps > screen {
                guard let i = widths.indices.filter({ widths[$0] > max(8, TextTable.width(headers[$0])) })
                        .max(by: { widths[$0] < widths[$1] }) else { break }
                widths[i] -= 1
            }
        }
        var lines: [String] = []
        for (n, r) in all.enumerated() {
            var cells: [String] = []
            for (i, w) in widths.enumerated() {
                let text = TextTable.clip(i < r.count ? r[i] : "", w)
                let pad = String(repeating: " ", count: max(0, w - TextTable.width(text)))
                cells.append(rightAligned.contains(i) ? pad + text : text + pad)
            }
            var line = cells.joined(separator: "  ")
            while line.last?.isWhitespace == true { line.removeLast() }
            lines.append(line)
            if n == 0 { lines.append(widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ")) }
        }
        return lines.joined(separator: "\n")
    }
}

enum TerminalText {
    /// The width to fit when standard output is a terminal: `COLUMNS` when set, else the window's;
    /// nil into a pipe or a file, where nothing is cut.
    static func columns() -> Int? {
        guard isatty(STDOUT_FILENO) == 1 else { return nil }
        if let c = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), c > 0 { return c }
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return 80
    }

    nonisolated(unsafe) static var localeSet = false
    /// wcwidth answers -1 for Han characters unless a UTF-8 locale is active.
    static func ensureLocale() {
        guard !localeSet else { return }
        localeSet = true
        if setlocale(LC_CTYPE, "") == nil || !String(cString: setlocale(LC_CTYPE, nil)).lowercased().contains("utf") {
            setlocale(LC_CTYPE, "C.UTF-8")
        }
    }
}
