import JiannuoCore

/// The department drill-down, full screen under the header.
enum DrillView {
    /// Rows of score lines shown for a screen height: what is left after the summary and the breaches.
    static func lineRows(height: Int, _ d: DepartmentDrill) -> Int {
        max(1, height - 2 - 2 - 5 - 1 - min(d.breaches.count + d.alerts.count, 6) - 2)
    }

    static func draw(_ g: inout Grid, _ d: DepartmentDrill) {
        let rect = Rect(x: 0, y: 1, width: g.width, height: max(0, g.height - 2))
        g.fill(rect)
        let inner = g.box(rect, title: " \(d.name) \(d.code) 失信档案 ", role: .borderFocused)
        guard inner.width > 20, inner.height > 6 else { return }
        let x = inner.x + 1, w = inner.width - 2
        var y = inner.y
        func line(_ text: String, _ role: Role = .normal) {
            guard y < inner.maxY else { return }
            _ = g.put(text, x: x, y: y, role: role, maxWidth: w)
            y += 1
        }
        line("\(d.period)  得分 \(PaneTables.format(d.score))    按时率 \(d.onTime)", .title)
        var dx = x
        for dim in d.dimensions {
            let text = "\(dim.label) \(PaneTables.format(dim.value))/\(PaneTables.format(dim.weight)) "
            dx += g.put(text, x: dx, y: y, role: dim.value < dim.weight ? .bad : .good, maxWidth: max(0, inner.maxX - dx))
            dx += g.put(Bar.render(fraction: dim.weight == 0 ? 0 : dim.value / dim.weight, width: 5) + "  ", x: dx, y: y,
                        role: .barFilled, maxWidth: max(0, inner.maxX - dx))
        }
        y += 1
        line("十二个月：\(Sparkline.render(d.trend))  \(d.trendLabels.first ?? "")–\(d.trendLabels.last ?? "")  "
             + zip(d.trendLabels, d.trend).suffix(3).map { "\($0.suffix(2))月 \(PaneTables.format($1))" }.joined(separator: "  "))
        if !d.predecessors.isEmpty { line("前身：" + d.predecessors.joined(separator: "；"), .muted) }
        y += 1
        let rows = lineRows(height: g.height, d)
        let table = Table(columns: [
            TableColumn("分值", minWidth: 5, alignment: .right), TableColumn("规则", minWidth: 10),
            TableColumn("记录", minWidth: 14), TableColumn("日期", minWidth: 10), TableColumn("说明", minWidth: 10, flexible: true),
        ], rows: d.lines.dropFirst(d.scroll).prefix(rows).map {
            TableRow([PaneTables.format($0.points), $0.rule, $0.record ?? "", $0.date?.string ?? "", $0.note],
                     role: $0.points < 0 ? .bad : ($0.points > 0 && $0.record != nil ? .good : nil))
        }, selected: d.selected - d.scroll, focused: true)
        let tableRect = Rect(x: x, y: y, width: w, height: min(rows + 1, max(0, inner.maxY - y)))
        table.draw(into: &g, rect: tableRect)
        y = tableRect.maxY + 1
        for b in d.breaches.prefix(3) { line(b) }
        for a in d.alerts.prefix(max(0, 6 - min(3, d.breaches.count))) { line(a, .levelOverdue) }
    }
}
