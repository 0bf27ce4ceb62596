import Foundation
import JiannuoCore
import JiannuoStore

extension DashboardApp {
    /// Reads what a step acts on and opens its form, or says in one line why the step does not apply.
    func stepOpening(_ step: ActionForm.Step, _ target: StepTarget) throws -> StepOpening {
        let subject: StepSubject
        do {
            switch target {
            case .record(let id) where step == .confirmClaim:
                subject = .claims(record: id, pending: try store.pendingClaims().filter { $0.record == id })
            case .record(let id): subject = try self.subject(id)
            // A difficulty is filed on the alert's record and answered from its own alert.
            case .alert(let record, _) where step == .fileDifficulty || step == .answerDifficulty: subject = try self.subject(record)
            case .alert(let record, let kind):
                switch kind {
                case .breachReport, .rectification: subject = try self.subject(record)
                case .calendar: subject = .other(id: record, what: Text("\(kind.label)预警", "\(kind.english) alert"))
                default: subject = .escalation(id: record, what: Text("\(kind.label)预警", "\(kind.english) alert"))
                }
            }
        } catch let e as JiannuoError {
            return .refused(e.text(data.lang))
        }
        return StepForms.open(step, subject, now: now(), names: data.names, calendar: store.calendar, rules: store.rules.deadlines,
                              lang: data.lang)
    }

    func subject(_ id: String) throws -> StepSubject {
        switch RecordKind(id) {
        case .complaint: return .complaint(try store.complaint(id))
        case .commitment: return .commitment(try store.commitment(id))
        case .breach: return .breach(try store.breach(id), rectifications: try store.rectifications(ListFilter(), breach: id))
        case .rectification:
            guard let r = try store.rectifications(ListFilter()).first(where: { $0.id == id }) else {
                throw JiannuoError.notFound("找不到整改 \(id)", "rectification \(id) not found")
            }
            return .rectification(r, breach: try r.breach.map { try store.breach($0) })
        case .accountability:
            guard let a = try store.accountability(ListFilter()).first(where: { $0.id == id }) else {
                throw JiannuoError.notFound("找不到问责 \(id)", "accountability \(id) not found")
            }
            guard let b = a.breach else { return .other(id: id, what: Text("问责", "accountability")) }
            return .breach(try store.breach(b), rectifications: try store.rectifications(ListFilter(), breach: b))
        case .opinion: return .other(id: id, what: Text("舆情", "public opinion"))
        case .department: return .other(id: id, what: Text("单位", "unit"))
        case .finding: return .other(id: id, what: Text("检查发现", "finding"))
        case .inspection: return .other(id: id, what: Text("督促检查", "supervision round"))
        case .escalation: return .other(id: id, what: Text("上报记录", "escalation"))
        case .attachment: return .other(id: id, what: Text("附件", "attachment"))
        case .difficulty: return .difficulty(try store.difficulty(id))
        case .letter: return .other(id: id, what: Text("督办函", "supervision letter"))
        case .bulletin: return .other(id: id, what: Text("督查通报", "supervision bulletin"))
        }
    }

    /// Carries a confirmed step out in one transaction; the update then shows it everywhere it appears.
    func carryOutStep(_ form: ActionForm) throws -> StepResult {
        do {
            let (message, next) = try carryOut(form)
            return .done(record: form.record, message: message, next: next)
        } catch let e as JiannuoError {
            return .refused(form, e.text)
        }
    }

