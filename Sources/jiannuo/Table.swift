import CNCursesW
import Foundation
import JiannuoCore
import JiannuoStore

/// A plain-text table for the terminal, aligned by display width (a Han character is two columns).
struct TextTable {
    var headers: [String]
    var rows: [[String]] = []
    var rightAligned: Set<Int> = []
    /// The language of the note that names columns left out.
    var lang: Lang = .zh
    /// The columns to leave out first on a narrow terminal, most dispensable first.
    var dropOrder: [Int] = []

    init(_ headers: [String], rightAligned: Set<Int> = []) { self.headers = headers; self.rightAligned = rightAligned }

    /// Shorter words for some cells, shown instead when the whole text would be cut (an alert's message
    /// gives way to its record's id and a few words).
    var short: [Int: [Int: String]] = [:]

    mutating func add(_ row: [String], short alternatives: [Int: String] = [:]) {
        if !alternatives.isEmpty { short[rows.count] = alternatives.mapValues { Sanitize.visible($0) } }
        rows.append(row.map { Sanitize.visible($0) })
    }

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

    /// A cell a person copies into the next command or reads as one token: a record id
    /// (`TS-2026-000123`), a unit code, a date or time, a number. Such a column is never cut.
    static func isToken(_ s: String) -> Bool {
        s.isEmpty || (width(s) <= 16 && s.unicodeScalars.allSatisfy { $0.value < 0x80 || $0 == "…" || $0 == "−" })
    }

    /// The columns kept whole (every cell a token) and how wide each column is when nothing is cut.
    private func natural() -> (widths: [Int], whole: Set<Int>) {
        let all = [headers] + rows
        var widths = headers.map { _ in 0 }
        for r in all { for (i, c) in r.enumerated() where i < widths.count { widths[i] = max(widths[i], TextTable.width(c)) } }
        let whole = Set(headers.indices.filter { i in rows.allSatisfy { i >= $0.count || TextTable.isToken($0[i]) } })
        return (widths, whole)
    }

    /// On a terminal the table fits its width (`COLUMNS`, else the window's). Ids, codes, dates and numbers
    /// are never cut. Columns of free text narrow, none below its header or 12 columns; when even that does
    /// not fit, columns are left out, in `dropOrder` (else free text from the right), and a line under the
    /// table names them. Into a pipe or a file nothing is cut or left out.
    func render() -> String {
        var (widths, whole) = natural()
        var shown = Array(headers.indices)
        if let screen = TerminalText.columns() {
            let least = headers.indices.map { whole.contains($0) ? widths[$0] : min(widths[$0], max(12, TextTable.width(headers[$0]))) }
            func fits(_ w: [Int]) -> Bool { shown.map { w[$0] }.reduce(0, +) + 2 * max(0, shown.count - 1) <= screen }
            let order = dropOrder + headers.indices.reversed().filter { !whole.contains($0) && !dropOrder.contains($0) }
            for i in order where !fits(least) && shown.count > 1 { shown.removeAll { $0 == i } }
            while !fits(widths) {
                guard let i = shown.filter({ widths[$0] > least[$0] }).max(by: { widths[$0] < widths[$1] }) else { break }
                widths[i] -= 1
            }
        }
        let left = headers.indices.filter { !shown.contains($0) }
        var out = table(shown, widths)
        if !left.isEmpty {
            let names = left.map { headers[$0] }
            out += "\n" + (lang == .zh
                ? "（终端较窄，未显示：\(names.joined(separator: "、"))；加宽终端、用管道或 --json 可看全部）"
                : "(narrow terminal, not shown: \(names.joined(separator: ", ")); widen it, pipe it or use --json to see them)")
        }
        return out
    }

    private func table(_ shown: [Int], _ widths: [Int]) -> String {
        let all = [headers] + rows
        var lines: [String] = []
        for (n, r) in all.enumerated() {
            var cells: [String] = []
            for i in shown {
                let w = widths[i]
                var whole = i < r.count ? r[i] : ""
                if n > 0, let alt = short[n - 1]?[i], TextTable.width(whole) > w { whole = alt }
                let text = TextTable.clip(whole, w)
                let pad = String(repeating: " ", count: max(0, w - TextTable.width(text)))
                cells.append(rightAligned.contains(i) ? pad + text : text + pad)
            }
            var line = cells.joined(separator: "  ")
            while line.last?.isWhitespace == true { line.removeLast() }
            lines.append(line)
            if n == 0 { lines.append(shown.map { String(repeating: "─", count: widths[$0]) }.joined(separator: "  ")) }
        }
        return lines.joined(separator: "\n")
    }
}

enum TerminalText {
    /// The width to fit when standard output is a terminal: `COLUMNS` when set, else the window's;
    /// nil into a pipe or a file, where nothing is cut.
    static func columns() -> Int? {
        guard isatty(STDOUT_FILENO) == 1 else { return nil }
        if let c = ProcessEnvironment.values["COLUMNS"].flatMap(Int.init), c > 0 { return c }
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
