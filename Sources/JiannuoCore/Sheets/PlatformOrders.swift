/// A row of the 12345 platform's export (`import complaints --from-12345`): the complaint its work order
/// registers, and what the platform says of the order's limit and state, which the ledger does not take
/// over (limits follow the county's rules; steps are the unit's own acts) but sets beside its own.
public struct PlatformOrder: Sendable {
    public var complaint: Complaint
    /// The platform's 办理时限, when the export gives one.
    public var limit: Day?
    /// The platform's state as written (`已办结`), and whether it counts the order closed.
    public var status: String?
    public var closed: Bool
}

public enum PlatformOrders {
    /// The headers platforms' exports give each column: a documented default, which `--columns FILE`
    /// extends or overrides. Other columns of the export (区域, 回访结果 …) are left out, and said.
    public static let headers: [String: [String]] = [
        "work_order": ["工单号", "工单编码", "12345工单号", "工单流水号"],
        "received": ["来电时间", "受理时间", "派单时间", "登记时间", "创建时间"],
        "complainant": ["来电人", "来电人姓名", "诉求人", "联系人"],
        "contact": ["来电号码", "联系电话", "联系方式", "电话"],
        "content": ["诉求内容", "来电内容", "工单内容", "问题描述"],
        "department": ["承办单位", "办理单位", "主办单位", "责任单位"],
        "limit": ["办结时限", "截止时间", "处理时限", "办理期限"],
        "status": ["办理状态", "状态"],
    ]

    /// The columns a platform row may have, in the order the ledger shows them; `channel` defaults to the
    /// 12345 hotline (a mapping file's `[defaults]` may name another platform's channel).
    public static let columns: [SheetColumn<PlatformOrder>] = [
        .init("work_order", "工单编号", "work_order") { o, _ in o.complaint.workOrder ?? "" },
        .init("channel", "渠道", "channel") { o, l in Cell.label(o.complaint.channel, l) },
        .init("received", "来电时间", "received") { o, _ in o.complaint.received.iso },
        .init("urgency", "紧急程度", "urgency") { o, l in Cell.label(o.complaint.urgency, l) },
        .init("complainant", "来电人", "complainant") { o, _ in o.complaint.complainant ?? "" },
        .init("contact", "来电号码", "contact") { o, _ in o.complaint.contact ?? "" },
        .init("department", "承办单位", "department") { o, _ in o.complaint.department },
        .init("category", "类别", "category") { o, _ in o.complaint.category.map(String.init) ?? "" },
        .init("content", "诉求内容", "content") { o, _ in o.complaint.content },
        .init("limit", "办理时限", "limit") { o, _ in o.limit?.string ?? "" },
        .init("status", "工单状态", "status") { o, _ in o.status ?? "" },
    ]

    /// What a platform's row leaves out: it came by the 12345 hotline, of ordinary urgency.
    public static let defaults = ["channel": Channel.hotline.rawValue, "urgency": Urgency.normal.rawValue]

    /// States a platform writes once its order is done with (办结, 已回访, 归档 …).
    static let closedWords = ["办结", "回访", "归档", "完成", "已办理", "结案"]

    public static func isClosed(_ status: String) -> Bool { closedWords.contains { status.contains($0) } }

    /// The row checked as a complaint typed at intake would be (its work-order number required), with the
    /// platform's limit (a day, or a day and a time) and state. `unit` gives the code of a unit the ledger
    /// knows by the name or code the platform writes, nil for any other: such a unit is refused, never guessed.
    public static func parse(_ row: inout SheetRow, unit: (String) -> String?, calendar: WorkCalendar, rules: DeadlineRules, clock: Clock) -> PlatformOrder? {
        let typed = row.text("department")
        var r = row
        if !typed.isEmpty {
            if let code = unit(typed) {
                r = row.with("department", code)
            } else {
                r.fail("department", "本账本没有单位“\(Sanitize.visible(typed))”：请先登记该单位，或在映射文件中写明它对应的单位（不猜测）",
                       "the ledger has no unit \(Sanitize.visible(typed)): add it, or say in a mapping file which unit it is (never guessed)")
                // The rest of the row is still checked, as if its unit were known.
                r = r.with("department", "XX")
            }
        }
        defer { row = r }
        if r.text("work_order").isEmpty { r.fail("work_order", "缺少工单编号", "the work-order number is missing") }
        let limit = r.check("limit") { s -> Day? in
            guard !s.isEmpty else { return nil }
            let day = String(s.split(separator: " ").first ?? "")
            return try Validate.day(SheetCellForm.day(day) ?? day, Field("办理时限", "limit"))
        } ?? nil
        let status = r.optional("status")
        guard var c = SheetParse.complaint(&r, calendar: calendar, rules: rules, clock: clock), r.problems.isEmpty else { return nil }
        c.id = ""
        return PlatformOrder(complaint: c, limit: limit, status: status, closed: status.map(isClosed) ?? false)
    }
}
