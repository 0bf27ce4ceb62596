/// What the dashboard's lists ask for: one window of rows and the total, never a whole table.
public struct Window<T: Sendable>: Sendable {
    public var rows: [T]
    public var total: Int
    public var offset: Int
    public init(rows: [T], total: Int, offset: Int) { self.rows = rows; self.total = total; self.offset = offset }

    /// The row at absolute position `i`, if this window holds it.
    public func row(_ i: Int) -> T? { i >= offset && i < offset + rows.count ? rows[i - offset] : nil }
    public func covers(_ range: Range<Int>) -> Bool {
        range.lowerBound >= offset && min(range.upperBound, total) <= offset + rows.count
    }
}
