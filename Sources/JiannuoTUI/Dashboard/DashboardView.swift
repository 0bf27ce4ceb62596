import Foundation
import JiannuoCore

/// Draws the whole screen for a state and its data: header, four panes, footer, overlays.
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
        footer(&g, layout.footer, s)
        switch s.overlay {
        case .help?: help(&g, s)
        case .detail(let title, let lines, let scroll)?: detail(&g, title, lines, scroll)
        case .department(let drill)?: DrillView.draw(&g, drill)
        case .draftOffer(let savedAt, _)?:
            _ = Dialog(title: " 未保存的草稿 ", body: ["发现 \(savedAt) 未保存的投诉登记草稿。", "", "Enter 恢复并继续填写，Esc 丢弃。"],
                       hints: [KeyHint(keys: "Enter", label: "恢复"), KeyHint(keys: "Esc", label: "丢弃")], maxWidth: 60).draw(into: &g)
        case nil: break
        }
        if let search = s.search { SearchView.draw(&g, search) }
        if let form = s.form { IntakeView.draw(&g, form, names: d.names) }
        if let action = s.action { ActionView.draw(&g, action) }
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
        let db = "  " + (d.database as NSString).lastPathComponent + " "
        let w = Width.of(db)
        if r.maxX - x > w { _ = g.put(db, x: r.maxX - w, y: r.y, role: .header) }
    }

    static func pane(_ g: inout Grid, _ p: Pane, _ layout: DashboardLayout, _ s: DashboardState, _ d: DashboardData) {
        guard let rect = layout.panes[p], rect.width >= 4, rect.height >= 3 else { return }
        let ps = s[p]
        let total = d.total(p, filter: ps.filter)
        var title = " \(p.title) "
        if p == .scores { title = " \(p.title) \(d.period) " }
        title += total == 0 ? "(0) " : "(\(ps.selected + 1)/\(total)) "
        if !ps.filter.isEmpty || (s.filtering && s.focus == p) { title += "/\(ps.filter)\(s.filtering && s.focus == p ? "▏" : "") " }
        let focused = s.focus == p
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

    /// The keys that apply to what is in front of the officer, after the latest message.
    static func footer(_ g: inout Grid, _ r: Rect, _ s: DashboardState) {
        var hints = footerHints(s)
        if let m = s.message, !s.filtering, s.search == nil {
            hints.insert(KeyHint(keys: "", label: Width.truncate(m, to: max(10, r.width * 2 / 3))), at: 0)
        }
        Footer.draw(into: &g, rect: r, hints: hints)
    }

    static func footerHints(_ s: DashboardState) -> [KeyHint] {
        func h(_ pairs: [(String, String)]) -> [KeyHint] { pairs.map { KeyHint(keys: $0.0, label: $0.1) } }
        if s.filtering { return h([("输入", "筛选"), ("Enter", "确定"), ("Esc", "清除"), ("Backspace", "删除")]) }
        if s.search != nil { return h([("Enter", "搜索/打开"), ("↑/↓", "选择"), ("Esc", "关闭")]) }
        if s.action != nil { return h([("Tab", "下一项"), ("←/→", "选择"), ("Ctrl-S", "确定"), ("Esc", "取消")]) }
        if s.form != nil { return h([("Tab/↓", "下一项"), ("←/→", "选择"), ("Ctrl-S", "保存"), ("Esc", "取消")]) }
        switch s.overlay {
        case .help?: return h([("任意键", "关闭")])
        case .draftOffer?: return h([("Enter", "恢复草稿"), ("Esc", "丢弃")])
        case .department?: return h([("Esc", "返回"), ("j/k", "选择"), ("Enter", "打开记录"), ("q", "退出")])
        case .detail?:
            // The record's own workflow keys, as in its pane.
            let own = s.detailRecord.map { id in
                DashboardKeys.map.bindings.filter { $0.context == DashboardKeys.context(ofRecord: id) && $0.footer != nil }
                    .map { KeyHint(keys: $0.keyNames, label: $0.footer!) }
            } ?? []
            return h([("Esc", "返回"), ("j/k", "滚动")]) + own + h([("PgDn/PgUp", "翻页"), ("q", "退出")])
        case nil: return DashboardKeys.map.footerHints(in: [KeyContext(s.focus.context)])
        }
    }

    static func help(_ g: inout Grid, _ s: DashboardState) {
        let rows = DashboardKeys.map.active(in: [KeyContext(s.focus.context)]).map { b in
            Width.pad(b.keyNames, to: 14) + b.help
        }
        _ = Dialog(title: " 按键 ", body: rows, hints: [KeyHint(keys: "任意键", label: "关闭")], maxWidth: 70).draw(into: &g)
    }

    static func detail(_ g: inout Grid, _ title: String, _ lines: [String], _ scroll: Int) {
        let rect = Rect(x: 0, y: 1, width: g.width, height: g.height - 2)
        g.fill(rect)
        let inner = g.box(rect, title: " \(title) ", role: .borderFocused)
        var y = inner.y
        var wrapped: [String] = []
        for l in lines { wrapped += Wrap.lines(l, width: max(1, inner.width - 1)) }
        for l in wrapped.dropFirst(scroll) {
            guard y < inner.maxY else { break }
            _ = g.put(l, x: inner.x + 1, y: y, maxWidth: inner.width - 1)
            y += 1
        }
    }
}
