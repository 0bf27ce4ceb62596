import JiannuoCore

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
    public static let places: [(title: Text, contexts: [KeyContext])] = [
        (Text("面板（四个面板通用）", "Panes (all four)"), [.panes]),
        (Text("1 承诺事项：面板上的所选行，及承诺的记录", "1 Commitments: the selected row in the pane, and a commitment's record"), [.commitments]),
        (Text("2 投诉举报：面板上的所选行，及投诉的记录", "2 Complaints: the selected row in the pane, and a complaint's record"), [.complaints]),
        (Text("3 临期/逾期：面板上的所选行，及失信、整改的记录", "3 Deadlines: the selected row in the pane, and a breach's or rectification's record"), [.deadlines]),
        (Text("4 部门评分", "4 Unit scores"), [.scores]),
        (Text("筛选（/）", "Filter (/)"), [.filter]),
        (Text("记录详情（Enter）", "Record detail (Enter)"), [.record]),
        (Text("失信档案（d）", "Integrity file (d)"), [.drill]),
        (Text("搜索（:）", "Search (:)"), [.search]),
        (Text("登记投诉表单（a）", "Complaint form (a)"), [.intake]),
        (Text("办理表单（s b f h … 打开）", "Step forms (opened by s b f h …)"), [.step]),
        (Text("表单中的选项栏", "Choices in forms"), [.picker]),
        (Text("文字输入（表单各栏、搜索）", "Typing (form fields, search)"), [.edit]),
        (Text("多行文字栏", "Multi-line fields"), [.multiline]),
        (Text("确认对话框", "Confirmation dialogs"), [.prompt]),
        (Text("帮助", "Help"), [.help]),
        (Text("任何地方", "Anywhere"), [.global]),
    ]

    /// The name of the place a state is in, for the help's first section.
    public static func placeName(_ contexts: [KeyContext], _ lang: Lang = .zh) -> String {
        if contexts.contains(.intake) { return lang("登记投诉表单", "complaint form") }
        if contexts.contains(.step) { return lang("办理表单", "step form") }
        if contexts.contains(.record) { return lang("记录详情", "record detail") }
        if contexts.contains(.panes), let c = contexts.first, let p = Pane.allCases.first(where: { KeyContext($0.context) == c }) {
            return lang(p.title + "面板", p.title(.en) + " pane")
        }
        return places.first { contexts.first.map($0.contexts.contains) ?? false }?.title(lang) ?? ""
    }
}

/// What a form field takes: a line of text, several lines, or a choice.
public enum FieldKind: Sendable, Equatable { case text, multiline, picker }
