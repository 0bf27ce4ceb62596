import JiannuoCore

/// The table each pane shows, from the data and the pane's state. Columns are listed most
/// important first: on a narrow screen the table hides them from the right.
enum PaneTables {
    static func table(_ pane: Pane, _ data: DashboardData, _ ps: PaneState, focused: Bool, visible: Int) -> Table {
        let range = ps.offset..<(ps.offset + visible)
        var t: Table
        switch pane {
        case .commitments: t = commitments(data, range)
        case .complaints: t = complaints(data, range)
        case .deadlines: t = deadlines(data, ps, range)
        case .scores: t = scores(data, ps, range)
        }
        t.selected = ps.selected - ps.offset
        t.focused = focused
        return t
    }

    static func role(_ level: Alert.Level?) -> Role? {
        switch level {
        case .escalate?: .levelEscalate
        case .overdue?: .levelOverdue
        case .dueToday?: .levelDueToday
        case .nearing?: .levelNearing
        case .info?: .levelInfo
        case nil: nil
        }
    }

    static func commitments(_ d: DashboardData, _ range: Range<Int>) -> Table {
        let rows = range.compactMap { d.commitments.row($0) }.map { c -> TableRow in
            let left = d.today.days(until: c.deadline)
            let level = Alerts.level(due: c.deadline, today: d.today, unit: .calendar, nearing: d.rules.commitmentNearingDays,
                                     calendar: d.calendar, rules: d.rules)
            return TableRow([c.id, c.status.isOpen ? Alert.remaining(left, .calendar, .zh, compact: true) : "", d.name(c.department), c.counterparty, c.deadline.string, c.status.label,
                             Bar.render(fraction: Double(c.progress) / 100, width: 5) + String(format: "%3d%%", c.progress),
                             c.amount.map { grouped($0.yuanString) } ?? "", c.made.string],
                            role: role(level))
        }
        // Columns after 进度 show only on wide screens (a narrow table hides columns from the right).
        return Table(columns: [
            TableColumn("编号", minWidth: 12), TableColumn("剩余", minWidth: 9),
            TableColumn("单位", minWidth: 6, preferredWidth: 12), TableColumn("对方", minWidth: 8, flexible: true),
            TableColumn("兑现时限", minWidth: 10), TableColumn("状态", minWidth: 6), TableColumn("进度", minWidth: 9),
            TableColumn("金额（元）", minWidth: 10, alignment: .right), TableColumn("承诺日期", minWidth: 10),
        ], rows: rows)
    }

    static func complaints(_ d: DashboardData, _ range: Range<Int>) -> Table {
        let rows = range.compactMap { d.complaints.row($0) }.map { c -> TableRow in
            let due = c.currentDue ?? d.today
            let left = d.calendar.workdaysLeft(from: d.today, to: due)
            let level = Alerts.level(due: due, today: d.today, unit: .working, nearing: d.rules.complaintNearingWorkdays,
                                     calendar: d.calendar, rules: d.rules)
            return TableRow([c.id, c.currentDue == nil ? "" : Alert.remaining(left, .working, .zh, compact: true), c.stage.label, d.name(c.department), c.channel.label, c.urgency.label, due.string,
                             c.complainant.map(Privacy.mask) ?? "", c.content],
                            role: role(level))
        }
        // The complainant (masked) and the content show only on wide screens.
        return Table(columns: [
            TableColumn("编号", minWidth: 14), TableColumn("剩余", minWidth: 11),
            TableColumn("阶段", minWidth: 6), TableColumn("单位", minWidth: 6, preferredWidth: 12),
            TableColumn("渠道", minWidth: 9), TableColumn("紧急", minWidth: 4), TableColumn("当前时限", minWidth: 10),
            TableColumn("投诉人", minWidth: 6), TableColumn("内容", minWidth: 8, flexible: true),
        ], rows: rows)
    }

    static func deadlines(_ d: DashboardData, _ ps: PaneState, _ range: Range<Int>) -> Table {
        let list = d.alerts(ps)
        let rows = range.filter { $0 < list.count }.map { i -> TableRow in
            let a = list[i]
            return TableRow([a.level.label, Alert.remaining(a.daysLeft, a.dayUnit, .zh, compact: true), a.message,
                             a.department.isEmpty ? "" : d.name(a.department), a.kind.label], role: role(a.level))
        }
        // The message names the record and the limit: on a narrow screen it is all that is needed.
        return Table(columns: [
            TableColumn("级别", minWidth: 6), TableColumn("剩余", minWidth: 12),
            TableColumn("说明", minWidth: 12, flexible: true), TableColumn("单位", minWidth: 6),
            TableColumn("类型", minWidth: 8, preferredWidth: 8),
        ], rows: rows)
    }

    static func scores(_ d: DashboardData, _ ps: PaneState, _ range: Range<Int>) -> Table {
        let list = d.scores(ps)
        let rows = range.filter { $0 < list.count }.map { i -> TableRow in
            let s = list[i]
            let change = s.change.map { $0 > 0 ? "↑\($0)" : ($0 < 0 ? "↓\(-$0)" : "—") } ?? "新"
            let role: Role? = s.score < 60 ? .bad : (s.score >= 90 ? .good : nil)
            return TableRow(["\(s.rank)", s.name, format(s.score), Bar.render(fraction: s.score / 100, width: 10), change], role: role)
        }
        return Table(columns: [
            TableColumn("名次", minWidth: 4, alignment: .right), TableColumn("单位", minWidth: 8, flexible: true),
            TableColumn("得分", minWidth: 5, alignment: .right), TableColumn("", minWidth: 10), TableColumn("变化", minWidth: 4),
        ], rows: rows)
    }

    /// "235624.00" → "235,624.00": amounts read at a glance.
    static func grouped(_ yuan: String) -> String {
        let parts = yuan.split(separator: ".", maxSplits: 1)
        var digits = Array(parts.first ?? "")
        let sign = digits.first == "-" ? "-" : ""
        if !sign.isEmpty { digits.removeFirst() }
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return sign + out + (parts.count > 1 ? "." + parts[1] : "")
    }

    static func format(_ v: Double) -> String { v == v.rounded() ? String(Int(v)) : String(format: "%.1f", v) }
}
