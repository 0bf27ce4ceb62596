/// Which contexts of the key table are in force for a state: the thing in front decides, most
/// specific first. Dispatch, the footer and the help all start here.
extension DashboardKeys {
    public static func contexts(_ s: DashboardState) -> [KeyContext] {
        if s.help != nil { return [.help] }
        if s.prompt != nil { return [.prompt] }
        if let f = s.form { return fieldContexts(f.focusKind) + [.intake] }
        if let a = s.step { return fieldContexts(a.focusKind) + [.step] }
        if s.filtering { return [.filter] }
        switch s.top {
        case .search?: return [.search, .edit]
        case .document(let d)?:
            switch d.content {
            case .record(let r): return [.record, context(ofRecord: r.id)]
            case .department: return [.drill]
            case .help: return [.help]
            }
        case nil: return [KeyContext(s.focus.context), .panes]
        }
    }

    static func fieldContexts(_ kind: FieldKind) -> [KeyContext] {
        switch kind {
        case .text: [.edit]
        case .multiline: [.multiline, .edit]
        case .picker: [.picker]
        }
    }

    /// The places the help describes, in its order, each with the contexts it covers.
    public static let places: [(title: String, contexts: [KeyContext])] = [
        ("面板（四个面板通用）", [.panes]),
        ("1 承诺事项：面板上的所选行，及承诺的记录", [.commitments]),
        ("2 投诉举报：面板上的所选行，及投诉的记录", [.complaints]),
        ("3 临期/逾期：面板上的所选行，及失信、整改的记录", [.deadlines]),
        ("4 部门评分", [.scores]),
        ("筛选（/）", [.filter]),
        ("记录详情（Enter）", [.record]),
        ("失信档案（d）", [.drill]),
        ("搜索（:）", [.search]),
        ("登记投诉表单（a）", [.intake]),
        ("办理表单（s b f h … 打开）", [.step]),
        ("表单中的选项栏", [.picker]),
        ("文字输入（表单各栏、搜索）", [.edit]),
        ("多行文字栏", [.multiline]),
        ("确认对话框", [.prompt]),
        ("帮助", [.help]),
        ("任何地方", [.global]),
    ]

    /// The name of the place a state is in, for the help's first section.
    public static func placeName(_ contexts: [KeyContext]) -> String {
        if contexts.contains(.intake) { return "登记投诉表单" }
        if contexts.contains(.step) { return "办理表单" }
        if contexts.contains(.record) { return "记录详情" }
        if contexts.contains(.panes), let c = contexts.first, let p = Pane.allCases.first(where: { KeyContext($0.context) == c }) {
            return p.title + "面板"
        }
        return places.first { contexts.first.map($0.contexts.contains) ?? false }?.title ?? ""
    }
}

/// What a form field takes: a line of text, several lines, or a choice.
public enum FieldKind: Sendable, Equatable { case text, multiline, picker }
