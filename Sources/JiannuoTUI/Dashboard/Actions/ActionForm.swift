import JiannuoCore

/// A small form for one step of a record's workflow (accept, resolve, verify …): a few inputs that
/// start from the record's current values, Ctrl-S to do it, Esc to leave. Pure; `StepForms` builds it
/// for a record, `DashboardApp` carries the step out through the Store.
public struct ActionForm: Sendable, Equatable {
    public enum Step: String, Sendable, Equatable {
        case accept, extend, returnTo, resolve, respond, verify, followup
        case progress, fulfill, feedback, amend
        case report, accountability, rectify, rectificationDone
        /// Not a workflow step: the structured filter of a pane (`F`), built by `FilterForms`.
        case filterPane

        /// The step in a word, for refusals ("延期").
        public var label: String {
            switch self {
            case .accept: "受理"
            case .extend: "延期"
            case .returnTo: "退回"
            case .resolve: "办结"
            case .respond: "反馈"
            case .verify: "核实"
            case .followup: "回访"
            case .progress: "兑现进展"
            case .fulfill: "兑现"
            case .feedback: "兑现反馈"
            case .amend: "依法变更"
            case .report: "上报"
            case .accountability: "问责"
            case .rectify: "移送整改"
            case .rectificationDone: "整改完成"
            case .filterPane: "筛选"
            }
        }
    }

    public struct Input: Sendable, Equatable {
        public var key: String
        public var label: String
        public var editor: LineEditor
        /// A picker's choices; nil for a text input.
        public var options: [String]?
        public var choice = 0
        /// What the input held when the form opened: a form is "typed in" once any input differs.
        public var initial = ""
        /// The digit that picks the first option (1, or 0 when the options are numbered from 0).
        public var digitBase = 1

        public var value: String { options.map { $0[choice] } ?? editor.text }
        public var kind: FieldKind { options != nil ? .picker : (editor.multiline ? .multiline : .text) }
    }

    /// What the form knows of its record besides the inputs: for the confirmation of a step that
    /// cannot be undone, and for inputs that only count when changed.
    public struct Facts: Sendable, Equatable {
        public var department: String?
        /// The complaint's own category, used when verification says "按投诉".
        public var category: Int?
        public var deadline: Day?
        public init(department: String? = nil, category: Int? = nil, deadline: Day? = nil) {
            self.department = department; self.category = category; self.deadline = deadline
        }
    }

    public var step: Step
    public var record: String
    public var title: String
    public var inputs: [Input]
    public var facts = Facts()
    public var focus = 0
    public var error: String?

    public func value(_ key: String) -> String { inputs.first { $0.key == key }?.value ?? "" }
    public func choice(_ key: String) -> Int { inputs.first { $0.key == key }?.choice ?? 0 }
    /// The trimmed value when the officer changed it from what the form started with, else nil.
    public func changed(_ key: String) -> String? {
        guard let i = inputs.first(where: { $0.key == key }) else { return nil }
        let v = i.value.trimmingCharacters(in: .whitespacesAndNewlines)
        return v == i.initial.trimmingCharacters(in: .whitespacesAndNewlines) || v.isEmpty ? nil : v
    }

    public var isDirty: Bool { inputs.contains { $0.value != $0.initial } }
    public var focusKind: FieldKind { inputs.indices.contains(focus) ? inputs[focus].kind : .text }

    /// Steps that cannot be undone once done: they say what will happen and ask once.
    public var irreversible: Bool {
        switch step {
        case .verify: choice("breach") == 1
        case .fulfill, .accountability: true
        default: false
        }
    }

    public enum Outcome: Equatable, Sendable { case none, submit, cancel }

    /// A key through the dashboard's key table (as typed in the live form).
    @discardableResult
    public mutating func handle(_ key: KeyEvent) -> Outcome {
        guard let b = DashboardKeys.map.binding(for: key, in: DashboardKeys.fieldContexts(focusKind) + [.step]) else { return .none }
        return apply(b.action, key: key)
    }

    public mutating func apply(_ action: DashboardAction, key: KeyEvent) -> Outcome {
        let count = inputs.count
        switch action {
        case .submit: return .submit
        case .cancel: return .cancel
        case .nextField: focus = count == 0 ? 0 : (focus + 1) % count
        case .previousField: focus = count == 0 ? 0 : (focus + count - 1) % count
        case .nextFieldOrSubmit:
            if focus >= count - 1 { return .submit }
            focus += 1
        default:
            guard inputs.indices.contains(focus) else { return .none }
            error = nil
            edit(action, key)
        }
        return .none
    }

    mutating func edit(_ action: DashboardAction, _ key: KeyEvent) {
        if let options = inputs[focus].options {
            switch action {
            case .choose(let d): inputs[focus].choice = (inputs[focus].choice + d + options.count) % options.count
            case .pickDigit:
                if case .char(let c) = key, let n = Int(String(c)), options.indices.contains(n - inputs[focus].digitBase) {
                    inputs[focus].choice = n - inputs[focus].digitBase
                }
            default: break
            }
            return
        }
        switch action {
        case .type: if case .char(let c) = key { inputs[focus].editor.insert(String(c)) }
        case .newline: inputs[focus].editor.insert("\n")
        case .edit(let command): inputs[focus].editor.apply(command)
        default: break
        }
    }

