import JiannuoCore
import JiannuoStore

extension DepartmentDrill {
    /// The drill-down's lines from a unit's profile: every line of the score, every breach of the unit
    /// and its predecessors (what was done about each), its findings, what went up, every open alert.
    init(_ p: DepartmentProfile, name: String, weights: [Dimension: Double], lang l: Lang) {
        let s = p.score, rate = p.onTime
        let breaches = p.breaches.map { b -> DocLine in
            let state = b.rectifications.isEmpty ? l("未移送整改", "no rectification ordered")
                : b.rectifications.map { r in r.completedOn.map { l("整改已完成 \($0)", "rectified \($0)") } ?? l("整改时限 \(r.deadline)", "rectify by \(r.deadline)") }
                    .joined(separator: l("；", "; "))
            let acts = b.accountability.map { "\(AccountabilityKind.display($0.kind, l)) \($0.target)" }
            let reported = b.breach.reportedOn.map { l("已于 \($0) 上报", "reported \($0)") } ?? l("未上报", "not reported")
            return DocLine("\(b.breach.id)  \(b.breach.date)  \(Category.label(b.breach.category, l))  \(state)  \(reported)"
                           + (acts.isEmpty ? "" : l("  问责：", "  accountability: ") + acts.joined(separator: l("；", "; "))), link: b.breach.id, indent: 4)
        }
        let alerts = p.alerts.map { a -> DocLine in
            DocLine("[\(a.level.label(l))] \(a.message(l))", role: PaneTables.role(a.level) ?? .normal,
                    link: a.kind == .calendar ? nil : a.record, indent: 4)
        }
        self.init(
            code: p.department.code, name: name, period: p.period.description, score: s.score,
            onTime: rate.rate.map { String(format: l("%.1f%%（按时 %d / 已办结 %d + 逾期未办 %d）", "%.1f%% (on time %d / closed %d + overdue and open %d)"),
                                           $0 * 100, rate.onTime, rate.closed, rate.openOverdue) } ?? "—",
            dimensions: Dimension.allCases.map { .init(label: $0.label(l), value: s.dimensions[$0.rawValue] ?? 0, weight: weights[$0] ?? 0) },
            lines: s.lines, breaches: breaches, alerts: alerts,
            trend: p.trend.map(\.score), trendLabels: p.trend.map(\.period),
            predecessors: p.predecessors.map { l("\($0.name)（\($0.code)，\($0.mergedOn?.string ?? "") 并入）", "\($0.name) (\($0.code), merged \($0.mergedOn?.string ?? ""))") },
            lang: l)
        findings = p.findings.map { f -> DocLine in
            let ordered = f.rectifications.map { r in
                l("限期整改 ", "rectification ") + "\(r.id) " + (r.completedOn.map { l("已完成 \($0)", "done \($0)") } ?? l("时限 \(r.deadline)", "due \(r.deadline)"))
            }
            let x = f.finding
            return DocLine("\(x.id)  \(x.date)  \(x.severity.label(l))  \(x.issue)" + (ordered.isEmpty ? "" : "  " + ordered.joined(separator: l("；", "; "))),
                           role: x.severity == .high ? .bad : .normal, link: x.id, indent: 4)
        }
        // A breach reported before reports were kept as escalations (older ledgers, the demo) counts too:
        // the count agrees with the breaches' own "reported on".
        let kept = Set(p.escalations.map(\.record))
        let reported = p.breaches.map(\.breach).filter { $0.reportedOn != nil && !kept.contains($0.id) }
        let lines: [(Day, String, DocLine)] = p.escalations.map { e in
            (e.date, e.record, DocLine("\(e.date)  \(e.kind.label(l)) \(e.record)  " + l("报\(e.recipient)", "reported up") + (e.note.map { l("：", ": ") + $0 } ?? ""),
                                       link: e.record, indent: 4))
        } + reported.map { b in
            (b.reportedOn!, b.id, DocLine("\(b.reportedOn!)  \(Escalation.Kind.breach.label(l)) \(b.id)  " + l("报县委县政府", "reported up"), link: b.id, indent: 4))
        }
        escalations = lines.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map(\.2)
        letters = p.letters.map { x in
            let state = x.repliedAt.map { l("已回复 \($0.day)", "replied \($0.day)") + ((x.repliedOnTime ?? true) ? "" : l("（逾期）", " (late)")) }
                ?? l("未回复，时限 \(x.replyBy)", "no reply, due \(x.replyBy)")
            return DocLine("\(x.id)  \(x.issuedAt.day)  \(x.number)  " + l("\(x.items.count) 项", "\(x.items.count) items") + "  \(state)",
                           role: p.alerts.contains { $0.record == x.id && $0.level <= .overdue } ? .bad : .normal, link: x.id, indent: 4)
        }
        difficulties = p.difficulties.map { d in
            let state = d.answeredAt.map { l("已答复 \($0.day)", "answered \($0.day)") + ((d.answeredOnTime ?? true) ? "" : l("（逾期）", " (late)")) }
                ?? l("未答复，时限 \(d.due)", "unanswered, due \(d.due)")
            return DocLine("\(d.id)  \(d.filedAt.day)  \(d.record)  \(state)" + (d.referredAt != nil ? l("  已提请县领导", "  referred up") : "") + "  \(d.text)",
                           role: p.alerts.contains { $0.record == d.id && $0.level <= .overdue } ? .bad : .normal, link: d.id, indent: 4)
        }
    }
}
