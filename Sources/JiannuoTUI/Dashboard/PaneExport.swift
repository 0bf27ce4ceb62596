import Foundation
import JiannuoCore

/// What a pane shows, as CSV: the pane's own columns (the wide-screen ones too), every row its filters
/// let through, in its order. UTF-8 with a byte-order mark, so Excel and WPS open it, as the CLI's exports.
enum PaneExport {
    static func csv(_ t: Table) -> String {
        // A bar is a picture of the number beside it; a column without a title holds only that.
        let keep = t.columns.indices.filter { !t.columns[$0].title.isEmpty }
        func clean(_ s: String) -> String { s.filter { !"█░▏▎▍▌▋▊▉".contains($0) }.trimmingCharacters(in: .whitespaces) }
        func field(_ s: String) -> String {
            s.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
        }
        var lines = [keep.map { field(t.columns[$0].title) }.joined(separator: ",")]
        for r in t.rows { lines.append(keep.map { field(clean($0 < r.cells.count ? r.cells[$0] : "")) }.joined(separator: ",")) }
        return "\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n"
    }

    /// "commitments-2026-11-20-0930.csv", one file per export.
    static func fileName(_ p: Pane, today: Day, minute: Int) -> String {
        "\(p.context)-\(today)-" + String(format: "%02d%02d", minute / 60, minute % 60) + ".csv"
    }
}