    static func text(_ key: String, _ label: String, _ initial: String = "", multiline: Bool = false) -> Input {
        Input(key: key, label: label, editor: LineEditor(initial, multiline: multiline), initial: initial)
    }

    static func picker(_ key: String, _ label: String, _ options: [String], _ choice: Int = 0, digitBase: Int = 1) -> Input {
        Input(key: key, label: label, editor: LineEditor(), options: options, choice: choice, initial: options[choice], digitBase: digitBase)
    }

    /// The form for a step with its plain defaults (`StepForms` starts it from the record instead).
    public static func make(_ step: Step, record: String, today: Day, unit: String = "") -> ActionForm {
        let d = today.string
        let (title, inputs): (String, [Input]) = {
            switch step {
            case .accept: return ("受理 \(record)", [picker("confirm", "确认受理", ["是"])])
            case .extend: return ("延期 \(record)", [text("days", "延长工作日"), text("reason", "延期理由", multiline: true)])
            case .returnTo: return ("退回 \(record)", [text("to", "转交单位"), text("reason", "退回理由", multiline: true)])
            case .resolve: return ("办结 \(record)", [text("result", "办理结果", multiline: true)])
            case .respond: return ("反馈 \(record)", [text("text", "反馈内容", multiline: true)])
            case .verify:
                return ("核实 \(record)", [picker("breach", "失信违诺", ["否", "是"]),
                                          picker("category", "类别", ["0 按投诉"] + (1...6).map { "\($0) \(Category.label($0))" }, digitBase: 0),
                                          text("finding", "核实情况", multiline: true)])
            case .followup:
                return ("回访 \(record)", [picker("satisfied", "满意度", ["满意", "不满意"]), text("note", "回访记录", multiline: true)])
            case .progress:
                return ("兑现进展 \(record)", [text("percent", "进度%"), picker("status", "状态", progressStatuses.map(\.label)),
                                              text("note", "说明", multiline: true)])
            case .fulfill: return ("兑现 \(record)", [text("date", "兑现日期", d), text("note", "说明", multiline: true)])
            case .feedback: return ("兑现反馈 \(record)", [text("text", "反馈内容", multiline: true)])
            case .amend:
                return ("依法变更 \(record)", [text("deadline", "新兑现时限"), text("content", "新承诺内容"), text("reason", "变更事由"),
                                              text("basis", "法律依据"), text("approver", "批准人")])
            case .report: return ("报县委县政府 \(record)", [text("date", "上报日期", d)])
            case .accountability:
                return ("问责 \(record)", [text("target", "问责对象"), picker("kind", "问责方式", Accountability.commonKinds),
                                          text("date", "日期", d)])
            case .rectify:
                return ("移送整改 \(record)", [text("unit", "责任单位", unit), text("measures", "整改措施", multiline: true),
                                              text("deadline", "整改时限", today.adding(days: 30).string)])
            case .rectificationDone: return ("整改完成 \(record)", [text("date", "完成日期", d)])
            case .filterPane: return ("筛选", [])
            }
        }()
        return ActionForm(step: step, record: record, title: title, inputs: inputs)
    }

    /// The statuses the progress form offers, in its order (fulfilment is its own step).
    public static let progressStatuses: [CommitmentStatus] = [.inProgress, .stalled, .partial, .unfulfilled, .notStarted]

    /// Sets an input's starting value (a record's current value): the form is not "typed in" by it.
    mutating func start(_ key: String, text: String? = nil, choice: Int? = nil) {
        guard let i = inputs.firstIndex(where: { $0.key == key }) else { return }
        if let text { inputs[i].editor = LineEditor(text, multiline: inputs[i].editor.multiline) }
        if let choice, let options = inputs[i].options, options.indices.contains(choice) { inputs[i].choice = choice }
        inputs[i].initial = inputs[i].value
    }
}

extension ActionForm.Step {
    /// What the role table must allow for this step (the same table the command line consults).
    public var permission: Permission {
        switch self {
        case .accept: .complaintAccept
        case .extend: .complaintExtend
        case .returnTo: .complaintReturn
        case .resolve: .complaintResolve
        case .respond: .complaintRespond
        case .verify: .complaintVerify
        case .followup: .complaintFollowup
        case .progress: .commitmentProgress
        case .fulfill: .commitmentFulfill
        case .feedback: .commitmentFeedback
        case .amend: .commitmentAmend
        case .report: .breachReport
        case .accountability: .accountabilityAdd
        case .rectify: .rectificationAdd
        case .rectificationDone: .rectificationDone
        case .filterPane: .read
        }
    }
}
