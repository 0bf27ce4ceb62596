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

    func render(maxColumn: Int = 40) -> String {
        let all = [headers] + rows
        var widths = headers.map { _ in 0 }
        for r in all { for (i, c) in r.enumerated() where i < widths.count { widths[i] = max(widths[i], min(TextTable.width(c), maxColumn)) } }
        var lines: [String] = []
        for (n, r) in all.enumerated() {
            var cells: [String] = []
            for (i, w) in widths.enumerated() {
                let text = TextTable.clip(i < r.count ? r[i] : "", maxColumn)
                let pad = String(repeating: " ", count: max(0, w - TextTable.width(text)))
                cells.append(rightAligned.contains(i) ? pad + text : text + pad)
            }
            lines.append(cells.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression))
            if n == 0 { lines.append(widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ")) }
        }
        return lines.joined(separator: "\n")
    }
}

enum TerminalText {
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
