import JiannuoCore
import JiannuoStore

/// The full text of one record for the detail view: every field, its history, and lines that lead to
/// the records it came from or produced (a complaint to its breach, rectification and accountability,
/// a breach back to its complaint and commitment), each followed with Enter.
public enum RecordDetail {
    /// The record as plain lines, for the command line's `show` (the same text as the detail view).
    public static func lines(for id: String, store: any Ledger, today: Day, reveal: Bool = false, lang: Lang = .zh) throws -> (title: String, lines: [String]) {
        let c = try read(id, store: store, today: today, reveal: reveal, w: Words(lang, commandLine: true))
        return (c.title, c.lines.map(\.text))
    }

    /// `reveal`: show the complainant's contact in full (the caller records that in the audit log).
    public static func content(for id: String, store: any Ledger, today: Day, reveal: Bool = false, lang: Lang = .zh) throws -> RecordContent {
        var c = try read(id, store: store, today: today, reveal: reveal, w: Words(lang))
        c.steps = try applicableSteps(c.id, store: store, today: today)
        return c
    }

    /// The steps that apply to the record now, checked with the workflow's own rules.
    static func applicableSteps(_ id: String, store: any Ledger, today: Day) throws -> Set<ActionForm.Step>? {
        let subject: StepSubject
        switch RecordKind(id) {
        case .complaint: subject = .complaint(try store.complaint(id))
        case .commitment: subject = .commitment(try store.commitment(id))
        case .breach: subject = .breach(try store.breach(id), rectifications: try store.rectifications(ListFilter(), breach: id))
        case .rectification:
            guard let r = try store.rectifications(ListFilter()).first(where: { $0.id == id }) else { return nil }
            subject = .rectification(r, breach: try r.breach.map { try store.breach($0) })
        case .difficulty: subject = .difficulty(try store.difficulty(id))
        default: return []
        }
        var steps = StepForms.applicable(subject, today: today, calendar: store.calendar, rules: store.rules.deadlines)
        let claimable: Bool = switch subject { case .commitment, .complaint, .rectification: true; default: false }
        if claimable, try store.pendingClaims().contains(where: { $0.record == id }) { steps.insert(.confirmClaim) }
        return steps
    }

