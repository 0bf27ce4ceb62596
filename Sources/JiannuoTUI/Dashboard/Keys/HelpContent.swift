import JiannuoCore

/// The `?` help, generated from the key table: first every key that works where the officer is,
/// then every place and its keys. It scrolls like a record, so every key can be read at 80×24.
public struct HelpContent: Sendable, Equatable {
    /// The contexts of the place the help was opened from.
    public var place: [KeyContext]
    /// The language the keys are described in.
    public var lang: Lang
    /// The role of whoever reads it: keys for what it may not do are not offered (nil: every key).
    public var role: AccountRole?

    public init(place: [KeyContext], lang: Lang = .zh, role: AccountRole? = nil) { self.place = place; self.lang = lang; self.role = role }

    /// Whether the key does something this role may do.
    func offered(_ b: KeyBinding<DashboardAction>) -> Bool {
        guard let role, let p = b.action.permission else { return true }
        return RoleTable.allows(role, p)
    }

    public var title: String { lang("按键", "Keys") }

    static let keyColumn = 18

    public func lines(width: Int) -> [DocLine] {
        let here = DashboardKeys.placeName(place, lang)
        var out = [DocLine(lang("此处可用（\(here)）", "Keys here (\(here))"), role: .title)]
        out += DashboardKeys.map.active(in: place).filter(offered).map { Self.row($0, width: width, lang) }
        for (title, contexts) in DashboardKeys.places {
            out.append(.blank)
            out.append(DocLine(title(lang), role: .title))
            for c in contexts { out += DashboardKeys.map.bindings(of: c).filter(offered).map { Self.row($0, width: width, lang) } }
        }
        return out
    }

    /// "j/↓               下移一行", the help wrapping under its own column.
    static func row(_ b: KeyBinding<DashboardAction>, width: Int, _ lang: Lang = .zh) -> DocLine {
        let keys = "  " + b.keyNames(lang)
        let column = width >= 50 ? keyColumn : 12
        let head = Width.of(keys) < column ? Width.pad(keys, to: column) : keys + "  "
        return DocLine(head + b.help(lang), indent: column)
    }
}
