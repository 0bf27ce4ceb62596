import Foundation
import JiannuoCore
import JiannuoStore

extension DashboardApp {
    /// A department's whole breach record: every line of this quarter's score, every breach of the
    /// unit and its predecessors (what was done about each), every open alert.
    func departmentDrill(_ code: String) throws -> DepartmentDrill {
        let today = data.today
        let l = data.lang
        let period = Period.currentQuarter(today)
        let thisMonth = Period.month(today.year, today.month)
        let months = (0..<12).reversed().map { thisMonth.shifted(-$0) }
        let all = try store.scores(of: code, periods: [period] + months, today: today)
        let s = all[0]
        let weights = store.rules.scoring.weights
        let rate = try store.onTimeRate(of: code, period: period, today: today)
        let predecessors = try store.predecessors(of: code)
        let lineage = Set([code] + predecessors.map(\.code))
        let breaches = try store.breaches(ListFilter(department: code)).map { b -> DocLine in
            let rect = try store.rectifications(ListFilter(), breach: b.id)
            let state = rect.isEmpty ? l("未移送整改", "no rectification ordered")
                : rect.map { r in r.completedOn.map { l("整改已完成 \($0)", "rectified \($0)") } ?? l("整改时限 \(r.deadline)", "rectify by \(r.deadline)") }
                    .joined(separator: l("；", "; "))
            let acts = try store.accountability(ListFilter(), breach: b.id).map { "\(AccountabilityKind.display($0.kind, l)) \($0.target)" }
            let reported = b.reportedOn.map { l("已于 \($0) 上报", "reported \($0)") } ?? l("未上报", "not reported")
            return DocLine("\(b.id)  \(b.date)  \(Category.label(b.category, l))  \(state)  \(reported)"
                           + (acts.isEmpty ? "" : l("  问责：", "  accountability: ") + acts.joined(separator: l("；", "; "))), link: b.id, indent: 4)
        }
        // The unit's own alerts, read for it: the dashboard may hold only the head of the list.
        let alerts = try store.alerts(today: today, departments: Array(lineage).sorted()).filter { lineage.contains($0.department) }.map { a -> DocLine in
            DocLine("[\(a.level.label(l))] \(a.message(l))", role: PaneTables.role(a.level) ?? .normal,
                    link: a.kind == .calendar ? nil : a.record, indent: 4)
        }
        var drill = DepartmentDrill(
            code: code, name: data.name(code), period: period.description, score: s.score,
            onTime: rate.rate.map { String(format: l("%.1f%%（按时 %d / 已办结 %d + 逾期未办 %d）", "%.1f%% (on time %d / closed %d + overdue and open %d)"),
                                           $0 * 100, rate.onTime, rate.closed, rate.openOverdue) } ?? "—",
            dimensions: Dimension.allCases.map { .init(label: $0.label(l), value: s.dimensions[$0.rawValue] ?? 0, weight: weights[$0] ?? 0) },
            lines: s.lines, breaches: breaches, alerts: alerts,
            trend: all.dropFirst().map(\.score), trendLabels: months.map(\.description),
            predecessors: predecessors.map { l("\($0.name)（\($0.code)，\($0.mergedOn?.string ?? "") 并入）", "\($0.name) (\($0.code), merged \($0.mergedOn?.string ?? ""))") },
            lang: l)
        (drill.findings, drill.escalations) = try supervisionLines(code)
        return drill
    }
}
