import Foundation
import JiannuoCore
import JiannuoStore

/// Runs the dashboard: reads the Store, applies keys through the pure update, draws frames, and
/// notices writes by other processes (PRAGMA data_version) and midnight.
public final class DashboardApp {
    let openStore: () throws -> Store
    let today: () -> Day
    public internal(set) var store: Store
    public internal(set) var state: DashboardState
    public internal(set) var data: DashboardData
    var version: Int
    /// The open form changed since its draft was last written.
    var draftDirty = false
    /// A headless render writes nothing, drafts included.
    public var keepsDrafts = true
    var draftSavedAt = Date.distantPast
    static let draftKind = "complaint"

    /// Read at every action, so that a step is dated when the officer takes it.
    let clock: Clock

    /// `openStore` is called again after another process wrote, so that calendar changes are seen too.
    public init(size: Size, clock: Clock, openStore: @escaping () throws -> Store) throws {
        self.openStore = openStore
        self.clock = clock
        self.today = { clock.today }
        store = try openStore()
        state = DashboardState(size: size)
        let day = today()
        data = DashboardData(today: day, operatorName: store.operatorName, database: store.path, readOnly: store.readOnly,
                             calendar: store.calendar)
        version = try store.dataVersion()
    }

    // MARK: reading

    /// The header, the alerts and the two lists: what the first paint needs.
    public func loadFirstPaint() throws {
        let day = today()
        var d = DashboardData(today: day, operatorName: store.operatorName, database: store.path, readOnly: store.readOnly,
                              calendar: store.calendar)
        d.rules = store.rules.deadlines
        d.names = try store.departmentNames()
        d.alerts = try store.alerts(today: day)
        d.scores = day == data.today ? data.scores : nil
        data = d
        try loadWindow(.commitments, force: true)
        try loadWindow(.complaints, force: true)
        DashboardUpdate.clamp(&state, data: data)
        try ensureWindows()
    }

    /// The ranking of the current quarter, with the change against the previous one.
    public func loadScores() throws {
        let p = Period.currentQuarter(data.today)
        data.period = p
        data.scores = try store.ranking(period: p, today: data.today).map { r in
            ScoreEntry(department: r.score.department, name: data.name(r.score.department), score: r.score.score, rank: r.rank,
                       change: r.change)
        }
        DashboardUpdate.clamp(&state, data: data)
    }

    public func loadAll() throws {
        try loadFirstPaint()
        try loadScores()
    }

    /// Reads a list pane's window again when the rows on screen are not all held.
    func loadWindow(_ p: Pane, force: Bool = false) throws {
        let visible = DashboardLayout(state.size).visibleRows(p)
        let ps = state[p]
        let need = ps.offset..<(ps.offset + visible)
        let start = max(0, ps.offset - visible)
        let limit = visible * 3
        let filter = ps.filter.isEmpty ? nil : ps.filter
        switch p {
        case .commitments:
            if force || !data.commitments.covers(need) {
                data.commitments = try store.openCommitments(search: filter, offset: start, limit: limit)
            }
        case .complaints:
            if force || !data.complaints.covers(need) {
                data.complaints = try store.openComplaints(search: filter, offset: start, limit: limit)
            }
        default: break
        }
    }

    func ensureWindows() throws {
        try loadWindow(.commitments)
        try loadWindow(.complaints)
    }

    // MARK: input

