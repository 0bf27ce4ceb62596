import JiannuoCore
import JiannuoStore

/// The list panes' windows: small reads around what is shown, applied as `DashboardLoad`s.
extension DashboardApp {
    /// Reads a list pane's window again when the rows on screen are not all held.
    func loadWindow(_ p: Pane) throws {
        switch p {
        case .commitments, .complaints:
            let need = state[p].offset..<(state[p].offset + DashboardLayout(state.size).visibleRows(p))
            let held = p == .commitments ? data.commitments.covers(need) : data.complaints.covers(need)
            if !held, let w = try readWindow(p) { DashboardUpdate.loaded(.window(w), &state, &data) }
        case .deadlines:
            // Only the head of the list is held: read more of it, or all of it to filter or reorder.
            let need = state[p].offset + DashboardLayout(state.size).visibleRows(p)
            if !data.alertsComplete && (!plain(p) || need > data.alerts.count) {
                let limit = alertsNeeded()
                if limit == nil, let lane = alertLane {
                    if !readingAllAlerts { startAllAlerts(lane) }
                    // Read off the keyboard: meanwhile the pane shows, in range, the rows it holds.
                    DashboardUpdate.clamp(&state, data: data)
                } else {
                    let page = try DashboardLoad.readAlerts(store, day: data.today, limit: limit)
                    DashboardUpdate.loaded(.alerts(data.today, page, sequence: nextAlertRead()), &state, &data)
                }
            }
            if !plain(p) { data.keepShownAlerts(state[p]) }
        case .scores: break
        }
    }

    /// Reads the panes anew (a reload, a new filter or order) whatever they hold, and keeps every
    /// selection in range.
    func reread(_ panes: [Pane]) throws {
        let windows = try panes.compactMap { try readWindow($0) }
        if panes.contains(.deadlines) { try loadWindow(.deadlines) }
        DashboardUpdate.loaded(.reread(windows), &state, &data)
    }

    /// A list pane's window: the rows shown with a screen either side (nil for the panes held whole).
    func readWindow(_ p: Pane) throws -> ListWindow? {
        let visible = DashboardLayout(state.size).visibleRows(p)
        let start = max(0, state[p].offset - visible), limit = visible * 3
        switch p {
        case .commitments: return .commitments(try store.openCommitments(query(p), offset: start, limit: limit))
        case .complaints: return .complaints(try store.openComplaints(query(p), offset: start, limit: limit))
        case .deadlines, .scores: return nil
        }
    }

    func ensureWindows() throws {
        try loadWindow(.commitments)
        try loadWindow(.complaints)
        try loadWindow(.deadlines)
    }

    /// How many of the most urgent alerts the deadlines pane needs in its own order (three screens
    /// past what it shows), or nil when it needs all: filtered, reordered, or paged far down.
    func alertsNeeded() -> Int? {
        let visible = DashboardLayout(state.size).visibleRows(.deadlines)
        let end = state[.deadlines].offset + visible * 3
        return plain(.deadlines) && end <= 2_000 ? max(end, alertsAtLeast) : nil
    }

    /// The ledger's query for a pane: its typed filter, its conditions and its order.
    func query(_ p: Pane) -> PaneQuery {
        var q = state[p].query
        q.search = state[p].filter.isEmpty ? nil : state[p].filter
        q.order = p.storeOrder(state[p].sort.column)
        q.descending = state[p].sort.descending
        return q
    }

    func plain(_ p: Pane) -> Bool { state[p].isPlain }
}
