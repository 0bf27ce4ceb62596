import JiannuoCore

/// Where a binding applies: a pane, a dialog, or everywhere. A string so the app can name
/// its own contexts ("commitments", "complaint-form") without this module knowing them.
public struct KeyContext: Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    public let name: String
    public init(_ name: String) { self.name = name }
    public init(stringLiteral value: String) { self.name = value }
    public var description: String { name }
    /// Applies in every context unless a more specific binding takes the key.
    public static let global: KeyContext = "global"
}

/// One row of the key table: the same record drives dispatch, the footer and the help
/// overlay, so the hints can never disagree with what the keys do.
public struct KeyBinding<Action: Hashable & Sendable>: Sendable {
    public let keys: [KeyEvent]
    public let action: Action
    /// What it does, in both languages, for the help overlay ("切换到下一个面板" / "Next pane").
    public let help: Text
    public let context: KeyContext
    /// Short label for the footer ("切换" / "switch"); nil keeps the binding out of the footer.
    public let footer: Text?
    /// Keys as the footer and help show them when they should differ from `keyNames`, e.g.
    /// "j/k" for a "移动" hint that stands for both the down and the up binding.
    public let footerKeys: Text?
    /// How much the footer wants this hint when the line is short: lower comes first and is
    /// dropped last, so a narrow footer keeps what matters most where the officer is.
    public let rank: Int
    /// Also takes any printable character no binding of the active contexts names: typing
    /// into a field is a binding like any other, so help can list it.
    public let anyCharacter: Bool

    public init(_ keys: [KeyEvent], _ action: Action, help: Text, context: KeyContext = .global,
                footer: Text? = nil, footerKeys: Text? = nil, rank: Int = 5, anyCharacter: Bool = false) {
        self.keys = keys; self.action = action; self.help = help; self.context = context; self.footer = footer
        self.footerKeys = footerKeys; self.rank = rank; self.anyCharacter = anyCharacter
    }

    /// The keys as shown in help: "j/↓"; "字符" ("chars") for a binding that takes any character.
    public func keyNames(_ lang: Lang) -> String {
        ((anyCharacter ? [lang == .zh ? "字符" : "chars"] : []) + keys.map { $0.displayName(lang) }).joined(separator: "/")
    }

    public var keyNames: String { keyNames(.zh) }

    func with(keys: [KeyEvent]) -> KeyBinding {
        KeyBinding(keys, action, help: help, context: context, footer: footer, footerKeys: footerKeys, rank: rank, anyCharacter: anyCharacter)
    }
}
