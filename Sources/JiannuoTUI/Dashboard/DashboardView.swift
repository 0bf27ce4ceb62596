import Foundation
import JiannuoCore

/// Draws the whole screen for a state and its data: header, four panes, footer, then what is in
/// front of them (screens, forms, dialogs, help) in the order they stack.
public enum DashboardView {
    public static func render(_ s: DashboardState, _ d: DashboardData) -> Grid {
        var g = Grid(width: max(1, s.size.width), height: max(1, s.size.height))
        let layout = DashboardLayout(s.size)
        if layout.tooSmall {
            let msg = "终端太小：至少 \(DashboardLayout.minimum.width)×\(DashboardLayout.minimum.height)，当前 \(s.size.width)×\(s.size.height)"
            let lines = Wrap.lines(msg, width: g.width)
            for (i, l) in lines.enumerated() where i < g.height { _ = g.put(l, x: 0, y: i, role: .error) }
            return g
        }
        header(&g, layout.header, d)
        for p in Pane.allCases { pane(&g, p, layout, s, d) }
        footer(&g, layout.footer, s, d)
        switch s.top {
        case .search(let search)?: SearchView.draw(&g, search)
        case .document(let doc)?: DocumentView.draw(&g, doc, size: s.size)
        case nil: break
        }
        if let form = s.form { IntakeView.draw(&g, form, names: d.names) }
        if let step = s.step { ActionView.draw(&g, step) }
        if let prompt = s.prompt {
            // The answers' keys as the key table binds them in a dialog (the footer names them all).
            func key(_ a: DashboardAction) -> String { DashboardKeys.map.bindings(of: .prompt).first { $0.action == a }?.keys.first?.displayName ?? "" }
            _ = Dialog(title: prompt.title, body: prompt.body,
                       hints: [KeyHint(keys: key(.confirm), label: prompt.yes), KeyHint(keys: key(.dismiss), label: prompt.no)],
                       maxWidth: 72).draw(into: &g)
            g.cursor = nil
        }
        if let help = s.help {
            DocumentView.draw(&g, help, size: s.size)
            g.cursor = nil
        }
        return g
    }

    static func header(_ g: inout Grid, _ r: Rect, _ d: DashboardData) {
        g.fill(r, role: .header)
        var x = r.x
        func seg(_ t: String, _ role: Role) { x += g.put(t, x: x, y: r.y, role: role, maxWidth: max(0, r.maxX - x)) }
        seg(" 践诺 ", .header)
        if d.readOnly { seg("【只读】", .banner) }
        seg(" \(d.today)  \(d.operatorName)  ", .header)
        seg("须上报 \(d.count(.escalate))", .levelEscalate); seg(" ", .header)
        seg("逾期 \(d.count(.overdue))", .levelOverdue); seg(" ", .header)
        seg("今日 \(d.count(.dueToday))", .levelDueToday); seg(" ", .header)
        seg("临期 \(d.count(.nearing))", .levelNearing)
        if d.openRounds > 0 { seg("  督查 \(d.openRounds)", .header) }
        let db = "  " + (d.database as NSString).lastPathComponent + " "
        let w = Width.of(db)
        if r.maxX - x > w { _ = g.put(db, x: r.maxX - w, y: r.y, role: .header) }
    }

    static func pane(_ g: inout Grid, _ p: Pane, _ layout: DashboardLayout, _ s: DashboardState, _ d: DashboardData) {
        guard let rect = layout.panes[p], rect.width >= 4, rect.height >= 3 else { return }
        let ps = s[p]
        let total = d.total(p, ps)
        let focused = s.focus == p
        // The focused pane is marked by its title too, not by colour alone (mono, NO_COLOR).
        var title = (focused ? "▶" : "") + " \(p.title) "
        if p == .scores { title = (focused ? "▶" : "") + " \(p.title) \(d.period) " }
        title += total == 0 ? "(0) " : "(\(ps.selected + 1)/\(total)) "
        if !ps.filter.isEmpty || (s.filtering && focused) { title += "/\(ps.filter)\(s.filtering && focused ? "▏" : "") " }
        let conditions = FilterForms.count(ps.query)
        if conditions > 0 { title += "条件\(conditions) " }
        if let sort = p.sortLabel(ps.sort) { title += sort + " " }
        let inner = g.box(rect, title: title, role: focused ? .borderFocused : .border, titleRole: focused ? .title : .muted)
        if p == .scores && d.scores == nil {
            _ = g.put("计算中…", x: inner.x + 1, y: inner.y + 1, role: .muted)
            return
        }
        let t = PaneTables.table(p, d, ps, focused: focused, visible: layout.visibleRows(p))
        t.draw(into: &g, rect: inner)
        if total == 0 {
            _ = g.put(ps.filter.isEmpty ? "（无）" : "（没有匹配“\(ps.filter)”的记录）", x: inner.x + 1, y: inner.y + 1, role: .muted,
                      maxWidth: inner.width - 1)
        }
    }

    /// The latest message, then the keys of the place in front; a line too short for them all ends
    /// with "? 更多" (or "F1 更多" in a form), which opens the help.
    static func footer(_ g: inout Grid, _ r: Rect, _ s: DashboardState, _ d: DashboardData) {
        var (hints, help) = DashboardKeys.footer(s, d)
        if let m = s.message {
            hints.insert(KeyHint(keys: "", label: Width.truncate(m, to: max(10, r.width - 8))), at: 0)
        }
        guard let help else { Footer.draw(into: &g, rect: r, hints: hints); return }
        let all = hints + [KeyHint(keys: help, label: "帮助")]
        if Footer.fit(all, width: r.width).count == all.count {
            Footer.draw(into: &g, rect: r, hints: all)
        } else {
            Footer.draw(into: &g, rect: r, hints: hints, more: KeyHint(keys: help, label: "更多"))
        }
    }
}