    static func read(_ id: String, store: any Ledger, today: Day, reveal: Bool, w: Words) throws -> RecordContent {
        let names = try store.departmentNames()
        func unit(_ code: String) -> String { names[code].map { w("\($0)（\(code)）", "\($0) (\(code))") } ?? code }
        switch RecordKind(id) {
        case .commitment: return try commitment(id, store, unit, w)
        case .complaint: return try complaint(id, store, reveal, unit, w)
        case .breach: return try breach(id, store, unit, w)
        case .rectification:
            guard let r = try store.rectifications(ListFilter()).first(where: { $0.id == id }) else {
                throw JiannuoError.notFound("找不到整改 \(id)", "rectification \(id) not found")
            }
            var c: RecordContent
            if let b = r.breach {
                c = try breach(b, store, unit, w)
                c.id = id
                c.title = w("整改 \(id) · 失信 \(b)", "rectification \(id) · breach \(b)")
            } else {
                c = try findingRecord(r.finding ?? "", store, unit, w, id: id)
            }
            c.lines += try difficultySection(id, store, w)
            return c
        case .accountability:
            guard let a = try store.accountability(ListFilter()).first(where: { $0.id == id }) else {
                throw JiannuoError.notFound("找不到问责 \(id)", "accountability \(id) not found")
            }
            if let b = a.breach {
                var c = try breach(b, store, unit, w)
                c.title = w("问责 \(id) · 失信 \(b)", "accountability \(id) · breach \(b)")
                return c
            }
            if let f = a.finding { return try findingRecord(f, store, unit, w, id: id) }
            var c = try complaint(a.complaint ?? "", store, false, unit, w)
            c.title = w("问责 \(id) · 投诉 \(a.complaint ?? "")", "accountability \(id) · complaint \(a.complaint ?? "")")
            return c
        case .opinion:
            guard let o = try store.opinions(ListFilter()).first(where: { $0.id == id }) else {
                throw JiannuoError.notFound("找不到舆情 \(id)", "opinion \(id) not found")
            }
            let handledNote = try store.datedClaims(id).last.map { datedNote($0, w) } ?? ""
            return RecordContent(id: id, title: w("舆情 \(o.id)", "public opinion \(o.id)"), department: o.department, lines: [
                DocLine(o.title),
                DocLine(w("单位：\(unit(o.department))  发现：\(o.date)  来源：\(o.source)  级别：\(o.severity.label)",
                          "unit: \(unit(o.department))  found: \(o.date)  source: \(o.source)  severity: \(o.severity.english)")),
                DocLine(w("处置：", "handled: ") + (o.handledOn.map { "\($0)\(handledNote) \(o.note ?? "")" } ?? w("未处置", "not yet"))),
            ])
        case .finding: return try findingRecord(id, store, unit, w)
        case .inspection: return try inspectionRecord(id, store, unit, w)
        case .escalation: return try escalationRecord(id, store, unit, w)
        case .attachment:
            guard let a = try store.attachments(record: nil).first(where: { $0.id == id }) else {
                throw JiannuoError.notFound("找不到附件 \(id)", "attachment \(id) not found")
            }
            return RecordContent(id: id, title: w("附件 \(id)", "attachment \(id)"), department: a.department, lines: [
                DocLine(w("所属记录：", "attached to: ") + a.record, link: a.record),
                DocLine(w("单位：\(unit(a.department))", "unit: \(unit(a.department))")),
            ] + attachmentLines([a], w) + [
                DocLine("SHA-256：\(a.sha256)"),
                DocLine(w("取出：jiannuo attachment get \(id) -o 文件", "get it: jiannuo attachment get \(id) -o FILE")),
            ])
        case .difficulty: return try difficultyRecord(id, store, today: today, unit, w)
        case .letter: return try letterRecord(id, store, today: today, unit, w)
        case .bulletin:
            let b = try store.bulletin(id)
            return RecordContent(id: id, title: w("督查通报 \(id)", "supervision bulletin \(id)"), department: nil, lines: [
                DocLine(w("文号：\(b.number)  期间：\(b.period)  按 \(b.asKnown) 所知", "number: \(b.number)  period: \(b.period)  as known on \(b.asKnown)")),
                DocLine(w("发布：\(b.issuedAt.string)（\(b.issuedBy)）  审计锚点：\(b.anchor ?? "—")", "issued: \(b.issuedAt.string) (\(b.issuedBy))  audit anchor: \(b.anchor ?? "—")")),
                DocLine(w("重印：jiannuo report --reprint \(id) -o 文件.html", "print again: jiannuo report --reprint \(id) -o FILE.html"), role: .muted),
            ])
        case .department: return try department(id, store, today: today, w)
        }
    }

    /// `FJ-2026-0001 付款凭证.pdf（PDF，182 KB）2026-12-06 说明`: what a record's files are; the bytes stay
    /// where the ledger keeps them (nothing is rendered).
    static func attachmentLines(_ list: [Attachment], _ w: Words) -> [DocLine] {
        list.map { a in
            let kb = max(1, (a.size + 1023) / 1024)
            return DocLine("  \(a.id) \(a.name)（\(a.media)，\(kb) KB）\(a.addedAt.day)" + (a.note.map { " \($0)" } ?? ""), link: a.id, indent: 4)
        }
    }

    /// A record's files under their own heading, if it has any.
    static func attachmentSection(_ id: String, _ store: any Ledger, _ w: Words) throws -> [DocLine] {
        let list = try store.attachments(record: id)
        guard !list.isEmpty else { return [] }
        return [.blank, DocLine(w("附件：", "attachments:"), role: .title)] + attachmentLines(list, w)
    }

