import JiannuoStore

/// What the runtime hands back after running an effect: each is a pure change of state, so what the
/// officer sees after a read or a write is decided here, not in the runtime.
extension DashboardUpdate {
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