    /// Carries a step out; a confirmed breach leads straight to its rectification form. The message is
    /// short (the record is in front of the officer) so the footer keeps room for the next keys.
    func carryOut(_ f: ActionForm) throws -> (String, ActionForm?) {
        let id = f.record
        let l = data.lang
        func day(_ key: String, _ label: String) throws -> Day { try Validate.day(f.value(key), Field(label, key)) }
        func optional(_ key: String) -> String? { let v = f.value(key).trimmingCharacters(in: .whitespacesAndNewlines); return v.isEmpty ? nil : v }
        func int(_ key: String, _ label: String) throws -> Int {
            guard let n = Int(f.value(key).trimmingCharacters(in: .whitespaces)) else {
                throw JiannuoError.invalid("\(label)须为整数", "\(key) must be a whole number")
            }
            return n
        }
        switch f.step {
        case .accept:
            let c = try store.accept(id, at: nil)
            return (l("已受理，须于 \(c.resolveDue?.string ?? "") 前办结", "Accepted: resolve by \(c.resolveDue?.string ?? "")"), nil)
        case .extend:
            let c = try store.extend(id, days: try int("days", "延长工作日"), reason: f.value("reason"))
            return (l("已延期至 \(c.resolveDue?.string ?? "")", "Extended to \(c.resolveDue?.string ?? "")"), nil)
        case .returnTo:
            let c = try store.returnComplaint(id, to: try department(f.value("to")), reason: f.value("reason"), at: nil)
            return (l("已转交 \(data.name(c.department))", "Passed to \(data.name(c.department))"), nil)
        case .resolve:
            let c = try store.resolve(id, result: f.value("result"), at: nil)
            return (l("已办结，须于 \(c.respondDue?.string ?? "") 前反馈", "Resolved: respond by \(c.respondDue?.string ?? "")"), nil)
        case .respond:
            _ = try store.respond(id, text: f.value("text"), at: nil)
            return (l("已反馈", "Responded"), nil)
        case .verify:
            let breach = f.choice("breach") == 1
            let category = f.choice("category") == 0 ? nil : f.choice("category")
            let (c, b) = try store.verify(id, breach: breach, finding: f.value("finding"), category: category)
            guard let b else { return (l("核实：不属失信违诺", "Verified: not a breach"), nil) }
            var next = ActionForm.make(.rectify, record: b.id, today: data.today, unit: data.name(c.department), lang: l)
            next.facts = .init(department: c.department, category: b.category)
            return (l("已认定失信 \(b.id)，请填写整改", "Breach \(b.id) confirmed: fill in the rectification"), next)
        case .followup:
            _ = try store.followup(id, satisfied: f.choice("satisfied") == 0, note: optional("note"))
            return (l("已回访", "Followed up"), nil)
        case .progress:
            let c = try store.recordProgress(id, percent: try int("percent", "进度"), status: ActionForm.progressStatuses[f.choice("status")],
                                             note: optional("note"))
            return (l("进度 \(c.progress)%（\(c.status.label)）", "Progress \(c.progress)% (\(c.status.english))"), nil)
        case .fulfill:
            _ = try store.fulfill(id, date: try day("date", "兑现日期"), note: optional("note"))
            return (l("已兑现", "Fulfilled"), nil)
        case .feedback:
            _ = try store.addFeedback(id, text: f.value("text"))
            return (l("已记录兑现反馈", "Feedback recorded"), nil)
        case .amend:
            // Only what the officer changed is amended: the fields start from the commitment's current terms.
            let deadline = try f.changed("deadline").map { try Validate.day($0, Field("新兑现时限", "deadline")) }
            let (c, _) = try store.amend(id, deadline: deadline, content: f.changed("content"), reason: f.value("reason"),
                                         legalBasis: f.value("basis"), approver: f.value("approver"))
            return (l("已变更，兑现时限 \(c.deadline)", "Amended: deadline \(c.deadline)"), nil)
        case .report where RecordKind(id) != .breach:
            let e = try store.escalate(id, to: Escalation.recipients[0], date: try day("date", "上报日期"), note: nil)
            return (l("已报县委县政府（\(e.id)）", "Reported to the county Party committee and government (\(e.id))"), nil)
        case .report:
            _ = try store.reportBreach(id, date: try day("date", "上报日期"))
            return (l("已报县委县政府", "Reported to the county Party committee and government"), nil)
        case .accountability:
            let a = try store.addAccountability(breach: id, target: f.value("target"), kind: f.value("kind"), date: try day("date", "日期"))
            return (l("已登记问责 \(a.id)", "Accountability \(a.id) recorded"), nil)
        case .rectify:
            let r = try store.addRectification(breach: id, unit: try department(f.value("unit")), measures: f.value("measures"),
                                               deadline: try day("deadline", "整改时限"))
            return (l("已移送整改 \(r.id)，时限 \(r.deadline)", "Rectification \(r.id) ordered, due \(r.deadline)"), nil)
        case .rectificationDone:
            _ = try store.completeRectification(id, date: try day("date", "完成日期"))
            return (l("整改已完成", "Rectification done"), nil)
        case .confirmClaim:
            let event = ActionForm.eventId(f.value("event"))
            if f.choice("verdict") == 0 {
                let d = try store.confirmClaim(event, evidence: f.value("note"))
                return (l("经核实，\(d.event) 按 \(d.counts) 生效", "\(d.event) confirmed: it counts on \(d.counts)"), nil)
            }
            let d = try store.rejectClaim(event, reason: f.value("note"))
            return (l("\(d.event) 不予采信，按 \(d.counts) 计", "\(d.event) rejected: it counts on \(d.counts)"), nil)
        case .fileDifficulty:
            let d = try store.fileDifficulty(record: id, text: f.value("text"), asks: optional("asks"))
            return (l("已报告困难问题 \(d.id)，办公室须于 \(d.due) 前答复", "Difficulty report \(d.id) filed: the office answers by \(d.due)"), nil)
        case .answerDifficulty:
            let d = try store.answerDifficulty(id, text: optional("answer"), refer: f.choice("refer") == 1 || !f.inputs.contains { $0.key == "answer" })
            return (d.referredAt != nil ? l("已答复并提请县领导协调", "Answered and referred to the county leadership") : l("已答复", "Answered"), nil)
        case .filterPane:
            return ("", nil)            // applied by the update, never carried out here
        }
    }

    /// A department typed as its code or part of its name; exactly one must match.
    func department(_ typed: String) throws -> String {
        let matches = IntakeForm.departments(matching: typed, in: data.names)
        guard matches.count == 1 else {
            throw JiannuoError.invalid(matches.isEmpty ? "请输入单位名称或代码" : "“\(typed)”匹配到 \(matches.count) 个单位，请输入更完整的名称",
                                       "type one department's name or code")
        }
        return matches[0].code
    }
}
