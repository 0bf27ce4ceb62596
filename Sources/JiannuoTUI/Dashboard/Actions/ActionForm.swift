import JiannuoCore

/// A small form for one step of a record's workflow (accept, resolve, verify …): a few inputs that
/// start from the record's current values, Ctrl-S to do it, Esc to leave. Pure; `StepForms` builds it
/// for a record, `DashboardApp` carries the step out through the ledger.
public struct ActionForm: Sendable, Equatable {
    public enum Step: String, Sendable, Equatable {
        case accept, extend, returnTo, resolve, respond, verify, followup
        case progress, fulfill, feedback, amend
        case report, accountability, rectify, rectificationDone
        /// The office's word on a backdated event of the record (待核实补录): confirmed or rejected.
        case confirmClaim
        /// A unit's difficulty report on the record (困难问题报告), and the office's answer to one.
        case fileDifficulty, answerDifficulty
        /// Not a workflow step: the structured filter of a pane (`F`), built by `FilterForms`.
        case filterPane

        /// The step in a word, for refusals ("延期", "Extension").
        public var label: String { label(.zh) }

        public func label(_ lang: Lang) -> String {
            switch self {
            case .accept: lang("受理", "Acceptance")
            case .extend: lang("延期", "Extension")
            case .returnTo: lang("退回", "Return")
            case .resolve: lang("办结", "Resolution")
            case .respond: lang("反馈", "Response")
            case .verify: lang("核实", "Verification")
            case .followup: lang("回访", "Follow-up")
            case .progress: lang("兑现进展", "Progress")
            case .fulfill: lang("兑现", "Fulfilment")
            case .feedback: lang("兑现反馈", "Feedback")
            case .amend: lang("依法变更", "Amendment")
            case .report: lang("上报", "Reporting")
            case .accountability: lang("问责", "Accountability")
            case .rectify: lang("移送整改", "Rectification order")
            case .rectificationDone: lang("整改完成", "Rectification done")
            case .confirmClaim: lang("核实补录", "Confirming a claim")
            case .fileDifficulty: lang("报告困难问题", "A difficulty report")
            case .answerDifficulty: lang("答复困难问题", "Answering a difficulty report")
            case .filterPane: lang("筛选", "Filter")
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
        case .fulfill, .accountability, .confirmClaim: true
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
    /// Labels and choices are in `lang`; the accountability kinds are the words written to the ledger.
    public static func make(_ step: Step, record: String, today: Day, unit: String = "", lang l: Lang = .zh) -> ActionForm {
        let d = today.string
        let (title, inputs): (String, [Input]) = {
            switch step {
            case .accept: return (l("受理 \(record)", "Accept \(record)"), [picker("confirm", l("确认受理", "Accept"), [l("是", "yes")])])
            case .extend:
                return (l("延期 \(record)", "Extend \(record)"), [text("days", l("延长工作日", "Working days")),
                                                                   text("reason", l("延期理由", "Reason"), multiline: true)])
            case .returnTo:
                return (l("退回 \(record)", "Return \(record)"), [text("to", l("转交单位", "Pass to unit")),
                                                                   text("reason", l("退回理由", "Reason"), multiline: true)])
            case .resolve: return (l("办结 \(record)", "Resolve \(record)"), [text("result", l("办理结果", "Result"), multiline: true)])
            case .respond: return (l("反馈 \(record)", "Respond \(record)"), [text("text", l("反馈内容", "Answer"), multiline: true)])
            case .verify:
                return (l("核实 \(record)", "Verify \(record)"), [picker("breach", l("失信违诺", "Breach"), [l("否", "no"), l("是", "yes")]),
                                          picker("category", l("类别", "Category"),
                                                 [l("0 按投诉", "0 as complaint")] + (1...6).map { "\($0) \(Category.label($0, l))" }, digitBase: 0),
                                          text("finding", l("核实情况", "Finding"), multiline: true)])
            case .followup:
                return (l("回访 \(record)", "Follow up \(record)"),
                        [picker("satisfied", l("满意度", "Satisfaction"), [l("满意", "satisfied"), l("不满意", "not satisfied")]),
                         text("note", l("回访记录", "Note"), multiline: true)])
            case .progress:
                return (l("兑现进展 \(record)", "Progress \(record)"),
                        [text("percent", l("进度%", "Progress %")), picker("status", l("状态", "Status"), progressStatuses.map { $0.label(l) }),
                         text("note", l("说明", "Note"), multiline: true)])
            case .fulfill:
                return (l("兑现 \(record)", "Fulfil \(record)"), [text("date", l("兑现日期", "Fulfilled on"), d),
                                                                  text("note", l("说明", "Note"), multiline: true)])
            case .feedback: return (l("兑现反馈 \(record)", "Feedback \(record)"), [text("text", l("反馈内容", "Feedback"), multiline: true)])
            case .amend:
                return (l("依法变更 \(record)", "Amend \(record)"),
                        [text("deadline", l("新兑现时限", "New deadline")), text("content", l("新承诺内容", "New content")),
                         text("reason", l("变更事由", "Reason")), text("basis", l("法律依据", "Legal basis")), text("approver", l("批准人", "Approver"))])
            case .report:
                return (l("报县委县政府 \(record)", "Report \(record) to the county"), [text("date", l("上报日期", "Reported on"), d)])
            case .accountability:
                return (l("问责 \(record)", "Accountability \(record)"),
                        [text("target", l("问责对象", "Target")), picker("kind", l("问责方式", "Form"), Accountability.commonKinds),
                         text("date", l("日期", "Date"), d)])
            case .rectify:
                return (l("移送整改 \(record)", "Rectify \(record)"),
                        [text("unit", l("责任单位", "Unit"), unit), text("measures", l("整改措施", "Measures"), multiline: true),
                         text("deadline", l("整改时限", "Deadline"), today.adding(days: 30).string)])
            case .rectificationDone:
                return (l("整改完成 \(record)", "Rectified \(record)"), [text("date", l("完成日期", "Done on"), d)])
            case .confirmClaim:
                return (l("核实补录 \(record)", "Confirm a claim on \(record)"),
                        [picker("event", l("事件", "Event"), [l("（无待核实的事件）", "(nothing pending)")]),
                         picker("verdict", l("结论", "Decision"), [l("确认，按所填日期生效", "confirm: it counts on the day claimed"),
                                                                  l("不予采信，按录入日生效", "reject: it counts on the day recorded")]),
                         text("note", l("凭证或理由", "Evidence or reason"))])
            case .fileDifficulty:
                return (l("报告困难问题 \(record)", "Report a difficulty with \(record)"),
                        [text("text", l("困难问题", "Difficulty"), multiline: true), text("asks", l("请求事项", "Asks for"), multiline: true)])
            case .answerDifficulty:
                return (l("答复困难问题 \(record)", "Answer difficulty report \(record)"),
                        [text("answer", l("答复内容", "Answer"), multiline: true),
                         picker("refer", l("提请县领导", "Refer up"), [l("否", "no"), l("是（领导）", "yes (leaders)")])])
            case .filterPane: return (l("筛选", "Filter"), [])
            }
        }()
        return ActionForm(step: step, record: record, title: title, inputs: inputs)
    }

    /// The event id at the head of a claim's choice (`JL-3 2026-05-08 兑现` → `JL-3`).
    public static func eventId(_ choice: String) -> String { String(choice.split(separator: " ").first ?? "") }

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
        case .confirmClaim: .claimConfirm
        case .fileDifficulty: .difficultyAdd
        case .answerDifficulty: .difficultyAnswer
        case .filterPane: .read
        }
    }
}
