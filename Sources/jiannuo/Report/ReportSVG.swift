import Foundation
import JiannuoCore

/// The bulletin's charts as inline SVG, drawn here (no library, no script, no external file). Every
/// chart has a <title>, text labels, and the page's Chinese font stack; text from the ledger is escaped.
enum ReportSVG {
    static let font = "'WenQuanYi Micro Hei','Noto Sans CJK SC',sans-serif"
    /// Colours of the grades, highest first (as `Grades.bands`).
    static let gradeColours = ["#2e7d32", "#1565c0", "#ef8f00", "#c62828"]
    static let width = 680.0
    /// Units per chart: a chart is never cut by a page break, so a long list is drawn as several charts
    /// on one scale, each less than an A4 page tall.
    static let barsPerChart = 45, trendsPerChart = 44

    /// `all` cut into charts of `size` units: (first rank shown, the units).
    static func parts(_ all: [ReportData.Unit], _ size: Int) -> [[ReportData.Unit]] {
        stride(from: 0, to: max(all.count, 1), by: size).map { Array(all[$0..<min($0 + size, all.count)]) }
    }

    /// " (1–45)" when a chart shows part of the units.
    static func partTitle(_ part: [ReportData.Unit], of all: [ReportData.Unit]) -> String {
        guard part.count < all.count, let a = part.first, let b = part.last else { return "" }
        return "（第 \(a.rank)–\(b.rank) 名）"
    }

    static func text(_ s: String) -> String { ReportHTML.escape(s) }
    static func n(_ v: Double) -> String { String(format: "%.1f", v) }

    static func open(height: Double, title: String) -> String {
        "<svg viewBox=\"0 0 \(n(width)) \(n(height))\" width=\"\(n(width))\" height=\"\(n(height))\" role=\"img\" "
            + "font-family=\"\(font)\" font-size=\"10\"><title>\(text(title))</title>\n"
    }

