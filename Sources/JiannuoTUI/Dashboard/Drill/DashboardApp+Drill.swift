import Foundation
import JiannuoCore
import JiannuoStore

extension DashboardApp {
    /// A department's whole breach record: every line of this quarter's score, every breach of the
    /// unit and its predecessors (what was done about each), every open alert.
    func departmentDrill(_ code: String) throws -> DepartmentDrill {
        let today = data.today
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
            let state = rect.isEmpty ? "未移送整改" : rect.map { $0.completedOn.map { "整改已完成 \($0)" } ?? "整改时限 \($0.deadline)" }.joined(separator: "；")
            let acts = try store.accountability(ListFilter(), breach: b.id).map { "\($0.kind) \($0.target)" }
            return DocLine("\(b.id)  \(b.date)  \(Category.label(b.category))  \(state)  \(b.reportedOn.map { "已于 \($0) 上报" } ?? "未上报")"
                           + (acts.isEmpty ? "" : "  问责：" + acts.joined(separator: "；")), link: b.id, indent: 4)
        }
        let alerts = data.alerts.filter { lineage.contains($0.department) }.map { a -> DocLine in
            DocLine("[\(a.level.label)] \(a.message)", role: PaneTables.role(a.level) ?? .normal,
                    link: a.kind == .calendar ? nil : a.record, indent: 4)
        }
        var drill = DepartmentDrill(
            code: code, name: data.name(code), period: period.description, score: s.score,
            onTime: rate.rate.map { String(format: "%.1f%%（按时 %d / 已办结 %d + 逾期未办 %d）", $0 * 100, rate.onTime, rate.closed, rate.openOverdue) } ?? "—",
            dimensions: Dimension.allCases.map { .init(label: $0.label, value: s.dimensions[$0.rawValue] ?? 0, weight: weights[$0] ?? 0) },
            lines: s.lines, breaches: breaches, alerts: alerts,
            trend: all.dropFirst().map(\.score), trendLabels: months.map(\.description),
            predecessors: predecessors.map { "\($0.name)（\($0.code)，\($0.mergedOn?.string ?? "") 并入）" })
        (drill.findings, drill.escalations) = try supervisionLines(code)
        return drill
    }
}