    static func commitment(_ id: String, _ store: any Ledger, _ unit: (String) -> String, _ w: Words) throws -> RecordContent {
        let c = try store.commitment(id)
        let l = w.lang
        let sep = w("、", ", ")
        var out = [
            DocLine(w("\(c.kind.label)  类别 \(c.category) \(Category.label(c.category))", "\(c.kind.english)  category \(c.category) \(Category.label(c.category, .en))")),
            DocLine(w("责任单位：\(unit(c.department))    对方：\(c.counterparty)\(c.creditCode.map { "（\($0)）" } ?? "")",
                      "unit: \(unit(c.department))    counterparty: \(c.counterparty)\(c.creditCode.map { " (\($0))" } ?? "")")),
            DocLine(w("承诺日期：\(c.made)    兑现时限：\(c.deadline)    状态：", "made: \(c.made)    deadline: \(c.deadline)    status: ")
                    + "\(c.status.label(l)) \(c.progress)%\(c.fulfilledOn.map { w("（\($0)）", " (\($0))") } ?? "")"),
        ]
        if let a = c.amount { out.append(DocLine(w("金额：\(a.grouped) 元", "amount: \(a.grouped) yuan"))) }
        if let d = c.deliveredOn {
            out.append(DocLine(w("交付日期：\(d)    付款期限：\(c.paymentDays ?? 30) 天", "delivered: \(d)    payment within \(c.paymentDays ?? 30) days")))
        }
        out.append(DocLine(w("决策程序：", "procedures: ") + c.procedures.map { $0.label(l) }.joined(separator: sep)
                           + (c.missingProcedures.isEmpty ? "" : w("    未履行：", "    missing: ") + c.missingProcedures.map { $0.label(l) }.joined(separator: sep)),
                           indent: 5))
        out.append(DocLine(w("内容：", "content: ") + c.content, indent: 3))
        let breaches = try store.breaches(ListFilter(department: c.department)).filter { $0.commitment == id }
        if !breaches.isEmpty {
            out.append(.blank)
            out.append(DocLine(w("失信记录：", "breaches:"), role: .title))
            for b in breaches { out.append(breachLine(b, w)) }
        }
        out.append(.blank)
        out.append(DocLine(w("经过：", "history:"), role: .title))
        // In the order of the days they claim; each says when it was recorded and how its claim stands.
        let words: [CommitmentEntry.Kind: (String, String)] = [.progress: ("进展", "progress"), .feedback: ("反馈", "feedback"), .fulfill: ("兑现", "fulfilled")]
        var events: [(claimed: Day, recorded: String, line: DocLine)] = []
        for e in try store.commitmentEntries(id) {
            let word = words[e.kind].map { w($0.0, $0.1) } ?? w("状态", "status")
            let status = e.kind == .feedback ? "" : e.status.map { " " + $0.label(l) } ?? ""
            let day = e.recording.claimedDay(counting: e.date)
            events.append((day, e.recording.recordedAt?.iso ?? "", DocLine("  \(day) \(word)\(e.percent.map { " \($0)%" } ?? "")\(status) \(e.text ?? "")"
                                                                         + claimNote(e.ref, e.recording, counts: e.date, w), indent: 4)))
        }
        let escalations = try store.escalations(ListFilter(), record: id)
        let reported = escalations.map(\.date).min()
        for a in try store.amendments(id) {
            let day = a.recording.claimedDay(counting: a.date)
            events.append((day, a.recording.recordedAt?.iso ?? "",
                           DocLine(w("  \(day) 变更：时限 \(a.oldDeadline) → \(a.newDeadline)；事由：\(a.reason)；依据：\(a.legalBasis)；批准：\(a.approver)",
                                     "  \(day) amended: deadline \(a.oldDeadline) → \(a.newDeadline); reason: \(a.reason); basis: \(a.legalBasis); approved by \(a.approver)")
                                   + clearedAlert(a, reported: reported, store, w) + claimNote(a.ref, a.recording, counts: a.date, w), indent: 4)))
        }
        for e in events.sorted(by: { ($0.claimed, $0.recorded) < ($1.claimed, $1.recorded) }) { out.append(e.line) }
        out += escalationLines(escalations, w)
        out += try attachmentSection(id, store, w)
        out += try difficultySection(id, store, w)
        return RecordContent(id: id, title: w("承诺 \(id)", "commitment \(id)"), department: c.department, lines: out)
    }

