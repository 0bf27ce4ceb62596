import Foundation
import JiannuoCore
import JiannuoStore

/// Runs the dashboard: reads the Store, applies keys through the pure update, draws frames, and
/// notices writes by other processes (PRAGMA data_version) and midnight.
public final class DashboardApp {
    let openStore: () throws -> any Ledger
    let today: () -> Day
    public internal(set) var store: any Ledger
    public internal(set) var state: DashboardState
    public internal(set) var data: DashboardData
    var version: Int
    /// The calendar-and-rules generation the open store was read with, and how many stores were opened.
    var generation: Int
    public internal(set) var storesOpened = 1
    /// The open form changed since its draft was last written.
    var draftDirty = false
    /// A headless render writes nothing: no drafts, no exports (its Store refuses ledger writes).
    public var writesFiles = true
    var draftSavedAt = Date.distantPast
    static let draftKind = "complaint"

    /// Read at every action, so that a step is dated when the officer takes it.
    let clock: Clock

    /// The ranking on screen was read before the last write or day: read it again once the one being
    /// computed is done.
    var rankingStale = false

    /// Set by the live loop: reading every alert (to filter, reorder or reach the end of the deadlines
    /// pane) then runs in this lane off the keyboard, and the pane shows what it holds meanwhile.
    /// Headless renders and tests read at once.
    var alertLane: LoadMailbox?
    /// Every alert is being read in `alertLane`.
    var readingAllAlerts = false
    /// Numbers the reads of alerts in the order they began.
    var alertReads = 0
    func nextAlertRead() -> Int { alertReads += 1; return alertReads }

    /// What the loop does, one line per event (reloads, drafts saved): `JIANNUO_TRACE=FILE` writes it,
    /// so that a test or an officer can see why a dashboard reloaded.
    public var trace: (String) -> Void = { _ in }

    /// `openStore` is called again when another process changed the calendar or the rules.
    /// `lang` is the language of every word the dashboard shows (the data is shown as stored).
    public init(size: Size, clock: Clock, lang: Lang = .zh, openStore: @escaping () throws -> any Ledger) throws {
        self.openStore = openStore
        self.clock = clock
        self.today = { clock.today }
        store = try openStore()
        state = DashboardState(size: size)
        let day = today()
        data = DashboardData(today: day, operatorName: store.operatorName, database: store.name, readOnly: store.readOnly,
                             calendar: store.calendar)
        data.lang = lang
        version = try store.dataVersion()
        generation = try store.configGeneration()
    }

    // MARK: reading

    /// The header, the alerts and the two lists: what the first paint needs (read here, at once).
    public func loadFirstPaint() throws {
        var first = try DashboardLoad.readFirstPaint(store, day: today(), alerts: alertsNeeded())
        first.sequence = nextAlertRead()
        DashboardUpdate.loaded(.firstPaint(first), &state, &data)
        try reloadWindows()
    }

    /// The ranking of the current quarter, with the change against the previous one (read here, at once).
    public func loadScores() throws {
        DashboardUpdate.loaded(try DashboardLoad.readScores(store, day: data.today, names: data.names), &state, &data)
    }

    /// The two list windows around what is shown: small reads, done at once.
    func reloadWindows() throws {
        try loadWindow(.commitments, force: true)
        try loadWindow(.complaints, force: true)
        DashboardUpdate.clamp(&state, data: data)
        try ensureWindows()
    }

    /// Another process wrote: the header, the alerts and the names are read on another thread while
    /// keys are handled and frames drawn here; the result comes back through `mailbox` as a message.
    func startFirstPaint(_ mailbox: LoadMailbox) {
        let store = self.store, day = today(), limit = alertsNeeded(), sequence = nextAlertRead()
        mailbox.run { post in
            var first = try DashboardLoad.readFirstPaint(store, day: day, alerts: limit)
            first.sequence = sequence
            post(.firstPaint(first))
        }
    }

