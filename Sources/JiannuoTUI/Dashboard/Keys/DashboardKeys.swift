/// The one key table of the dashboard, for every place: the panes, a record, the drill-down, the
/// search, the filter line, the forms and their fields, dialogs and the help. Dispatch
/// (`DashboardUpdate.key`), every footer and the `?` help are read from it, so they cannot drift.
public enum DashboardKeys {
    /// The pane whose workflow keys apply to a record, by what kind of record it is.
    public static func context(ofRecord id: String) -> KeyContext {
        switch RecordKind(id) {
        case .complaint: .complaints
        case .commitment: .commitments
        default: .deadlines
        }
    }

    // Ranks: 0 what the place is for, 1 its main actions, 2 going elsewhere, 3 less used, 4+ known by all.
    public static let map = KeyMap<DashboardAction>(anywhere + panes + paneSteps + filter + documents + search + forms + fields + dialogs)

    static let anywhere: [KeyBinding<DashboardAction>] = [
        KeyBinding([.ctrl("c")], .quit, help: "退出程序（任何地方；也可 SIGTERM）"),
        KeyBinding([.f(1)], .help, help: "显示全部按键（任何地方，表单中也可）"),
    ]

    static let panes: [KeyBinding<DashboardAction>] = [
        KeyBinding([.enter], .open, help: "打开所选记录的详情（全部字段、经过与关联记录）", context: .panes, footer: "详情", rank: 0),
        KeyBinding([.char("d")], .drill, help: "所选记录所属单位的失信档案（得分明细、失信记录、趋势）", context: .panes, footer: "档案", rank: 2),
        KeyBinding([.char("/")], .filter, help: "筛选当前面板（边输边筛，Enter 确定，Esc 清除）", context: .panes, footer: "筛选", rank: 2),
        KeyBinding([.char(":")], .search, help: "搜索承诺、投诉、单位（编号、名称、内容），Enter 打开", context: .panes, footer: "搜索", rank: 2),
        KeyBinding([.char("a")], .newComplaint, help: "登记投诉（在任何面板）", context: .panes, footer: "登记", rank: 2),
        KeyBinding([.tab], .nextPane, help: "切换到下一个面板", context: .panes, footer: "切换", rank: 4),
        KeyBinding([.backTab], .previousPane, help: "切换到上一个面板", context: .panes),
        KeyBinding([.char("1")], .focus(.commitments), help: "承诺事项面板", context: .panes),
        KeyBinding([.char("2")], .focus(.complaints), help: "投诉举报面板", context: .panes),
        KeyBinding([.char("3")], .focus(.deadlines), help: "临期/逾期面板", context: .panes),
        KeyBinding([.char("4")], .focus(.scores), help: "部门评分面板", context: .panes),
        KeyBinding([.char("j"), .down], .down, help: "下移一行", context: .panes, footer: "移动", footerKeys: "j/k", rank: 6),
        KeyBinding([.char("k"), .up], .up, help: "上移一行", context: .panes),
        KeyBinding([.pageDown, .ctrl("f")], .pageDown, help: "下翻一页", context: .panes),
        KeyBinding([.pageUp, .ctrl("b")], .pageUp, help: "上翻一页", context: .panes),
        KeyBinding([.char("g"), .home], .top, help: "到第一行", context: .panes),
        KeyBinding([.char("G"), .end], .bottom, help: "到最后一行", context: .panes),
        KeyBinding([.escape], .back, help: "清除当前面板的筛选", context: .panes),
        KeyBinding([.char("o")], .sortNext, help: "按下一列排序（再按换下一列，回到默认顺序）", context: .panes, footer: "排序", rank: 4),
        KeyBinding([.char("O")], .sortReverse, help: "倒转当前排序", context: .panes),
        KeyBinding([.char("F")], .structuredFilter, help: "按条件筛选（单位、状态、紧急程度、类别、渠道、日期）", context: .panes, footer: "条件",
                   rank: 4),
        KeyBinding([.char("e")], .export, help: "把当前面板（含筛选与排序）导出为 CSV，存于数据库旁的 exports 文件夹", context: .panes,
                   footer: "导出", rank: 5),
        KeyBinding([.char("r")], .refresh, help: "立即刷新", context: .panes, footer: "刷新", rank: 6),
        KeyBinding([.char("?")], .help, help: "显示全部按键", context: .panes),
        KeyBinding([.char("q")], .quit, help: "退出程序（只在面板上；在记录和对话框中 q 是关闭）", context: .panes, footer: "退出", rank: 5),
    ]

