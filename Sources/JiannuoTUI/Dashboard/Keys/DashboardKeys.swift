import JiannuoCore

/// The one key table of the dashboard, for every place: the panes, a record, the drill-down, the
/// search, the filter line, the forms and their fields, dialogs and the help. Dispatch
/// (`DashboardUpdate.key`), every footer and the `?` help are read from it, so they cannot drift.
/// Every help text and footer label is in both languages; the footer and the help pick one as they draw.
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
        KeyBinding([.ctrl("c")], .quit, help: Text("退出程序（任何地方；也可 SIGTERM）", "Quit (anywhere; SIGTERM too)")),
        KeyBinding([.f(1)], .help, help: Text("显示全部按键（任何地方，表单中也可）", "Show every key (anywhere, in forms too)")),
    ]

    static let panes: [KeyBinding<DashboardAction>] = [
        KeyBinding([.enter], .open, help: Text("打开所选记录的详情（全部字段、经过与关联记录）",
                   "Open the selected record's detail (every field, its history and linked records)"),
                   context: .panes, footer: Text("详情", "detail"), rank: 0),
        KeyBinding([.char("d")], .drill, help: Text("所选记录所属单位的失信档案（得分明细、失信记录、趋势）",
                   "The integrity file of the selected record's unit (score lines, breaches, trend)"),
                   context: .panes, footer: Text("档案", "file"), rank: 2),
        KeyBinding([.char("/")], .filter, help: Text("筛选当前面板（边输边筛，Enter 确定，Esc 清除）",
                   "Filter the current pane (as you type; Enter keeps it, Esc clears it)"),
                   context: .panes, footer: Text("筛选", "filter"), rank: 2),
        KeyBinding([.char(":")], .search, help: Text("搜索承诺、投诉、单位（编号、名称、内容），Enter 打开",
                   "Search commitments, complaints and units (id, name, content); Enter opens"),
                   context: .panes, footer: Text("搜索", "search"), rank: 2),
        KeyBinding([.char("a")], .newComplaint, help: Text("登记投诉（在任何面板）", "Register a complaint (from any pane)"),
                   context: .panes, footer: Text("登记", "register"), rank: 2),
        KeyBinding([.tab], .nextPane, help: Text("切换到下一个面板", "Next pane"), context: .panes, footer: Text("切换", "switch"), rank: 4),
        KeyBinding([.backTab], .previousPane, help: Text("切换到上一个面板", "Previous pane"), context: .panes),
        KeyBinding([.char("1")], .focus(.commitments), help: Text("承诺事项面板", "Commitments pane"), context: .panes),
        KeyBinding([.char("2")], .focus(.complaints), help: Text("投诉举报面板", "Complaints pane"), context: .panes),
        KeyBinding([.char("3")], .focus(.deadlines), help: Text("临期/逾期面板", "Deadlines pane"), context: .panes),
        KeyBinding([.char("4")], .focus(.scores), help: Text("部门评分面板", "Unit scores pane"), context: .panes),
        KeyBinding([.char("j"), .down], .down, help: Text("下移一行", "Down one row"),
                   context: .panes, footer: Text("移动", "move"), footerKeys: .same("j/k"), rank: 6),
        KeyBinding([.char("k"), .up], .up, help: Text("上移一行", "Up one row"), context: .panes),
        KeyBinding([.pageDown, .ctrl("f")], .pageDown, help: Text("下翻一页", "Down one page"), context: .panes),
        KeyBinding([.pageUp, .ctrl("b")], .pageUp, help: Text("上翻一页", "Up one page"), context: .panes),
        KeyBinding([.char("g"), .home], .top, help: Text("到第一行", "To the first row"), context: .panes),
        KeyBinding([.char("G"), .end], .bottom, help: Text("到最后一行", "To the last row"), context: .panes),
        KeyBinding([.escape], .back, help: Text("清除当前面板的筛选", "Clear the current pane's filter"), context: .panes),
        KeyBinding([.char("o")], .sortNext, help: Text("按下一列排序（再按换下一列，回到默认顺序）",
                   "Sort by the next column (press again for the one after, and back to the default order)"),
                   context: .panes, footer: Text("排序", "sort"), rank: 4),
        KeyBinding([.char("O")], .sortReverse, help: Text("倒转当前排序", "Reverse the current order"), context: .panes),
        KeyBinding([.char("F")], .structuredFilter, help: Text("按条件筛选（单位、状态、紧急程度、类别、渠道、日期）",
                   "Filter by conditions (unit, status, urgency, category, channel, dates)"),
                   context: .panes, footer: Text("条件", "conditions"), rank: 4),
        KeyBinding([.char("e")], .export, help: Text("把当前面板（含筛选与排序）导出为 CSV，存于数据库旁的 exports 文件夹",
                   "Export the current pane (with its filters and order) as CSV into the exports folder beside the database"),
                   context: .panes, footer: Text("导出", "export"), rank: 5),
        KeyBinding([.char("r")], .refresh, help: Text("立即刷新", "Refresh now"), context: .panes, footer: Text("刷新", "refresh"), rank: 6),
        KeyBinding([.char("?")], .help, help: Text("显示全部按键", "Show every key"), context: .panes),
        KeyBinding([.char("q")], .quit, help: Text("退出程序（只在面板上；在记录和对话框中 q 是关闭）",
                   "Quit (on the panes only; in records and dialogs q closes)"),
                   context: .panes, footer: Text("退出", "quit"), rank: 5),
    ]

    /// The workflow keys of each kind of record: in its pane on the selected row, and in its record.
    static let paneSteps: [KeyBinding<DashboardAction>] = [
        KeyBinding([.char("s")], .step(.accept), help: Text("受理投诉", "Accept the complaint"),
                   context: .complaints, footer: Text("受理", "accept"), rank: 1),
        KeyBinding([.char("b")], .step(.resolve), help: Text("办结（填写办理结果）", "Resolve (enter the result)"),
                   context: .complaints, footer: Text("办结", "resolve"), rank: 1),
        KeyBinding([.char("f")], .step(.respond), help: Text("反馈（答复投诉人）", "Respond (answer the complainant)"),
                   context: .complaints, footer: Text("反馈", "respond"), rank: 1),
        KeyBinding([.char("h")], .step(.verify), help: Text("核实是否失信违诺；属实则生成失信记录并移送整改（先确认）",
                   "Verify whether it is a breach of commitment; if so, a breach record is made and a rectification ordered (asks first)"),
                   context: .complaints, footer: Text("核实", "verify"), rank: 1),
        KeyBinding([.char("y")], .step(.extend), help: Text("延期（办结时限届满前，一次）", "Extend (once, before the resolution deadline)"),
                   context: .complaints, footer: Text("延期", "extend"), rank: 3),
        KeyBinding([.char("t")], .step(.returnTo), help: Text("错派件退回并转交（受理前）",
                   "Return a wrongly assigned complaint and pass it on (before acceptance)"),
                   context: .complaints, footer: Text("退回", "return"), rank: 3),
        KeyBinding([.char("m")], .step(.followup), help: Text("回访满意度（反馈后）", "Follow up on satisfaction (after the response)"),
                   context: .complaints, footer: Text("回访", "follow up"), rank: 3),
        KeyBinding([.char("v")], .reveal, help: Text("显示投诉人完整联系方式（记入审计日志）",
                   "Show the complainant's full contact (recorded in the audit log)"),
                   context: .complaints, footer: Text("联系方式", "contact"), rank: 4),
        KeyBinding([.char("p")], .step(.progress), help: Text("记录兑现进展（从当前状态与进度开始）",
                   "Record progress (starting from the current status and percentage)"),
                   context: .commitments, footer: Text("进展", "progress"), rank: 1),
        KeyBinding([.char("x")], .step(.fulfill), help: Text("标记已兑现（先确认）", "Mark as fulfilled (asks first)"),
                   context: .commitments, footer: Text("兑现", "fulfil"), rank: 1),
        KeyBinding([.char("f")], .step(.feedback), help: Text("记录兑现反馈", "Record feedback on fulfilment"),
                   context: .commitments, footer: Text("反馈", "feedback"), rank: 1),
        KeyBinding([.char("c")], .step(.amend), help: Text("依法变更（事由、依据、批准人必填）",
                   "Amend lawfully (reason, legal basis and approver required)"),
                   context: .commitments, footer: Text("变更", "amend"), rank: 3),
        KeyBinding([.char("i")], .step(.confirmClaim), help: Text("核实补录：确认或不予采信待核实的事件（先确认）",
                   "Confirm or reject a backdated event waiting for the office (asks first)"),
                   context: .commitments, footer: Text("核实", "confirm"), rank: 3),
        // A complaint's backdated steps, a rectification's backdated completion: the same key on their records.
        KeyBinding([.char("i")], .step(.confirmClaim), help: Text("核实补录：确认或不予采信待核实的环节（先确认）",
                   "Confirm or reject a backdated step waiting for the office (asks first)"),
                   context: .complaints, footer: Text("核实补录", "confirm claim"), rank: 3),
        KeyBinding([.char("i")], .step(.confirmClaim), help: Text("核实补录：确认或不予采信待核实的整改完成日期（先确认）",
                   "Confirm or reject a backdated completion waiting for the office (asks first)"),
                   context: .deadlines, footer: Text("核实补录", "confirm claim"), rank: 3),
        KeyBinding([.char("n")], .step(.fileDifficulty), help: Text("报告推进中遇到的困难问题（办公室限期答复；不中止时限）",
                   "Report a difficulty met in carrying it out (the office answers within a limit; no deadline is suspended)"),
                   context: .commitments, footer: Text("困难", "difficulty"), rank: 5),
        KeyBinding([.char("n")], .step(.fileDifficulty), help: Text("报告办理中遇到的困难问题（办公室限期答复；不中止时限）",
                   "Report a difficulty met in handling it (the office answers within a limit; no deadline is suspended)"),
                   context: .complaints, footer: Text("困难", "difficulty"), rank: 5),
        KeyBinding([.char("n")], .step(.fileDifficulty), help: Text("就整改或预警所涉记录报告困难问题",
                   "Report a difficulty with the rectification or the alert's record"),
                   context: .deadlines, footer: Text("困难", "difficulty"), rank: 5),
        KeyBinding([.char("N")], .step(.answerDifficulty), help: Text("答复困难问题报告（领导可提请县领导协调）",
                   "Answer a difficulty report (a leader may refer it to the county leadership)"),
                   context: .deadlines, footer: Text("答复", "answer"), rank: 1),
        KeyBinding([.char("u")], .step(.report), help: Text("失信记录报县委县政府", "Report the breach to the county Party committee and government"),
                   context: .deadlines, footer: Text("上报", "report"), rank: 1),
        KeyBinding([.char("z")], .step(.accountability), help: Text("对失信记录问责（先确认）", "Record accountability for the breach (asks first)"),
                   context: .deadlines, footer: Text("问责", "accountability"), rank: 1),
        KeyBinding([.char("w")], .step(.rectificationDone), help: Text("整改完成", "Rectification done"),
                   context: .deadlines, footer: Text("整改完成", "rectified"), rank: 1),
        KeyBinding([.enter], .drill, help: Text("打开所选单位的失信档案", "Open the selected unit's integrity file"),
                   context: .scores, footer: Text("档案", "file"), rank: 0),
    ]

    static let filter: [KeyBinding<DashboardAction>] = [
        KeyBinding([], .type, help: Text("输入筛选文字，列表边输边筛", "Type the filter text; the list narrows as you type"),
                   context: .filter, footer: Text("筛选", "filter"), footerKeys: Text("输入", "type"), rank: 1, anyCharacter: true),
        KeyBinding([.enter], .keepFilter, help: Text("保留筛选，回到列表", "Keep the filter, back to the list"),
                   context: .filter, footer: Text("确定", "keep"), rank: 0),
        KeyBinding([.escape], .clearFilter, help: Text("清除筛选", "Clear the filter"), context: .filter, footer: Text("清除", "clear"), rank: 0),
        KeyBinding([.backspace], .edit(.backspace), help: Text("删除最后一个字", "Delete the last character"),
                   context: .filter, footer: Text("删除", "delete"), rank: 2),
        KeyBinding([.ctrl("u")], .edit(.killToStart), help: Text("清空筛选文字", "Clear the filter text"), context: .filter),
    ]

    /// A record, the drill-down and the help scroll alike.
    static func scrolling(_ context: KeyContext, _ verb: Text) -> [KeyBinding<DashboardAction>] {
        [
            KeyBinding([.char("j"), .down], .down, help: Text("\(verb.zh)下移一行",
                       verb.en.isEmpty ? "Down one line" : "\(verb.en) down one line"),
                       context: context, footer: Text("移动", "move"), footerKeys: .same("j/k"), rank: 1),
            KeyBinding([.char("k"), .up], .up, help: Text("\(verb.zh)上移一行", verb.en.isEmpty ? "Up one line" : "\(verb.en) up one line"),
                       context: context),
            KeyBinding([.pageDown, .ctrl("f"), .char(" ")], .pageDown, help: Text("下翻一页", "Down one page"),
                       context: context, footer: Text("翻页", "page"),
                       footerKeys: .same("PgDn/PgUp"), rank: 2),
            KeyBinding([.pageUp, .ctrl("b")], .pageUp, help: Text("上翻一页", "Up one page"), context: context),
            KeyBinding([.char("g"), .home], .top, help: Text("到开头", "To the start"),
                       context: context, footer: Text("首/尾", "start/end"), footerKeys: .same("g/G"), rank: 4),
            KeyBinding([.char("G"), .end], .bottom, help: Text("到末尾", "To the end"), context: context),
        ]
    }

    static let documents: [KeyBinding<DashboardAction>] = [
        KeyBinding([.enter], .open, help: Text("打开光标行指向的记录（投诉→失信、整改、问责、承诺；失信→投诉）",
                   "Open the record the cursor line leads to (complaint → breach, rectification, accountability, commitment; breach → complaint)"),
                   context: .record, footer: Text("打开", "open"), rank: 0),
        KeyBinding([.escape], .back, help: Text("返回上一屏（搜索结果、失信档案或面板）",
                   "Back to the previous screen (search results, integrity file or panes)"),
                   context: .record, footer: Text("返回", "back"), rank: 0),
    ] + scrolling(.record, Text("光标", "Cursor")) + [
        KeyBinding([.char("d")], .drill, help: Text("本记录所属单位的失信档案", "The integrity file of this record's unit"),
                   context: .record, footer: Text("档案", "file"), rank: 3),
        KeyBinding([.char("?")], .help, help: Text("显示全部按键", "Show every key"), context: .record),
        KeyBinding([.char("q")], .close, help: Text("关闭，回到面板（不退出程序）", "Close, back to the panes (does not quit)"),
                   context: .record, footer: Text("关闭", "close"), rank: 3),
        KeyBinding([.enter], .open, help: Text("打开该行的记录（得分明细、失信记录、预警）", "Open the line's record (score line, breach, alert)"),
                   context: .drill, footer: Text("打开", "open"), rank: 0),
        KeyBinding([.escape], .back, help: Text("返回上一屏", "Back to the previous screen"),
                   context: .drill, footer: Text("返回", "back"), rank: 0),
    ] + scrolling(.drill, Text("光标", "Cursor")) + [
        KeyBinding([.char("?")], .help, help: Text("显示全部按键", "Show every key"), context: .drill),
        KeyBinding([.char("q")], .close, help: Text("关闭，回到面板（不退出程序）", "Close, back to the panes (does not quit)"),
                   context: .drill, footer: Text("关闭", "close"), rank: 3),
        KeyBinding([.escape, .char("q"), .char("?")], .back, help: Text("关闭帮助", "Close the help"),
                   context: .help, footer: Text("关闭", "close"), footerKeys: .same("Esc/q"), rank: 0),
    ] + scrolling(.help, Text("", ""))

    static let search: [KeyBinding<DashboardAction>] = [
        KeyBinding([.enter], .open, help: Text("搜索；已列出结果时打开所选（Esc 从记录回到结果）",
                   "Search; once results are listed, open the selected one (Esc from the record returns to the results)"),
                   context: .search, footer: Text("搜索/打开", "search/open"), rank: 0),
        KeyBinding([.down, .tab], .down, help: Text("选择下一条结果", "Next result"),
                   context: .search, footer: Text("选择", "choose"), footerKeys: .same("↑/↓"), rank: 1),
        KeyBinding([.up, .backTab], .up, help: Text("选择上一条结果", "Previous result"), context: .search),
        KeyBinding([.pageDown], .pageDown, help: Text("结果下翻一页", "Results down one page"), context: .search),
        KeyBinding([.pageUp], .pageUp, help: Text("结果上翻一页", "Results up one page"), context: .search),
        KeyBinding([.escape], .back, help: Text("关闭搜索", "Close the search"), context: .search, footer: Text("关闭", "close"), rank: 0),
    ]

    static let forms: [KeyBinding<DashboardAction>] = [
        KeyBinding([.ctrl("s")], .submit, help: Text("检查每一项（与命令行同样的规则）并保存；有误的项就地标出",
                   "Check every field (the same rules as the command line) and save; a wrong field is marked where it is"),
                   context: .intake, footer: Text("保存", "save"), rank: 0),
        KeyBinding([.escape], .cancel, help: Text("取消（输入过内容时先询问）", "Cancel (asks first if anything was typed)"),
                   context: .intake, footer: Text("取消", "cancel"), rank: 0),
        KeyBinding([.ctrl("n")], .takeSuggestion, help: Text("采用关联承诺旁的建议（再按换下一条）",
                   "Take the suggestion beside the commitment field (press again for the next)"),
                   context: .intake, footer: Text("采用建议", "take suggestion"), rank: 0),
        KeyBinding([.tab, .down, .enter], .nextField, help: Text("下一项", "Next field"),
                   context: .intake, footer: Text("下一项", "next"), footerKeys: .same("Tab/↓"), rank: 1),
        KeyBinding([.backTab, .up], .previousField, help: Text("上一项", "Previous field"),
                   context: .intake, footer: Text("上一项", "previous"), footerKeys: .same("↑"), rank: 4),
        KeyBinding([.ctrl("s")], .submit, help: Text("办理（不可撤销的步骤先说明后果并确认一次）",
                   "Carry out (a step that cannot be undone says what it will do and asks once)"),
                   context: .step, footer: Text("确定", "ok"), rank: 0),
        KeyBinding([.escape], .cancel, help: Text("取消（填写过内容时先询问）", "Cancel (asks first if anything was filled in)"),
                   context: .step, footer: Text("取消", "cancel"), rank: 0),
        KeyBinding([.tab, .down], .nextField, help: Text("下一项", "Next field"),
                   context: .step, footer: Text("下一项", "next"), footerKeys: .same("Tab/↓"), rank: 1),
        KeyBinding([.backTab, .up], .previousField, help: Text("上一项", "Previous field"),
                   context: .step, footer: Text("上一项", "previous"), footerKeys: .same("↑"), rank: 4),
        KeyBinding([.enter], .nextFieldOrSubmit, help: Text("下一项；在最后一项时办理", "Next field; on the last field, carry out"), context: .step),
    ]

    static let fields: [KeyBinding<DashboardAction>] = [
        KeyBinding([.right, .char(" ")], .choose(1), help: Text("选下一个选项", "Next option"),
                   context: .picker, footer: Text("选择", "choose"), footerKeys: .same("←/→"), rank: 1),
        KeyBinding([.left], .choose(-1), help: Text("选上一个选项", "Previous option"), context: .picker),
        KeyBinding((0...9).map { .char(Character("\($0)")) }, .pickDigit, help: Text("按选项前的序号直接选择",
                   "Choose directly by the number before the option"),
                   context: .picker, footer: Text("直选", "pick"), footerKeys: Text("数字", "digits"), rank: 3),
        KeyBinding([], .type, help: Text("输入文字（中文输入法亦可）", "Type text (a Chinese input method works too)"),
                   context: .edit, anyCharacter: true),
    ] + EditCommand.allCases.map { KeyBinding($0.keys, .edit($0), help: $0.help, context: .edit) } + [
        KeyBinding([.enter], .newline, help: Text("换行", "New line"), context: .multiline, footer: Text("换行", "new line"), rank: 3),
    ]

    static let dialogs: [KeyBinding<DashboardAction>] = [
        KeyBinding([.enter, .char("y")], .confirm, help: Text("确定（对话框所写的操作）", "Confirm (the action the dialog names)"),
                   context: .prompt, footer: Text("确定", "ok"), rank: 0),
        KeyBinding([.escape, .char("n")], .dismiss, help: Text("取消，回到原处", "Cancel, back to where you were"),
                   context: .prompt, footer: Text("取消", "cancel"), rank: 0),
    ]
}
