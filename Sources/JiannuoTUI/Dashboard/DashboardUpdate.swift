import JiannuoCore
/// The dashboard's update: a key goes through the key table to an action, and the action changes the
/// state and names the effects (reads, writes) to run. No I/O, so every key's effect can be tested
/// without a terminal; results of the effects come back through the functions in
/// `DashboardUpdate+Results`.
public enum DashboardUpdate {
    /// One key: the binding of the place in front, then its action.
    public static func key(_ key: KeyEvent, to s: inout DashboardState, data: DashboardData) -> [DashboardEffect] {
        if key == .resize { clamp(&s, data: data); return [] }
        // Too small, the screen shows nothing to act on: no key but q does anything (Ctrl-C is a signal),
        // so a key typed blind cannot fulfil a promise or drop a typed form.
        if DashboardLayout(s.size).tooSmall {
            if key == .char("q") { s.quit = true }
            return []
        }
        s.message = nil
        guard let binding = DashboardKeys.map.binding(for: key, in: DashboardKeys.contexts(s)) else { return [] }
        return apply(binding.action, key: key, to: &s, data: data)
    }

    /// An action in the place in front (help, dialog, form, filter line, screen, panes, in that order).
    public static func apply(_ action: DashboardAction, key: KeyEvent = .resize, to s: inout DashboardState,
                             data: DashboardData) -> [DashboardEffect] {
        if action == .quit { s.quit = true; return [] }
        if let p = action.permission, let actor = data.actor, !actor.may(p) {
            let who = RoleTable.roles(allowing: p).map { $0.label(data.lang) }.joined(separator: data.lang("、", ", "))
            s.message = data.lang("\(actor.role?.label ?? "无角色账号")不能\(p.label)（可由：\(who)）",
                                  "the \(actor.role?.english ?? "role-less account") role may not do \(p.rawValue) (roles that may: \(who))")
            return []
        }
        if s.help != nil { return helpAction(action, &s) }
        if action == .help {
            s.help = DocState(.help(HelpContent(place: DashboardKeys.contexts(s), lang: data.lang, role: data.actor?.role)))
            return []
        }
        if s.prompt != nil { return promptAction(action, &s, data) }
        if s.form != nil { return intakeAction(action, key, &s, data) }
        if s.step != nil { return stepAction(action, key, &s, data) }
        if s.filtering { return filterAction(action, key, &s) }
        switch s.top {
        case .search?: return searchAction(action, key, &s)
        case .document?: return documentAction(action, &s, data)
        case nil: return paneAction(action, &s, data)
        }
    }

    static func paneAction(_ action: DashboardAction, _ s: inout DashboardState, _ data: DashboardData) -> [DashboardEffect] {
        let layout = DashboardLayout(s.size)
        let pane = s.focus
        let total = data.total(pane, s[pane])
        let visible = layout.visibleRows(pane)
        let selected = s[pane].selected
        switch action {
        case .nextPane: s.focus = Pane(rawValue: (pane.rawValue + 1) % 4)!
        case .previousPane: s.focus = Pane(rawValue: (pane.rawValue + 3) % 4)!
        case .focus(let p): s.focus = p
        case .up: move(&s, pane, to: selected - 1, total: total, visible: visible)
        case .down: move(&s, pane, to: selected + 1, total: total, visible: visible)
        case .pageUp: move(&s, pane, to: selected - visible, total: total, visible: visible)
        case .pageDown: move(&s, pane, to: selected + visible, total: total, visible: visible)
        case .top: move(&s, pane, to: 0, total: total, visible: visible)
        case .bottom: move(&s, pane, to: total - 1, total: total, visible: visible)
        case .open:
            guard total > 0 else { return [] }
            guard let id = data.recordId(pane, s[pane]) else {
                s.message = data.lang("所选事项没有可打开的记录", "The selected item has no record to open")
                return []
            }
            return [.openRecord(id)]
        case .drill:
            guard total > 0 else { return [] }
            guard let code = data.department(pane, s[pane]), !code.isEmpty else {
                s.message = data.lang("所选事项没有承办单位", "The selected item has no unit")
                return []
            }
            return [.openDrill(code)]
        case .back:
            if !s[pane].filter.isEmpty {
                s[pane].filter = ""; s[pane].selected = 0; s[pane].offset = 0
                return [.refilter(pane)]
            }
        case .filter: s.filtering = true
        case .refresh: return [.reload]
        case .newComplaint: return [.openIntake]
        case .search: s.stack.append(.search(SearchState()))
        case .step(let step):
            guard total > 0 else { return [] }
            if pane == .deadlines, let a = data.alerts(s[pane]).dropFirst(selected).first {
                return [.openStep(step, .alert(record: a.record, kind: a.kind))]
            }
            guard let id = data.recordId(pane, s[pane]) else { return [] }
            return [.openStep(step, .record(id))]
        case .reveal:
            guard total > 0, let id = data.recordId(pane, s[pane]) else { return [] }
            return [.reveal(id)]
        case .sortNext:
            s[pane].sort = PaneSort(column: (s[pane].sort.column + 1) % pane.sortColumns.count)
            return reordered(&s, pane, data.lang)
        case .sortReverse:
            s[pane].sort.descending.toggle()
            return reordered(&s, pane, data.lang)
        case .structuredFilter:
            guard let form = FilterForms.make(pane, s[pane].query, names: data.names, lang: data.lang) else {
                s.message = data.lang("评分面板按单位筛选请用 /", "Filter the scores pane by unit with /")
                return []
            }
            s.step = form
        case .export: return [.export(pane)]
        default: break
        }
        return []
    }

    /// A new order or filter: back to the first row, and the list read again.
    static func reordered(_ s: inout DashboardState, _ pane: Pane, _ lang: Lang) -> [DashboardEffect] {
        s[pane].selected = 0
        s[pane].offset = 0
        s.message = pane.sortLabel(s[pane].sort, lang).map { lang("按 \($0) 排序", "Sorted by \($0)") } ?? lang("恢复默认顺序", "Default order")
        return [.refilter(pane)]
    }

    /// After data changed under the selection (a reload, a resize), keep it in range and visible;
    /// documents keep their cursor on a row of the new layout.
    public static func clamp(_ s: inout DashboardState, data: DashboardData) {
        let layout = DashboardLayout(s.size)
        for p in Pane.allCases {
            let total = data.total(p, s[p])
            let visible = layout.visibleRows(p)
            // A taller pane shows more rows rather than keeping a scroll it no longer needs.
            s[p].offset = min(s[p].offset, max(0, total - visible))
            move(&s, p, to: s[p].selected, total: total, visible: visible)
        }
        let docLayout = DocumentLayout(s.size)
        for i in s.stack.indices {
            if case .document(var d) = s.stack[i] { d.clamp(docLayout); s.stack[i] = .document(d) }
        }
        s.help?.clamp(docLayout)
    }

    /// Selects row `index` of a pane (after a save, the new record).
    public static func select(_ s: inout DashboardState, _ p: Pane, _ index: Int, data: DashboardData) {
        move(&s, p, to: index, total: data.total(p, s[p]), visible: DashboardLayout(s.size).visibleRows(p))
    }

    static func move(_ s: inout DashboardState, _ p: Pane, to index: Int, total: Int, visible: Int) {
        let sel = total == 0 ? 0 : min(max(0, index), total - 1)
        s[p].selected = sel
        s[p].offset = Table.scrollOffset(selected: total == 0 ? nil : sel, current: s[p].offset, visibleRows: visible, rowCount: total)
    }
}
