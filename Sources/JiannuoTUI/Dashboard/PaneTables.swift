import JiannuoCore

/// The table each pane shows, from the data and the pane's state. Columns are listed most
/// important first: on a narrow screen the table hides them from the right.
enum PaneTables {
    /// `export`: for a file rather than the screen (the deadlines then carry each record's id and limit).
    static func table(_ pane: Pane, _ data: DashboardData, _ ps: PaneState, focused: Bool, visible: Int, export: Bool = false) -> Table {
        let range = ps.offset..<(ps.offset + visible)
        var t: Table
        switch pane {
        case .commitments: t = commitments(data, range)
        case .complaints: t = complaints(data, range)
        case .deadlines: t = deadlines(data, ps, range, export: export)
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
        let l = d.lang
        let rows = range.compactMap { d.commitments.row($0) }.map { c -> TableRow in
            let left = d.today.days(until: c.deadline)
            let level = Alerts.level(due: c.deadline, today: d.today, unit: .calendar, nearing: d.rules.commitmentNearingDays,
                                     calendar: d.calendar, rules: d.rules)
            return TableRow([c.id, c.status.isOpen ? Alert.remaining(left, .calendar, l, compact: true) : "", d.name(c.department), c.counterparty,
                             c.deadline.string, c.status.label(l),
                             Bar.render(fraction: Double(c.progress) / 100, width: 5) + String(format: "%3d%%", c.progress),
                             c.amount.map { grouped($0.yuanString) } ?? "", c.made.string],
                            role: role(level))
        }
        // Columns after 进度 show only on wide screens (a narrow table hides columns from the right).
        return Table(columns: [
            TableColumn(l("编号", "ID"), minWidth: 12), TableColumn(l("剩余", "Left"), minWidth: 9),
            TableColumn(l("单位", "Unit"), minWidth: 6, preferredWidth: 12), TableColumn(l("对方", "Party"), minWidth: 8, flexible: true),
            TableColumn(l("兑现时限", "Deadline"), minWidth: 10), TableColumn(l("状态", "Status"), minWidth: l == .zh ? 6 : 11),
            TableColumn(l("进度", "Progress"), minWidth: 9),
            TableColumn(l("金额（元）", "Yuan"), minWidth: 10, alignment: .right), TableColumn(l("承诺日期", "Made"), minWidth: 10),
        ], rows: rows)
    }

    static func complaints(_ d: DashboardData, _ range: Range<Int>) -> Table {
        let l = d.lang
        let rows = range.compactMap { d.complaints.row($0) }.map { c -> TableRow in
            let due = c.currentDue ?? d.today
            let left = d.calendar.workdaysLeft(from: d.today, to: due)
            let level = Alerts.level(due: due, today: d.today, unit: .working, nearing: d.rules.complaintNearingWorkdays,
                                     calendar: d.calendar, rules: d.rules)
            return TableRow([c.id, c.currentDue == nil ? "" : Alert.remaining(left, .working, l, compact: true), c.stage.label(l), d.name(c.department),
                             c.channel.label(l), c.urgency.label(l), due.string,
                             c.complainant.map(Privacy.mask) ?? "", c.content],
                            role: role(level))
        }
        // The complainant (masked) and the content show only on wide screens.
        return Table(columns: [
            TableColumn(l("编号", "ID"), minWidth: 14), TableColumn(l("剩余", "Left"), minWidth: l == .zh ? 11 : 9),
            TableColumn(l("阶段", "Stage"), minWidth: l == .zh ? 6 : 9), TableColumn(l("单位", "Unit"), minWidth: 6, preferredWidth: 12),
            TableColumn(l("渠道", "Channel"), minWidth: l == .zh ? 9 : 13), TableColumn(l("紧急", "Urgency"), minWidth: l == .zh ? 4 : 8),
            TableColumn(l("当前时限", "Due"), minWidth: 10),
            TableColumn(l("投诉人", "From"), minWidth: 6), TableColumn(l("内容", "Content"), minWidth: 8, flexible: true),
        ], rows: rows)
    }

    static func deadlines(_ d: DashboardData, _ ps: PaneState, _ range: Range<Int>, export: Bool = false) -> Table {
        let l = d.lang
        let list = d.alerts(ps)
        let rows = range.filter { $0 < list.count }.map { i -> TableRow in
            let a = list[i]
            // A message the pane would cut gives way to the record's id and a few words: rows stay apart.
            return TableRow([a.level.label(l), Alert.remaining(a.daysLeft, a.dayUnit, l, compact: true), a.message(l),
                             a.department.isEmpty ? "" : d.name(a.department), a.kind.label(l)] + (export ? [a.record, a.due.string] : []),
                            role: role(a.level), short: export ? [:] : [2: a.brief(l)])
        }
        // The message names the record and the limit: on a narrow screen it is all that is needed. A file
        // carries them in columns of their own, for a spreadsheet to sort and match.
        return Table(columns: [
            TableColumn(l("级别", "Level"), minWidth: l == .zh ? 6 : 9), TableColumn(l("剩余", "Left"), minWidth: l == .zh ? 12 : 10),
            TableColumn(l("说明", "Detail"), minWidth: 12, flexible: true), TableColumn(l("单位", "Unit"), minWidth: 6),
            TableColumn(l("类型", "Kind"), minWidth: 8, preferredWidth: l == .zh ? 8 : 14),
        ] + (export ? [TableColumn(l("编号", "Record"), minWidth: 14), TableColumn(l("时限", "Limit"), minWidth: 10)] : []), rows: rows)
    }

    static func scores(_ d: DashboardData, _ ps: PaneState, _ range: Range<Int>) -> Table {
        let l = d.lang
        if let own = d.ownScore { return ownScore(own, l, range) }
        let list = d.scores(ps)
        let rows = range.filter { $0 < list.count }.map { i -> TableRow in
            let s = list[i]
            let change = s.change.map { $0 > 0 ? "↑\($0)" : ($0 < 0 ? "↓\(-$0)" : "—") } ?? l("新", "new")
            let role: Role? = s.score < 60 ? .bad : (s.score >= 90 ? .good : nil)
            return TableRow(["\(s.rank)", s.name, format(s.score), Bar.render(fraction: s.score / 100, width: 10), change], role: role)
        }
        return Table(columns: [
            TableColumn(l("名次", "Rank"), minWidth: 4, alignment: .right), TableColumn(l("单位", "Unit"), minWidth: 8, flexible: true),
            TableColumn(l("得分", "Score"), minWidth: 5, alignment: .right), TableColumn("", minWidth: 10),
            TableColumn(l("变化", "Change"), minWidth: l == .zh ? 4 : 6),
        ], rows: rows)
    }

    /// A liaison's own score: every line, the base first, each leading to its record.
    static func ownScore(_ own: OwnScore, _ l: Lang, _ range: Range<Int>) -> Table {
        let rows = range.filter { $0 < own.lines.count }.map { i -> TableRow in
            let x = own.lines[i]
            let role: Role? = x.points < 0 && x.dimension != nil ? .bad : nil
            return TableRow([format(x.points), x.dimension?.label(l) ?? l("基础分", "base"), x.record ?? "", x.note(l)], role: role)
        }
        return Table(columns: [
            TableColumn(l("分值", "Points"), minWidth: 5, alignment: .right), TableColumn(l("维度", "Dimension"), minWidth: l == .zh ? 8 : 10),
            TableColumn(l("记录", "Record"), minWidth: 14), TableColumn(l("说明", "Note"), minWidth: 8, flexible: true),
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
