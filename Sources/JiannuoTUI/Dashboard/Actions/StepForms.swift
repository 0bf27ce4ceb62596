import JiannuoCore

/// The record a step acts on, as read from the ledger.
public enum StepSubject: Sendable {
    case complaint(Complaint)
    case commitment(Commitment)
    /// A breach with its rectifications (`w` on a breach finds its one open rectification).
    case breach(Breach, rectifications: [Rectification])
    case rectification(Rectification, breach: Breach?)
    /// A record's events that wait for the office to confirm the day they claim.
    case claims(record: String, pending: [PendingClaim])
    /// A 须上报 alert on an item other than a breach (a promise, a debt, a complaint, an opinion event):
    /// `u` reports it up as the CLI's `escalate` does, with the same refusals.
    case escalation(id: String, what: Text)
    /// A unit's difficulty report, which the office answers.
    case difficulty(DifficultyReport)
    /// An alert the step does not act on (a calendar warning …).
    case other(id: String, what: Text)
}

/// What `w`, `h`, `p` … give on a record: its form, or a one-line reason why the step does not apply.
public enum StepOpening: Sendable, Equatable {
    case form(ActionForm)
    case refused(String)
}

/// Opens a step's form only where the step applies, starting from the record's current values. The
/// checks are the workflow's own (a dry run of the same transition the ledger will make), so the form
/// never opens for a step the save would refuse for the record's state.
public enum StepForms {
    public static func open(_ step: ActionForm.Step, _ subject: StepSubject, now: DateTime, names: [String: String],
                            calendar: WorkCalendar, rules: DeadlineRules, lang l: Lang = .zh) -> StepOpening {
        let today = now.day
        func name(_ code: String) -> String { names[code] ?? code }
        func refuse(_ check: () throws -> Void) -> StepOpening? {
            do { try check(); return nil } catch let e as JiannuoError { return .refused(e.text(l)) } catch { return .refused("\(error)") }
        }
        func notFor(_ zh: String, _ en: String, _ id: String) -> StepOpening {
            .refused(l("\(step.label)不适用于\(zh) \(id)", "\(step.label(.en)) does not apply to \(en) \(id)"))
        }
        if step == .fileDifficulty || step == .answerDifficulty { return difficulty(step, subject, today: today, lang: l) }
        switch (step, subject) {
        case (.accept, .complaint(let c)), (.extend, .complaint(let c)), (.returnTo, .complaint(let c)), (.resolve, .complaint(let c)),
             (.respond, .complaint(let c)), (.verify, .complaint(let c)), (.followup, .complaint(let c)):
            if let r = refuse({ try dryRun(step, c, now: now, calendar: calendar, rules: rules) }) { return r }
            var f = ActionForm.make(step, record: c.id, today: today, unit: name(c.department), lang: l)
            f.facts = .init(department: c.department, category: c.category)
            if step == .verify, let cat = c.category {
                f.inputs[1].options?[0] = l("0 按投诉（\(cat) \(Category.label(cat))）", "0 as complaint (\(cat) \(Category.label(cat, .en)))")
                f.start("category")
            }
            return .form(f)
        case (.progress, .commitment(let c)), (.fulfill, .commitment(let c)), (.amend, .commitment(let c)), (.feedback, .commitment(let c)):
            if step != .feedback, let r = refuse({ _ = try CommitmentWorkflow.progress(c, percent: c.progress, status: nil, on: today) }) {
                return r
            }
            var f = ActionForm.make(step, record: c.id, today: today, lang: l)
            f.facts = .init(department: c.department, deadline: c.deadline)
            switch step {
            case .progress:
                // Saving a note must not change what the officer did not touch: start from the record.
                f.start("percent", text: String(c.progress))
                f.start("status", choice: ActionForm.progressStatuses.firstIndex(of: c.status))
            case .amend:
                f.start("deadline", text: c.deadline.string)
                f.start("content", text: c.content)
            default: break
            }
            return .form(f)
        case (.report, .breach(let b, _)), (.report, .rectification(_, let b?)):
            if let r = refuse({ _ = try b.reported(on: today) }) { return r }
            var f = ActionForm.make(.report, record: b.id, today: today, lang: l)
            f.facts = .init(department: b.department, category: b.category)
            return .form(f)
        case (.accountability, .breach(let b, _)), (.accountability, .rectification(_, let b?)):
            var f = ActionForm.make(.accountability, record: b.id, today: today, lang: l)
            f.facts = .init(department: b.department, category: b.category)
            return .form(f)
        case (.rectify, .breach(let b, _)):
            var f = ActionForm.make(.rectify, record: b.id, today: today, unit: name(b.department), lang: l)
            f.facts = .init(department: b.department, category: b.category)
            return .form(f)
        case (.rectificationDone, .rectification(let x, let b)):
            if let r = refuse({ _ = try x.done(on: today) }) { return r }
            var f = ActionForm.make(.rectificationDone, record: x.id, today: today, lang: l)
            f.facts = .init(department: x.unit, category: b?.category, deadline: x.deadline)
            return .form(f)
        case (.rectificationDone, .breach(let b, let rects)):
            let open = rects.filter { $0.completedOn == nil }
            switch open.count {
            case 0:
                return .refused(rects.isEmpty ? l("失信 \(b.id) 尚未移送整改，没有可完成的整改", "breach \(b.id) has no rectification ordered: there is none to complete")
                                              : l("失信 \(b.id) 的整改都已完成", "every rectification of breach \(b.id) is done"))
            case 1:
                return Self.open(.rectificationDone, .rectification(open[0], breach: b), now: now, names: names, calendar: calendar, rules: rules,
                                 lang: l)
            default:
                return .refused(l("失信 \(b.id) 有 \(open.count) 项未完成的整改：请在整改记录上按 w（光标移到整改行按 Enter）",
                                  "breach \(b.id) has \(open.count) open rectifications: press w on the rectification's record (Enter on its line)"))
            }
        case (.confirmClaim, .claims(let record, let pending)):
            guard !pending.isEmpty else {
                return .refused(l("\(record) 没有待核实的补录", "\(record) has no backdated event waiting for confirmation"))
            }
            var f = ActionForm.make(.confirmClaim, record: record, today: today, lang: l)
            f.inputs[0].options = pending.map { "\($0.event) \($0.claimed) \($0.summary(l))" }
            f.start("event", choice: 0)
            return .form(f)
        case (.report, .escalation(let id, let what)):
            var f = ActionForm.make(.report, record: id, today: today, lang: l)
            f.title = l("报县委县政府 \(what.zh) \(id)", "Report \(what.en) \(id) to the county")
            return .form(f)
        case (_, .claims(let record, _)): return notFor("待核实补录", "claims of", record)
        case (_, .difficulty(let d)): return notFor("困难问题报告", "difficulty report", d.id)
        case (_, .escalation(let id, let what)): return .refused(l("\(step.label)不适用于\(what.zh) \(id)", "\(step.label(.en)) does not apply to \(what.en) \(id)"))
        case (_, .other(let id, let what)): return .refused(l("\(step.label)不适用于\(what.zh) \(id)", "\(step.label(.en)) does not apply to \(what.en) \(id)"))
        case (_, .complaint(let c)): return notFor("投诉", "complaint", c.id)
        case (_, .commitment(let c)): return notFor("承诺", "commitment", c.id)
        case (_, .breach(let b, _)): return notFor("失信记录", "breach", b.id)
        case (_, .rectification(let x, _)): return notFor("整改", "rectification", x.id)
        }
    }

