/// What a key asks the dashboard to do.
public enum DashboardAction: Hashable, Sendable {
    case nextPane, previousPane, focus(Pane)
    case up, down, pageUp, pageDown, top, bottom
    case open, back, filter, help, refresh, quit, newComplaint
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
}

/// The one key table: dispatch, the footer and the `?` help are all read from it.
public enum DashboardKeys {
    public static let map = KeyMap<DashboardAction>([
        KeyBinding([.tab], .nextPane, help: "切换到下一个面板", footer: "切换"),
        KeyBinding([.backTab], .previousPane, help: "切换到上一个面板"),
        KeyBinding([.char("1")], .focus(.commitments), help: "承诺事项面板"),
        KeyBinding([.char("2")], .focus(.complaints), help: "投诉举报面板"),
        KeyBinding([.char("3")], .focus(.deadlines), help: "临期/逾期面板"),
        KeyBinding([.char("4")], .focus(.scores), help: "部门评分面板"),
        KeyBinding([.char("j"), .down], .down, help: "下移一行", footer: "移动"),
        KeyBinding([.char("k"), .up], .up, help: "上移一行"),
        KeyBinding([.pageDown, .ctrl("f")], .pageDown, help: "下翻一页"),
        KeyBinding([.pageUp, .ctrl("b")], .pageUp, help: "上翻一页"),
        KeyBinding([.char("g"), .home], .top, help: "到第一行"),
        KeyBinding([.char("G"), .end], .bottom, help: "到最后一行"),
        KeyBinding([.enter], .open, help: "打开所选记录的详情（全部字段与经过）", footer: "详情"),
        KeyBinding([.char("/")], .filter, help: "筛选当前面板（边输边筛，Enter 确定，Esc 清除）", footer: "筛选"),
        KeyBinding([.char("a")], .newComplaint, help: "登记投诉（在任何面板）", footer: "登记"),
        KeyBinding([.char("r")], .refresh, help: "立即刷新", footer: "刷新"),
        KeyBinding([.char("?")], .help, help: "显示全部按键", footer: "帮助"),
        KeyBinding([.char("q"), .ctrl("c")], .quit, help: "退出", footer: "退出"),
        KeyBinding([.escape], .back, help: "清除当前面板的筛选"),
        KeyBinding([.escape], .back, help: "返回；清除筛选", context: "overlay", footer: "返回"),
        KeyBinding([.char("j"), .down], .down, help: "向下滚动", context: "overlay"),
        KeyBinding([.char("k"), .up], .up, help: "向上滚动", context: "overlay"),
        KeyBinding([.pageDown], .pageDown, help: "下翻一页", context: "overlay"),
        KeyBinding([.pageUp], .pageUp, help: "上翻一页", context: "overlay"),
        KeyBinding([.char("q"), .ctrl("c")], .quit, help: "退出", context: "overlay", footer: "退出"),
    ])
}
