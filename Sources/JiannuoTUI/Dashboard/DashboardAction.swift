/// What a key asks the dashboard to do.
public enum DashboardAction: Hashable, Sendable {
    case nextPane, previousPane, focus(Pane)
    case up, down, pageUp, pageDown, top, bottom
    case open, back, filter, help, refresh, quit, newComplaint
    /// A workflow step on the selected record.
    case step(ActionForm.Step)
    /// Show the complainant's contact in full (written to the audit log).
    case reveal
    /// The selected record's department: its whole breach record.
    case drill
    /// Find any commitment, complaint or department.
    case search
}

/// What the update asks the runtime to do, outside the pure update.
public enum DashboardEffect: Equatable, Sendable {
    /// Read everything again (after `r`, a write by another process, or midnight).
    case reload
    /// The focused pane's filter changed: read its first window again.
    case refilter(Pane)
    /// Show the selected row's record in full.
    case openDetail(Pane, Int)
    /// Open the complaint intake form (it needs the time of day, which the update does not read).
    case openIntake
    /// Open the drill-down of the selected row's department.
    case drill(Pane, Int)
    /// Open a record by id (a line of the drill-down).
    case openRecord(String)
    /// Show the selected complaint with its contact in full, and record that it was looked at.
    case reveal(Pane, Int)
    /// Open a step's form for the selected row (the runtime finds the record and checks the step applies).
    case openStep(Pane, Int, ActionForm.Step)
}

/// The one key table: dispatch, the footer and the `?` help are all read from it.
public enum DashboardKeys {
    /// The pane whose workflow keys apply to a record, by its id's prefix.
    public static func context(ofRecord id: String) -> KeyContext {
        switch id.prefix(2) {
        case "TS": "complaints"
        case "CN": "commitments"
        default: "deadlines"
        }
    }

    public static let map = KeyMap<DashboardAction>([
        KeyBinding([.char("?")], .help, help: "显示全部按键", footer: "帮助"),
        KeyBinding([.char("q"), .ctrl("c")], .quit, help: "退出", footer: "退出", footerKeys: "q"),
        KeyBinding([.char("a")], .newComplaint, help: "登记投诉（在任何面板）", footer: "登记"),
        KeyBinding([.char(":")], .search, help: "搜索承诺、投诉、单位（编号、名称、内容），Enter 打开", footer: "搜索"),
        KeyBinding([.char("/")], .filter, help: "筛选当前面板（边输边筛，Enter 确定，Esc 清除）", footer: "筛选"),
        KeyBinding([.enter], .open, help: "打开所选记录的详情（全部字段与经过）", footer: "详情"),
        KeyBinding([.tab], .nextPane, help: "切换到下一个面板", footer: "切换"),
        KeyBinding([.char("j"), .down], .down, help: "下移一行", footer: "移动", footerKeys: "j/k"),
        KeyBinding([.char("d")], .drill, help: "所选记录所属单位的失信档案（得分明细、趋势）", footer: "档案"),
        KeyBinding([.char("r")], .refresh, help: "立即刷新", footer: "刷新"),
        KeyBinding([.backTab], .previousPane, help: "切换到上一个面板"),
        KeyBinding([.char("1")], .focus(.commitments), help: "承诺事项面板"),
        KeyBinding([.char("2")], .focus(.complaints), help: "投诉举报面板"),
        KeyBinding([.char("3")], .focus(.deadlines), help: "临期/逾期面板"),
        KeyBinding([.char("4")], .focus(.scores), help: "部门评分面板"),
        KeyBinding([.char("k"), .up], .up, help: "上移一行"),
        KeyBinding([.pageDown, .ctrl("f")], .pageDown, help: "下翻一页"),
        KeyBinding([.pageUp, .ctrl("b")], .pageUp, help: "上翻一页"),
        KeyBinding([.char("g"), .home], .top, help: "到第一行"),
        KeyBinding([.char("G"), .end], .bottom, help: "到最后一行"),
        KeyBinding([.escape], .back, help: "清除当前面板的筛选"),
        KeyBinding([.char("v")], .reveal, help: "显示投诉人完整联系方式（记入审计日志）", context: "complaints"),
        KeyBinding([.char("s")], .step(.accept), help: "受理所选投诉", context: "complaints", footer: "受理"),
        KeyBinding([.char("b")], .step(.resolve), help: "办结（填写办理结果）", context: "complaints", footer: "办结"),
        KeyBinding([.char("f")], .step(.respond), help: "反馈（答复投诉人）", context: "complaints", footer: "反馈"),
        KeyBinding([.char("h")], .step(.verify), help: "核实是否失信违诺；属实则移送整改", context: "complaints", footer: "核实"),
        KeyBinding([.char("y")], .step(.extend), help: "延期（办结时限届满前）", context: "complaints", footer: "延期"),
        KeyBinding([.char("t")], .step(.returnTo), help: "错派件退回并转交", context: "complaints", footer: "退回"),
        KeyBinding([.char("m")], .step(.followup), help: "回访满意度", context: "complaints", footer: "回访"),
        KeyBinding([.char("p")], .step(.progress), help: "记录兑现进展", context: "commitments", footer: "进展"),
        KeyBinding([.char("x")], .step(.fulfill), help: "标记已兑现", context: "commitments", footer: "兑现"),
        KeyBinding([.char("f")], .step(.feedback), help: "记录兑现反馈", context: "commitments", footer: "反馈"),
        KeyBinding([.char("c")], .step(.amend), help: "依法变更（事由、依据、批准人必填）", context: "commitments", footer: "变更"),
        KeyBinding([.char("u")], .step(.report), help: "失信记录报县委县政府", context: "deadlines", footer: "上报"),
        KeyBinding([.char("z")], .step(.accountability), help: "对失信记录问责", context: "deadlines", footer: "问责"),
        KeyBinding([.char("w")], .step(.rectificationDone), help: "整改完成", context: "deadlines", footer: "整改完成"),
        KeyBinding([.escape], .back, help: "返回；清除筛选", context: "overlay", footer: "返回"),
        KeyBinding([.char("j"), .down], .down, help: "向下滚动", context: "overlay"),
        KeyBinding([.char("k"), .up], .up, help: "向上滚动", context: "overlay"),
        KeyBinding([.pageDown], .pageDown, help: "下翻一页", context: "overlay"),
        KeyBinding([.pageUp], .pageUp, help: "上翻一页", context: "overlay"),
        KeyBinding([.char("q"), .ctrl("c")], .quit, help: "退出", context: "overlay", footer: "退出"),
    ])
}
