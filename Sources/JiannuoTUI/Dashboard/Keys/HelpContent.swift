/// The `?` help, generated from the key table: first every key that works where the officer is,
/// then every place and its keys. It scrolls like a record, so every key can be read at 80×24.
public struct HelpContent: Sendable, Equatable {
    /// The contexts of the place the help was opened from.
    public var place: [KeyContext]

    public init(place: [KeyContext]) { self.place = place }

    public var title: String { "按键" }

    static let keyColumn = 18

    public func lines(width: Int) -> [DocLine] {
        var out = [DocLine("此处可用（\(DashboardKeys.placeName(place))）", role: .title)]
        out += DashboardKeys.map.active(in: place).map { Self.row($0, width: width) }
        for (title, contexts) in DashboardKeys.places {
            out.append(.blank)
            out.append(DocLine(title, role: .title))
            for c in contexts { out += DashboardKeys.map.bindings(of: c).map { Self.row($0, width: width) } }
        }
        return out
    }

    /// "j/↓               下移一行", the help wrapping under its own column.
    static func row(_ b: KeyBinding<DashboardAction>, width: Int) -> DocLine {
        let keys = "  " + b.keyNames
        let column = width >= 50 ? keyColumn : 12
        let head = Width.of(keys) < column ? Width.pad(keys, to: column) : keys + "  "
        return DocLine(head + b.help, indent: column)
    }
}