    /// Applies one key; returns false when the dashboard should quit.
    @discardableResult
    public func handle(_ key: KeyEvent) throws -> Bool {
        state.message = nil
        if key == .resize { return true }
        if case .draftOffer(_, let json)? = state.overlay {
            switch key {
            case .enter:
                state.overlay = nil
                state.form = IntakeForm(draftJSON: json, now: now())
                state.message = state.form == nil ? "草稿无法读取，已丢弃" : "已恢复草稿"
            case .escape:
                state.overlay = nil
                try? store.deleteDraft(kind: Self.draftKind)
                state.message = "已丢弃草稿"
            default: break
            }
            return !state.quit
        }
        if state.form != nil { try handleForm(key); return !state.quit }
        if var search = state.search {
            switch search.handle(key) {
            case .none: state.search = search
            case .close: state.search = nil
            case .run:
                search.results = try store.search(search.query.text)
                search.searched = search.query.text
                search.selected = 0
                state.search = search
            case .open(let hit):
                state.search = nil
                if hit.kind == .department {
                    state.overlay = .department(try departmentDrill(hit.id))
                } else {
                    state.returnTo = nil
                    try openRecord(hit.id)
                }
            }
            return !state.quit
        }
        if state.action != nil { try handleAction(key); try ensureWindows(); return !state.quit }
        if case .detail? = state.overlay, let id = state.detailRecord {
            switch DashboardKeys.map.action(for: key, in: [DashboardKeys.context(ofRecord: id)]) {
            case .step(let step)?: try openStep(onRecord: id, step); return !state.quit
            case .reveal?: try reveal(id); return !state.quit
            default: break
            }
        }
        let effects: [DashboardEffect]
        if state.filtering {
            effects = DashboardUpdate.filterKey(key, to: &state)
        } else {
            let contexts: [KeyContext] = state.overlay == nil ? [KeyContext(state.focus.context)] : ["overlay"]
            guard let action = DashboardKeys.map.action(for: key, in: contexts) else {
                if state.overlay == .help { state.overlay = nil }
                return !state.quit
            }
            effects = DashboardUpdate.apply(action, to: &state, data: data)
        }
        for e in effects { try run(e) }
        try ensureWindows()
        return !state.quit
    }

    func run(_ effect: DashboardEffect) throws {
        switch effect {
        case .reload:
            try reload()
        case .openIntake:
            state.form = IntakeForm(now: now())
        case .openStep(let p, let i, let step):
            try openStep(p, i, step)
        case .drill(let p, let i):
            try drill(p, i)
        case .openRecord(let id):
            try openRecord(id)
        case .reveal(let p, let i):
            guard let id = recordId(p, i) else { return }
            try reveal(id)
        case .refilter(let p):
            try loadWindow(p, force: true)
            DashboardUpdate.clamp(&state, data: data)
        case .openDetail(let p, let i):
            guard let id = recordId(p, i) else { return }
            do {
                let (title, lines) = try RecordDetail.lines(for: id, store: store, today: data.today)
                state.overlay = .detail(title: title, lines: lines, scroll: 0)
                state.detailRecord = id
            } catch let e as JiannuoError {
                state.message = e.text.zh
            }
        }
    }

    /// The form's keys; Ctrl-S validates and saves in one transaction, then shows the new complaint.
    func handleForm(_ key: KeyEvent) throws {
        guard var form = state.form else { return }
        let before = form
        switch form.handle(key) {
        case .none, .confirmCancel:
            if form.focus == .commitment { form.commitmentHints = try commitmentHints(form) }
            state.form = form
            if form != before { draftDirty = true }
            // Moving to another field writes the draft at once; typing within a field, every few seconds.
            if form.focus != before.focus { saveDraftIfNeeded(force: true) }
        case .cancel:
            state.form = nil
            discardDraft()
        case .save:
            guard let draft = form.validated(names: data.names, calendar: store.calendar, rules: store.rules.deadlines, clock: clock) else {
                state.form = form
                state.message = "有 \(form.errors.count) 项需要修改"
                return
            }
            do {
                let saved = try store.addComplaint(draft)
                state.form = nil
                discardDraft()
                try reload()
                state.focus = .complaints
                state[.complaints].filter = ""
                try loadWindow(.complaints, force: true)
                if let position = try store.openComplaintPosition(saved.id) {
                    DashboardUpdate.select(&state, .complaints, position, data: data)
                    try ensureWindows()
                }
                state.message = "已登记 \(saved.id)，须于 \(saved.acceptDue) 前受理"
            } catch let e as JiannuoError {
                form.errors[.content] = e.text.zh
                state.form = form
                // The footer is one line: a database refusal is said short (the form shows it in full).
                state.message = "未保存：" + (e.kind == .database ? "数据库只读或不可用，不能写入" : e.text.zh)
            }
        }
    }

