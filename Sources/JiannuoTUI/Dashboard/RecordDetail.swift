import JiannuoCore
import JiannuoStore

/// The full text of one record for the detail view: every field, its history, and lines that lead to
/// the records it came from or produced (a complaint to its breach, rectification and accountability,
/// a breach back to its complaint and commitment), each followed with Enter.
public enum RecordDetail {
    /// The record as plain lines, for the command line's `show` (the same text as the detail view).
    public static func lines(for id: String, store: Store, today: Day, reveal: Bool = false) throws -> (title: String, lines: [String]) {
        let c = try content(for: id, store: store, today: today, reveal: reveal)
        return (c.title, c.lines.map(\.text))
    }

    /// `reveal`: show the complainant's contact in full (the caller records that in the audit log).
    public static func content(for id: String, store: Store, today: Day, reveal: Bool = false) throws -> RecordContent {
        var c = try read(id, store: store, today: today, reveal: reveal)
        c.steps = try applicableSteps(c.id, store: store, today: today)
        return c
    }

    /// The steps that apply to the record now, checked with the workflow's own rules.
    static func applicableSteps(_ id: String, store: Store, today: Day) throws -> Set<ActionForm.Step>? {
        let subject: StepSubject
        switch RecordKind(id) {
        case .complaint: subject = .complaint(try store.complaint(id))
        case .commitment: subject = .commitment(try store.commitment(id))
        case .breach: subject = .breach(try store.breach(id), rectifications: try store.rectifications(ListFilter(), breach: id))
        case .rectification:
            guard let r = try store.rectifications(ListFilter()).first(where: { $0.id == id }) else { return nil }
            subject = .rectification(r, breach: try store.breach(r.breach))
        default: return []
        }
        return StepForms.applicable(subject, today: today, calendar: store.calendar, rules: store.rules.deadlines)
    }

    static func read(_ id: String, store: Store, today: Day, reveal: Bool) throws -> RecordContent {
        let names = try store.departmentNames()
        func unit(_ code: String) -> String { names[code].map { "\($0)（\(code)）" } ?? code }
        switch RecordKind(id) {
        case .commitment: return try commitment(id, store, unit)
        case .complaint: return try complaint(id, store, reveal, unit)
        case .breach: return try breach(id, store, unit)
        case .rectification:
            guard let r = try store.rectifications(ListFilter()).first(where: { $0.id == id }) else {
                throw JiannuoError.notFound("找不到整改 \(id)", "rectification \(id) not found")
            }
            var c = try breach(r.breach, store, unit)
            c.id = id
            c.title = "整改 \(id) · 失信 \(r.breach)"
            return c
        case .accountability:
            guard let a = try store.accountability(ListFilter()).first(where: { $0.id == id }) else {
                throw JiannuoError.notFound("找不到问责 \(id)", "accountability \(id) not found")
            }
            var c = try breach(a.breach, store, unit)
            c.title = "问责 \(id) · 失信 \(a.breach)"
            return c
        case .opinion:
            guard let o = try store.opinions(ListFilter()).first(where: { $0.id == id }) else {
                throw JiannuoError.notFound("找不到舆情 \(id)", "opinion \(id) not found")
            }
            return RecordContent(id: id, title: "舆情 \(o.id)", department: o.department, lines: [
                DocLine(o.title), DocLine("单位：\(unit(o.department))  发现：\(o.date)  来源：\(o.source)  级别：\(o.severity.label)"),
                DocLine("处置：\(o.handledOn.map { "\($0) \(o.note ?? "")" } ?? "未处置")"),
            ])
        case .department: return try department(id, store, today: today)
        }
    }