    /// `〔JL-12，2026-12-06 14:02 录入；待核实补录，核实前按 2026-12-06 计〕`: the event's id for `confirm`, when it
    /// was recorded if that was another day, and how its claim stands.
    static func claimNote(_ ref: EventRef?, _ r: EventRecording, counts: Day, _ w: Words) -> String {
        var parts: [String] = ref.map { [$0.id] } ?? []
        if let at = r.recordedAt, at.day != r.claimedDay(counting: counts) { parts.append(w("\(at.string) 录入", "recorded \(at.string)")) }
        parts += claimState(r, counts: counts.string, w)
        return parts.isEmpty ? "" : w("〔\(parts.joined(separator: "；"))〕", " [\(parts.joined(separator: "; "))]")
    }

    /// A completion typed on its day says nothing; one entered later, or waiting, says so (`BL-n`).
    static func datedNote(_ c: DatedClaim, _ w: Words) -> String {
        guard c.recording.claim != nil || c.recording.recordedAt.map({ $0.day != c.day }) ?? false else { return "" }
        return claimNote(c.ref, c.recording, counts: c.counts, w)
    }

    static func claimState(_ r: EventRecording, counts: String, _ w: Words) -> [String] {
        switch r.claim {
        case .pending?: [w("待核实补录，核实前按 \(counts) 计", "claim pending, counts as of \(counts) until confirmed")]
        case .confirmed?: [w("经核实（\(r.decidedBy ?? "")：\(r.decision ?? "")）", "confirmed (\(r.decidedBy ?? ""): \(r.decision ?? ""))")]
        case .rejected?: [w("核实未采信（\(r.decidedBy ?? "")：\(r.decision ?? "")），按 \(counts) 计", "rejected (\(r.decidedBy ?? ""): \(r.decision ?? "")), counts as of \(counts)")]
        case nil: []
        }
    }

    /// What an amendment made on an overdue promise took away from the alerts (and what it did not): the record says so.
    static func clearedAlert(_ a: Amendment, reported: Day?, _ store: any Ledger, _ w: Words) -> String {
        guard a.oldDeadline < a.date, a.newDeadline > a.oldDeadline else { return "" }
        let late = a.oldDeadline.days(until: a.date)
        let level = Alerts.level(due: a.oldDeadline, today: a.date, unit: .calendar, nearing: 0, calendar: store.calendar, rules: store.rules.deadlines)
        if level == .escalate && (reported.map { $0 > a.date } ?? true) {
            return w("（变更时已逾期 \(late) 天、须上报而未上报：逾期提示随本次变更消失，“须上报”提示保留至报县委县政府）",
                     " (overdue \(late) days and due to be reported up, unreported, when amended: the overdue alert went with this amendment; the report-up alert stays until it is reported)")
        }
        return w("（变更时已逾期 \(late) 天，逾期提示随本次变更消失）", " (overdue \(late) days when amended: the overdue alert went with this amendment)")
    }

    /// `2026-10-22 报县委县政府（SB-2026-0003）说明`: a record's escalations belong to its history.
    static func escalationLines(_ escalations: [Escalation], _ w: Words) -> [DocLine] {
        escalations.sorted { $0.date < $1.date }.map { e in
            DocLine(w("  \(e.date) 报\(e.recipient)（\(e.id)）", "  \(e.date) reported to the county leadership (\(e.id))")
                    + (e.note.map { w("：\($0)", ": \($0)") } ?? ""), indent: 4)
        }
    }

    static func breach(_ id: String, _ store: any Ledger, _ unit: (String) -> String, _ w: Words) throws -> RecordContent {
        let b = try store.breach(id)
        var out = [
            DocLine(w("单位：", "unit: ") + unit(b.department) + w("  类别 ", "  category ") + "\(b.category) \(Category.label(b.category, w.lang))"),
            DocLine(w("认定：\(b.date)  上报：", "confirmed: \(b.date)  reported: ")
                    + (b.reportedOn.map { w("已于 \($0) 报县委县政府", "to the county leadership on \($0)") } ?? w("未上报", "not yet"))),
        ]
        if let t = b.complaint { out.append(DocLine(w("来自投诉：", "from complaint: ") + t, link: t)) }
        if let cm = b.commitment { out.append(DocLine(w("关联承诺：", "commitment: ") + cm, link: cm)) }
        out.append(DocLine(w("核实情况：", "finding: ") + b.finding, indent: 5))
        let more = try consequences(of: b, store, unit, w)
        out.append(.blank)
        out += more.isEmpty ? [DocLine(w("尚未移送整改（在失信记录上可移送）", "no rectification ordered yet (order it from the breach)"), role: .muted)] : more
        out += try attachmentSection(id, store, w)
        return RecordContent(id: id, title: w("失信 \(id)", "breach \(id)"), department: b.department, lines: out)
    }

