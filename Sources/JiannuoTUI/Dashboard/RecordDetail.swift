import JiannuoCore
import JiannuoStore

/// The full text of one record for the detail view: every field and its history.
public enum RecordDetail {
    /// `reveal`: show the complainant's contact in full (the caller records that in the audit log).
    public static func lines(for id: String, store: Store, today: Day, reveal: Bool = false) throws -> (title: String, lines: [String]) {
        let names = try store.departmentNames()
        func unit(_ code: String) -> String { names[code].map { "\($0)（\(code)）" } ?? code }
        return try lines(for: id, store: store, today: today, reveal: reveal, unit: unit)
    }

    static func lines(for id: String, store: Store, today: Day, reveal: Bool, unit: (String) -> String) throws -> (title: String, lines: [String]) {
        switch id.prefix(2) {
        case "CN": return try commitment(id, store, unit)
        case "TS": return try complaint(id, store, reveal, unit)
        case "SX": return try breach(id, store, unit)
        case "ZG":
            let r = try store.rectifications(ListFilter(), breach: nil).first { $0.id == id }
            guard let r else { throw JiannuoError.notFound("找不到整改 \(id)", "rectification \(id) not found") }
            return try breach(r.breach, store, unit)
        case "YQ":
            guard let o = try store.opinions(ListFilter()).first(where: { $0.id == id }) else {
                throw JiannuoError.notFound("找不到舆情 \(id)", "opinion \(id) not found")
            }
            return ("舆情 \(o.id)", ["\(o.title)", "单位：\(unit(o.department))  发现：\(o.date)  来源：\(o.source)  级别：\(o.severity.label)",
                                    "处置：\(o.handledOn.map { "\($0) \(o.note ?? "")" } ?? "未处置")"])
        default: return try department(id, store, today: today)
        }
    }

    static func commitment(_ id: String, _ store: Store, _ unit: (String) -> String) throws -> (String, [String]) {
        let c = try store.commitment(id)
        var out = [
            "\(c.kind.label)  类别 \(c.category) \(Category.label(c.category))",
            "责任单位：\(unit(c.department))    对方：\(c.counterparty)\(c.creditCode.map { "（\($0)）" } ?? "")",
            "承诺日期：\(c.made)    兑现时限：\(c.deadline)    状态：\(c.status.label) \(c.progress)%\(c.fulfilledOn.map { "（\($0)）" } ?? "")",
        ]
        if let a = c.amount { out.append("金额：\(a.yuanString) 元") }
        if let d = c.deliveredOn { out.append("交付日期：\(d)    付款期限：\(c.paymentDays ?? 30) 天") }
        out.append("决策程序：\(c.procedures.map(\.label).joined(separator: "、"))"
                   + (c.missingProcedures.isEmpty ? "" : "    未履行：\(c.missingProcedures.map(\.label).joined(separator: "、"))"))
        out.append("内容：\(c.content)")
        out.append("")
        out.append("经过：")
        for e in try store.commitmentEntries(id) {
            let kind = ["progress": "进展", "feedback": "反馈", "fulfill": "兑现", "status": "状态"][e.kind.rawValue] ?? e.kind.rawValue
            out.append("  \(e.date) \(kind)\(e.percent.map { " \($0)%" } ?? "") \(e.text ?? "")")
        }
        for a in try store.amendments(id) {
            out.append("  \(a.date) 变更：时限 \(a.oldDeadline) → \(a.newDeadline)；事由：\(a.reason)；依据：\(a.legalBasis)；批准：\(a.approver)")
        }
        return ("承诺 \(id)", out)
    }

