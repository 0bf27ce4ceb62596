/// How a role looks: colours and attributes. Only the theme creates these.
public struct Style: Sendable, Hashable {
    public var fg: Color
    public var bg: Color
    public var bold: Bool
    public var reverse: Bool
    public var underline: Bool
    public var dim: Bool

    public init(fg: Color = .default, bg: Color = .default, bold: Bool = false,
                reverse: Bool = false, underline: Bool = false, dim: Bool = false) {
        self.fg = fg; self.bg = bg; self.bold = bold; self.reverse = reverse; self.underline = underline; self.dim = dim
    }

    public static let plain = Style()

    /// True if the style uses any colour other than the terminal's default.
    public var hasColor: Bool { fg != .default || bg != .default }

    /// The same attributes without colours (for NO_COLOR and colourless terminals).
    public var withoutColor: Style { Style(bold: bold, reverse: reverse, underline: underline, dim: dim) }
}
