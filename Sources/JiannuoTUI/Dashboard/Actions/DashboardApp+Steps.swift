import Foundation
import JiannuoCore
import JiannuoStore

extension DashboardApp {
    /// Opens a step's form for the selected row, if the step applies to what is selected.
    func openStep(_ pane: Pane, _ index: Int, _ step: ActionForm.Step) throws {
        var record: String?
        var unit = ""
        switch pane {
        case .complaints:
            record = data.complaints.row(index)?.id
            unit = data.complaints.row(index)?.department ?? ""
        case .commitments:
            record = data.commitments.row(index)?.id
        case .deadlines:
            guard let a = data.alerts(matching: state[pane].filter).dropFirst(index).first else { return }
            switch (step, a.kind) {
            case (.report, .breachReport), (.accountability, .breachReport): record = a.record
            case (.rectificationDone, .rectification): record = a.record
            case (.accountability, .rectification):
                record = try store.rectifications(ListFilter()).first { $0.id == a.record }?.breach
            default:
                state.message = "所选事项（\(a.kind.label)）不适用此操作"
                return
            }
        case .scores:
            return
        }
        guard let record else { return }
        state.action = ActionForm.make(step, record: record, today: data.today, unit: unit)
    }

    /// A step on the record shown in the detail view.
    func openStep(onRecord id: String, _ step: ActionForm.Step) throws {
        var unit = "", record = id
        if id.hasPrefix("TS") { unit = try store.complaint(id).department }
        // A rectification's detail shows its breach: report and accountability act on the breach.
        if id.hasPrefix("ZG"), step != .rectificationDone {
            guard let r = try store.rectifications(ListFilter()).first(where: { $0.id == id }) else { return }
            record = r.breach
        }
        if step == .rectificationDone && !id.hasPrefix("ZG") || !id.hasPrefix("ZG") && !id.hasPrefix("SX") && [.report, .accountability].contains(step) {
            state.message = "此操作不适用于 \(id)"
            return
        }
        state.action = ActionForm.make(step, record: record, today: data.today, unit: unit)
    }

    /// The open step's keys; Ctrl-S carries it out in one transaction.
    func handleAction(_ key: KeyEvent) throws {
        guard var form = state.action else { return }
        switch form.handle(key) {
        case .none:
            state.action = form
        case .cancel:
            state.action = nil
        case .submit:
            do {
                let (message, next) = try perform(form)
                state.action = next
                try reload()
                try follow(form.record)
                try refreshDetail()
                state.message = message
            } catch let e as JiannuoError {
                form.error = e.text.zh
                state.action = form
            }
        }
    }

    /// Carries a step out; a confirmed breach leads straight to its rectification form.
    func perform(_ f: ActionForm) throws -> (String, ActionForm?) {
        let id = f.record
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
            return ("\(id) 已受理，须于 \(c.resolveDue?.string ?? "") 前办结", nil)
        case .extend:
            let c = try store.extend(id, days: try int("days", "延长工作日"), reason: f.value("reason"))
            return ("\(id) 已延期至 \(c.resolveDue?.string ?? "")", nil)
        case .returnTo:
            let c = try store.returnComplaint(id, to: try department(f.value("to")), reason: f.value("reason"), at: nil)
            return ("\(id) 已转交 \(data.name(c.department))", nil)
        case .resolve:
            let c = try store.resolve(id, result: f.value("result"), at: nil)
            return ("\(id) 已办结，须于 \(c.respondDue?.string ?? "") 前反馈", nil)
        case .respond:
            _ = try store.respond(id, text: f.value("text"), at: nil)
            return ("\(id) 已反馈", nil)
        case .verify:
            let breach = f.choice("breach") == 1
            let category = f.choice("category") == 0 ? nil : f.choice("category")
            let (c, b) = try store.verify(id, breach: breach, finding: f.value("finding"), category: category)
            guard let b else { return ("\(id) 核实：不属失信违诺", nil) }
            return ("已认定失信 \(b.id)，请填写整改", ActionForm.make(.rectify, record: b.id, today: data.today, unit: c.department))
        case .followup:
            _ = try store.followup(id, satisfied: f.choice("satisfied") == 0, note: optional("note"))
            return ("\(id) 已回访", nil)
        case .progress:
            let statuses: [CommitmentStatus] = [.inProgress, .stalled, .partial, .unfulfilled, .notStarted]
            let c = try store.recordProgress(id, percent: try int("percent", "进度"), status: statuses[f.choice("status")], note: optional("note"))
            return ("\(id) 进度 \(c.progress)%（\(c.status.label)）", nil)
        case .fulfill:
            _ = try store.fulfill(id, date: try day("date", "兑现日期"), note: optional("note"))
            return ("\(id) 已兑现", nil)
        case .feedback:
            _ = try store.addFeedback(id, text: f.value("text"))
            return ("已记录 \(id) 的反馈", nil)
        case .amend:
            let deadline = try optional("deadline").map { try Validate.day($0, Field("新兑现时限", "deadline")) }
            let (c, _) = try store.amend(id, deadline: deadline, content: optional("content"), reason: f.value("reason"),
                                         legalBasis: f.value("basis"), approver: f.value("approver"))
            return ("\(id) 已变更，兑现时限 \(c.deadline)", nil)
        case .report:
            _ = try store.reportBreach(id, date: try day("date", "上报日期"))
            return ("\(id) 已报县委县政府", nil)
        case .accountability:
            let a = try store.addAccountability(breach: id, target: f.value("target"), kind: f.value("kind"), date: try day("date", "日期"))
            return ("已登记问责 \(a.id)", nil)
        case .rectify:
            let r = try store.addRectification(breach: id, unit: try department(f.value("unit")), measures: f.value("measures"),
                                               deadline: try day("deadline", "整改时限"))
            return ("已移送整改 \(r.id)，时限 \(r.deadline)", nil)
        case .rectificationDone:
            _ = try store.completeRectification(id, date: try day("date", "完成日期"))
            return ("整改 \(id) 已完成", nil)
        }
    }

    /// The detail view shows the record as it is now.
    func refreshDetail() throws {
        guard case .detail(_, _, let scroll)? = state.overlay, let id = state.detailRecord else { return }
        let (title, lines) = try RecordDetail.lines(for: id, store: store, today: data.today)
        state.overlay = .detail(title: title, lines: lines, scroll: min(scroll, max(0, lines.count - 1)))
    }

    /// Keeps the record just changed selected: a step moves it in its list (a new limit, a new stage).
    func follow(_ id: String) throws {
        let pane = state.focus
        let position: Int?
        switch pane {
        case .complaints: position = state[pane].filter.isEmpty ? try store.openComplaintPosition(id) : nil
        case .commitments: position = state[pane].filter.isEmpty ? try store.openCommitmentPosition(id) : nil
        case .deadlines: position = data.alerts(matching: state[pane].filter).firstIndex { $0.record == id }
        case .scores: position = nil
        }
        if let position { DashboardUpdate.select(&state, pane, position, data: data) }
        try ensureWindows()
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