    /// Every alert, for a filtered, reordered or far-paged deadlines pane (about a second at province scale).
    func startAllAlerts(_ mailbox: LoadMailbox) {
        let store = self.store, day = data.today, sequence = nextAlertRead()
        readingAllAlerts = true
        mailbox.run { post in post(.allAlerts(day, try DashboardLoad.readAlerts(store, day: day, limit: nil), sequence: sequence)) }
    }

    func startScores(_ mailbox: LoadMailbox) {
        let store = self.store, day = today(), names = data.names
        mailbox.run { post in post(try DashboardLoad.readScores(store, day: day, names: names)) }
    }

    /// Applies what background loads finished; true when anything changed.
    func applyLoads(_ mailbox: LoadMailbox) throws -> Bool {
        let loads = mailbox.drain()
        // A province's ranking decodes some 100 MB that is garbage once applied: give it back.
        defer { if !loads.isEmpty { GlibcMemory.trim() } }
        for load in loads {
            let day = data.today
            DashboardUpdate.loaded(load, &state, &data)
            if case .allAlerts = load {
                readingAllAlerts = false
                try ensureWindows()
            }
            if case .firstPaint = load {
                try reloadWindows()
                // A new day dropped the old day's ranking: read it for the new one.
                if data.today != day { rankingStale = true }
            }
        }
        // A read of every alert that failed said so; the next key that needs them starts another.
        if readingAllAlerts, mailbox === alertLane, !mailbox.isLoading { readingAllAlerts = false }
        return !loads.isEmpty
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
        switch p {
        case .commitments:
            if force || !data.commitments.covers(need) {
                data.commitments = try store.openCommitments(query(p), offset: start, limit: limit)
            }
        case .complaints:
            if force || !data.complaints.covers(need) {
                data.complaints = try store.openComplaints(query(p), offset: start, limit: limit)
            }
        case .deadlines:
            // Only the head of the list is held: read more of it, or all of it to filter or reorder.
            if !data.alertsComplete && (!plain(p) || need.upperBound > data.alerts.count) {
                let limit = alertsNeeded()
                if limit == nil, let lane = alertLane {
                    if !readingAllAlerts { startAllAlerts(lane) }
                } else {
                    data.setAlerts(try DashboardLoad.readAlerts(store, day: data.today, limit: limit))
                    data.alertsRead = nextAlertRead()
                }
                DashboardUpdate.clamp(&state, data: data)
            }
            if !plain(p) { data.keepShownAlerts(state[p]) }
        case .scores: break
        }
    }

    /// Reading a hundred alerts costs no more than fifteen; tests lower it to page a small ledger.
    var alertsAtLeast = 100

    /// How many of the most urgent alerts the deadlines pane needs in its own order (three screens
    /// past what it shows), or nil when it needs all: filtered, reordered, or paged far down.
    func alertsNeeded() -> Int? {
        let visible = DashboardLayout(state.size).visibleRows(.deadlines)
        let end = state[.deadlines].offset + visible * 3
        return plain(.deadlines) && end <= 2_000 ? max(end, alertsAtLeast) : nil
    }

    /// The Store's query for a pane: its typed filter, its conditions and its order.
    func query(_ p: Pane) -> PaneQuery {
        var q = state[p].query
        q.search = state[p].filter.isEmpty ? nil : state[p].filter
        q.order = p.storeOrder(state[p].sort.column)
        q.descending = state[p].sort.descending
        return q
    }

