import Foundation
import JiannuoCore
import JiannuoStore

/// Runs the dashboard: applies keys through the pure update, runs the reads and writes it asks for
/// (their results go back through it), draws frames, and notices writes by other processes
/// (PRAGMA data_version) and midnight.
public final class DashboardApp {
    let openStore: () throws -> any Ledger
    let today: () -> Day
    public internal(set) var store: any Ledger
    /// Changed only by `DashboardUpdate`: keys, loads and effects' results.
    public internal(set) var state: DashboardState
    public internal(set) var data: DashboardData
    var version: Int
    /// The calendar-and-rules generation the open store was read with, and how many stores were opened.
    var generation: Int
    public internal(set) var storesOpened = 1
    /// The open form changed since its draft was last written.
    var draftDirty = false
    /// A headless render writes nothing: no drafts, no exports (its ledger refuses ledger writes).
    public var writesFiles = true
    var draftSavedAt = Date.distantPast
    static let draftKind = "complaint"

    /// Read at every action, so that a step is dated when the officer takes it.
    let clock: Clock

    /// The ranking on screen was read before the last write or day: read it again once the one being
    /// computed is done.
    var rankingStale = false
    /// The data version last checkpointed, and when the dashboard last had a key or a change to read.
    var checkpointed: Int?
    var idleSince = Date()

    /// Set by the live loop: reading every alert (to filter, reorder or reach the end of the deadlines
    /// pane) then runs in this lane off the keyboard, and the pane shows what it holds meanwhile.
    /// Headless renders and tests read at once.
    var alertLane: LoadMailbox?
    /// Every alert is being read in `alertLane`.
    var readingAllAlerts = false
    /// Numbers the reads of alerts in the order they began.
    var alertReads = 0
    func nextAlertRead() -> Int { alertReads += 1; return alertReads }
    /// Reading a hundred alerts costs no more than fifteen; tests lower it to page a small ledger.
    var alertsAtLeast = 100

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
        try reread([.commitments, .complaints])
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

    /// Now, on the dashboard's day: the form's default time of receipt.
    func now() -> DateTime { clock.now }

    public func resize(_ size: Size) throws {
        DashboardUpdate.resized(size, &state, data)
        try ensureWindows()
    }

    /// Everything again; the store is reopened only when the calendar or the rules changed.
    public func reload() throws {
        try reopenIfConfigChanged()
        version = try store.dataVersion()
        try loadAll()
    }

    /// A ledger keeps the calendar and the rules it read at open: another process's ordinary write
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
        // an earlier write is still being computed; that one is then computed once more, after the fast lane.
        let frames = LoadMailbox(), ranking = LoadMailbox()
        alertLane = frames
        // Loads run on worker threads; one malloc arena per thread would keep each load's peak for good.
        GlibcMemory.oneArena()
        // The first frame does not wait for the ranking.
        startScores(ranking)
        // Only what is committed while it runs is checkpointed.
        checkpointed = version
        while !backend.interruptRequested && !state.quit {
            saveDraftIfNeeded()
            // While a load runs, look for its result often; keys are handled meanwhile either way.
            let loading = frames.isLoading || ranking.isLoading
            // A database that announces its writes is waited on beside the keyboard; otherwise a short tick.
            // An announcement a load's query already took off the socket waits in the client: look first.
            let announcer = store.changeDescriptor
            let announced = try announcer != nil && !loading && needsReload()
            if !announced, let key = backend.readKey(timeoutMs: loading ? 20 : announcer == nil ? 50 : 1000, wakingOn: loading ? nil : announcer) {
                idleSince = Date()
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
                } else if !frames.isLoading && !ranking.isLoading && checkpointed != version && Date().timeIntervalSince(idleSince) >= 2 {
                    // Quiet for two seconds after a change: what was committed goes into the ledger file.
                    let done = store.checkpointWhenIdle()
                    checkpointed = version
                    trace("checkpoint data_version=\(version) done=\(done)")
                } else if !frames.isLoading, try needsReload() {
                    try reopenIfConfigChanged()
                    version = try store.dataVersion()
                    idleSince = Date()
                    trace("reload data_version=\(version) stores_opened=\(storesOpened)")
                    startFirstPaint(frames)
                    // The ranking once the fast lane is done: the write is on screen no later, and the two
                    // reads' memory is not held at once (the dashboard's peak, issue 29).
                    rankingStale = true
                }
            }
            if rankingStale && !ranking.isLoading && !frames.isLoading {
                rankingStale = false
                startScores(ranking)
            }
        }
        // Quitting by a signal with a form open keeps what was typed for the next start.
        saveDraftIfNeeded(force: true)
    }
}
