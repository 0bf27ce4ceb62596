/// A one-line chart of a series: ▁▂▃▄▅▆▇█.
public enum Sparkline {
    static let levels: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// One character per value (the last `width` values if given). Scaled from
    /// min(0, smallest) to the largest, so counts start at the floor; an all-zero
    /// series is all ▁. Non-finite values are drawn as a space.
    public static func render(_ values: [Double], width: Int? = nil) -> String {
        let shown = width.map { Array(values.suffix(max(0, $0))) } ?? values
        let finite = shown.filter(\.isFinite)
        guard let top = finite.max(), let bottom = finite.min() else { return String(repeating: " ", count: shown.count) }
        let low = min(0, bottom)
        let span = top - low
        return String(shown.map { v -> Character in
            guard v.isFinite else { return " " }
            guard span > 0 else { return levels[0] }
            let i = Int(((v - low) / span * Double(levels.count - 1)).rounded())
            return levels[min(levels.count - 1, max(0, i))]
        })
    }

    public static func render(_ values: [Int], width: Int? = nil) -> String {
        render(values.map(Double.init), width: width)
    }
}
