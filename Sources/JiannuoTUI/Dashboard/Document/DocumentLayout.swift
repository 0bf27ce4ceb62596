/// Where a document screen goes for a terminal size: a frame under the header, above the footer,
/// with a column of margin either side of the text.
public struct DocumentLayout: Sendable, Equatable {
    public var frame: Rect
    public var text: Rect

    public init(_ size: Size) {
        frame = Rect(x: 0, y: 1, width: size.width, height: max(0, size.height - 2))
        let inner = frame.inset(1)
        text = Rect(x: inner.x + 1, y: inner.y, width: max(1, inner.width - 2), height: max(1, inner.height))
    }

    public var width: Int { text.width }
    public var visibleRows: Int { text.height }
}
