import JiannuoCore
import JiannuoStore

extension DashboardApp {
    /// A unit's supervision findings, each with the rectification it ordered, and what went up to the
    /// county leadership: lines of the drill-down, each opening its record.
    func supervisionLines(_ code: String) throws -> (findings: [DocLine], escalations: [DocLine]) {
        let rects = Dictionary(grouping: try store.rectifications(ListFilter(department: code)).filter { $0.finding != nil }, by: { $0.finding! })
        let findings = try store.findings(ListFilter(department: code)).map { f -> DocLine in
            let ordered = (rects[f.id] ?? []).map { r in "限期整改 \(r.id) " + (r.completedOn.map { "已完成 \($0)" } ?? "时限 \(r.deadline)") }
            return DocLine("\(f.id)  \(f.date)  \(f.severity.label)  \(f.issue)" + (ordered.isEmpty ? "" : "  " + ordered.joined(separator: "；")),
                           role: f.severity == .high ? .bad : .normal, link: f.id, indent: 4)
        }
        let escalations = try store.escalations(ListFilter(department: code)).map { e -> DocLine in
            DocLine("\(e.date)  \(e.kind.label) \(e.record)  报\(e.recipient)" + (e.note.map { "：\($0)" } ?? ""), link: e.record, indent: 4)
        }
        return (findings, escalations)
    }
}
