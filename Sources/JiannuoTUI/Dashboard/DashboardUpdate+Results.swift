import JiannuoCore
import JiannuoStore

/// What the runtime hands back after running an effect: each is a pure change of state, so what the
/// officer sees after a read or a write is decided here, not in the runtime. A result may ask for
/// more effects (bubbletea's Cmd): the runtime runs them before the next effect.
extension DashboardUpdate {
    public static func result(_ r: DashboardResult, _ s: inout DashboardState, _ d: DashboardData) -> [DashboardEffect] {
        switch r {
        case .document(let doc): documentResult(doc, &s, d)
        case .step(let step): return stepResult(step, &s, d)
        case .intake(let intake): return intakeResult(intake, &s, d)
        case .draft(let draft): return draftResult(draft, &s, d)
        case .export(let export): exportResult(export, &s, d.lang)
        case .searched(let query, let hits): searched(query, hits, &s)
        case .followed(let pane, let position):
            if let position { select(&s, pane, position, data: d) }
        }
        return []
    }

    /// The terminal's new size: everything kept in range and visible on it.
    public static func resized(_ size: Size, _ s: inout DashboardState, _ d: DashboardData) {
        s.size = size
        clamp(&s, data: d)
    }

    static func documentResult(_ r: DocumentResult, _ s: inout DashboardState, _ d: DashboardData) {
        let l = d.lang
        switch r {
        case .read(let content): show(content, &s)
        case .unreadable(let why): s.message = why(l)
        case .revealed(let content):
            if s.record?.id == content.id { refresh(content, &s) } else { show(.record(content), &s) }
            s.message = l("已显示联系方式，并记入审计日志", "Contact shown and recorded in the audit log")
        case .revealRefused(let why):
            s.message = l("无法记录查看（\(why.zh)），联系方式不显示", "Could not record the look (\(why.en)): the contact stays hidden")
        case .reread(let records): for content in records { refresh(content, &s) }
        }
    }

    static func stepResult(_ r: StepResult, _ s: inout DashboardState, _ d: DashboardData) -> [DashboardEffect] {
        switch r {
        case .opened(let opening): stepOpened(opening, &s)
        case .done(let record, let message, let next):
            s.step = next
            s.message = message
            // The step is shown everywhere it appears: the lists, the record kept selected, the records open.
            return [.reload, .follow(record), .refreshRecords]
        case .refused(var form, let why):
            form.error = why(d.lang)
            s.step = form
        }
        return []
    }

    static func exportResult(_ r: ExportResult, _ s: inout DashboardState, _ l: Lang) {
        switch r {
        case .written(let rows, let path): s.message = l("已导出 \(rows) 行：\(path)", "Exported \(rows) row\(rows == 1 ? "" : "s"): \(path)")
        case .failed(let dir): s.message = l("导出失败：无法写入 \(dir)", "Export failed: cannot write to \(dir)")
        case .notInRender: s.message = l("render 不写文件：导出请在看板中进行", "render writes no files: export from the dashboard")
        }
    }

    /// A record or a drill-down read: shown in front, over the screen it was opened from.
    public static func show(_ content: DocContent, _ s: inout DashboardState) {
        var doc = DocState(content)
        let layout = DocumentLayout(s.size)
        if case .department = content { doc.selectFirstLink(layout) }
        doc.clamp(layout)
        s.stack.append(.document(doc))
    }

    /// The same record read again (after a step, or with the contact shown): in place, where the cursor was.
    public static func refresh(_ content: RecordContent, _ s: inout DashboardState) {
        let layout = DocumentLayout(s.size)
        for i in s.stack.indices {
            guard case .document(var d) = s.stack[i], case .record(let r) = d.content, r.id == content.id else { continue }
            d.content = .record(content)
            d.clamp(layout)
            s.stack[i] = .document(d)
        }
    }

    public static func searched(_ query: String, _ hits: [SearchHit], _ s: inout DashboardState) {
        guard var search = s.search else { return }
        search.results = hits
        search.searched = query
        search.selected = 0
        s.search = search
    }

    /// A step's form, or the reason it does not apply (a line in the footer, no form).
    public static func stepOpened(_ opening: StepOpening, _ s: inout DashboardState) {
        switch opening {
        case .form(let f): s.step = f
        case .refused(let why): s.message = why
        }
    }
}
