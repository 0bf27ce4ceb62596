/// The columns of exported and imported sheets (台账 files): one list per record, in a fixed order, with
/// Chinese and English headers. Export writes values for people (Chinese labels by default); import
/// reads back exactly what export writes, in either language.
public struct SheetColumn<Record>: Sendable {
    public let key: String
    public let zh: String
    public let en: String
    public let value: @Sendable (Record, Lang) -> String

    public init(_ key: String, _ zh: String, _ en: String, _ value: @escaping @Sendable (Record, Lang) -> String) {
        self.key = key; self.zh = zh; self.en = en; self.value = value
    }

    public func header(_ lang: Lang) -> String { lang == .zh ? zh : en }
}

enum Cell {
    static func label<V: Vocabulary>(_ v: V, _ lang: Lang) -> String { lang == .zh ? v.label : v.rawValue }
    static func yesNo(_ b: Bool?, _ lang: Lang) -> String { b.map { $0 ? (lang == .zh ? "是" : "yes") : (lang == .zh ? "否" : "no") } ?? "" }
}

public enum SheetColumns {
    public static let departments: [SheetColumn<Department>] = [
        .init("code", "单位代码", "code") { d, _ in d.code },
        .init("name", "单位名称", "name") { d, _ in d.name },
        .init("kind", "类型", "kind") { d, l in Cell.label(d.kind, l) },
        .init("active", "在用", "active") { d, l in Cell.yesNo(d.active, l) },
        .init("successor", "承继单位", "successor") { d, _ in d.successor ?? "" },
        .init("merged_on", "合并日期", "merged_on") { d, _ in d.mergedOn?.string ?? "" },
    ]

    public static let commitments: [SheetColumn<Commitment>] = [
        .init("id", "编号", "id") { c, _ in c.id },
        .init("department", "责任单位", "department") { c, _ in c.department },
        .init("kind", "承诺类型", "kind") { c, l in Cell.label(c.kind, l) },
        .init("category", "类别", "category") { c, _ in String(c.category) },
        .init("counterparty", "对方名称", "counterparty") { c, _ in c.counterparty },
        .init("credit_code", "统一社会信用代码", "credit_code") { c, _ in c.creditCode ?? "" },
        .init("content", "承诺内容", "content") { c, _ in c.content },
        .init("amount_yuan", "金额（元）", "amount_yuan") { c, _ in c.amount?.yuanString ?? "" },
        .init("made", "承诺日期", "made") { c, _ in c.made.string },
        .init("deadline", "兑现时限", "deadline") { c, _ in c.deadline.string },
        .init("status", "状态", "status") { c, l in Cell.label(c.status, l) },
        .init("progress", "进度%", "progress") { c, _ in String(c.progress) },
        .init("procedures", "已履行决策程序", "procedures") { c, l in Procedure.allCases.filter(c.procedures.contains).map { Cell.label($0, l) }.joined(separator: "、") },
        .init("fulfilled_on", "办结日期", "fulfilled_on") { c, _ in c.fulfilledOn?.string ?? "" },
        .init("delivered_on", "交付日期", "delivered_on") { c, _ in c.deliveredOn?.string ?? "" },
        .init("payment_days", "付款期限（天）", "payment_days") { c, _ in c.paymentDays.map(String.init) ?? "" },
    ]

