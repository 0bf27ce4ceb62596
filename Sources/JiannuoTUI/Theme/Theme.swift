/// Maps every role to a style. Complete by construction: a role a theme file leaves out
/// takes the default theme's style, so drawing never has to handle a missing role.
public struct Theme: Sendable, Equatable {
    public let name: String
    private let styles: [Role: Style]

    /// `styles` missing a role take it from `fallback` (or plain, for the fallback itself).
    public init(name: String, styles: [Role: Style], fallback: Theme? = nil) {
        self.name = name
        var full = styles
        for role in Role.allCases where full[role] == nil {
            full[role] = fallback?[role] ?? .plain
        }
        self.styles = full
    }

    public subscript(role: Role) -> Style { styles[role] ?? .plain }

    /// True if no role uses a colour (the mono theme, NO_COLOR).
    public var isMonochrome: Bool { !styles.values.contains { $0.hasColor } }

    /// The same theme with colours removed, attributes kept.
    public var withoutColor: Theme {
        Theme(name: name, styles: styles.mapValues { $0.withoutColor })
    }

    /// The built-in default theme (identical to Themes/default.toml).
    public static let builtInDefault: Theme = {
        do { return try ThemeParser.parse(EmbeddedThemes.defaultTOML, source: "<内置 default>", fallback: nil) }
        catch { preconditionFailure("embedded default theme is invalid: \(error)") }
    }()

    /// The built-in monochrome theme (identical to Themes/mono.toml).
    public static let builtInMono: Theme = {
        do { return try ThemeParser.parse(EmbeddedThemes.monoTOML, source: "<内置 mono>", fallback: nil) }
        catch { preconditionFailure("embedded mono theme is invalid: \(error)") }
    }()
}
