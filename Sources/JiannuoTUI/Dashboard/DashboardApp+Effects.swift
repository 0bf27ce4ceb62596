import Foundation
import JiannuoCore
import JiannuoStore

/// Keys and effects: the update changes the state and names the effects; running one does only its
/// I/O and hands back a `DashboardResult`, which the update applies.
extension DashboardApp {
    /// Applies one key through the pure update, then runs the reads and writes it asked for;
    /// returns false when the dashboard should quit.
    @discardableResult
    public func handle(_ key: KeyEvent) throws -> Bool {
        let formBefore = state.form
        try runEffects(DashboardUpdate.key(key, to: &state, data: data))
        noteDraftChange(from: formBefore)
        try ensureWindows()
        return !state.quit
    }

    /// Runs effects in order; the effects a result asks for run before the next one (bubbletea's Sequence).
    func runEffects(_ effects: [DashboardEffect]) throws {
        var queue = effects
        while !queue.isEmpty {
            if let result = try run(queue.removeFirst()) { queue.insert(contentsOf: DashboardUpdate.result(result, &state, data), at: 0) }
        }
    }

    /// Applies a result found outside an effect (a draft at start, a draft not written) and runs what it asks for.
    func apply(_ result: DashboardResult) throws {
        try runEffects(DashboardUpdate.result(result, &state, data))
    }

    /// One effect's reads and writes. The panes' reads are applied as loads as they come (nil here).
    func run(_ effect: DashboardEffect) throws -> DashboardResult? {
        switch effect {
        case .reload: try reload()
        case .refilter(let p): try reread([p])
        case .openRecord(let id):
            return .document(try readDocument { .record(try RecordDetail.content(for: id, store: store, today: data.today, lang: data.lang)) })
        case .openDrill(let code): return .document(try readDocument { .department(try departmentDrill(code)) })
        case .reveal(let id): return try reveal(id).map { .document($0) }
        case .openStep(let step, let target): return .step(.opened(try stepOpening(step, target)))
        case .performStep(let form): return .step(try carryOutStep(form))
        case .follow(let id): return .followed(state.focus, position: try position(of: id, in: state.focus))
        case .refreshRecords: return .document(.reread(rereadRecords()))
        case .openIntake: return .intake(.opened(now: now()))
        case .saveIntake(let form): return .intake(try save(form))
        case .commitmentHints:
            guard let form = state.form else { return nil }
            return .intake(.hints(try commitmentHints(form)))
        case .restoreDraft(let json): return .draft(.restore(json: json, now: now()))
        case .discardDraft: discardDraft()
        case .runSearch(let query): return .searched(query: query, try store.search(query, lang: data.lang))
        case .export(let p): return .export(try export(p))
        }
        return nil
    }

    /// A record or a drill-down; a refusal (not found, not allowed) is said, anything else stops the dashboard.
    func readDocument(_ read: () throws -> DocContent) throws -> DocumentResult {
        do { return .read(try read()) } catch let e as JiannuoError { return .unreadable(e.text) }
    }

    /// A complaint's detail with the contact unmasked, once the audit log has recorded who looked.
    func reveal(_ id: String) throws -> DocumentResult? {
        guard RecordKind(id) == .complaint else { return nil }
        do {
            try store.recordReveal(entity: "complaint", id: id, field: "contact")
        } catch let e as JiannuoError {
            return .revealRefused(e.text)
        }
        return .revealed(try RecordDetail.content(for: id, store: store, today: data.today, reveal: true, lang: data.lang))
    }

    /// Where a record just changed now stands in a pane: a step or a save moves it (a new limit, a new stage).
    func position(of id: String, in pane: Pane) throws -> Int? {
        switch pane {
        // A position in the default list only: a filtered or reordered list is read again from its top.
        case .complaints: plain(pane) ? try store.openComplaintPosition(id) : nil
        case .commitments: plain(pane) ? try store.openCommitmentPosition(id) : nil
        case .deadlines: data.alerts(state[pane]).firstIndex { $0.record == id }
        case .scores: nil
        }
    }

    /// Every record on screen as it is now (one that cannot be read stays as it was).
    func rereadRecords() -> [RecordContent] {
        state.stack.compactMap { screen in
            guard case .document(let d) = screen, case .record(let r) = d.content else { return nil }
            return try? RecordDetail.content(for: r.id, store: store, today: data.today, lang: data.lang)
        }
    }

    /// Writes the pane as shown (every row its filters let through, in its order) to a CSV file in the
    /// officer's own exports folder (`~/jiannuo-exports`, 0700; the file 0600).
    func export(_ p: Pane) throws -> ExportResult {
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
        let table = PaneTables.table(p, all, ps, focused: false, visible: total, export: true)
        guard writesFiles else { return .notInRender }
        let dir = store.exportDirectory
        let file = dir.appendingPathComponent(PaneExport.fileName(p, today: data.today, minute: clock.now.minute))
        do {
            try UserFiles.makeDirectory(dir.path, mode: 0o700)
            guard UserFiles.write(Data(PaneExport.csv(table).utf8), to: file.path) else { return .failed(directory: dir.path) }
            return .written(rows: total, path: file.path)
        } catch {
            return .failed(directory: dir.path)
        }
    }
}