    /// Writes the pane as shown (every row its filters let through, in its order) to a CSV file in the
    /// exports folder beside the database, and says where.
    func export(_ p: Pane) throws {
        var all = data
        let total: Int
        switch p {
        case .commitments:
            all.commitments = try store.openCommitments(query(p), offset: 0, limit: max(1, data.commitments.total))
            total = all.commitments.rows.count
        case .complaints:
            all.complaints = try store.openComplaints(query(p), offset: 0, limit: max(1, data.complaints.total))
            total = all.complaints.rows.count
        case .deadlines:
            if !all.alertsComplete { all.alerts = try store.alerts(today: data.today) }
            total = all.total(p, state[p])
        case .scores:
            total = data.total(p, state[p])
        }
        var ps = state[p]
        ps.offset = 0
        let table = PaneTables.table(p, all, ps, focused: false, visible: total)
        guard writesFiles else {
            state.message = data.lang("render 不写文件：导出请在看板中进行", "render writes no files: export from the dashboard")
            return
        }
        let dir = store.exportDirectory
        let file = dir.appendingPathComponent(PaneExport.fileName(p, today: data.today, minute: clock.now.minute))
        do {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            try Data(PaneExport.csv(table).utf8).write(to: file)
            state.message = data.lang("已导出 \(total) 行：\(file.path)", "Exported \(total) row\(total == 1 ? "" : "s"): \(file.path)")
        } catch {
            state.message = data.lang("导出失败：无法写入 \(dir.path)", "Export failed: cannot write to \(dir.path)")
        }
    }

    func ensureWindows() throws {
        try loadWindow(.commitments)
        try loadWindow(.complaints)
        try loadWindow(.deadlines)
    }

    // MARK: input

    /// Applies one key through the pure update, then runs the reads and writes it asked for;
    /// returns false when the dashboard should quit.
    @discardableResult
    public func handle(_ key: KeyEvent) throws -> Bool {
        let formBefore = state.form
        let effects = DashboardUpdate.key(key, to: &state, data: data)
        for e in effects { try run(e) }
        noteDraftChange(from: formBefore)
        try ensureWindows()
        return !state.quit
    }

    /// The reads and writes the update asked for; their results go back through `DashboardUpdate`.
    func run(_ effect: DashboardEffect) throws {
        switch effect {
        case .reload:
            try reload()
        case .refilter(let p):
            try loadWindow(p, force: true)
            DashboardUpdate.clamp(&state, data: data)
        case .openRecord(let id):
            do {
                DashboardUpdate.show(.record(try RecordDetail.content(for: id, store: store, today: data.today, lang: data.lang)), &state)
            } catch let e as JiannuoError {
                state.message = e.text(data.lang)
            }
        case .openDrill(let code):
            do {
                DashboardUpdate.show(.department(try departmentDrill(code)), &state)
            } catch let e as JiannuoError {
                state.message = e.text(data.lang)
            }
        case .reveal(let id):
            try reveal(id)
        case .openStep(let step, let target):
            DashboardUpdate.stepOpened(try stepOpening(step, target), &state)
        case .performStep(let form):
            try perform(form)
        case .openIntake:
            state.form = IntakeForm(now: now())
        case .saveIntake(let form):
            try save(form)
        case .commitmentHints:
            if var form = state.form {
                form.commitmentHints = try commitmentHints(form)
                state.form = form
            }
        case .restoreDraft(let json):
            state.form = IntakeForm(draftJSON: json, now: now())
            state.message = state.form == nil ? data.lang("草稿无法读取，已丢弃", "The draft could not be read and was discarded")
                : data.lang("已恢复草稿", "Draft restored")
            if state.form == nil { discardDraft() }
        case .discardDraft:
            discardDraft()
        case .runSearch(let query):
            DashboardUpdate.searched(query, try store.search(query, lang: data.lang), &state)
        case .export(let p):
            try export(p)
        }
    }

    /// Marks the draft as changed when the form changed; moving to another field writes it at once,
    /// typing within a field every few seconds.
    func noteDraftChange(from before: IntakeForm?) {
        guard let form = state.form, let before else { return }
        if form != before { draftDirty = true }
        if form.focus != before.focus { saveDraftIfNeeded(force: true) }
    }

