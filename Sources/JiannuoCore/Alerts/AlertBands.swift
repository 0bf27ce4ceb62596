/// The due days at each level today, for one kind of limit. A limit's level depends only on its due
/// day, and monotonically (the earlier, the more urgent), so the levels are consecutive ranges of
/// days: the Store can count open items by level and page them in urgency order from an index on
/// their due day, without reading the records (`Store.alertPage`).
public struct AlertBands: Sendable, Equatable {
    /// Due on or before this day: 须上报 (unless already reported).
    public var escalateThrough: Day
    /// After `escalateThrough` and before today: 已逾期; on today: 今日到期.
    public var today: Day
    /// After today and on or before this day: 临期. Later: no alert.
    public var nearingThrough: Day

    public init(today: Day, unit: Alert.DayUnit, nearing: Int, calendar: WorkCalendar, rules: DeadlineRules) {
        self.today = today
        // Lateness counts working days whatever the unit of the limit (see `Alerts.level`).
        var e = today.adding(days: -1)
        while calendar.workdays(from: e.adding(days: 1), to: today) < rules.escalateOverdueWorkdays,
              e.ordinal > today.ordinal - 5_000 { e = e.adding(days: -1) }
        escalateThrough = e
        switch unit {
        case .calendar:
            nearingThrough = today.adding(days: max(0, nearing))
        case .working:
            // The last day still within `nearing` working days: a weekend after it counts no more.
            var n = today
            while calendar.workdaysLeft(from: today, to: n.adding(days: 1)) <= nearing,
                  n.ordinal < today.ordinal + 5_000 { n = n.adding(days: 1) }
            nearingThrough = n
        }
    }

    /// The level of a limit due on `due`, before any report to the leadership (nil: no alert).
    public func level(_ due: Day) -> Alert.Level? {
        if due <= escalateThrough { return .escalate }
        if due < today { return .overdue }
        if due == today { return .dueToday }
        return due <= nearingThrough ? .nearing : nil
    }
}

extension Alerts {
    /// The bands of each kind of limit that the Store pages by due day.
    public struct Limits: Sendable {
        public var commitments: AlertBands
        public var complaints: AlertBands
        public var rectifications: AlertBands
        public var arrears: AlertBands

        public init(today: Day, calendar: WorkCalendar, rules: DeadlineRules) {
            commitments = AlertBands(today: today, unit: .calendar, nearing: rules.commitmentNearingDays, calendar: calendar, rules: rules)
            complaints = AlertBands(today: today, unit: .working, nearing: rules.complaintNearingWorkdays, calendar: calendar, rules: rules)
            rectifications = AlertBands(today: today, unit: .working, nearing: rules.rectificationNearingWorkdays, calendar: calendar, rules: rules)
            arrears = AlertBands(today: today, unit: .calendar, nearing: rules.arrearsNearingDays, calendar: calendar, rules: rules)
        }
    }
}
