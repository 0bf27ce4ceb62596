/// The app's key table. Lookups take the active contexts from most to least specific
/// (e.g. ["complaint-form", "complaints"]); `.global` is always tried last.
public struct KeyMap<Action: Hashable & Sendable>: Sendable {
    public let bindings: [KeyBinding<Action>]

    public init(_ bindings: [KeyBinding<Action>]) { self.bindings = bindings }

    /// The binding `key` triggers: the first context in `contexts` that binds it wins,
    /// then `.global`.
    public func binding(for key: KeyEvent, in contexts: [KeyContext]) -> KeyBinding<Action>? {
        for context in contexts + [.global] {
            if let b = bindings.first(where: { $0.context == context && $0.keys.contains(key) }) { return b }
        }
        return nil
    }

    public func action(for key: KeyEvent, in contexts: [KeyContext]) -> Action? {
        binding(for: key, in: contexts)?.action
    }

    /// Bindings that apply in `contexts` (plus global), most specific first, each action
    /// once and hidden when a more specific context took all of its keys. For help.
    public func active(in contexts: [KeyContext]) -> [KeyBinding<Action>] {
        var taken = Set<KeyEvent>()
        var out: [KeyBinding<Action>] = []
        for context in contexts + [.global] {
            for b in bindings where b.context == context {
                let free = b.keys.filter { !taken.contains($0) }
                if !free.isEmpty {
                    out.append(KeyBinding(free, b.action, help: b.help, context: b.context, footer: b.footer, footerKeys: b.footerKeys))
                }
            }
            for b in bindings where b.context == context { taken.formUnion(b.keys) }
        }
        return out
    }

    /// Footer hints for `contexts`, in table order, most specific context first.
    public func footerHints(in contexts: [KeyContext]) -> [KeyHint] {
        active(in: contexts).compactMap { b in b.footer.map { KeyHint(keys: b.footerKeys ?? b.keyNames, label: $0) } }
    }

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
