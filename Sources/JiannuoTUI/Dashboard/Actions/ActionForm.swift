import JiannuoCore

/// A small form for one step of a record's workflow (accept, resolve, verify …): a few inputs,
/// Ctrl-S to do it, Esc to leave. Pure; `DashboardApp` carries the step out through the Store.
public struct ActionForm: Sendable, Equatable {
    public enum Step: String, Sendable, Equatable {
        case accept, extend, returnTo, resolve, respond, verify, followup
        case progress, fulfill, feedback, amend
        case report, accountability, rectify, rectificationDone
    }

    public struct Input: Sendable, Equatable {
        public var key: String
        public var label: String
        public var editor: LineEditor
        /// A picker's choices; nil for a text input.
        public var options: [String]?
        public var choice = 0
        public var value: String { options.map { $0[choice] } ?? editor.text }
    }

    public var step: Step
    public var record: String
    public var title: String
    public var inputs: [Input]
    public var focus = 0
    public var error: String?

    public func value(_ key: String) -> String { inputs.first { $0.key == key }?.value ?? "" }
    public func choice(_ key: String) -> Int { inputs.first { $0.key == key }?.choice ?? 0 }

    public enum Outcome: Equatable, Sendable { case none, submit, cancel }

    public mutating func handle(_ key: KeyEvent) -> Outcome {
        switch key {
        case .ctrl("s"): return .submit
        case .escape: return .cancel
        case .tab, .down: focus = inputs.isEmpty ? 0 : (focus + 1) % inputs.count; return .none
        case .backTab, .up: focus = inputs.isEmpty ? 0 : (focus + inputs.count - 1) % inputs.count; return .none
        case .enter:
            // Enter confirms a form with no text to write in, and moves on otherwise (or breaks a line in long text).
            if inputs.allSatisfy({ $0.options != nil }) { return .submit }
            if inputs[focus].editor.multiline && inputs[focus].options == nil { inputs[focus].editor.insert("\n"); return .none }
            if focus == inputs.count - 1 { return .submit }
            focus += 1
            return .none
        default: break
        }
        guard inputs.indices.contains(focus) else { return .none }
        error = nil
        if let options = inputs[focus].options {
            switch key {
            case .right, .char(" "): inputs[focus].choice = (inputs[focus].choice + 1) % options.count
            case .left: inputs[focus].choice = (inputs[focus].choice + options.count - 1) % options.count
            default: break
            }
        } else {
            inputs[focus].editor.handle(key)
        }
        return .none
    }

    static func text(_ key: String, _ label: String, _ initial: String = "", multiline: Bool = false) -> Input {
        Input(key: key, label: label, editor: LineEditor(initial, multiline: multiline))
    }

    static func picker(_ key: String, _ label: String, _ options: [String], _ choice: Int = 0) -> Input {
        Input(key: key, label: label, editor: LineEditor(), options: options, choice: choice)
    }

    /// The form for a step on a record; `today` fills in date fields.
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
                                          picker("category", "类别", ["按投诉"] + (1...6).map { "\($0) \(Category.label($0))" }),
                                          text("finding", "核实情况", multiline: true)])
            case .followup:
                return ("回访 \(record)", [picker("satisfied", "满意度", ["满意", "不满意"]), text("note", "回访记录", multiline: true)])
            case .progress:
                return ("兑现进展 \(record)", [text("percent", "进度%"),
                                              picker("status", "状态", ["推进中", "停滞", "部分兑现", "未兑现", "未启动"]),
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
            }
        }()
        return ActionForm(step: step, record: record, title: title, inputs: inputs)
    }
}
