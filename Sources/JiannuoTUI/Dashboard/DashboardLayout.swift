/// Where everything goes for a terminal size: header, four panes, footer.
public struct DashboardLayout: Sendable, Equatable {
    public static let minimum = Size(width: 60, height: 12)

    public var header: Rect
    public var footer: Rect
    public var panes: [Pane: Rect]
    public var tooSmall: Bool

    public init(_ size: Size) {
        let all = Rect(x: 0, y: 0, width: size.width, height: size.height)
        tooSmall = size.width < DashboardLayout.minimum.width || size.height < DashboardLayout.minimum.height
        let (header, rest) = all.splitTop(1)
        let (body, footer) = rest.splitBottom(1)
        self.header = header
        self.footer = footer
        let top = body.height / 2
        let (upper, lower) = body.splitTop(top)
        // On a wide screen the alerts get more room than the scores; the lists share the top equally.
        let upperCols = upper.columns([.percent(50), .fill])
        let lowerCols = lower.columns(size.width >= 160 ? [.percent(62), .fill] : [.percent(50), .fill])
        panes = [.commitments: upperCols[0], .complaints: upperCols[1], .deadlines: lowerCols[0], .scores: lowerCols[1]]
    }

    /// Rows of data a pane shows: its height less the frame and the column headers.
    public func visibleRows(_ p: Pane) -> Int { max(1, (panes[p]?.height ?? 0) - 3) }
}
