import JiannuoCore
import JiannuoStore

/// A difficulty report (困难问题报告) as a record, and the reports on a promise, complaint or rectification.
extension RecordDetail {
    static func difficultyRecord(_ id: String, _ store: any Ledger, today: Day, _ unit: (String) -> String, _ w: Words) throws -> RecordContent {
        let d = try store.difficulty(id)
        var out = [
            DocLine(w("所涉记录：", "about: ") + d.record, link: d.record),
            DocLine(w("单位：\(unit(d.department))", "unit: \(unit(d.department))")),
            DocLine(w("报告：\(d.filedAt.string)（\(d.filedBy)）  答复时限：\(d.due)  状态：\(d.status(today: today).label)",
                      "filed: \(d.filedAt.string) (\(d.filedBy))  answer due: \(d.due)  state: \(d.status(today: today).english)")),
            .blank,
            DocLine(w("困难问题：", "difficulty: ") + d.text, indent: 5),
        ]
        if let asks = d.asks { out.append(DocLine(w("请求事项：", "asks for: ") + asks, indent: 5)) }
        out.append(.blank)
        if let answer = d.answer, let at = d.answeredAt {
            let late = (d.answeredOnTime ?? true) ? "" : w("（逾期答复）", " (answered late)")
            out.append(DocLine(w("答复：\(at.string)（\(d.answeredBy ?? "")）\(late)", "answered: \(at.string) (\(d.answeredBy ?? ""))\(late)")))
            out.append(DocLine("  " + answer, indent: 2))
        } else if store.actor.may(.difficultyAnswer) {
            out.append(DocLine(w("尚未答复（", "not answered yet (") + (w.commandLine ? "jiannuo difficulty answer \(id) --text …" : w("N 答复", "N answers")) + w("）", ")"),
                               role: .muted))
        } else {
            out.append(DocLine(w("尚未答复", "not answered yet"), role: .muted))
        }
        if let at = d.referredAt {
            out.append(DocLine(w("已于 \(at.string) 由 \(d.referredBy ?? "") 提请县领导协调", "referred to the county leadership on \(at.string) by \(d.referredBy ?? "")")))
        }
        out.append(DocLine(w("困难问题报告不中止任何时限；时限只能依法变更。", "A difficulty report suspends no deadline: only a lawful amendment moves one."),
                           role: .muted))
        return RecordContent(id: id, title: w("困难问题报告 \(id)", "difficulty report \(id)"), department: d.department, lines: out)
    }

    /// The reports filed on a record, each leading to its own, under their heading.
    static func difficultySection(_ record: String, _ store: any Ledger, _ w: Words) throws -> [DocLine] {
        let today = store.clock.today
        let list = try store.difficulties(ListFilter(), record: record)
        guard !list.isEmpty else { return [] }
        return [.blank, DocLine(w("困难问题报告：", "difficulty reports:"), role: .title)] + list.map { d in
            DocLine("  \(d.id) \(d.filedAt.day) \(d.status(today: today).label(w.lang))  \(d.text)", link: d.id, indent: 4)
        }
    }
}
