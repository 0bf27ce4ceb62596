import Foundation
import JiannuoCore
import JiannuoStore

extension DashboardApp {
    /// Opens the drill-down of the department behind the selected row.
    func drill(_ pane: Pane, _ index: Int) throws {
        let code: String?
        switch pane {
        case .commitments: code = data.commitments.row(index)?.department
        case .complaints: code = data.complaints.row(index)?.department
        case .deadlines: code = data.alerts(matching: state[pane].filter).dropFirst(index).first?.department
        case .scores: code = data.scores(matching: state[pane].filter).dropFirst(index).first?.department
        }
        guard let code, !code.isEmpty else { state.message = "所选事项没有承办单位"; return }
        state.overlay = .department(try departmentDrill(code))
    }

    func departmentDrill(_ code: String) throws -> DepartmentDrill {
        let today = data.today
        let period = Period.currentQuarter(today)
        let thisMonth = Period.month(today.year, today.month)
        let months = (0..<12).reversed().map { thisMonth.shifted(-$0) }
        let all = try store.scores(of: code, periods: [period] + months, today: today)
        let s = all[0]
        let weights = store.rules.scoring.weights
        let rate = try store.onTimeRate(of: code, period: period, today: today)
        let lineage = Set([code] + (try store.predecessors(of: code)).map(\.code))
        let breaches = try store.breaches(ListFilter(department: code, limit: 10)).map { b -> String in
            let rect = try store.rectifications(ListFilter(), breach: b.id)
            let state = rect.isEmpty ? "未移送整改" : rect.map { $0.completedOn.map { "整改已完成 \($0)" } ?? "整改时限 \($0.deadline)" }.joined(separator: "；")
            let acts = try store.accountability(ListFilter(), breach: b.id).map { "\($0.kind) \($0.target)" }
            return "失信 \(b.id) \(b.date) \(Category.label(b.category))  \(state)\(b.reportedOn == nil ? "  未上报" : "")"
                + (acts.isEmpty ? "" : "  问责：" + acts.joined(separator: "；"))
        }
        return DepartmentDrill(
            code: code, name: data.name(code), period: period.description, score: s.score,
            onTime: rate.rate.map { String(format: "%.1f%%（按时 %d / 已办结 %d + 逾期未办 %d）", $0 * 100, rate.onTime, rate.closed, rate.openOverdue) } ?? "—",
            dimensions: Dimension.allCases.map { .init(label: $0.label, value: s.dimensions[$0.rawValue] ?? 0, weight: weights[$0] ?? 0) },
            lines: s.lines, breaches: breaches,
            alerts: data.alerts.filter { lineage.contains($0.department) }.prefix(10).map { "[\($0.level.label)] \($0.message)" },
            trend: all.dropFirst().map(\.score), trendLabels: months.map(\.description),
            predecessors: try store.predecessors(of: code).map { "\($0.name)（\($0.code)，\($0.mergedOn?.string ?? "") 并入）" })
    }

    /// A record named by id (a drill-down line), in the detail view.
    func openRecord(_ id: String) throws {
        do {
            let (title, lines) = try RecordDetail.lines(for: id, store: store, today: data.today)
            state.overlay = .detail(title: title, lines: lines, scroll: 0)
            state.detailRecord = id
        } catch let e as JiannuoError {
            state.overlay = state.returnTo
            state.returnTo = nil
            state.message = e.text.zh
        }
    }
}