    static func complaint(_ id: String, _ store: Store, _ reveal: Bool, _ unit: (String) -> String) throws -> (String, [String]) {
        let c = try store.complaint(id)
        var out = [
            "\(c.channel.label)  \(c.urgency.label)  \(c.stage.label)",
            "收到：\(c.received)    承办单位：\(unit(c.department))\(c.returnedFrom.map { "（由 \(unit($0)) 退回转来：\(c.returnReason ?? "")）" } ?? "")",
            "投诉人：\(c.complainant ?? "—")    联系方式：\(c.contact.map { reveal ? $0 : Privacy.mask($0) } ?? "—")"
                + (c.contact != nil && !reveal ? "（v 显示）" : ""),
        ]
        if let cat = c.category { out.append("类别：\(cat) \(Category.label(cat))") }
        if let cm = c.commitment { out.append("关联承诺：\(cm)") }
        out.append("内容：\(c.content)")
        out.append("")
        out.append("受理时限 \(c.acceptDue)：\(c.acceptedAt?.string ?? "未受理")")
        if let d = c.resolveDue {
            out.append("办结时限 \(d)\(c.extensionDays.map { "（延期 \($0) 个工作日：\(c.extensionReason ?? "")）" } ?? "")：\(c.resolvedAt?.string ?? "未办结")")
        }
        if let r = c.result { out.append("办理结果：\(r)") }
        if let d = c.respondDue { out.append("反馈时限 \(d)：\(c.respondedAt?.string ?? "未反馈")") }
        if let r = c.response { out.append("反馈内容：\(r)") }
        if let v = c.verifiedAt { out.append("核实 \(v)：\(c.breach == true ? "属失信违诺" : "不属失信违诺")；\(c.finding ?? "")") }
        if let f = c.followupAt { out.append("回访 \(f)：\(c.satisfied == true ? "满意" : "不满意") \(c.followupNote ?? "")") }
        let history = try store.auditEntries(entity: "complaint", id: id)
        if !history.isEmpty {
            out.append("")
            out.append("操作记录：")
            for e in history.reversed() { out.append("  \(e.at.prefix(19))  \(e.operatorName)  \(e.action)") }
        }
        return ("投诉 \(id)", out)
    }

    static func breach(_ id: String, _ store: Store, _ unit: (String) -> String) throws -> (String, [String]) {
        let b = try store.breach(id)
        var out = [
            "单位：\(unit(b.department))  类别 \(b.category) \(Category.label(b.category))  认定：\(b.date)  \(b.reportedOn.map { "已于 \($0) 报县委县政府" } ?? "未上报")",
            "投诉：\(b.complaint ?? "—")    承诺：\(b.commitment ?? "—")",
            "核实情况：\(b.finding)",
        ]
        for r in try store.rectifications(ListFilter(), breach: id) {
            out.append("整改 \(r.id)：\(unit(r.unit))，时限 \(r.deadline)，\(r.completedOn.map { "已于 \($0) 完成" } ?? "未完成")；\(r.measures)")
        }
        for a in try store.accountability(ListFilter(), breach: id) { out.append("问责 \(a.id)：\(a.date) \(a.kind) \(a.target)") }
        return ("失信 \(id)", out)
    }

    static func department(_ code: String, _ store: Store, today: Day) throws -> (String, [String]) {
        let d = try store.department(code)
        let period = Period.currentQuarter(today)
        let s = try store.scores(of: code, periods: [period], today: today)[0]
        var out = ["\(d.kind.label)\(d.active ? "" : "  已于 \(d.mergedOn?.string ?? "") 并入 \(d.successor ?? "")")",
                   "\(period) 得分 \(PaneTables.format(s.score))    "
                   + Dimension.allCases.map { "\($0.label) \(PaneTables.format(s.dimensions[$0.rawValue] ?? 0))" }.joined(separator: "  "),
                   ""]
        for l in s.lines {
            out.append(Width.right(PaneTables.format(l.points), 6) + "  " + Width.left(l.record ?? "", 15) + " " + (l.date?.string ?? "") + "  " + l.note)
        }
        for p in try store.predecessors(of: code) { out.append("前身：\(p.code) \(p.name)（\(p.mergedOn?.string ?? "") 并入）") }
        return ("\(d.name) \(d.code)", out)
    }
}