    /// Ctrl-S on the intake form: checks every field, saves in one transaction, then shows the new complaint.
    func save(_ submitted: IntakeForm) throws {
        var form = submitted
        let l = data.lang
        guard let draft = form.validated(names: data.names, calendar: store.calendar, rules: store.rules.deadlines, clock: clock, lang: l) else {
            state.form = form
            state.message = l("有 \(form.errors.count) 项需要修改", form.errors.count == 1 ? "1 field needs fixing" : "\(form.errors.count) fields need fixing")
            return
        }
        do {
            let saved = try store.addComplaint(draft)
            state.form = nil
            discardDraft()
            try reload()
            state.stack.removeAll()
            state.focus = .complaints
            // The new complaint is shown where the default list puts it.
            state[.complaints] = PaneState()
            try loadWindow(.complaints, force: true)
            if let position = try store.openComplaintPosition(saved.id) {
                DashboardUpdate.select(&state, .complaints, position, data: data)
                try ensureWindows()
            }
            state.message = l("已登记 \(saved.id)，须于 \(saved.acceptDue) 前受理", "Registered \(saved.id): accept by \(saved.acceptDue)")
        } catch let e as JiannuoError {
            form.errors[.content] = e.text(l)
            state.form = form
            // The footer is one line: a database refusal is said short (the form shows it in full).
            state.message = l("未保存：", "Not saved: ")
                + (e.kind == .database ? l("数据库只读或不可用，不能写入", "the database is read-only or unavailable") : e.text(l))
        }
    }

    /// The matched department's open commitments whose id or counterparty contains what is typed;
    /// all of them once a suggestion was taken, so Ctrl-N can go on to the next.
    func commitmentHints(_ form: IntakeForm) throws -> [IntakeForm.CommitmentHint] {
        let matches = form.departmentMatches(data.names)
        guard matches.count == 1 else { return [] }
        let typed = form.text(.commitment).trimmingCharacters(in: .whitespaces)
        let open = try store.commitments(ListFilter(department: matches[0].code, status: "open"))
        let taken = form.commitmentHints.contains { $0.id == typed }
        return open.filter { taken || typed.isEmpty || $0.id.contains(typed) || $0.counterparty.contains(typed) }
            .prefix(taken ? 9 : 3).map { IntakeForm.CommitmentHint(id: $0.id, counterparty: $0.counterparty) }
    }

    /// Writes the open form's draft if it changed (at once with `force`, else at most every 2 s).
    /// A draft that cannot be written (read-only database) is not worth stopping the officer for.
    public func saveDraftIfNeeded(force: Bool = false) {
        guard writesFiles, draftDirty, let form = state.form else { return }
        guard force || Date().timeIntervalSince(draftSavedAt) >= 2 else { return }
        do {
            try store.saveDraft(kind: Self.draftKind, data: form.draftJSON)
            trace("draft saved")
            draftDirty = false
        } catch {
            // Typing goes on; the officer is told that a kill now would lose it, and it is tried again later.
            let why = (error as? JiannuoError)?.text(data.lang) ?? "\(error)"
            trace("draft not saved: \(why)")
            state.message = data.lang("草稿未能保存：\(why)", "The draft could not be saved: \(why)")
        }
        draftSavedAt = Date()
    }

    func discardDraft() {
        draftDirty = false
        // A headless render writes nothing, a discarded draft included (as it saves none).
        guard writesFiles else { return }
        try? store.deleteDraft(kind: Self.draftKind)
    }

    /// A draft left by an earlier run is offered before anything else.
    public func offerDraft() throws {
        if let d = try store.draft(kind: Self.draftKind) {
            let l = data.lang, at = String(d.savedAt.prefix(16))
            state.prompt = Prompt(.restoreDraft(json: d.data), title: l(" 未保存的草稿 ", " Unsaved draft "),
                                  body: [l("发现 \(at) 未保存的投诉登记草稿：恢复并继续填写，还是丢弃？",
                                           "An unsaved complaint draft from \(at) was found: restore it and go on, or discard it?")],
                                  yes: l("恢复", "restore"), no: l("丢弃", "discard"))
        }
    }

