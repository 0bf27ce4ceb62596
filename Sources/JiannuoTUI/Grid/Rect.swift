/// A rectangle of cells. Layout is done by splitting rectangles, never by hand-counting.
public struct Rect: Sendable, Equatable, CustomStringConvertible {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    public var maxX: Int { x + width }
    public var maxY: Int { y + height }
    public var isEmpty: Bool { width == 0 || height == 0 }
    public var description: String { "Rect(\(x),\(y) \(width)×\(height))" }

    /// The rectangle shrunk by `n` on every side (the inside of a box when n = 1).
    public func inset(_ n: Int) -> Rect { inset(top: n, left: n, bottom: n, right: n) }

    public func inset(top: Int = 0, left: Int = 0, bottom: Int = 0, right: Int = 0) -> Rect {
        Rect(x: x + left, y: y + top, width: width - left - right, height: height - top - bottom)
    }

    /// Clipped to `other`; empty if they do not overlap.
    public func intersection(_ other: Rect) -> Rect {
        let nx = max(x, other.x), ny = max(y, other.y)
        return Rect(x: nx, y: ny, width: min(maxX, other.maxX) - nx, height: min(maxY, other.maxY) - ny)
    }

    /// A `width`×`height` rectangle centred in this one (clipped to it).
    public func centered(width w: Int, height h: Int) -> Rect {
        let cw = min(w, width), ch = min(h, height)
        return Rect(x: x + (width - cw) / 2, y: y + (height - ch) / 2, width: cw, height: ch)
    }

    /// How much of a split a part takes.
    public enum Length: Sendable, Equatable {
        /// Exactly n cells (less if the space runs out).
        case fixed(Int)
        /// n percent of the whole, rounded down.
        case percent(Int)
        /// An equal share of whatever fixed and percent parts leave.
        case fill
    }

    /// Splits into rows, top to bottom.
    public func rows(_ lengths: [Length]) -> [Rect] {
        var top = y
        return Rect.sizes(lengths, total: height).map { h in
            defer { top += h }
            return Rect(x: x, y: top, width: width, height: h)
        }
    }

    /// Splits into columns, left to right, with `gap` empty columns between parts.
    public func columns(_ lengths: [Length], gap: Int = 0) -> [Rect] {
        let gaps = max(0, lengths.count - 1) * gap
        var left = x
        return Rect.sizes(lengths, total: max(0, width - gaps)).map { w in
            defer { left += w + gap }
            return Rect(x: left, y: y, width: w, height: height)
        }
    }

    /// The top `n` rows and the rest.
    public func splitTop(_ n: Int) -> (Rect, Rect) {
        let h = min(max(0, n), height)
        return (Rect(x: x, y: y, width: width, height: h), Rect(x: x, y: y + h, width: width, height: height - h))
    }

    /// The bottom `n` rows and the rest (rest first).
    public func splitBottom(_ n: Int) -> (Rect, Rect) {
        let h = min(max(0, n), height)
        return (Rect(x: x, y: y, width: width, height: height - h), Rect(x: x, y: maxY - h, width: width, height: h))
    }

    /// The left `n` columns and the rest.
    public func splitLeft(_ n: Int) -> (Rect, Rect) {
        let w = min(max(0, n), width)
        return (Rect(x: x, y: y, width: w, height: height), Rect(x: x + w, y: y, width: width - w, height: height))
    }

    /// Sizes that never sum to more than `total`: fixed and percent parts first (in order,
    /// each clipped to what is left), then fill parts share the remainder, the first ones
    /// getting the odd cells.
    static func sizes(_ lengths: [Length], total: Int) -> [Int] {
        var remaining = max(0, total)
        var out = [Int](repeating: 0, count: lengths.count)
        for (i, l) in lengths.enumerated() {
            let want: Int
            switch l {
            case .fixed(let n): want = max(0, n)
            case .percent(let p): want = max(0, total * p / 100)
            case .fill: continue
            }
            out[i] = min(want, remaining)
            remaining -= out[i]
        }
        let fills = lengths.indices.filter { lengths[$0] == .fill }
        if !fills.isEmpty {
            let share = remaining / fills.count
            var extra = remaining % fills.count
            for i in fills {
                out[i] = share + (extra > 0 ? 1 : 0)
                extra -= 1
            }
        }
        return out
    }
}