    public static let complaints: [SheetColumn<Complaint>] = [
        .init("id", "编号", "id") { c, _ in c.id },
        .init("channel", "渠道", "channel") { c, l in Cell.label(c.channel, l) },
        .init("received", "收到时间", "received") { c, _ in c.received.iso },
        .init("urgency", "紧急程度", "urgency") { c, l in Cell.label(c.urgency, l) },
        .init("complainant", "投诉人", "complainant") { c, _ in c.complainant ?? "" },
        .init("contact", "联系方式", "contact") { c, _ in c.contact ?? "" },
        .init("department", "承办单位", "department") { c, _ in c.department },
        .init("category", "类别", "category") { c, _ in c.category.map(String.init) ?? "" },
        .init("commitment", "关联承诺", "commitment") { c, _ in c.commitment ?? "" },
        .init("content", "投诉内容", "content") { c, _ in c.content },
        .init("accepted_at", "受理时间", "accepted_at") { c, _ in c.acceptedAt?.iso ?? "" },
        .init("resolved_at", "办结时间", "resolved_at") { c, _ in c.resolvedAt?.iso ?? "" },
        .init("result", "办理结果", "result") { c, _ in c.result ?? "" },
        .init("responded_at", "反馈时间", "responded_at") { c, _ in c.respondedAt?.iso ?? "" },
        .init("response", "反馈内容", "response") { c, _ in c.response ?? "" },
        .init("extension_days", "延期工作日", "extension_days") { c, _ in c.extensionDays.map(String.init) ?? "" },
        .init("extension_reason", "延期理由", "extension_reason") { c, _ in c.extensionReason ?? "" },
        .init("returned_from", "退回单位", "returned_from") { c, _ in c.returnedFrom ?? "" },
        .init("returned_at", "退回时间", "returned_at") { c, _ in c.returnedAt?.iso ?? "" },
        .init("return_reason", "退回理由", "return_reason") { c, _ in c.returnReason ?? "" },
        .init("verified_at", "核实时间", "verified_at") { c, _ in c.verifiedAt?.iso ?? "" },
        .init("breach", "属失信违诺", "breach") { c, l in Cell.yesNo(c.breach, l) },
        .init("finding", "核实情况", "finding") { c, _ in c.finding ?? "" },
        .init("satisfied", "回访满意", "satisfied") { c, l in Cell.yesNo(c.satisfied, l) },
        .init("followup_note", "回访记录", "followup_note") { c, _ in c.followupNote ?? "" },
        .init("followup_at", "回访时间", "followup_at") { c, _ in c.followupAt?.iso ?? "" },
        .init("accept_due", "受理时限", "accept_due") { c, _ in c.acceptDue.string },
        .init("resolve_due", "办结时限", "resolve_due") { c, _ in c.resolveDue?.string ?? "" },
        .init("respond_due", "反馈时限", "respond_due") { c, _ in c.respondDue?.string ?? "" },
        .init("work_order", "工单编号", "work_order") { c, _ in c.workOrder ?? "" },
    ]

    public static let breaches: [SheetColumn<Breach>] = [
        .init("id", "编号", "id") { b, _ in b.id },
        .init("department", "单位", "department") { b, _ in b.department },
        .init("category", "类别", "category") { b, _ in String(b.category) },
        .init("commitment", "关联承诺", "commitment") { b, _ in b.commitment ?? "" },
        .init("complaint", "关联投诉", "complaint") { b, _ in b.complaint ?? "" },
        .init("date", "认定日期", "date") { b, _ in b.date.string },
        .init("finding", "核实情况", "finding") { b, _ in b.finding },
        .init("reported_on", "上报日期", "reported_on") { b, _ in b.reportedOn?.string ?? "" },
    ]

    public static let rectifications: [SheetColumn<Rectification>] = [
        .init("id", "编号", "id") { r, _ in r.id },
        .init("breach", "失信记录", "breach") { r, _ in r.breach ?? "" },
        .init("finding", "检查发现问题", "finding") { r, _ in r.finding ?? "" },
        .init("unit", "整改责任单位", "unit") { r, _ in r.unit },
        .init("measures", "整改措施", "measures") { r, _ in r.measures },
        .init("opened", "移送日期", "opened") { r, _ in r.opened.string },
        .init("deadline", "整改时限", "deadline") { r, _ in r.deadline.string },
        .init("completed_on", "完成日期", "completed_on") { r, _ in r.completedOn?.string ?? "" },
    ]
}