    /// Filing a difficulty on a promise, complaint or rectification; answering one.
    static func difficulty(_ step: ActionForm.Step, _ subject: StepSubject, today: Day, lang l: Lang) -> StepOpening {
        switch (step, subject) {
        case (.fileDifficulty, .complaint(let c)): return .form(difficultyForm(c.id, c.department, today, l))
        case (.fileDifficulty, .commitment(let c)): return .form(difficultyForm(c.id, c.department, today, l))
        case (.fileDifficulty, .rectification(let x, _)): return .form(difficultyForm(x.id, x.unit, today, l))
        case (.answerDifficulty, .difficulty(let d)):
            if d.answeredAt != nil && d.referredAt != nil {
                return .refused(l("困难问题报告 \(d.id) 已答复并已提请县领导", "difficulty report \(d.id) is answered and referred"))
            }
            var f = ActionForm.make(.answerDifficulty, record: d.id, today: today, lang: l)
            f.facts = .init(department: d.department, deadline: d.due)
            // Answered already: what is left is a leader's referral.
            if d.answeredAt != nil {
                f.inputs.removeAll { $0.key == "answer" }
                f.start("refer", choice: 1)
            }
            return .form(f)
        case (.fileDifficulty, _):
            return .refused(l("只能就承诺、投诉或整改报告困难问题", "a difficulty is reported on a commitment, complaint or rectification"))
        default:
            return .refused(l("答复只适用于困难问题报告（KN-）", "answering applies to difficulty reports (KN-)"))
        }
    }

