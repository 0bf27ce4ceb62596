import JiannuoCore

/// The drill-down as document lines for a width: everything the record holds, nothing cut, so the
/// lines shown add up to the score shown and every dimension and breach can be reached by scrolling.
enum DrillDocument {
    /// Columns of the score-line table before the note, which takes the rest and wraps (English
    /// dimensions are longer: "promise keeping").
    static let pointsWidth = 6, dimensionWidth = 8, englishDimensionWidth = 16, recordWidth = 14, dateWidth = 10

    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    static func lines(_ d: DepartmentDrill, width: Int) -> [DocLine] {
        let l = d.lang
        var out: [DocLine] = []
        let total = d.lines.reduce(0) { $0 + $1.points }
        let base = d.lines.first { $0.dimension == nil }?.points ?? 100
        let lost = d.lines.filter { $0.dimension != nil && $0.points < 0 }.reduce(0) { $0 + $1.points }
        let gained = d.lines.filter { $0.dimension != nil && $0.points > 0 }.reduce(0) { $0 + $1.points }
        out.append(DocLine(l("\(d.period)  得分 \(fmt(d.score))（基础分 \(fmt(base)) 扣 \(fmt(-lost))"
                             + (gained > 0 ? " 加 \(fmt(gained))" : "") + "）",
                             "\(d.period)  score \(fmt(d.score)) (base \(fmt(base)), minus \(fmt(-lost))"
                             + (gained > 0 ? ", plus \(fmt(gained))" : "") + ")"), role: .title))
        out.append(DocLine(l("按时率 ", "On-time rate ") + d.onTime, indent: 2))
        out += flow(d.dimensions.map { dim in
            "\(dim.label) \(fmt(dim.value))/\(fmt(dim.weight)) \(Bar.render(fraction: dim.weight == 0 ? 0 : dim.value / dim.weight, width: 5))"
        }, width: width)
        func month(_ label: String) -> String {
            l == .zh ? "\(label.suffix(2))月" : Int(label.suffix(2)).flatMap { months.indices.contains($0 - 1) ? months[$0 - 1] : nil } ?? label
        }
        out.append(DocLine(l("十二个月：", "Twelve months: ") + "\(Sparkline.render(d.trend))  \(d.trendLabels.first ?? "")–\(d.trendLabels.last ?? "")  "
                           + zip(d.trendLabels, d.trend).suffix(3).map { "\(month($0)) \(fmt($1))" }.joined(separator: "  "), indent: 2))
        for p in d.predecessors { out.append(DocLine(l("前身：", "Predecessor: ") + p, role: .muted, indent: 2)) }

        out.append(.blank)
        out.append(DocLine(l("得分明细（\(d.lines.count) 条，合计 \(fmt(total))）", "Score lines (\(d.lines.count), total \(fmt(total)))"), role: .title))
        let dimensions = l == .zh ? dimensionWidth : englishDimensionWidth
        out.append(DocLine(row(l("分值", "Points"), l("维度", "Dimension"), l("记录", "Record"), l("日期", "Date"), l("说明", "Note"),
                               width: width, dimensions: dimensions).first!, role: .header))
        for line in d.lines {
            let role: Role = line.points < 0 ? .bad : (line.points > 0 && line.dimension != nil ? .good : .normal)
            let texts = row(fmt(line.points), line.dimension?.label(l) ?? l("基础分", "base"), line.record ?? "", line.date?.string ?? "",
                            line.note(l), width: width, dimensions: dimensions)
            out += texts.map { DocLine($0, role: role, link: line.record) }
        }

        // The record's lists, each under a title with its count, "(none)" when empty.
        var sections: [(Text, [DocLine])] = [
            (Text("失信记录（\(d.breaches.count) 条）", "Breaches (\(d.breaches.count))"), d.breaches),
            (Text("临期与逾期（\(d.alerts.count) 项）", "Nearing and overdue (\(d.alerts.count))"), d.alerts),
            (Text("督促检查发现的问题（\(d.findings.count) 项）", "Supervision findings (\(d.findings.count))"), d.findings),
            (Text("已报县委县政府（\(d.escalations.count) 项）", "Reported to the county leadership (\(d.escalations.count))"), d.escalations),
            (Text("困难问题报告（\(d.difficulties.count) 项）", "Difficulty reports (\(d.difficulties.count))"), d.difficulties),
        ]
        if !d.letters.isEmpty { sections.append((Text("督办函（\(d.letters.count) 件）", "Supervision letters (\(d.letters.count))"), d.letters)) }
        for (title, lines) in sections {
            out.append(.blank)
            out.append(DocLine(title(l), role: .title))
            out += lines.isEmpty ? [DocLine(l("（无）", "(none)"), role: .muted)] : lines
        }
        return out
    }

    /// One table row: fixed columns, then the note wrapped under its own column.
    static func row(_ points: String, _ dimension: String, _ record: String, _ date: String, _ note: String, width: Int,
                    dimensions: Int = dimensionWidth) -> [String] {
        let head = Width.right(points, pointsWidth) + " " + Width.left(dimension, dimensions) + " "
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
