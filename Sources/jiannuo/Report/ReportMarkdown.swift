import JiannuoCore

/// The bulletin as Markdown: the same content as the HTML, with the charts' figures as tables.
enum ReportMarkdown {
    static func escape(_ s: String) -> String {
        Document.escapeMarkdown(Privacy.maskNumbers(Sanitize.visible(s)))
    }

    static func render(_ d: ReportData) -> String {
        let c = ReportContent.build(d)
        var m = "# \(escape(c.title))\n\n" + c.subtitle.map { escape($0) + "\n\n" }.joined()
        for s in c.sections {
            m += "## \(escape(s.title))\n\n"
            for b in s.blocks {
                switch b {
                case .paragraph(let p): m += escape(p) + "\n\n"
                case .table(let t): m += table(t)
                case .figure(.scoreBars, _): break   // the ranking table above holds its figures
                case .figure(.trends, let caption):
                    let months = d.units.first?.trend.map(\.period) ?? []
                    m += escape(caption) + "\n\n"
                    m += table(ReportContent.Table(
                        columns: [.init("单位名称", 0)] + months.map { .init($0, 0, .right) },
                        rows: d.units.map { u in [u.name] + u.trend.map { ScoresCommand.fmt($0.score) } }))
                case .figure(.categories, let caption):
                    m += escape(caption) + "\n\n"
                    m += table(ReportContent.Table(
                        columns: [.init("类别", 0), .init("已过时限未兑现的承诺事项", 0, .right), .init("本期认定的失信违诺", 0, .right)],
                        rows: d.categories.map { ["\($0.category) \($0.label)", "\($0.overdue_commitments)", "\($0.breaches)"] }))
                }
            }
        }
        return m + c.closing.map { escape($0) + "\n\n" }.joined() + escape("本通报由践诺台账生成，数据截至 \(d.as_of)；不含投诉人个人信息。") + "\n"
    }

    static func table(_ t: ReportContent.Table) -> String {
        var m = "| " + t.columns.map { escape($0.title) }.joined(separator: " | ") + " |\n"
        m += "|" + t.columns.map { $0.align == .right ? " ---: |" : " --- |" }.joined() + "\n"
        for r in t.rows { m += "| " + r.map(escape).joined(separator: " | ") + " |\n" }
        return m + "\n"
    }
}
