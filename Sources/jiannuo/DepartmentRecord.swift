import JiannuoCore
import JiannuoStore

/// `jiannuo department show`: a department's whole breach record for a period.
struct DepartmentRecord: Encodable {
    let department: String
    let name: String
    let kind: String
    let active: Bool
    let successor: String?
    let merged_on: Day?
    let period: String
    let score: Double
    let dimensions: [String: Double]
    let counts: [ScoreRule: Int]
    let lines: [ScoreLine]
    let breaches: [BreachView]
    let alerts: [Alert]
    let on_time_rate: OnTimeRate
    let trend: [DepartmentProfile.TrendPoint]
    let predecessors: [DepartmentView]
    let events: [DepartmentEvent]
    let findings: [Finding]
    let escalations: [Escalation]
    let difficulties: [DifficultyReport]
    let letters: [SupervisionLetter]
    /// The day whose knowledge the score shows (`--as-known`); nil: today's corrected view.
    var as_known: Day? = nil

    init(_ p: DepartmentProfile, asKnown: AsKnown? = nil) {
        as_known = asKnown?.day
        let d = p.department, s = p.score
        department = d.code; name = d.name; kind = d.kind.rawValue; active = d.active; successor = d.successor; merged_on = d.mergedOn
        period = p.period.description; score = s.score; dimensions = s.dimensions; counts = s.counts; lines = s.lines
        breaches = p.breaches.map { BreachView(b: $0.breach, rectifications: $0.rectifications, accountability: $0.accountability) }
        alerts = p.alerts; on_time_rate = p.onTime; trend = p.trend
        predecessors = p.predecessors.map { DepartmentView(d: $0) }; events = p.events
        findings = p.findings.map(\.finding); escalations = p.escalations; difficulties = p.difficulties
        letters = p.letters
    }

    func print(_ out: Output) {
        let l = out.lang
        out.line("\(department)  \(name)" + (active ? "" : out.t("（已于 \(merged_on?.string ?? "") 并入 \(successor ?? "")）",
                                                             " (merged into \(successor ?? "") on \(merged_on?.string ?? ""))")))
        if let d = as_known {
            out.say("（得分按 \(d) 所知：其后录入、核实的补录不计入）", "(scores as known on \(d): events recorded or confirmed later left out)")
        }
        for p in predecessors {
            out.say("  前身：\(p.d.code) \(p.d.name)，\(p.d.mergedOn?.string ?? "") 并入", "  predecessor: \(p.d.code) \(p.d.name), merged \(p.d.mergedOn?.string ?? "")")
        }
        let rate = on_time_rate.rate.map { String(format: "%.1f%%", $0 * 100) } ?? "—"
        let r = on_time_rate
        out.say("期间 \(period)  得分 \(ScoresCommand.fmt(score))  按时率 \(rate)（按时 \(r.onTime) / 已办结 \(r.closed) + 逾期未办 \(r.openOverdue)）",
                "period \(period)  score \(ScoresCommand.fmt(score))  on time \(rate) (\(r.onTime) on time / \(r.closed) closed + \(r.openOverdue) open and late)")
        out.line(Dimension.allCases.map { "\($0.label(l)) \(ScoresCommand.fmt(dimensions[$0.rawValue] ?? 0))" }.joined(separator: "  "))
        out.line()
        var t = out.table(["分值|points", "维度|dimension", "规则|rule", "记录|record", "日期|date", "说明|note"], right: [0])
        for x in lines {
            t.add([ScoresCommand.fmt(x.points), x.dimension?.label(l) ?? "", x.rule.label(l), x.record ?? "", x.date?.string ?? "", x.note(l)])
        }
        out.line(t.render())
        out.line()
        out.line(out.t("十二个月趋势：", "twelve months: ") + trend.map { out.t("\($0.period.suffix(2))月 ", "\($0.period) ") + ScoresCommand.fmt($0.score) }.joined(separator: "  "))
        if !breaches.isEmpty {
            out.line()
            out.say("失信记录：", "breaches:")
            for b in breaches {
                let rect = b.rectifications.isEmpty ? out.t("未移送整改", "no rectification ordered")
                    : b.rectifications.map { "\($0.id) " + ($0.completedOn.map { out.t("已完成 \($0)", "done \($0)") } ?? out.t("时限 \($0.deadline)", "due \($0.deadline)")) }
                        .joined(separator: out.t("；", "; "))
                let acc = b.accountability.map { "\(AccountabilityKind.display($0.kind, l)) \($0.target)" }.joined(separator: out.t("；", "; "))
                out.say("  \(b.b.id) \(b.b.date) 类别\(b.b.category) 投诉 \(b.b.complaint ?? "—") 承诺 \(b.b.commitment ?? "—")  整改：\(rect)\(acc.isEmpty ? "" : "  问责：\(acc)")",
                        "  \(b.b.id) \(b.b.date) category \(b.b.category) complaint \(b.b.complaint ?? "—") commitment \(b.b.commitment ?? "—")  rectification: \(rect)\(acc.isEmpty ? "" : "  accountability: \(acc)")")
            }
        }
        if !findings.isEmpty {
            out.line()
            out.say("督促检查发现的问题：", "supervision findings:")
            for f in findings { out.line("  \(f.id) \(f.date) \(f.severity.label(l)) \(f.issue)（\(f.round)）") }
        }
        if !escalations.isEmpty {
            out.line()
            out.say("已报县委县政府：", "reported to the county leadership:")
            for e in escalations { out.line("  \(e.id) \(e.date) \(e.kind.label(l)) \(e.record)\(e.note.map { " \($0)" } ?? "")") }
        }
        if !difficulties.isEmpty {
            out.line()
            out.say("困难问题报告：", "difficulty reports:")
            for d in difficulties {
                let state = d.answeredAt.map { out.t("已答复 \($0.day)", "answered \($0.day)") + ((d.answeredOnTime ?? true) ? "" : out.t("（逾期）", " (late)")) }
                    ?? out.t("未答复，时限 \(d.due)", "unanswered, due \(d.due)")
                out.line("  \(d.id) \(d.filedAt.day) \(d.record) \(state)\(d.referredAt != nil ? out.t(" 已提请县领导", " referred up") : "") \(d.text)")
            }
        }
        if !letters.isEmpty {
            out.line()
            out.say("督办函：", "supervision letters:")
            for x in letters {
                let state = x.repliedAt.map { out.t("已回复 \($0.day)", "replied \($0.day)") + ((x.repliedOnTime ?? true) ? "" : out.t("（逾期）", " (late)")) }
                    ?? out.t("未回复，时限 \(x.replyBy)", "no reply, due \(x.replyBy)")
                out.line("  \(x.id) \(x.issuedAt.day) \(x.number) \(out.t("\(x.items.count) 项", "\(x.items.count) items")) \(state)")
            }
        }
        if !alerts.isEmpty {
            out.line()
            out.say("临期与逾期：", "nearing and overdue:")
            for a in alerts.prefix(30) { out.line("  [\(a.level.label(l))] \(a.message(l))") }
            if alerts.count > 30 { out.say("  ……共 \(alerts.count) 项", "  … \(alerts.count) in all") }
        }
    }
}
