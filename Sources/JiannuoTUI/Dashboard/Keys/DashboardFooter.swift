import JiannuoCore

/// The footer of every place, read from the key table: the keys of the place in front, those that
/// matter most first, each only when it would do something now; then `?`/F1 for the rest.
extension DashboardKeys {
    public static func footer(_ s: DashboardState, _ d: DashboardData) -> (hints: [KeyHint], help: String?) {
        let contexts = contexts(s)
        // The steps that apply to the selected row, worked out once per frame.
        let steps = s.top == nil ? d.applicableSteps(s.focus, s[s.focus]) : []
        let hints = map.footerBindings(in: contexts).compactMap { b -> KeyHint? in
            label(b, s, d, steps).map { KeyHint(keys: b.footerKeys?(d.lang) ?? b.keyNames(d.lang), label: $0) }
        }
        // The help lists everything, so the help itself offers no "more".
        let help = s.help != nil ? nil : map.active(in: contexts).first { $0.action == .help }?.keys.first?.displayName(d.lang)
        return (hints, help)
    }

    /// The footer label of a binding in this state, or nil when the key would do nothing now.
    static func label(_ b: KeyBinding<DashboardAction>, _ s: DashboardState, _ d: DashboardData, _ paneSteps: Set<ActionForm.Step>) -> String? {
        let inPanes = s.top == nil && s.form == nil && s.step == nil && s.prompt == nil && s.help == nil && !s.filtering
        let rows = d.total(s.focus, s[s.focus])
        let footer = b.footer?(d.lang)
        if let p = b.action.permission, let actor = d.actor, !actor.may(p) { return nil }
        switch b.action {
        case .confirm: return s.prompt?.yes
        case .dismiss: return s.prompt?.no
        case .open where s.document != nil:
            return s.document?.link(DocumentLayout(s.size)).map { d.lang("打开 \($0)", "open \($0)") }
        case .drill where s.record != nil: return s.record?.department == nil ? nil : footer
        case .reveal where s.record != nil: return s.record.map { RecordKind($0.id) == .complaint } == true ? footer : nil
        case .step(let step) where s.record != nil: return s.record?.steps.map { $0.contains(step) } ?? true ? footer : nil
        case .step(let step) where inPanes: return paneSteps.contains(step) ? footer : nil
        case .open, .drill, .step, .reveal: return inPanes && rows == 0 ? nil : footer
        case .takeSuggestion:
            guard let f = s.form, f.focus == .commitment, !f.commitmentHints.isEmpty else { return nil }
            return footer
        default: return footer
        }
    }
}
