import JiannuoCore

/// Actions in the forms, the dialogs and the filter line.
extension DashboardUpdate {
    static func intakeAction(_ action: DashboardAction, _ key: KeyEvent, _ s: inout DashboardState, _ data: DashboardData) -> [DashboardEffect] {
        let l = data.lang
        guard var form = s.form else { return [] }
        let before = form
        switch form.apply(action, key: key) {
        case .none:
            s.form = form
            // The commitment field's suggestions follow the department and what is typed.
            let looked = form.focus == .commitment && (before.focus != .commitment || before.text(.commitment) != form.text(.commitment))
            return looked ? [.commitmentHints] : []
        case .save:
            s.form = form
            return [.saveIntake(form)]
        case .cancel:
            if form.isDirty {
                s.prompt = Prompt(.discardIntake, title: l(" 放弃登记？ ", " Discard the complaint? "),
                                  body: [l("已输入的投诉内容将被丢弃（草稿一并删除）。", "What was typed will be thrown away (its draft too).")],
                                  yes: l("放弃", "discard"), no: l("继续编辑", "keep editing"))
                return []
            }
            s.form = nil
            return [.discardDraft]
        }
    }

    static func stepAction(_ action: DashboardAction, _ key: KeyEvent, _ s: inout DashboardState, _ data: DashboardData) -> [DashboardEffect] {
        guard var form = s.step else { return [] }
        let l = data.lang
        switch form.apply(action, key: key) {
        case .none:
            s.step = form
        case .cancel:
            if form.isDirty {
                s.prompt = Prompt(.discardStep, title: l(" 放弃填写？ ", " Discard the form? "),
                                  body: [l("\(form.title)：已填写的内容将被丢弃。", "\(form.title): what was filled in will be thrown away.")],
                                  yes: l("放弃", "discard"), no: l("继续填写", "keep filling in"))
            } else {
                s.step = nil
            }
        case .submit where form.step == .filterPane:
            // The filter is the state's own: applied here, the list read again.
            do {
                s[s.focus].query = try FilterForms.apply(form, pane: s.focus, names: data.names, to: s[s.focus].query)
                s.step = nil
                let n = FilterForms.count(s[s.focus].query)
                let effects = reordered(&s, s.focus, l)
                s.message = n == 0 ? l("已清除条件筛选", "Conditions cleared")
                    : l("按 \(n) 项条件筛选（F 修改，条件全选“全部”即清除）", "Filtered by \(n) condition\(n == 1 ? "" : "s") (F to change; \"all\" everywhere clears them)")
                return effects
            } catch let e as JiannuoError {
                form.error = e.text(l)
                s.step = form
            } catch {}
        case .submit:
            guard form.irreversible else { s.step = form; return [.performStep(form)] }
            if let problem = StepForms.precheck(form, lang: l) {
                form.error = problem
                s.step = form
                return []
            }
            s.step = form
            s.prompt = Prompt(.confirmStep, title: l(" 确认：\(form.title) ", " Confirm: \(form.title) "),
                              body: StepForms.consequences(form, names: data.names, scoring: data.scoring, lang: l),
                              yes: l("确定", "confirm"), no: l("返回修改", "go back"))
        }
        return []
    }

    static func promptAction(_ action: DashboardAction, _ s: inout DashboardState, _ data: DashboardData) -> [DashboardEffect] {
        guard let prompt = s.prompt else { return [] }
        switch action {
        case .confirm:
            s.prompt = nil
            switch prompt.kind {
            case .restoreDraft(let json): return [.restoreDraft(json)]
            case .discardIntake: s.form = nil; return [.discardDraft]
            case .discardStep: s.step = nil
            case .confirmStep: if let form = s.step { return [.performStep(form)] }
            }
        case .dismiss:
            s.prompt = nil
            if case .restoreDraft = prompt.kind {
                s.message = data.lang("已丢弃草稿", "Draft discarded")
                return [.discardDraft]
            }
        default: break
        }
        return []
    }

    /// Typing in the filter line: characters narrow the list as they are typed.
    static func filterAction(_ action: DashboardAction, _ key: KeyEvent, _ s: inout DashboardState) -> [DashboardEffect] {
        let pane = s.focus
        var text = s[pane].filter
        switch action {
        case .keepFilter: s.filtering = false; return []
        case .clearFilter: s.filtering = false; text = ""
        case .edit(.backspace): if !text.isEmpty { text.removeLast() }
        case .edit(.killToStart): text = ""
        case .type: if case .char(let c) = key { text.append(c) }
        default: return []
        }
        guard text != s[pane].filter else { return [] }
        s[pane].filter = text
        s[pane].selected = 0
        s[pane].offset = 0
        return [.refilter(pane)]
    }
}