    /// The workflow keys of each kind of record: in its pane on the selected row, and in its record.
    static let paneSteps: [KeyBinding<DashboardAction>] = [
        KeyBinding([.char("s")], .step(.accept), help: "受理投诉", context: .complaints, footer: "受理", rank: 1),
        KeyBinding([.char("b")], .step(.resolve), help: "办结（填写办理结果）", context: .complaints, footer: "办结", rank: 1),
        KeyBinding([.char("f")], .step(.respond), help: "反馈（答复投诉人）", context: .complaints, footer: "反馈", rank: 1),
        KeyBinding([.char("h")], .step(.verify), help: "核实是否失信违诺；属实则生成失信记录并移送整改（先确认）", context: .complaints,
                   footer: "核实", rank: 1),
        KeyBinding([.char("y")], .step(.extend), help: "延期（办结时限届满前，一次）", context: .complaints, footer: "延期", rank: 3),
        KeyBinding([.char("t")], .step(.returnTo), help: "错派件退回并转交（受理前）", context: .complaints, footer: "退回", rank: 3),
        KeyBinding([.char("m")], .step(.followup), help: "回访满意度（反馈后）", context: .complaints, footer: "回访", rank: 3),
        KeyBinding([.char("v")], .reveal, help: "显示投诉人完整联系方式（记入审计日志）", context: .complaints, footer: "联系方式", rank: 4),
        KeyBinding([.char("p")], .step(.progress), help: "记录兑现进展（从当前状态与进度开始）", context: .commitments, footer: "进展", rank: 1),
        KeyBinding([.char("x")], .step(.fulfill), help: "标记已兑现（先确认）", context: .commitments, footer: "兑现", rank: 1),
        KeyBinding([.char("f")], .step(.feedback), help: "记录兑现反馈", context: .commitments, footer: "反馈", rank: 1),
        KeyBinding([.char("c")], .step(.amend), help: "依法变更（事由、依据、批准人必填）", context: .commitments, footer: "变更", rank: 3),
        KeyBinding([.char("u")], .step(.report), help: "失信记录报县委县政府", context: .deadlines, footer: "上报", rank: 1),
        KeyBinding([.char("z")], .step(.accountability), help: "对失信记录问责（先确认）", context: .deadlines, footer: "问责", rank: 1),
        KeyBinding([.char("w")], .step(.rectificationDone), help: "整改完成", context: .deadlines, footer: "整改完成", rank: 1),
        KeyBinding([.enter], .drill, help: "打开所选单位的失信档案", context: .scores, footer: "档案", rank: 0),
    ]

    static let filter: [KeyBinding<DashboardAction>] = [
        KeyBinding([], .type, help: "输入筛选文字，列表边输边筛", context: .filter, footer: "筛选", footerKeys: "输入", rank: 1, anyCharacter: true),
        KeyBinding([.enter], .keepFilter, help: "保留筛选，回到列表", context: .filter, footer: "确定", rank: 0),
        KeyBinding([.escape], .clearFilter, help: "清除筛选", context: .filter, footer: "清除", rank: 0),
        KeyBinding([.backspace], .edit(.backspace), help: "删除最后一个字", context: .filter, footer: "删除", rank: 2),
        KeyBinding([.ctrl("u")], .edit(.killToStart), help: "清空筛选文字", context: .filter),
    ]

    /// A record, the drill-down and the help scroll alike.
    static func scrolling(_ context: KeyContext, _ verb: String) -> [KeyBinding<DashboardAction>] {
        [
            KeyBinding([.char("j"), .down], .down, help: "\(verb)下移一行", context: context, footer: "移动", footerKeys: "j/k", rank: 1),
            KeyBinding([.char("k"), .up], .up, help: "\(verb)上移一行", context: context),
            KeyBinding([.pageDown, .ctrl("f"), .char(" ")], .pageDown, help: "下翻一页", context: context, footer: "翻页",
                       footerKeys: "PgDn/PgUp", rank: 2),
            KeyBinding([.pageUp, .ctrl("b")], .pageUp, help: "上翻一页", context: context),
            KeyBinding([.char("g"), .home], .top, help: "到开头", context: context, footer: "首/尾", footerKeys: "g/G", rank: 4),
            KeyBinding([.char("G"), .end], .bottom, help: "到末尾", context: context),
        ]
    }