    /// Shows a complaint's detail with the contact unmasked; the audit log records who looked.
    func reveal(_ id: String) throws {
        guard RecordKind(id) == .complaint else { return }
        do {
            try store.recordReveal(entity: "complaint", id: id, field: "contact")
        } catch let e as JiannuoError {
            state.message = data.lang("无法记录查看（\(e.text.zh)），联系方式不显示", "Could not record the look (\(e.text.en)): the contact stays hidden")
            return
        }
        let content = try RecordDetail.content(for: id, store: store, today: data.today, reveal: true, lang: data.lang)
        if state.record?.id == id { DashboardUpdate.refresh(content, &state) } else { DashboardUpdate.show(.record(content), &state) }
        state.message = data.lang("已显示联系方式，并记入审计日志", "Contact shown and recorded in the audit log")
    }

    /// Now, on the dashboard's day: the form's default time of receipt.
    func now() -> DateTime { clock.now }

    public func resize(_ size: Size) throws {
        state.size = size
        DashboardUpdate.clamp(&state, data: data)
        try ensureWindows()
    }

    /// Everything again; the store is reopened only when the calendar or the rules changed.
    public func reload() throws {
        try reopenIfConfigChanged()
        version = try store.dataVersion()
        try loadAll()
    }

    /// A Store keeps the calendar and the rules it read at open: another process's ordinary write
    /// needs no new one (opening costs more than the reads it saves), a calendar or rules change does.
    func reopenIfConfigChanged() throws {
        let g = try store.configGeneration()
        guard g != generation else { return }
        store = try openStore()
        storesOpened += 1
        generation = try store.configGeneration()
    }

    /// True when another process wrote since the last look, or the day changed.
    public func needsReload() throws -> Bool {
        if today() != data.today { return true }
        let v = try store.dataVersion()
        return v != version
    }

    public func frame() -> Grid { DashboardView.render(state, data) }

    // MARK: the loop

    /// Draws, waits for a key and reloads when the database or the day changed. On SQLite the wait is
    /// 50 ms (another process's write is on screen within about 100 ms); on PostgreSQL the wait also
    /// ends when the server announces a write (LISTEN/NOTIFY), and otherwise lasts a second.
    public func run(on backend: Backend) throws {
        try resize(backend.size)
        try loadFirstPaint()
        try offerDraft()
        backend.draw(frame())
        // Two lanes: the header, alerts and lists (fast) and the ranking (the slowest read). A write by
        // another process is on screen as soon as the fast lane has read it, even while a ranking from
        // an earlier write is still being computed; that one is then computed once more.
        let frames = LoadMailbox(), ranking = LoadMailbox()
        alertLane = frames
        // Loads run on worker threads; one malloc arena per thread would keep each load's peak for good.
        GlibcMemory.oneArena()
        // The first frame does not wait for the ranking.
        startScores(ranking)
        while !backend.interruptRequested && !state.quit {
            saveDraftIfNeeded()
            // While a load runs, look for its result often; keys are handled meanwhile either way.
            let loading = frames.isLoading || ranking.isLoading
            // A database that announces its writes is waited on beside the keyboard; otherwise a short tick.
            // An announcement a load's query already took off the socket waits in the client: look first.
            let announcer = store.changeDescriptor
            let announced = try announcer != nil && !loading && needsReload()
            if !announced, let key = backend.readKey(timeoutMs: loading ? 20 : announcer == nil ? 50 : 1000, wakingOn: loading ? nil : announcer) {
                if key == .resize { try resize(backend.size) }
                try handle(key)
                if state.quit { break }
                _ = try applyLoads(frames)
                _ = try applyLoads(ranking)
                backend.draw(frame())
            } else {
                let painted = try applyLoads(frames), ranked = try applyLoads(ranking)
                if painted || ranked {
                    backend.draw(frame())
                } else if !frames.isLoading, try needsReload() {
                    try reopenIfConfigChanged()
                    version = try store.dataVersion()
                    trace("reload data_version=\(version) stores_opened=\(storesOpened)")
                    startFirstPaint(frames)
                    if ranking.isLoading { rankingStale = true } else { startScores(ranking) }
                }
            }
            if rankingStale && !ranking.isLoading {
                rankingStale = false
                startScores(ranking)
            }
        }
        // Quitting by a signal with a form open keeps what was typed for the next start.
        saveDraftIfNeeded(force: true)
    }
}