    static func label(_ x: Double, _ y: Double, _ s: String, anchor: String = "start", size: Double = 10, fill: String = "#222", bold: Bool = false) -> String {
        "<text x=\"\(n(x))\" y=\"\(n(y))\" text-anchor=\"\(anchor)\" font-size=\"\(n(size))\" fill=\"\(fill)\"\(bold ? " font-weight=\"bold\"" : "")>\(text(s))</text>"
    }

    /// (a) Horizontal bars, one per unit in ranking order, coloured by grade, with the grade lines;
    /// `all` sets the scale when `units` is one part of them.
    static func scoreBars(_ units: [ReportData.Unit], of all: [ReportData.Unit]) -> String {
        let left = 150.0, barMax = 460.0, top = 30.0, row = 15.0
        let domain = max(100, all.map(\.score).max() ?? 100)
        let h = top + Double(units.count) * row + 6
        func x(_ v: Double) -> Double { left + max(0, v) / domain * barMax }
        var s = open(height: h, title: "图1 各单位本期得分" + partTitle(units, of: all))
        // Legend: grade colours.
        var lx = left
        for (i, b) in Grades.bands.enumerated() {
            s += "<rect x=\"\(n(lx))\" y=\"4\" width=\"10\" height=\"10\" fill=\"\(gradeColours[i])\"/>" + label(lx + 13, 13, b.grade, size: 9)
            lx += 52
        }
        for t in stride(from: 0.0, through: domain, by: 20) {
            s += "<line x1=\"\(n(x(t)))\" y1=\"\(n(top - 4))\" x2=\"\(n(x(t)))\" y2=\"\(n(h - 4))\" stroke=\"#ddd\" stroke-width=\"0.5\"/>"
            s += label(x(t), top - 7, ScoresCommand.fmt(t), anchor: "middle", size: 8, fill: "#666")
        }
        for b in Grades.bands { if let m = b.min_score {
            s += "<line x1=\"\(n(x(m)))\" y1=\"\(n(top - 4))\" x2=\"\(n(x(m)))\" y2=\"\(n(h - 4))\" stroke=\"#888\" stroke-width=\"0.8\" stroke-dasharray=\"3 2\"/>"
        } }
        for (i, u) in units.enumerated() {
            let y = top + Double(i) * row
            let colour = gradeColours[Grades.bands.firstIndex { $0.grade == u.grade } ?? 0]
            s += label(left - 6, y + 10, "\(u.rank) \(u.name)", anchor: "end", size: 9)
            s += "<rect x=\"\(n(left))\" y=\"\(n(y + 2))\" width=\"\(n(x(u.score) - left))\" height=\"\(n(row - 4))\" fill=\"\(colour)\"/>"
            s += label(x(u.score) + 4, y + 10, ScoresCommand.fmt(u.score), size: 9)
        }
        return s + "</svg>\n"
    }

    /// The shared vertical range of the trend charts: from a round ten at or below the lowest score (60 at most) to 100.
    static func trendRange(_ units: [ReportData.Unit]) -> (Double, Double) {
        let all = units.flatMap { $0.trend.map(\.score) }
        let lo = (min(all.min() ?? 60, 60) / 10).rounded(.down) * 10
        return (lo, max(100, all.max() ?? 100))
    }

    /// (b) Small multiples: each unit's twelve monthly scores as a sparkline, all on one scale (that of `all`).
    static func trends(_ units: [ReportData.Unit], of all: [ReportData.Unit]) -> String {
        let cols = 4, cellW = width / Double(cols), cellH = 58.0, top = 16.0
        let (lo, hi) = trendRange(all)
        let rows = (units.count + cols - 1) / cols
        let h = top + Double(rows) * cellH
        let months = units.first?.trend.map(\.period) ?? []
        var s = open(height: h, title: "图2 各单位近十二个月得分走势" + partTitle(units, of: all))
        s += label(0, 10, "纵轴 \(ScoresCommand.fmt(lo))–\(ScoresCommand.fmt(hi)) 分（灰线 60 分、90 分）；横轴 \(months.first ?? "") 至 \(months.last ?? "")，每点一个月", size: 8.5, fill: "#555")
        for (i, u) in units.enumerated() {
            let x0 = Double(i % cols) * cellW, y0 = top + Double(i / cols) * cellH
            let px = x0 + 6, pw = cellW - 18, py = y0 + 17, ph = cellH - 24
            func y(_ v: Double) -> Double { py + ph - (min(max(v, lo), hi) - lo) / (hi - lo) * ph }
            s += "<rect x=\"\(n(x0 + 1))\" y=\"\(n(y0 + 1))\" width=\"\(n(cellW - 4))\" height=\"\(n(cellH - 4))\" fill=\"none\" stroke=\"#ccc\" stroke-width=\"0.5\"/>"
            s += label(x0 + 5, y0 + 12, u.name, size: 8.5)
            s += label(x0 + cellW - 8, y0 + 12, ScoresCommand.fmt(u.score), anchor: "end", size: 8.5, bold: true)
            for g in [60.0, 90.0] where g > lo && g < hi {
                s += "<line x1=\"\(n(px))\" y1=\"\(n(y(g)))\" x2=\"\(n(px + pw))\" y2=\"\(n(y(g)))\" stroke=\"#ccc\" stroke-width=\"0.5\"/>"
            }
            let step = u.trend.count > 1 ? pw / Double(u.trend.count - 1) : 0
            let points = u.trend.enumerated().map { "\(n(px + Double($0.offset) * step)),\(n(y($0.element.score)))" }
            s += "<polyline points=\"\(points.joined(separator: " "))\" fill=\"none\" stroke=\"#1565c0\" stroke-width=\"1.2\"/>"
            if let last = u.trend.last {
                s += "<circle cx=\"\(n(px + Double(u.trend.count - 1) * step))\" cy=\"\(n(y(last.score)))\" r=\"1.8\" fill=\"#1565c0\"/>"
            }
        }
        return s + "</svg>\n"
    }

    /// (c) Per category, two bars: open commitments past their deadline, and breaches confirmed in the period.
    static func categories(_ counts: [ReportData.CategoryCount]) -> String {
        let left = 150.0, barMax = 440.0, top = 26.0, row = 32.0
        let most = Double(max(1, counts.map { max($0.overdue_commitments, $0.breaches) }.max() ?? 1))
        let h = top + Double(counts.count) * row + 4
        let series = [("已过时限未兑现的承诺事项", "#ef8f00"), ("本期认定的失信违诺", "#c62828")]
        var s = open(height: h, title: "图3 按类别统计的逾期承诺与失信违诺")
        var lx = left
        for (name, colour) in series {
            s += "<rect x=\"\(n(lx))\" y=\"5\" width=\"10\" height=\"10\" fill=\"\(colour)\"/>" + label(lx + 13, 14, name, size: 9)
            lx += 170
        }
        for (i, c) in counts.enumerated() {
            let y = top + Double(i) * row
            s += label(left - 6, y + 17, "\(c.category) \(c.label)", anchor: "end", size: 9.5)
            for (j, v) in [c.overdue_commitments, c.breaches].enumerated() {
                let by = y + 3 + Double(j) * 13, w = Double(v) / most * barMax
                s += "<rect x=\"\(n(left))\" y=\"\(n(by))\" width=\"\(n(w))\" height=\"11\" fill=\"\(series[j].1)\"/>"
                s += label(left + w + 4, by + 9, "\(v)", size: 9)
            }
        }
        return s + "</svg>\n"
    }
}
