import JiannuoCore

/// The app's key table. Lookups take the active contexts from most to least specific
/// (e.g. ["edit", "intake"]); `.global` is always tried last.
public struct KeyMap<Action: Hashable & Sendable>: Sendable {
    public let bindings: [KeyBinding<Action>]

    public init(_ bindings: [KeyBinding<Action>]) { self.bindings = bindings }

    /// The binding `key` triggers: the first context in `contexts` that names the key wins, then
    /// `.global`; failing that, a printable character goes to the first binding that takes any
    /// character (typing into a field).
    public func binding(for key: KeyEvent, in contexts: [KeyContext]) -> KeyBinding<Action>? {
        let all = contexts + [.global]
        for context in all {
            if let b = bindings.first(where: { $0.context == context && $0.keys.contains(key) }) { return b }
        }
        guard case .char = key else { return nil }
        for context in all {
            if let b = bindings.first(where: { $0.context == context && $0.anyCharacter }) { return b }
        }
        return nil
    }

    public func action(for key: KeyEvent, in contexts: [KeyContext]) -> Action? {
        binding(for: key, in: contexts)?.action
    }

    /// Bindings that apply in `contexts` (plus global), most specific first, each action
    /// once and hidden when a more specific context took all of its keys. For help and footer.
    public func active(in contexts: [KeyContext]) -> [KeyBinding<Action>] {
        var taken = Set<KeyEvent>()
        var seenContexts = Set<KeyContext>()
        var out: [KeyBinding<Action>] = []
        for context in contexts + [.global] where seenContexts.insert(context).inserted {
            for b in bindings where b.context == context {
                let free = b.keys.filter { !taken.contains($0) }
                if !free.isEmpty || (b.anyCharacter && !out.contains { $0.anyCharacter }) { out.append(b.with(keys: free)) }
            }
            for b in bindings where b.context == context { taken.formUnion(b.keys) }
        }
        return out
    }

    /// Footer hints for `contexts`: the active bindings that have a footer label, most wanted
    /// first (by rank, then table order).
    public func footerHints(in contexts: [KeyContext], lang: Lang = .zh) -> [KeyHint] {
        footerBindings(in: contexts).map { KeyHint(keys: $0.footerKeys?(lang) ?? $0.keyNames(lang), label: $0.footer!(lang)) }
    }

    public func footerBindings(in contexts: [KeyContext]) -> [KeyBinding<Action>] {
        active(in: contexts).enumerated().filter { $0.element.footer != nil }
            .sorted { ($0.element.rank, $0.offset) < ($1.element.rank, $1.offset) }.map(\.element)
    }

    /// Bindings of one context only, in table order (a section of the help).
    public func bindings(of context: KeyContext) -> [KeyBinding<Action>] { bindings.filter { $0.context == context } }

    /// Keys bound twice in the same context (a table mistake); empty when the table is sound.
    public func conflicts() -> [(KeyContext, KeyEvent)] {
        var seen = Set<[String]>()
        var out: [(KeyContext, KeyEvent)] = []
        for b in bindings {
            for k in b.keys {
                let id = [b.context.name, "\(k)"]
                if !seen.insert(id).inserted { out.append((b.context, k)) }
            }
        }
        return out
    }
}

/// One footer hint: keys and a short label ("Tab", "切换").
public struct KeyHint: Sendable, Equatable {
    public let keys: String
    public let label: String
    public init(keys: String, label: String) { self.keys = keys; self.label = label }
}
