import Foundation
import JiannuoCore

/// Draws the whole screen for a state and its data: header, four panes, footer, then what is in
/// front of them (screens, forms, dialogs, help) in the order they stack.
public enum DashboardView {
    public static func render(_ s: DashboardState, _ d: DashboardData) -> Grid {
        var g = Grid(width: max(1, s.size.width), height: max(1, s.size.height))
        let layout = DashboardLayout(s.size)
        if layout.tooSmall {
            let least = "\(DashboardLayout.minimum.width)×\(DashboardLayout.minimum.height)", now = "\(s.size.width)×\(s.size.height)"
            let msg = d.lang("终端太小：至少 \(least)，当前 \(now)", "Terminal too small: at least \(least), now \(now)")
            let lines = Wrap.lines(msg, width: g.width)
            for (i, l) in lines.enumerated() where i < g.height { _ = g.put(l, x: 0, y: i, role: .error) }
            return g
        }
        header(&g, layout.header, d)
        for p in Pane.allCases { pane(&g, p, layout, s, d) }
        footer(&g, layout.footer, s, d)
        switch s.top {
        case .search(let search)?: SearchView.draw(&g, search, d.lang)
        case .document(let doc)?: DocumentView.draw(&g, doc, size: s.size, d.lang)
        case nil: break
        }
        if let form = s.form { IntakeView.draw(&g, form, names: d.names, d.lang) }
        if let step = s.step { ActionView.draw(&g, step, d.lang) }
        if let prompt = s.prompt {
            // The answers' keys as the key table binds them in a dialog (the footer names them all).
            func key(_ a: DashboardAction) -> String {
                DashboardKeys.map.bindings(of: .prompt).first { $0.action == a }?.keys.first?.displayName(d.lang) ?? ""
            }
            _ = Dialog(title: prompt.title, body: prompt.body,
                       hints: [KeyHint(keys: key(.confirm), label: prompt.yes), KeyHint(keys: key(.dismiss), label: prompt.no)],
                       maxWidth: 72).draw(into: &g)
            g.cursor = nil
        }
        if let help = s.help {
            DocumentView.draw(&g, help, size: s.size, d.lang)
            g.cursor = nil
        }
        return g
    }

    static func header(_ g: inout Grid, _ r: Rect, _ d: DashboardData) {
        g.fill(r, role: .header)
        var x = r.x
        func seg(_ t: String, _ role: Role) { x += g.put(t, x: x, y: r.y, role: role, maxWidth: max(0, r.maxX - x)) }
        let l = d.lang
        seg(l(" 践诺 ", " Jiannuo "), .header)
        if d.readOnly { seg(l("【只读】", "[read-only]"), .banner) }
        seg(" \(d.today)  \(d.operatorName)  ", .header)
        seg(l("须上报", Alert.Level.escalate.english) + " \(d.count(.escalate))", .levelEscalate); seg(" ", .header)
        seg(l("逾期", Alert.Level.overdue.english) + " \(d.count(.overdue))", .levelOverdue); seg(" ", .header)
        seg(l("今日", Alert.Level.dueToday.english) + " \(d.count(.dueToday))", .levelDueToday); seg(" ", .header)
        seg(l("临期", Alert.Level.nearing.english) + " \(d.count(.nearing))", .levelNearing)
        // Only whole: a narrow screen drops it rather than cut a character in two.
        let rounds = l("  督查 ", "  rounds ") + "\(d.openRounds)"
        if d.openRounds > 0, Width.of(rounds) <= r.maxX - x { seg(rounds, .header) }
        let db = "  " + d.database + " "
        let w = Width.of(db)
        if r.maxX - x > w { _ = g.put(db, x: r.maxX - w, y: r.y, role: .header) }
    }

    static func pane(_ g: inout Grid, _ p: Pane, _ layout: DashboardLayout, _ s: DashboardState, _ d: DashboardData) {
        guard let rect = layout.panes[p], rect.width >= 4, rect.height >= 3 else { return }
        let ps = s[p]
        let total = d.total(p, ps)
        let focused = s.focus == p
        let l = d.lang
        // The focused pane is marked by its title too, not by colour alone (mono, NO_COLOR).
        var title = (focused ? "▶" : "") + " \(p.title(l)) "
        if p == .scores { title = (focused ? "▶" : "") + " \(p.title(l)) \(d.period) " }
        // A liaison's own score: the period, the score and its last six months in the title.
        if p == .scores, let own = d.ownScore {
            title = (focused ? "▶" : "") + l(" 4 本单位 ", " 4 Own score ") + "\(d.period) \(PaneTables.format(own.score)) "
                + Sparkline.render(Array(own.trend.suffix(6))) + " "
        }
        title += total == 0 ? "(0) " : "(\(ps.selected + 1)/\(total)) "
        if !ps.filter.isEmpty || (s.filtering && focused) { title += "/\(ps.filter)\(s.filtering && focused ? "▏" : "") " }
        let conditions = FilterForms.count(ps.query)
        if conditions > 0 { title += l("条件\(conditions) ", "\(conditions) cond. ") }
        if let sort = p.sortLabel(ps.sort, l) { title += sort + " " }
        let inner = g.box(rect, title: title, role: focused ? .borderFocused : .border, titleRole: focused ? .title : .muted)
        if p == .scores && d.scores == nil {
            _ = g.put(l("计算中…", "computing…"), x: inner.x + 1, y: inner.y + 1, role: .muted)
            return
        }
        // Filtered, reordered or paged past what it holds: the pane waits for every alert to be read.
        if p == .deadlines && d.awaitsAllAlerts(ps) {
            _ = g.put(l("读取全部提醒…", "reading every alert…"), x: inner.x + 1, y: inner.y + 1, role: .muted, maxWidth: inner.width - 1)
            return
        }
        let t = PaneTables.table(p, d, ps, focused: focused, visible: layout.visibleRows(p))
        t.draw(into: &g, rect: inner)
        if total == 0 {
            _ = g.put(ps.filter.isEmpty ? l("（无）", "(none)") : l("（没有匹配“\(ps.filter)”的记录）", "(nothing matches \"\(ps.filter)\")"),
                      x: inner.x + 1, y: inner.y + 1, role: .muted,
                      maxWidth: inner.width - 1)
        }
    }

    /// The latest message, then the keys of the place in front; a line too short for them all ends
    /// with "? 更多" (or "F1 更多" in a form; "? more" in English), which opens the help.
    static func footer(_ g: inout Grid, _ r: Rect, _ s: DashboardState, _ d: DashboardData) {
        var (hints, help) = DashboardKeys.footer(s, d)
        if let m = s.message {
            hints.insert(KeyHint(keys: "", label: Width.truncate(m, to: max(10, r.width - 8))), at: 0)
        }
        guard let help else { Footer.draw(into: &g, rect: r, hints: hints); return }
        let all = hints + [KeyHint(keys: help, label: d.lang("帮助", "help"))]
        if Footer.fit(all, width: r.width).count == all.count {
            Footer.draw(into: &g, rect: r, hints: all)
        } else {
            Footer.draw(into: &g, rect: r, hints: hints, more: KeyHint(keys: help, label: d.lang("更多", "more")))
        }
    }
}
