import JiannuoCore

/// The bulletin's content, whatever the format: a heading, sections of paragraphs, tables and figures.
/// HTML and Markdown render the same content, so they never say different things. Text here is plain:
/// each renderer escapes it for its format.
struct ReportContent {
    enum Align { case left, right }
    struct Column {
        let title: String
        /// Share of the page width, in percent (HTML); Markdown ignores it.
        let width: Int
        let align: Align
        /// An identifier (code, record id): never broken over two lines.
        let id: Bool
        init(_ title: String, _ width: Int, _ align: Align = .left, id: Bool = false) {
            self.title = title; self.width = width; self.align = align; self.id = id
        }
    }
    struct Table { let columns: [Column]; let rows: [[String]] }
    enum Figure { case scoreBars, trends, categories }
    enum Block {
        case paragraph(String)
        case table(Table)
        /// A chart: HTML draws it, Markdown gives its figures as a table (or nothing when a table above holds them).
        case figure(Figure, caption: String)
    }
    struct Section { let title: String; let blocks: [Block] }

    let title: String
    let subtitle: [String]
    let sections: [Section]
    /// After the sections: who issues it, to whom, with copies to whom.
    let closing: [String]

    static func build(_ d: ReportData) -> ReportContent {
        let f = ScoresCommand.fmt
        let units = d.units
        let asOfNote = d.as_of < d.end ? "，统计截至 \(d.as_of)" : ""
        let summary = """
            本期纳入评价单位 \(units.count) 个，平均得分 \(d.averageScore.map(f) ?? "—") 分；期内认定失信违诺 \(d.breachTotal) 件，\
            整改到期 \(units.map(\.rectifications_due).reduce(0, +)) 件、逾期未完成 \(units.map(\.rectifications_overdue).reduce(0, +)) 件、\
            期内完成 \(units.map(\.rectifications_done).reduce(0, +)) 件；报县委县政府 \(d.escalations.count) 件。
            """
        func change(_ u: ReportData.Unit) -> String {
            guard let c = u.rank_change else { return "新" }
            return c > 0 ? "↑\(c)" : (c < 0 ? "↓\(-c)" : "—")
        }
        let code = Column("单位代码", 14, id: true), name = Column("单位名称", 30)

        let ranking = Section(title: "一、政务诚信得分排名", blocks: [
            .paragraph(summary),
            .paragraph("按本期得分由高到低排列（同分按单位代码）；名次变化与上期（\(d.previous_period)）相比，↑ 为上升、↓ 为下降，“新”为上期未参评。"),
            .table(Table(columns: [Column("名次", 8, .right), code, name, Column("得分", 10, .right), Column("上期得分", 12, .right),
                                   Column("上期名次", 12, .right), Column("名次变化", 14, .right)],
                         rows: units.map { u in
                             ["\(u.rank)", u.code, u.name, f(u.score), u.previous_score.map(f) ?? "—", u.previous_rank.map(String.init) ?? "—", change(u)]
                         })),
            .figure(.scoreBars, caption: "图1 各单位本期得分（由高到低；竖虚线为 90、80、60 分等次线）"),
        ])

        let months = units.first?.trend ?? []
        let dims = Section(title: "二、分项得分", blocks: [
            .paragraph("五个维度：" + Dimension.allCases.map(\.label).joined(separator: "、") + "；各维度得分之和为总分。"),
            .table(Table(columns: [code, Column("单位名称", 24)] + Dimension.allCases.map { Column($0.label, 10, .right) } + [Column("总分", 12, .right)],
                         rows: units.map { u in
                             [u.code, u.name] + Dimension.allCases.map { f(u.dimensions[$0.rawValue] ?? 0) } + [f(u.score)]
                         })),
            .figure(.trends, caption: "图2 各单位近十二个月得分走势（\(months.first?.period ?? "") 至 \(months.last?.period ?? "")，逐月评分，各小图纵轴刻度相同）"),
        ])

        let onTime = Section(title: "三、按时办结率", blocks: [
            .paragraph("按时办结率 = 按时办结 ÷（已办结 + 逾期未办）。统计范围：时限在本期内（截至 \(d.as_of)）的事项，以及期初已逾期仍未办结的事项，"
                       + "包括承诺兑现、中小企业账款支付、投诉受理、办结、反馈和错派退回、整改、舆情处置；截至 \(d.as_of) 办结的计入已办结"
                       + "（在时限内办结的为按时办结），未办结且已过时限的计入逾期未办。"),
            .table(Table(columns: [code, name, Column("按时办结", 14, .right), Column("已办结", 14, .right), Column("逾期未办", 14, .right), Column("按时办结率", 14, .right)],
                         rows: units.map { u in
                             let r = u.on_time
                             return [u.code, u.name, "\(r.onTime)", "\(r.closed)", "\(r.openOverdue)", r.rate.map { String(format: "%.1f%%", $0 * 100) } ?? "—"]
                         })),
        ])

        let breaches = Section(title: "四、失信违诺与整改", blocks: [
            .paragraph("认定失信：本期认定的失信违诺；整改到期：整改时限在本期内；逾期未完成：截至 \(d.as_of) 已过整改时限仍未完成；期内完成：本期完成整改。合并单位的记录计入承继单位。"),
            .table(Table(columns: [code, name, Column("认定失信", 14, .right), Column("整改到期", 14, .right), Column("逾期未完成", 14, .right), Column("期内完成", 14, .right)],
                         rows: units.map { u in
                             [u.code, u.name, "\(u.breaches)", "\(u.rectifications_due)", "\(u.rectifications_overdue)", "\(u.rectifications_done)"]
                         })),
            .figure(.categories, caption: "图3 按类别统计：截至 \(d.as_of) 已过兑现时限（中小企业账款：付款期限）仍未兑现的承诺事项（件），及本期认定的失信违诺（件）"),
        ])

        let escalations = Section(title: "五、报县委县政府事项", blocks: d.escalations.isEmpty
            ? [.paragraph("本期无报县委县政府事项。")]
            : [.paragraph("本期报县委县政府 \(d.escalations.count) 件。整改情况截至 \(d.as_of)；整改日期：整改中、逾期未整改为整改时限，已整改为完成日期；逾期事项不涉整改，其整改日期为“—”。"),
               .table(Table(columns: [Column("编号", 13, id: true), Column("单位", 16), Column("类型", 9), Column("类别", 19),
                                      Column("认定日期", 11, id: true), Column("上报日期", 11, id: true), Column("整改情况", 10),
                                      Column("整改日期", 11, id: true)],
                            rows: d.escalations.map { e in
                                [e.id, e.name, e.kind_label, e.subject, e.since?.string ?? "—", e.date.string, e.status, e.status_on?.string ?? "—"]
                            }))])

        let findings = Section(title: "六、督促检查发现的问题", blocks: d.findings.isEmpty
            ? [.paragraph("本期督促检查未发现问题，或尚未开展督促检查。")]
            : [.paragraph("本期督促检查发现问题 \(d.findings.count) 项；整改情况截至 \(d.as_of)。"),
               .table(Table(columns: [Column("编号", 13, id: true), Column("单位", 16), Column("日期", 11, id: true), Column("级别", 8),
                                      Column("问题", 30), Column("整改", 22)],
                            rows: d.findings.map { [$0.id, $0.name, $0.date.string, $0.severity, $0.issue, $0.rectification] }))])

        let filed = units.filter { $0.difficulties_filed > 0 }
        let total = filed.map(\.difficulties_filed).reduce(0, +)
        let difficulties = Section(title: "七、单位报告的困难问题", blocks: filed.isEmpty
            ? [.paragraph("本期各单位未报告困难问题。")]
            : [.paragraph("本期 \(filed.count) 个单位报告推进中遇到的困难问题 \(total) 件，按时答复 \(filed.map(\.difficulties_answered_on_time).reduce(0, +)) 件，"
                          + "截至 \(d.as_of) 未答复 \(filed.map(\.difficulties_open).reduce(0, +)) 件。困难问题报告不中止承诺兑现时限。"),
               .table(Table(columns: [code, Column("单位名称", 40), Column("报告", 14, .right), Column("按时答复", 14, .right), Column("未答复", 14, .right)],
                            rows: filed.map { u in [u.code, u.name, "\(u.difficulties_filed)", "\(u.difficulties_answered_on_time)", "\(u.difficulties_open)"] }))])

        let t = d.tallies
        let accountability = Section(title: "八、问责情况", blocks: t.accountability.isEmpty
            ? [.paragraph("本期未作出问责。")]
            : [.paragraph("本期作出问责 \(t.accountability.count) 项（公职人员只列职务，不列姓名）。"),
               .table(Table(columns: [Column("编号", 14, id: true), Column("单位", 20), Column("日期", 12, id: true), Column("问责对象", 20),
                                      Column("问责方式", 16), Column("所涉记录", 16, id: true)],
                            rows: t.accountability.map { [$0.id, $0.name.isEmpty ? $0.department : $0.name, $0.date.string, $0.target, $0.kind, $0.about] }))])

        let opinions = Section(title: "九、舆情处置", blocks: t.opinions.isEmpty
            ? [.paragraph("本期未发现涉及单位的舆情。")]
            : [.paragraph("本期发现舆情 \(t.opinions.map(\.events).reduce(0, +)) 起，其中重大舆情 \(t.opinions.map(\.major).reduce(0, +)) 起；"
                          + "按时处置 \(t.opinions.map(\.handled_on_time).reduce(0, +)) 起，截至 \(d.as_of) 未处置 \(t.opinions.map(\.open).reduce(0, +)) 起。"),
               .table(Table(columns: [code, Column("单位名称", 36), Column("舆情", 12, .right), Column("重大", 12, .right), Column("按时处置", 13, .right), Column("未处置", 13, .right)],
                            rows: t.opinions.map { [$0.department, $0.name, "\($0.events)", "\($0.major)", "\($0.handled_on_time)", "\($0.open)"] }))])

        func complaintTable(_ first: Column, _ rows: [ReportTallies.Count]) -> Block {
            .table(Table(columns: [first, Column("收到", 14, .right), Column("已办结", 14, .right), Column("超时环节", 14, .right)],
                         rows: rows.map { [$0.label, "\($0.received)", "\($0.resolved)", "\($0.late_stages)"] }))
        }
        let received = t.complaints_by_channel.map(\.received).reduce(0, +)
        let complaints = Section(title: "十、投诉办理统计", blocks: received == 0
            ? [.paragraph("本期未收到投诉。")]
            : [.paragraph("本期收到投诉 \(received) 件，截至 \(d.as_of) 已办结 \(t.complaints_by_channel.map(\.resolved).reduce(0, +)) 件；"
                          + "超时环节为受理、办结、反馈中超过时限的环节数（截至 \(d.as_of) 判定）。按渠道、类别、承办单位统计如下。"),
               complaintTable(Column("渠道", 40), t.complaints_by_channel),
               complaintTable(Column("类别", 40), t.complaints_by_category),
               complaintTable(Column("承办单位", 40), t.complaints_by_unit)])

        let written = units.filter { $0.letters_issued > 0 }
        let letters = Section(title: "十一、督办函", blocks: written.isEmpty
            ? [.paragraph("本期未向单位发督办函。")]
            : [.paragraph("本期向 \(written.count) 个单位发督办函 \(written.map(\.letters_issued).reduce(0, +)) 件，按时回复 "
                          + "\(written.map(\.letters_replied_on_time).reduce(0, +)) 件，截至 \(d.as_of) 未回复 \(written.map(\.letters_open).reduce(0, +)) 件。"),
               .table(Table(columns: [code, Column("单位名称", 40), Column("督办函", 14, .right), Column("按时回复", 14, .right), Column("未回复", 14, .right)],
                            rows: written.map { u in [u.code, u.name, "\(u.letters_issued)", "\(u.letters_replied_on_time)", "\(u.letters_open)"] }))])

        let counts = Grades.bands.map { b in "\(b.grade) \(units.filter { $0.grade == b.grade }.count) 个" }.joined(separator: "、")
        let result = Section(title: "十二、考核评价结果", blocks: [
            .paragraph("以下结果送绩效考核，作为重要参考。等次：\(Grades.legend)。本期\(counts)。"),
            .table(Table(columns: [code, Column("单位名称", 40), Column("得分", 14, .right), Column("名次", 14, .right), Column("等次", 18)],
                         rows: units.map { u in [u.code, u.name, f(u.score), "\(u.rank)", u.grade] })),
        ])

        return ReportContent(
            title: d.title,
            subtitle: [d.document.number ?? "（未发布稿：以 jiannuo report --issue 发布后方有文号）",
                       "\(d.period_label)（\(d.start) 至 \(d.end)\(asOfNote)）", "制发日期：\(d.made)",
                       "数据口径：截至 \(d.as_known) 已录入的记录（其后补录、核实的不计入，承诺事项按此日所知）"],
            sections: [ranking, dims, onTime, breaches, escalations, findings, difficulties, accountability, opinions, complaints, letters, result],
            closing: ["发文机关：\(d.document.issuer)"] + (d.document.to.map { ["主送：\($0)"] } ?? []) + (d.document.cc.map { ["抄送：\($0)"] } ?? []))
    }
}
