import JiannuoCore

/// Actions on the screens over the panes: a document (record, drill-down), the search, the help.
extension DashboardUpdate {
    static func documentAction(_ action: DashboardAction, _ s: inout DashboardState, _ data: DashboardData) -> [DashboardEffect] {
        guard var doc = s.document else { return [] }
        let layout = DocumentLayout(s.size)
        switch action {
        case .down: doc.move(.by(1), layout)
        case .up: doc.move(.by(-1), layout)
        case .pageDown: doc.move(.pages(1), layout)
        case .pageUp: doc.move(.pages(-1), layout)
        case .top: doc.move(.top, layout)
        case .bottom: doc.move(.bottom, layout)
        case .back: s.stack.removeLast(); return []
        case .close: s.stack.removeAll(); return []
        case .open:
            guard let link = doc.link(layout) else { return [] }
            return [RecordKind(link) == .department ? .openDrill(link) : .openRecord(link)]
        case .drill:
            guard let code = s.record?.department else { return [] }
            return [.openDrill(code)]
        case .step(let step):
            guard let r = s.record else { return [] }
            return [.openStep(step, .record(r.id))]
        case .reveal:
            guard let r = s.record, RecordKind(r.id) == .complaint else { return [] }
            return [.reveal(r.id)]
        default: return []
        }
        s.document = doc
        return []
    }

    static func searchAction(_ action: DashboardAction, _ key: KeyEvent, _ s: inout DashboardState) -> [DashboardEffect] {
        guard var search = s.search else { return [] }
        switch action {
        case .back: s.stack.removeLast(); return []
        case .open:
            let q = search.query.text
            if search.searched != q || search.results.isEmpty { return [.runSearch(q)] }
            guard search.results.indices.contains(search.selected) else { return [] }
            let hit = search.results[search.selected]
            return [hit.kind == .department ? .openDrill(hit.id) : .openRecord(hit.id)]
        case .down: search.move(1)
        case .up: search.move(-1)
        case .pageDown: search.move(10)
        case .pageUp: search.move(-10)
        case .type: if case .char(let c) = key { search.query.insert(String(c)) }
        case .edit(let command): search.query.apply(command)
        default: return []
        }
        s.search = search
        return []
    }

    static func helpAction(_ action: DashboardAction, _ s: inout DashboardState) -> [DashboardEffect] {
        guard var help = s.help else { return [] }
        let layout = DocumentLayout(s.size)
        switch action {
        case .down: help.move(.by(1), layout)
        case .up: help.move(.by(-1), layout)
        case .pageDown: help.move(.pages(1), layout)
        case .pageUp: help.move(.pages(-1), layout)
        case .top: help.move(.top, layout)
        case .bottom: help.move(.bottom, layout)
        case .back, .close, .help: s.help = nil; return []
        default: return []
        }
        s.help = help
        return []
    }
}