    static func difficultyForm(_ record: String, _ department: String, _ today: Day, _ l: Lang) -> ActionForm {
        var f = ActionForm.make(.fileDifficulty, record: record, today: today, lang: l)
        f.facts = .init(department: department)
        return f
    }

    /// The complaint's transition with stand-in inputs: it throws for the record's state (not yet
    /// accepted, already answered, limit passed …) before it ever looks at what would be typed.
    static func dryRun(_ step: ActionForm.Step, _ c: Complaint, now: DateTime, calendar: WorkCalendar, rules: DeadlineRules) throws {
        switch step {
        case .accept: _ = try ComplaintWorkflow.accept(c, at: now, calendar, rules)
        case .extend: _ = try ComplaintWorkflow.extend(c, days: 1, reason: "-", at: now, calendar, rules)
        case .returnTo: _ = try ComplaintWorkflow.returnTo(c, department: c.department + "-", reason: "-", at: now, calendar, rules)
        case .resolve: _ = try ComplaintWorkflow.resolve(c, result: "-", at: now, calendar, rules)
        case .respond: _ = try ComplaintWorkflow.respond(c, text: "-", at: now)
        case .verify: _ = try ComplaintWorkflow.verify(c, breach: false, finding: "-", category: nil, at: now, breachId: "-")
        case .followup: _ = try ComplaintWorkflow.followup(c, satisfied: true, note: nil, at: now, calendar, rules)
        default: break
        }
    }

    /// Checks a step that cannot be undone before asking to confirm it, so the question is asked once:
    /// nil when it can go ahead, else what to fix.
    public static func precheck(_ f: ActionForm, lang: Lang = .zh) -> String? {
        do {
            switch f.step {
            case .verify:
                _ = try Validate.text(f.value("finding"), Field("核实情况", "finding"), max: 2000, multiline: true)
                if f.choice("category") == 0 && f.facts.category == nil {
                    return lang("认定失信违诺须选择类别（投诉未填类别）", "choose a category to confirm a breach (the complaint has none)")
                }
            case .fulfill: _ = try Validate.day(f.value("date"), Field("兑现日期", "date"))
            case .confirmClaim: _ = try Validate.text(f.value("note"), Field("凭证或理由", "evidence or reason"), max: 500)
            case .accountability:
                _ = try Validate.text(f.value("target"), Field("问责对象", "target"), max: 100)
                _ = try Validate.day(f.value("date"), Field("日期", "date"))
            default: break
            }
            return nil
        } catch let e as JiannuoError {
            return e.text(lang)
        } catch {
            return "\(error)"
        }
    }

