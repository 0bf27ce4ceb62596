import JiannuoCore
import JiannuoStore

/// Findings, supervision rounds and escalations as records: what was found, what it ordered, who
/// was held to account, and what went up to the county leadership.
extension RecordDetail {
    static func findingRecord(_ fid: String, _ store: any Ledger, _ unit: (String) -> String, _ w: Words, id: String? = nil) throws -> RecordContent {
        let f = try store.finding(fid)
        let round = try store.inspection(f.round)
        var out = [
            DocLine(w("单位：", "unit: ") + unit(f.department) + w("  级别：", "  severity: ") + f.severity.label(w.lang) + w("  发现：", "  found: ") + f.date.string),
            DocLine(w("检查：", "round: ") + "\(round.id) \(round.name)（\(round.from)–\(round.to)）", link: round.id),
            DocLine(w("问题：", "issue: ") + f.issue, indent: 3),
            DocLine(w("依据：", "basis: ") + f.basis, indent: 3),
            .blank,
        ]
        let rects = try store.rectifications(ListFilter()).filter { $0.finding == fid }
        for r in rects {
            let state = r.completedOn.map { w("已于 \($0) 完成", "done on \($0)") } ?? w("未完成", "open")
            out.append(DocLine(w("  限期整改 \(r.id)：\(unit(r.unit))，时限 \(r.deadline)，\(state)；\(r.measures)",
                                 "  rectification \(r.id): \(unit(r.unit)), due \(r.deadline), \(state); \(r.measures)"), link: r.id, indent: 4))
        }
        if rects.isEmpty { out.append(DocLine(w("未责令限期整改", "no rectification ordered"), role: .muted)) }
        for a in try store.accountability(ListFilter(), breach: fid) {
            out.append(DocLine(w("  问责 ", "  accountability ") + "\(a.id)\(w("：", ": "))\(a.date) \(a.kind) \(a.target)", indent: 4))
        }
        return RecordContent(id: id ?? fid, title: w("检查发现 \(fid)", "finding \(fid)"), department: f.department, lines: out)
    }

    static func inspectionRecord(_ id: String, _ store: any Ledger, _ unit: (String) -> String, _ w: Words) throws -> RecordContent {
        let r = try store.inspection(id)
        var out = [
            DocLine(r.name),
            DocLine("\(r.from) – \(r.to)" + w("  检查人员：", "  inspectors: ") + r.inspectors),
            DocLine(w("检查单位：", "units: ") + (r.departments.isEmpty ? w("全部在用单位", "every unit in use") : r.departments.map(unit).joined(separator: w("、", ", "))), indent: 5),
            .blank,
        ]
        let found = try store.findings(ListFilter(), round: id)
        out.append(DocLine(w("发现问题（\(found.count) 项）：", "findings (\(found.count)):"), role: .title))
        for f in found {
            out.append(DocLine("  \(f.id)  \(f.date)  \(unit(f.department))  \(f.severity.label(w.lang))  \(f.issue)", link: f.id, indent: 4))
        }
        return RecordContent(id: id, title: w("督促检查 \(id)", "supervision round \(id)"), department: "", lines: out)
    }

    static func escalationRecord(_ id: String, _ store: any Ledger, _ unit: (String) -> String, _ w: Words) throws -> RecordContent {
        guard let e = try store.escalations(ListFilter()).first(where: { $0.id == id }) else {
            throw JiannuoError.notFound("找不到上报记录 \(id)", "escalation \(id) not found")
        }
        return RecordContent(id: id, title: w("上报 \(id)", "escalation \(id)"), department: e.department, lines: [
            DocLine(w("事项：", "item: ") + "\(e.kind.label(w.lang)) \(e.record)", link: e.record),
            DocLine(w("单位：", "unit: ") + unit(e.department) + w("  上报：", "  reported: ") + "\(e.date) \(e.recipient)"),
            DocLine(w("说明：", "note: ") + (e.note ?? "—"), indent: 3),
        ])
    }
}
