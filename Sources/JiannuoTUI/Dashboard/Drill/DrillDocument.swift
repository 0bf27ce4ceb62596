import JiannuoCore

/// The drill-down as document lines for a width: everything the record holds, nothing cut, so the
/// lines shown add up to the score shown and every dimension and breach can be reached by scrolling.
enum DrillDocument {
    /// Columns of the score-line table before the note, which takes the rest and wraps.
    static let pointsWidth = 6, dimensionWidth = 8, recordWidth = 14, dateWidth = 10

    static func lines(_ d: DepartmentDrill, width: Int) -> [DocLine] {
        var out: [DocLine] = []
        let total = d.lines.reduce(0) { $0 + $1.points }
        let base = d.lines.first { $0.dimension == nil }?.points ?? 100
        let lost = d.lines.filter { $0.dimension != nil && $0.points < 0 }.reduce(0) { $0 + $1.points }
        let gained = d.lines.filter { $0.dimension != nil && $0.points > 0 }.reduce(0) { $0 + $1.points }
        out.append(DocLine("\(d.period)  得分 \(fmt(d.score))（基础分 \(fmt(base)) 扣 \(fmt(-lost))"
                           + (gained > 0 ? " 加 \(fmt(gained))" : "") + "）", role: .title))
        out.append(DocLine("按时率 \(d.onTime)", indent: 2))
        out += flow(d.dimensions.map { dim in
            "\(dim.label) \(fmt(dim.value))/\(fmt(dim.weight)) \(Bar.render(fraction: dim.weight == 0 ? 0 : dim.value / dim.weight, width: 5))"
        }, width: width)
        out.append(DocLine("十二个月：\(Sparkline.render(d.trend))  \(d.trendLabels.first ?? "")–\(d.trendLabels.last ?? "")  "
                           + zip(d.trendLabels, d.trend).suffix(3).map { "\($0.suffix(2))月 \(fmt($1))" }.joined(separator: "  "), indent: 2))
        for p in d.predecessors { out.append(DocLine("前身：" + p, role: .muted, indent: 2)) }

        out.append(.blank)
        out.append(DocLine("得分明细（\(d.lines.count) 条，合计 \(fmt(total))）", role: .title))
        out.append(DocLine(row("分值", "维度", "记录", "日期", "说明", width: width).first!, role: .header))
        for l in d.lines {
            let role: Role = l.points < 0 ? .bad : (l.points > 0 && l.dimension != nil ? .good : .normal)
            let texts = row(fmt(l.points), l.dimension?.label ?? "基础分", l.record ?? "", l.date?.string ?? "", l.note, width: width)
            out += texts.map { DocLine($0, role: role, link: l.record) }
        }

        out.append(.blank)
        out.append(DocLine("失信记录（\(d.breaches.count) 条）", role: .title))
        out += d.breaches.isEmpty ? [DocLine("（无）", role: .muted)] : d.breaches
        out.append(.blank)
        out.append(DocLine("临期与逾期（\(d.alerts.count) 项）", role: .title))
        out += d.alerts.isEmpty ? [DocLine("（无）", role: .muted)] : d.alerts
        out.append(.blank)
        out.append(DocLine("督促检查发现的问题（\(d.findings.count) 项）", role: .title))
        out += d.findings.isEmpty ? [DocLine("（无）", role: .muted)] : d.findings
        out.append(.blank)
        out.append(DocLine("已报县委县政府（\(d.escalations.count) 项）", role: .title))
        out += d.escalations.isEmpty ? [DocLine("（无）", role: .muted)] : d.escalations
        return out
    }

    /// One table row: fixed columns, then the note wrapped under its own column.
    static func row(_ points: String, _ dimension: String, _ record: String, _ date: String, _ note: String, width: Int) -> [String] {
        let head = Width.right(points, pointsWidth) + " " + Width.left(dimension, dimensionWidth) + " "
            + Width.left(record, recordWidth) + " " + Width.left(date, dateWidth) + " "
        let noteWidth = width - Width.of(head)
        guard noteWidth >= 8 else { return Wrap.lines(head + note, width: width) }
        let parts = Wrap.lines(note, width: noteWidth)
        let pad = String(repeating: " ", count: Width.of(head))
        return parts.enumerated().map { ($0.offset == 0 ? head : pad) + $0.element }
    }

    /// Items laid out left to right, two spaces apart, starting a new line when the next one would
    /// not fit: a dimension is never cut in two or off the edge.
    static func flow(_ items: [String], width: Int) -> [DocLine] {
        var out: [DocLine] = []
        var line = ""
        for item in items {
            let candidate = line.isEmpty ? item : line + "  " + item
            if Width.of(candidate) > width && !line.isEmpty {
                out.append(DocLine(line))
                line = item
            } else {
                line = candidate
            }
        }
        if !line.isEmpty { out.append(DocLine(line)) }
        return out
    }

    static func fmt(_ v: Double) -> String { PaneTables.format(v) }
}
