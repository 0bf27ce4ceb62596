/// A question in a box over everything, answered with Enter/y or Esc/n.
public struct Prompt: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// At start, a complaint draft left by a closed terminal: restore it or throw it away.
        case restoreDraft(json: String)
        /// Esc on an intake form with something typed.
        case discardIntake
        /// Esc on a step form with something typed.
        case discardStep
        /// Ctrl-S on a step that cannot be undone: what will happen, asked once.
        case confirmStep
    }
    public var kind: Kind
    public var title: String
    public var body: [String]
    /// Footer labels of the two answers ("恢复"/"丢弃", "确定"/"返回修改").
    public var yes: String
    public var no: String

    public init(_ kind: Kind, title: String, body: [String], yes: String, no: String) {
        self.kind = kind; self.title = title; self.body = body; self.yes = yes; self.no = no
    }
}