    /// A breach's rectifications (each leading to its record) and accountability.
    static func consequences(of b: Breach, _ store: any Ledger, _ unit: (String) -> String, _ w: Words) throws -> [DocLine] {
        var out: [DocLine] = []
        for r in try store.rectifications(ListFilter(), breach: b.id) {
            let note = try store.datedClaims(r.id).last.map { datedNote($0, w) } ?? ""
            let state = r.completedOn.map { w("已于 \($0) 完成", "done on \($0)") + note } ?? w("未完成", "open")
            out.append(DocLine(w("  整改 \(r.id)：\(unit(r.unit))，时限 \(r.deadline)，\(state)；\(r.measures)",
                                 "  rectification \(r.id): \(unit(r.unit)), due \(r.deadline), \(state); \(r.measures)"),
                               link: r.id, indent: 4))
        }
        for a in try store.accountability(ListFilter(), breach: b.id) {
            out.append(DocLine(w("  问责 ", "  accountability ") + "\(a.id)\(w("：", ": "))\(a.date) \(AccountabilityKind.display(a.kind, w.lang)) \(a.target)", indent: 4))
        }
        return out
    }

    static func breachLine(_ b: Breach, _ w: Words) -> DocLine {
        DocLine(w("失信 ", "breach ") + "\(b.id)  \(b.date)  " + w("类别 ", "category ") + "\(b.category) \(Category.label(b.category, w.lang))  "
                + (b.reportedOn.map { w("已于 \($0) 上报", "reported \($0)") } ?? w("未上报", "not reported")),
                role: .bad, link: b.id, indent: 2)
    }

    static func department(_ code: String, _ store: any Ledger, today: Day, _ w: Words) throws -> RecordContent {
        let d = try store.department(code)
        let l = w.lang
        let period = Period.currentQuarter(today)
        let s = try store.scores(of: code, periods: [period], today: today)[0]
        var out = [DocLine(d.kind.label(l) + (d.active ? "" : w("  已于 \(d.mergedOn?.string ?? "") 并入 \(d.successor ?? "")",
                                                               "  merged into \(d.successor ?? "") on \(d.mergedOn?.string ?? "")"))),
                   DocLine("\(period) " + w("得分 ", "score ") + "\(PaneTables.format(s.score))    "
                           + Dimension.allCases.map { "\($0.label(l)) \(PaneTables.format(s.dimensions[$0.rawValue] ?? 0))" }.joined(separator: "  ")),
                   .blank]
        for x in s.lines {
            out.append(DocLine(Width.right(PaneTables.format(x.points), 6) + "  " + Width.left(x.record ?? "", 15) + " "
                               + (x.date?.string ?? "") + "  " + x.note(l), link: x.record))
        }
        for p in try store.predecessors(of: code) {
            out.append(DocLine(w("前身：\(p.code) \(p.name)（\(p.mergedOn?.string ?? "") 并入）", "predecessor: \(p.code) \(p.name) (merged \(p.mergedOn?.string ?? ""))")))
        }
        return RecordContent(id: code, title: "\(d.name) \(d.code)", department: code, lines: out)
    }
}

/// The record's words in one language.
struct Words {
    let lang: Lang
    /// For the command line's `show`: hints name its options, not the dashboard's keys.
    var commandLine = false
    init(_ lang: Lang, commandLine: Bool = false) { self.lang = lang; self.commandLine = commandLine }
    func callAsFunction(_ zh: String, _ en: String) -> String { lang == .zh ? zh : en }
}