    static func commitment(_ id: String, _ store: Store, _ unit: (String) -> String) throws -> RecordContent {
        let c = try store.commitment(id)
        var out = [
            DocLine("\(c.kind.label)  类别 \(c.category) \(Category.label(c.category))"),
            DocLine("责任单位：\(unit(c.department))    对方：\(c.counterparty)\(c.creditCode.map { "（\($0)）" } ?? "")"),
            DocLine("承诺日期：\(c.made)    兑现时限：\(c.deadline)    状态：\(c.status.label) \(c.progress)%\(c.fulfilledOn.map { "（\($0)）" } ?? "")"),
        ]
        if let a = c.amount { out.append(DocLine("金额：\(a.yuanString) 元")) }
        if let d = c.deliveredOn { out.append(DocLine("交付日期：\(d)    付款期限：\(c.paymentDays ?? 30) 天")) }
        out.append(DocLine("决策程序：\(c.procedures.map(\.label).joined(separator: "、"))"
                           + (c.missingProcedures.isEmpty ? "" : "    未履行：\(c.missingProcedures.map(\.label).joined(separator: "、"))"), indent: 5))
        out.append(DocLine("内容：\(c.content)", indent: 3))
        let breaches = try store.breaches(ListFilter(department: c.department)).filter { $0.commitment == id }
        if !breaches.isEmpty {
            out.append(.blank)
            out.append(DocLine("失信记录：", role: .title))
            for b in breaches { out.append(breachLine(b)) }
        }
        out.append(.blank)
        out.append(DocLine("经过：", role: .title))
        let words: [CommitmentEntry.Kind: String] = [.progress: "进展", .feedback: "反馈", .fulfill: "兑现"]
        for e in try store.commitmentEntries(id) {
            out.append(DocLine("  \(e.date) \(words[e.kind] ?? "状态")\(e.percent.map { " \($0)%" } ?? "") \(e.text ?? "")", indent: 4))
        }
        for a in try store.amendments(id) {
            out.append(DocLine("  \(a.date) 变更：时限 \(a.oldDeadline) → \(a.newDeadline)；事由：\(a.reason)；依据：\(a.legalBasis)；批准：\(a.approver)",
                               indent: 4))
        }
        return RecordContent(id: id, title: "承诺 \(id)", department: c.department, lines: out)
    }

    static func complaint(_ id: String, _ store: Store, _ reveal: Bool, _ unit: (String) -> String) throws -> RecordContent {
        let c = try store.complaint(id)
        var out = [
            DocLine("\(c.channel.label)  \(c.urgency.label)  \(c.stage.label)"),
            DocLine("收到：\(c.received)    承办单位：\(unit(c.department))"
                    + (c.returnedFrom.map { "（由 \(unit($0)) 退回转来：\(c.returnReason ?? "")）" } ?? ""), indent: 3),
            DocLine("投诉人：\(c.complainant ?? "—")    联系方式：\(c.contact.map { reveal ? $0 : Privacy.mask($0) } ?? "—")"
                    + (c.contact != nil && !reveal ? "（v 显示）" : "")),
        ]
        if let cat = c.category { out.append(DocLine("类别：\(cat) \(Category.label(cat))")) }
        if let cm = c.commitment { out.append(DocLine("关联承诺：\(cm)", link: cm)) }
        out.append(DocLine("内容：\(c.content)", indent: 3))
        out.append(.blank)
        out.append(DocLine("受理时限 \(c.acceptDue)：\(c.acceptedAt?.string ?? "未受理")"))
        if let d = c.resolveDue {
            out.append(DocLine("办结时限 \(d)\(c.extensionDays.map { "（延期 \($0) 个工作日：\(c.extensionReason ?? "")）" } ?? "")：\(c.resolvedAt?.string ?? "未办结")"))
        }
        if let r = c.result { out.append(DocLine("办理结果：\(r)", indent: 5)) }
        if let d = c.respondDue { out.append(DocLine("反馈时限 \(d)：\(c.respondedAt?.string ?? "未反馈")")) }
        if let r = c.response { out.append(DocLine("反馈内容：\(r)", indent: 5)) }
        if let v = c.verifiedAt { out.append(DocLine("核实 \(v)：\(c.breach == true ? "属失信违诺" : "不属失信违诺")；\(c.finding ?? "")", indent: 3)) }
        if let f = c.followupAt { out.append(DocLine("回访 \(f)：\(c.satisfied == true ? "满意" : "不满意") \(c.followupNote ?? "")", indent: 3)) }
        // What the complaint produced: its breach and what was done about it, each a record to open.
        if c.breach == true {
            let breaches = try store.breaches(ListFilter(department: c.department)).filter { $0.complaint == id }
            if !breaches.isEmpty {
                out.append(.blank)
                out.append(DocLine("由此认定：", role: .title))
                for b in breaches {
                    out.append(breachLine(b))
                    out += try consequences(of: b, store, unit)
                }
            }
        }
        let history = try store.auditEntries(entity: "complaint", id: id)
        if !history.isEmpty {
            out.append(.blank)
            out.append(DocLine("操作记录：", role: .title))
            for e in history.reversed() { out.append(DocLine("  \(e.at.prefix(19).replacingOccurrences(of: "T", with: " "))  \(e.operatorName)  \(AuditWords.word(e.action))")) }
        }
        return RecordContent(id: id, title: "投诉 \(id)", department: c.department, lines: out)
    }

