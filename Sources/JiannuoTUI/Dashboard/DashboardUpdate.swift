/// The dashboard's update: state + action → new state and the effects to run. No I/O, so
/// every key's effect can be tested without a terminal.
public enum DashboardUpdate {
    public static func apply(_ action: DashboardAction, to s: inout DashboardState, data: DashboardData) -> [DashboardEffect] {
        if case .department(var drill)? = s.overlay {
            let visible = DrillView.lineRows(height: s.size.height, drill)
            switch action {
            case .back: s.overlay = nil
            case .quit: s.quit = true
            case .down: drill.move(1, visible: visible)
            case .up: drill.move(-1, visible: visible)
            case .pageDown: drill.move(visible, visible: visible)
            case .pageUp: drill.move(-visible, visible: visible)
            case .top: drill.move(-drill.lines.count, visible: visible)
            case .bottom: drill.move(drill.lines.count, visible: visible)
            case .open:
                if let id = drill.selectedRecord {
                    s.overlay = .department(drill)
                    s.returnTo = s.overlay
                    return [.openRecord(id)]
                }
            default: break
            }
            if case .department? = s.overlay { s.overlay = .department(drill) }
            return []
        }
        if case .detail(let title, let lines, let scroll)? = s.overlay {
            let page = max(1, s.size.height - 4)
            let maxScroll = max(0, lines.count - page)
            switch action {
            case .back: s.overlay = s.returnTo; s.returnTo = nil; s.detailRecord = nil
            case .quit: s.quit = true
            case .down: s.overlay = .detail(title: title, lines: lines, scroll: min(maxScroll, scroll + 1))
            case .up: s.overlay = .detail(title: title, lines: lines, scroll: max(0, scroll - 1))
            case .pageDown: s.overlay = .detail(title: title, lines: lines, scroll: min(maxScroll, scroll + page))
            case .pageUp: s.overlay = .detail(title: title, lines: lines, scroll: max(0, scroll - page))
            default: break
            }
            return []
        }
        if s.overlay == .help {
            if action == .quit { s.quit = true } else { s.overlay = nil }
            return []
        }
        let layout = DashboardLayout(s.size)
        let pane = s.focus
        let total = data.total(pane, filter: s[pane].filter)
        let visible = layout.visibleRows(pane)
        switch action {
        case .nextPane: s.focus = Pane(rawValue: (pane.rawValue + 1) % 4)!
        case .previousPane: s.focus = Pane(rawValue: (pane.rawValue + 3) % 4)!
        case .focus(let p): s.focus = p
        case .up: move(&s, pane, to: s[pane].selected - 1, total: total, visible: visible)
        case .down: move(&s, pane, to: s[pane].selected + 1, total: total, visible: visible)
        case .pageUp: move(&s, pane, to: s[pane].selected - visible, total: total, visible: visible)
        case .pageDown: move(&s, pane, to: s[pane].selected + visible, total: total, visible: visible)
        case .top: move(&s, pane, to: 0, total: total, visible: visible)
        case .bottom: move(&s, pane, to: total - 1, total: total, visible: visible)
        case .open:
            guard total > 0 else { return [] }
            return pane == .scores ? [.drill(pane, s[pane].selected)] : [.openDetail(pane, s[pane].selected)]
        case .drill: return total > 0 ? [.drill(pane, s[pane].selected)] : []
        case .back:
            if !s[pane].filter.isEmpty {
                s[pane].filter = ""; s[pane].selected = 0; s[pane].offset = 0
                return [.refilter(pane)]
            }
        case .filter: s.filtering = true
        case .help: s.overlay = .help
        case .refresh: return [.reload]
        case .newComplaint: return [.openIntake]
        case .search: s.search = SearchState()
        case .step(let step): return total > 0 ? [.openStep(pane, s[pane].selected, step)] : []
        case .reveal: return total > 0 ? [.reveal(pane, s[pane].selected)] : []
        case .quit: s.quit = true
        }
        return []
    }

    /// Typing in the filter line: characters narrow the list as they are typed.
    public static func filterKey(_ key: KeyEvent, to s: inout DashboardState) -> [DashboardEffect] {
        let pane = s.focus
        var text = s[pane].filter
        switch key {
        case .enter: s.filtering = false; return []
        case .escape: s.filtering = false; text = ""
        case .backspace: if !text.isEmpty { text.removeLast() }
        case .ctrl("u"): text = ""
        case .char(let c): text.append(c)
        case .ctrl("c"): s.quit = true; return []
        default: return []
        }
        guard text != s[pane].filter else { return [] }
        s[pane].filter = text
        s[pane].selected = 0
        s[pane].offset = 0
        return [.refilter(pane)]
    }

    /// After data changed under the selection (a reload, a resize), keep it in range and visible.
    public static func clamp(_ s: inout DashboardState, data: DashboardData) {
        let layout = DashboardLayout(s.size)
        for p in Pane.allCases {
            let total = data.total(p, filter: s[p].filter)
            let visible = layout.visibleRows(p)
            // A taller pane shows more rows rather than keeping a scroll it no longer needs.
            s[p].offset = min(s[p].offset, max(0, total - visible))
            move(&s, p, to: s[p].selected, total: total, visible: visible)
        }
        if case .detail(let t, let lines, let scroll)? = s.overlay {
            s.overlay = .detail(title: t, lines: lines, scroll: min(scroll, max(0, lines.count - 1)))
        }
    }

    /// Selects row `index` of a pane (after a save, the new record).
    public static func select(_ s: inout DashboardState, _ p: Pane, _ index: Int, data: DashboardData) {
        move(&s, p, to: index, total: data.total(p, filter: s[p].filter), visible: DashboardLayout(s.size).visibleRows(p))
    }

    static func move(_ s: inout DashboardState, _ p: Pane, to index: Int, total: Int, visible: Int) {
        let sel = total == 0 ? 0 : min(max(0, index), total - 1)
        s[p].selected = sel
        s[p].offset = Table.scrollOffset(selected: total == 0 ? nil : sel, current: s[p].offset, visibleRows: visible, rowCount: total)
    }
}