    /// What a step that cannot be undone will do, in the officer's words, for the confirmation.
    public static func consequences(_ f: ActionForm, names: [String: String], scoring: ScoringRules, lang l: Lang = .zh) -> [String] {
        let unit = f.facts.department.map { names[$0] ?? $0 }
        let unitZh = unit ?? "承办单位", unitEn = unit.map { "\($0)'s" } ?? "the unit's"
        func points(_ rule: ScoreRule) -> String { PaneTables.format(-scoring.value(rule)) }
        func pointsEn(_ rule: ScoreRule) -> String { points(rule) == "1" ? "1 point" : "\(points(rule)) points" }
        let undone = l("不能撤销。", "This cannot be undone.")
        switch f.step {
        case .verify:
            let cat = f.choice("category") == 0 ? f.facts.category : f.choice("category")
            let catText = cat.map { l("类别 \($0) \(Category.label($0))", "category \($0) \(Category.label($0, .en))") } ?? l("类别未定", "no category yet")
            let cost = cat.map { c in l("：守信践诺扣" + points(.breach(category: c)) + "分", ": promise keeping loses \(pointsEn(.breach(category: c)))") } ?? ""
            return [l("认定投诉 \(f.record) 属失信违诺（\(catText)）：", "Confirm complaint \(f.record) as a breach of commitment (\(catText)):"),
                    l("·生成失信记录，计入\(unitZh)本期诚信评分\(cost)；", "· a breach record is made and counts in \(unitEn) integrity score this period\(cost);"),
                    l("·列入须报县委县政府的事项；", "· it joins the matters to report to the county Party committee and government;"),
                    l("·随后填写整改（责任单位、措施、时限）。", "· the rectification (unit, measures, deadline) is filled in next."),
                    "", l("认定后" + undone, undone)]
        case .fulfill:
            let date = Day(f.value("date").trimmingCharacters(in: .whitespaces))
            var out = [l("将承诺 \(f.record) 标记为已兑现（兑现日期 \(f.value("date"))，进度 100%）：",
                         "Mark commitment \(f.record) as fulfilled (on \(f.value("date")), progress 100%):"),
                       l("·承诺从未兑现列表中移出，此后不能再记录进展或变更；", "· it leaves the open list: no more progress or amendments can be recorded;")]
            if let date, let deadline = f.facts.deadline, date > deadline {
                out.append(l("·晚于兑现时限 \(deadline)，计为逾期兑现，本期扣\(points(.commitmentFulfilledLate))分；",
                             "· it is after the deadline \(deadline): fulfilled late, \(pointsEn(.commitmentFulfilledLate)) off this period;"))
            }
            out.append(l("·兑现后应向社会或对方反馈（f），否则扣\(points(.noFeedback))分。",
                         "· feedback to the public or the counterparty (f) should follow, or \(pointsEn(.noFeedback)) \(points(.noFeedback) == "1" ? "is" : "are") lost."))
            return out + ["", l("标记后" + undone, undone)]
        case .accountability:
            return [l("对失信 \(f.record) 登记问责：\(f.value("kind")) \(f.value("target"))（\(f.value("date"))）：",
                      "Record accountability for breach \(f.record): \(f.value("kind")) \(f.value("target")) (\(f.value("date"))):"),
                    l("·计入\(unitZh)本期诚信评分：整改问责扣\(points(.accountability))分。",
                      "· counts in \(unitEn) integrity score this period: rectification and accountability, \(pointsEn(.accountability)) off."),
                    "", l("登记后" + undone, undone)]
        case .confirmClaim:
            let event = ActionForm.eventId(f.value("event"))
            return f.choice("verdict") == 0
                ? [l("确认 \(event)：按所填日期生效，评分、预警与按时率随之更正（凭证：\(f.value("note"))）；",
                     "Confirm \(event): it counts on the day it claims, and scores, alerts and on-time rates are corrected (evidence: \(f.value("note")));"),
                   "", l("确认后" + undone, undone)]
                : [l("\(event) 不予采信：按录入日生效（理由：\(f.value("note"))）；", "Reject \(event): it counts on the day it was recorded (reason: \(f.value("note")));"),
                   "", l("决定后" + undone, undone)]
        default:
            return []
        }
    }
}

extension StepForms {
    /// The steps each kind of record has.
    static func steps(of subject: StepSubject) -> [ActionForm.Step] {
        switch subject {
        case .complaint: [.accept, .resolve, .respond, .verify, .extend, .returnTo, .followup, .fileDifficulty]
        case .commitment: [.progress, .fulfill, .feedback, .amend, .fileDifficulty]
        case .breach: [.report, .accountability, .rectificationDone]
        case .rectification: [.report, .accountability, .rectificationDone, .fileDifficulty]
        case .difficulty: [.answerDifficulty]
        case .claims: [.confirmClaim]
        case .escalation: [.report]
        case .other: []
        }
    }

    /// The steps that would open a form on this record now: the footer offers only these.
    public static func applicable(_ subject: StepSubject, today: Day, calendar: WorkCalendar, rules: DeadlineRules) -> Set<ActionForm.Step> {
        // The last instant of today in any zone (UTC-12:00 is the latest): a step done today is never
        // dated before what the record already holds, whatever offset its times were written with.
        let now = DateTime(day: today, secondOfDay: 86_399, offset: -12 * 60)
        return Set(steps(of: subject).filter {
            if case .form = open($0, subject, now: now, names: [:], calendar: calendar, rules: rules) { return true }
            return false
        })
    }
}
