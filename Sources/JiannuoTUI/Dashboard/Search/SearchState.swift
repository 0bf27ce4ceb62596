import JiannuoCore
import JiannuoStore

/// The dashboard's search: a query typed on one line, run with Enter, results picked with ↑/↓. It
/// stays under a record opened from it, so Esc from the record returns to the results.
public struct SearchState: Sendable, Equatable {
    public var query = LineEditor()
    public var results: [SearchHit] = []
    /// The query the results belong to (nil before the first search).
    public var searched: String?
    public var selected = 0

    public init() {}

    mutating func move(_ d: Int) {
        guard !results.isEmpty else { return }
        selected = min(max(0, selected + d), results.count - 1)
    }
}

extension SearchHit.Kind {
    func label(_ lang: Lang) -> String {
        switch self {
        case .department: lang("单位", "unit")
        case .commitment: lang("承诺", "commitment")
        case .complaint: lang("投诉", "complaint")
        case .record: lang("记录", "record")
        }
    }
}

/// Draws the search over the screen under the header.
enum SearchView {
    static func draw(_ g: inout Grid, _ s: SearchState, _ l: Lang = .zh) {
        let rect = Rect(x: 0, y: 1, width: g.width, height: max(0, g.height - 2))
        g.fill(rect)
        let inner = g.box(rect, title: l(" 搜索：承诺、投诉、单位 ", " Search: commitments, complaints, units "), role: .borderFocused)
        guard inner.width > 10, inner.height > 3 else { return }
        // Both labels are six columns wide: the field starts after them.
        _ = g.put(l("查找：", "Find: "), x: inner.x + 1, y: inner.y, role: .title)
        let fx = inner.x + 7, fw = max(1, inner.width - 8)
        g.fill(Rect(x: fx, y: inner.y, width: fw, height: 1), role: .inputFieldFocused)
        let slice = s.query.visibleSlice(width: fw - 1)
        _ = g.put(slice.text, x: fx, y: inner.y, role: .inputFieldFocused, maxWidth: fw)
        g.cursor = (fx + slice.cursorX, inner.y)
        let list = Rect(x: inner.x + 1, y: inner.y + 2, width: inner.width - 2, height: max(0, inner.height - 2))
        if let q = s.searched, s.results.isEmpty {
            _ = g.put(l("没有找到“\(q)”", "Nothing found for \"\(q)\""), x: list.x, y: list.y, role: .muted)
            return
        }
        let visible = Table.visibleRowCount(in: list)
        let offset = Table.scrollOffset(selected: s.selected, current: 0, visibleRows: visible, rowCount: s.results.count)
        Table(columns: [TableColumn(l("类型", "Kind"), minWidth: 4), TableColumn(l("编号", "ID"), minWidth: 14),
                        TableColumn(l("名称/阶段", "Name/stage"), minWidth: 8, preferredWidth: 16),
                        TableColumn(l("说明", "Detail"), minWidth: 10, flexible: true)],
              rows: s.results.map { TableRow([$0.kind.label(l), $0.id, $0.title, $0.detail]) },
              selected: s.selected, scrollOffset: offset, focused: true).draw(into: &g, rect: list)
    }
}