    /// The matched department's open commitments whose id or counterparty contains what is typed.
    func commitmentHints(_ form: IntakeForm) throws -> [String] {
        let matches = form.departmentMatches(data.names)
        guard matches.count == 1 else { return ["（先确定承办单位）"] }
        let typed = form.text(.commitment).trimmingCharacters(in: .whitespaces)
        let open = try store.commitments(ListFilter(department: matches[0].code, status: "open"))
        return open.filter { typed.isEmpty || $0.id.contains(typed) || $0.counterparty.contains(typed) }
            .prefix(3).map { "\($0.id) \($0.counterparty)" }
    }

    /// Writes the open form's draft if it changed (at once with `force`, else at most every 2 s).
    /// A draft that cannot be written (read-only database) is not worth stopping the officer for.
    public func saveDraftIfNeeded(force: Bool = false) {
        guard keepsDrafts, draftDirty, let form = state.form else { return }
        guard force || Date().timeIntervalSince(draftSavedAt) >= 2 else { return }
        if (try? store.saveDraft(kind: Self.draftKind, data: form.draftJSON)) != nil {
            draftDirty = false
            draftSavedAt = Date()
        }
    }

    func discardDraft() {
        draftDirty = false
        try? store.deleteDraft(kind: Self.draftKind)
    }

    /// A draft left by an earlier run is offered before anything else.
    public func offerDraft() throws {
        if let d = try store.draft(kind: Self.draftKind) {
            state.overlay = .draftOffer(savedAt: String(d.savedAt.prefix(16)), json: d.data)
        }
    }

    /// Shows a complaint's detail with the contact unmasked; the audit log records who looked.
    func reveal(_ id: String) throws {
        guard id.hasPrefix("TS") else { return }
        do {
            try store.recordReveal(entity: "complaint", id: id, field: "contact")
        } catch let e as JiannuoError {
            state.message = "无法记录查看（\(e.text.zh)），联系方式不显示"
            return
        }
        let (title, lines) = try RecordDetail.lines(for: id, store: store, today: data.today, reveal: true)
        state.overlay = .detail(title: title, lines: lines, scroll: 0)
        state.detailRecord = id
        state.message = "已显示联系方式，并记入审计日志"
    }

    /// Now, on the dashboard's day: the form's default time of receipt.
    func now() -> DateTime { clock.now }

    func recordId(_ p: Pane, _ i: Int) -> String? {
        switch p {
        case .commitments: data.commitments.row(i)?.id
        case .complaints: data.complaints.row(i)?.id
        case .deadlines: data.alerts(matching: state[p].filter).dropFirst(i).first.map { $0.kind == .calendar ? nil : $0.record } ?? nil
        case .scores: data.scores(matching: state[p].filter).dropFirst(i).first?.department
        }
    }

    public func resize(_ size: Size) throws {
        state.size = size
        DashboardUpdate.clamp(&state, data: data)
        try ensureWindows()
    }

    /// Everything again, from a fresh connection (the calendar may have changed too).
    public func reload() throws {
        store = try openStore()
        version = try store.dataVersion()
        try loadAll()
    }

    /// True when another process wrote since the last look, or the day changed.
    public func needsReload() throws -> Bool {
        if today() != data.today { return true }
        let v = try store.dataVersion()
        return v != version
    }

    public func frame() -> Grid { DashboardView.render(state, data) }

    // MARK: the loop

    /// Draws, waits up to 200 ms for a key, and reloads when the database or the day changed.
    public func run(on backend: Backend) throws {
        try resize(backend.size)
        try loadFirstPaint()
        try offerDraft()
        backend.draw(frame())
        try loadScores()
        backend.draw(frame())
        while !backend.interruptRequested && !state.quit {
            saveDraftIfNeeded()
            if let key = backend.readKey(timeoutMs: 200) {
                if key == .resize { try resize(backend.size) }
                try handle(key)
                if state.quit { break }
                backend.draw(frame())
            } else if try needsReload() {
                // Lists and alerts first, so that a write shows at once; the ranking follows.
                store = try openStore()
                version = try store.dataVersion()
                try loadFirstPaint()
                backend.draw(frame())
                try loadScores()
                backend.draw(frame())
            }
        }
        // Quitting by a signal with a form open keeps what was typed for the next start.
        saveDraftIfNeeded(force: true)
    }
}