    static func breach(_ id: String, _ store: Store, _ unit: (String) -> String) throws -> RecordContent {
        let b = try store.breach(id)
        var out = [
            DocLine("单位：\(unit(b.department))  类别 \(b.category) \(Category.label(b.category))"),
            DocLine("认定：\(b.date)  上报：" + (b.reportedOn.map { "已于 \($0) 报县委县政府" } ?? "未上报")),
        ]
        if let t = b.complaint { out.append(DocLine("来自投诉：\(t)", link: t)) }
        if let cm = b.commitment { out.append(DocLine("关联承诺：\(cm)", link: cm)) }
        out.append(DocLine("核实情况：\(b.finding)", indent: 5))
        let more = try consequences(of: b, store, unit)
        out.append(.blank)
        out += more.isEmpty ? [DocLine("尚未移送整改（在失信记录上可移送）", role: .muted)] : more
        return RecordContent(id: id, title: "失信 \(id)", department: b.department, lines: out)
    }

    /// A breach's rectifications (each leading to its record) and accountability.
    static func consequences(of b: Breach, _ store: Store, _ unit: (String) -> String) throws -> [DocLine] {
        var out: [DocLine] = []
        for r in try store.rectifications(ListFilter(), breach: b.id) {
            out.append(DocLine("  整改 \(r.id)：\(unit(r.unit))，时限 \(r.deadline)，\(r.completedOn.map { "已于 \($0) 完成" } ?? "未完成")；\(r.measures)",
                               link: r.id, indent: 4))
        }
        for a in try store.accountability(ListFilter(), breach: b.id) {
            out.append(DocLine("  问责 \(a.id)：\(a.date) \(a.kind) \(a.target)", indent: 4))
        }
        return out
    }

    static func breachLine(_ b: Breach) -> DocLine {
        DocLine("失信 \(b.id)  \(b.date)  类别 \(b.category) \(Category.label(b.category))  \(b.reportedOn.map { "已于 \($0) 上报" } ?? "未上报")",
                role: .bad, link: b.id, indent: 2)
    }

    static func department(_ code: String, _ store: Store, today: Day) throws -> RecordContent {
        let d = try store.department(code)
        let period = Period.currentQuarter(today)
        let s = try store.scores(of: code, periods: [period], today: today)[0]
        var out = [DocLine("\(d.kind.label)\(d.active ? "" : "  已于 \(d.mergedOn?.string ?? "") 并入 \(d.successor ?? "")")"),
                   DocLine("\(period) 得分 \(PaneTables.format(s.score))    "
                           + Dimension.allCases.map { "\($0.label) \(PaneTables.format(s.dimensions[$0.rawValue] ?? 0))" }.joined(separator: "  ")),
                   .blank]
        for l in s.lines {
            out.append(DocLine(Width.right(PaneTables.format(l.points), 6) + "  " + Width.left(l.record ?? "", 15) + " "
                               + (l.date?.string ?? "") + "  " + l.note, link: l.record))
        }
        for p in try store.predecessors(of: code) { out.append(DocLine("前身：\(p.code) \(p.name)（\(p.mergedOn?.string ?? "") 并入）")) }
        return RecordContent(id: code, title: "\(d.name) \(d.code)", department: code, lines: out)
    }
}
