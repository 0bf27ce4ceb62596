/// A document on screen and where the officer is in it: the cursor row (records, drill-down) or just
/// the first row shown (help). Pure; every move is clamped to the rows the current size lays out.
public struct DocState: Sendable, Equatable {
    public var content: DocContent
    /// The selected row (Enter follows its link).
    public var cursor = 0
    /// The first row shown.
    public var scroll = 0

    public init(_ content: DocContent, cursor: Int = 0) {
        self.content = content
        self.cursor = cursor
    }

    public enum Motion: Sendable, Equatable { case by(Int), pages(Int), top, bottom }

    public func rows(_ layout: DocumentLayout) -> [DocLine] { content.rows(width: layout.width) }

    /// The link under the cursor, if any.
    public func link(_ layout: DocumentLayout) -> String? {
        guard content.selectable else { return nil }
        let rows = rows(layout)
        return rows.indices.contains(cursor) ? rows[cursor].link : nil
    }

    public mutating func move(_ motion: Motion, _ layout: DocumentLayout) {
        let count = rows(layout).count
        let visible = layout.visibleRows
        if content.selectable {
            let target: Int
            switch motion {
            case .by(let n): target = cursor + n
            case .pages(let n): target = cursor + n * visible
            case .top: target = 0
            case .bottom: target = count - 1
            }
            cursor = min(max(0, target), max(0, count - 1))
            scroll = Table.scrollOffset(selected: cursor, current: scroll, visibleRows: visible, rowCount: count)
        } else {
            let last = max(0, count - visible)
            switch motion {
            case .by(let n): scroll += n
            case .pages(let n): scroll += n * visible
            case .top: scroll = 0
            case .bottom: scroll = last
            }
            scroll = min(max(0, scroll), last)
            cursor = scroll
        }
    }

    /// After a resize or new content: keep the cursor on a row and visible.
    public mutating func clamp(_ layout: DocumentLayout) { move(.by(0), layout) }

    /// The cursor on the first row that leads somewhere, when that row is on the first page.
    public mutating func selectFirstLink(_ layout: DocumentLayout) {
        if let i = rows(layout).firstIndex(where: { $0.link != nil }), i < layout.visibleRows {
            cursor = i
            clamp(layout)
        }
    }
}
