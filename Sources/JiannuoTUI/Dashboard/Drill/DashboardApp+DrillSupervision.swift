import JiannuoCore
import JiannuoStore

extension DashboardApp {
    /// A unit's supervision findings, each with the rectification it ordered, and what went up to the
    /// county leadership: lines of the drill-down, each opening its record.
    func supervisionLines(_ code: String) throws -> (findings: [DocLine], escalations: [DocLine]) {
        let l = data.lang
        let rects = Dictionary(grouping: try store.rectifications(ListFilter(department: code)).filter { $0.finding != nil }, by: { $0.finding! })
        let findings = try store.findings(ListFilter(department: code)).map { f -> DocLine in
            let ordered = (rects[f.id] ?? []).map { r in
                l("限期整改 ", "rectification ") + "\(r.id) " + (r.completedOn.map { l("已完成 \($0)", "done \($0)") } ?? l("时限 \(r.deadline)", "due \(r.deadline)"))
            }
            return DocLine("\(f.id)  \(f.date)  \(f.severity.label(l))  \(f.issue)" + (ordered.isEmpty ? "" : "  " + ordered.joined(separator: l("；", "; "))),
                           role: f.severity == .high ? .bad : .normal, link: f.id, indent: 4)
        }
        let escalations = try store.escalations(ListFilter(department: code)).map { e -> DocLine in
            DocLine("\(e.date)  \(e.kind.label(l)) \(e.record)  " + l("报\(e.recipient)", "reported up") + (e.note.map { l("：", ": ") + $0 } ?? ""),
                    link: e.record, indent: 4)
        }
        return (findings, escalations)
    }
}
