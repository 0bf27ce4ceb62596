import JiannuoCore
import JiannuoStore

/// A supervision letter (督办函) as a record: its header, the items it listed as they stood that day, and the reply.
extension RecordDetail {
    static func letterRecord(_ id: String, _ store: any Ledger, today: Day, _ unit: (String) -> String, _ w: Words) throws -> RecordContent {
        let l = try store.letter(id)
        var out = [
            DocLine(w("文号：\(l.number)  发文机关：\(l.issuer)", "number: \(l.number)  issued by: \(l.issuer)")),
            DocLine(w("主送：\(unit(l.department))", "to: \(unit(l.department))") + (l.cc.map { w("  抄送：\($0)", "  copy: \($0)") } ?? "")),
            DocLine(w("发出：\(l.issuedAt.string)（\(l.issuedBy)）  回复时限：\(l.replyBy)  状态：\(l.status(today: today).label)",
                      "issued: \(l.issuedAt.string) (\(l.issuedBy))  reply by: \(l.replyBy)  state: \(l.status(today: today).english)")),
            .blank,
            DocLine(w("督办事项（发函当日）：", "items (as on the day of issue):")),
        ]
        for item in l.items {
            out.append(DocLine("  \(item.text(w.lang))", link: item.record, indent: 2))
            out.append(DocLine("    " + w("须：", "to do: ") + item.requirement(w.lang), role: .muted, indent: 4))
        }
        out.append(.blank)
        if let reply = l.reply, let at = l.repliedAt {
            let late = (l.repliedOnTime ?? true) ? "" : w("（逾期回复）", " (replied late)")
            out.append(DocLine(w("回复：\(at.string)（\(l.repliedBy ?? "")）\(late)", "replied: \(at.string) (\(l.repliedBy ?? ""))\(late)")))
            out.append(DocLine("  " + reply, indent: 2))
        } else {
            out.append(DocLine(w("尚未回复", "not replied yet") + (w.commandLine ? "（jiannuo letter reply \(id) --text …）" : ""), role: .muted))
        }
        return RecordContent(id: id, title: w("督办函 \(id)", "supervision letter \(id)"), department: l.department, lines: out)
    }
}