    static let documents: [KeyBinding<DashboardAction>] = [
        KeyBinding([.enter], .open, help: "打开光标行指向的记录（投诉→失信、整改、问责、承诺；失信→投诉）", context: .record,
                   footer: "打开", rank: 0),
        KeyBinding([.escape], .back, help: "返回上一屏（搜索结果、失信档案或面板）", context: .record, footer: "返回", rank: 0),
    ] + scrolling(.record, "光标") + [
        KeyBinding([.char("d")], .drill, help: "本记录所属单位的失信档案", context: .record, footer: "档案", rank: 3),
        KeyBinding([.char("?")], .help, help: "显示全部按键", context: .record),
        KeyBinding([.char("q")], .close, help: "关闭，回到面板（不退出程序）", context: .record, footer: "关闭", rank: 3),
        KeyBinding([.enter], .open, help: "打开该行的记录（得分明细、失信记录、预警）", context: .drill, footer: "打开", rank: 0),
        KeyBinding([.escape], .back, help: "返回上一屏", context: .drill, footer: "返回", rank: 0),
    ] + scrolling(.drill, "光标") + [
        KeyBinding([.char("?")], .help, help: "显示全部按键", context: .drill),
        KeyBinding([.char("q")], .close, help: "关闭，回到面板（不退出程序）", context: .drill, footer: "关闭", rank: 3),
        KeyBinding([.escape, .char("q"), .char("?")], .back, help: "关闭帮助", context: .help, footer: "关闭", footerKeys: "Esc/q", rank: 0),
    ] + scrolling(.help, "")

    static let search: [KeyBinding<DashboardAction>] = [
        KeyBinding([.enter], .open, help: "搜索；已列出结果时打开所选（Esc 从记录回到结果）", context: .search, footer: "搜索/打开", rank: 0),
        KeyBinding([.down, .tab], .down, help: "选择下一条结果", context: .search, footer: "选择", footerKeys: "↑/↓", rank: 1),
        KeyBinding([.up, .backTab], .up, help: "选择上一条结果", context: .search),
        KeyBinding([.pageDown], .pageDown, help: "结果下翻一页", context: .search),
        KeyBinding([.pageUp], .pageUp, help: "结果上翻一页", context: .search),
        KeyBinding([.escape], .back, help: "关闭搜索", context: .search, footer: "关闭", rank: 0),
    ]

    static let forms: [KeyBinding<DashboardAction>] = [
        KeyBinding([.ctrl("s")], .submit, help: "检查每一项（与命令行同样的规则）并保存；有误的项就地标出", context: .intake, footer: "保存", rank: 0),
        KeyBinding([.escape], .cancel, help: "取消（输入过内容时先询问）", context: .intake, footer: "取消", rank: 0),
        KeyBinding([.ctrl("n")], .takeSuggestion, help: "采用关联承诺旁的建议（再按换下一条）", context: .intake, footer: "采用建议", rank: 0),
        KeyBinding([.tab, .down, .enter], .nextField, help: "下一项", context: .intake, footer: "下一项", footerKeys: "Tab/↓", rank: 1),
        KeyBinding([.backTab, .up], .previousField, help: "上一项", context: .intake, footer: "上一项", footerKeys: "↑", rank: 4),
        KeyBinding([.ctrl("s")], .submit, help: "办理（不可撤销的步骤先说明后果并确认一次）", context: .step, footer: "确定", rank: 0),
        KeyBinding([.escape], .cancel, help: "取消（填写过内容时先询问）", context: .step, footer: "取消", rank: 0),
        KeyBinding([.tab, .down], .nextField, help: "下一项", context: .step, footer: "下一项", footerKeys: "Tab/↓", rank: 1),
        KeyBinding([.backTab, .up], .previousField, help: "上一项", context: .step, footer: "上一项", footerKeys: "↑", rank: 4),
        KeyBinding([.enter], .nextFieldOrSubmit, help: "下一项；在最后一项时办理", context: .step),
    ]

    static let fields: [KeyBinding<DashboardAction>] = [
        KeyBinding([.right, .char(" ")], .choose(1), help: "选下一个选项", context: .picker, footer: "选择", footerKeys: "←/→", rank: 1),
        KeyBinding([.left], .choose(-1), help: "选上一个选项", context: .picker),
        KeyBinding((0...9).map { .char(Character("\($0)")) }, .pickDigit, help: "按选项前的序号直接选择", context: .picker,
                   footer: "直选", footerKeys: "数字", rank: 3),
        KeyBinding([], .type, help: "输入文字（中文输入法亦可）", context: .edit, anyCharacter: true),
    ] + EditCommand.allCases.map { KeyBinding($0.keys, .edit($0), help: $0.help, context: .edit) } + [
        KeyBinding([.enter], .newline, help: "换行", context: .multiline, footer: "换行", rank: 3),
    ]

    static let dialogs: [KeyBinding<DashboardAction>] = [
        KeyBinding([.enter, .char("y")], .confirm, help: "确定（对话框所写的操作）", context: .prompt, footer: "确定", rank: 0),
        KeyBinding([.escape, .char("n")], .dismiss, help: "取消，回到原处", context: .prompt, footer: "取消", rank: 0),
    ]
}
