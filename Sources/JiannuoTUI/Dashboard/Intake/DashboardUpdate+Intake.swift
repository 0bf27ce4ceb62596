import JiannuoCore

/// The intake form's results: checked, saved or refused, and its draft offered, restored or not saved.
extension DashboardUpdate {
    static func intakeResult(_ r: IntakeResult, _ s: inout DashboardState, _ d: DashboardData) -> [DashboardEffect] {
        let l = d.lang
        switch r {
        case .opened(let now): s.form = IntakeForm(now: now)
        case .invalid(let form):
            s.form = form
            s.message = l("有 \(form.errors.count) 项需要修改", form.errors.count == 1 ? "1 field needs fixing" : "\(form.errors.count) fields need fixing")
        case .saved(let c):
            s.form = nil
            s.stack.removeAll()
            s.focus = .complaints
            // The new complaint is shown where the default list puts it, once the lists are read again.
            s[.complaints] = PaneState()
            s.message = l("已登记 \(c.id)，须于 \(c.acceptDue) 前受理", "Registered \(c.id): accept by \(c.acceptDue)")
            return [.discardDraft, .reload, .follow(c.id)]
        case .refused(var form, let e):
            form.errors[.content] = e.text(l)
            s.form = form
            // The footer is one line: a database refusal is said short (the form shows it in full).
            s.message = l("未保存：", "Not saved: ")
                + (e.kind == .database ? l("数据库只读或不可用，不能写入", "the database is read-only or unavailable") : e.text(l))
        case .hints(let hints): s.form?.commitmentHints = hints
        }
        return []
    }

    static func draftResult(_ r: DraftResult, _ s: inout DashboardState, _ d: DashboardData) -> [DashboardEffect] {
        let l = d.lang
        switch r {
        case .found(let json, let savedAt):
            // As every time is shown: `2026-12-06 19:14`, not the stored `2026-12-06T19:14:…+08:00`.
            let at = DateTime(savedAt)?.string ?? String(savedAt.prefix(16)).replacingOccurrences(of: "T", with: " ")
            s.prompt = Prompt(.restoreDraft(json: json), title: l(" 未保存的草稿 ", " Unsaved draft "),
                              body: [l("发现 \(at) 未保存的投诉登记草稿：恢复并继续填写，还是丢弃？",
                                       "An unsaved complaint draft from \(at) was found: restore it and go on, or discard it?")],
                              yes: l("恢复", "restore"), no: l("丢弃", "discard"))
        case .restore(let json, let now):
            s.form = IntakeForm(draftJSON: json, now: now)
            guard s.form != nil else {
                s.message = l("草稿无法读取，已丢弃", "The draft could not be read and was discarded")
                return [.discardDraft]
            }
            s.message = l("已恢复草稿", "Draft restored")
        case .notSaved(let why):
            s.message = l("草稿未能保存：\(why(l))", "The draft could not be saved: \(why(l))")
        }
        return []
    }
}
