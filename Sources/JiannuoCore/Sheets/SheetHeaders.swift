/// The headers an office's own 台账 gives a column, besides the program's own (`SheetColumn`'s Chinese,
/// English and key): a documented mapping per sheet, which `import --columns FILE` may extend or override.
/// Headers are compared without blanks or full-width parentheses, as spreadsheets vary them.
public enum SheetHeaders {
    public static let commitments: [String: [String]] = [
        "department": ["责任部门", "牵头单位", "责任单位名称", "承诺单位"],
        "counterparty": ["企业名称", "服务对象", "对象名称", "对方"],
        "credit_code": ["社会信用代码", "信用代码"],
        "content": ["承诺事项", "事项内容", "具体内容"],
        "amount_yuan": ["金额", "涉及金额", "金额元"],
        "made": ["承诺时间", "作出承诺时间", "签订日期"],
        "deadline": ["完成时限", "兑现期限", "承诺完成时间", "办理时限"],
        "status": ["兑现情况", "进展情况"],
        "progress": ["进度", "完成进度"],
        "fulfilled_on": ["兑现日期", "完成日期"],
    ]

    public static let complaints: [String: [String]] = [
        "channel": ["来源", "来源渠道", "受理渠道"],
        "received": ["来电时间", "登记时间", "接收时间", "收到日期"],
        "complainant": ["诉求人", "来电人", "反映人"],
        "contact": ["联系电话", "电话"],
        "department": ["责任单位", "承办部门", "办理单位"],
        "content": ["诉求内容", "反映内容", "问题描述"],
        "work_order": ["工单号", "12345工单号", "工单编码"],
    ]

    public static let departments: [String: [String]] = [
        "code": ["代码", "单位编码"],
        "name": ["名称", "单位全称"],
    ]

    /// Columns every 台账 has that the ledger keeps nothing of: left out of an import.
    public static let ignored: Set<String> = ["序号", "备注"]

    /// A header as compared: without blanks, with full-width parentheses and `%` made plain.
    public static func normalised(_ header: String) -> String {
        String(header.filter { !$0.isWhitespace }.map { c -> Character in
            switch c {
            case "（": "("
            case "）": ")"
            case "％": "%"
            default: c
            }
        })
    }

    /// The column key of a header, nil when none, `""` when it is left out.
    /// `extra`: a mapping file's headers (a key, or `-` to leave the column out), consulted first.
    public static func key<R>(of header: String, columns: [SheetColumn<R>], synonyms: [String: [String]],
                              extra: [String: String] = [:]) -> String? {
        let h = normalised(header)
        if let k = extra.first(where: { normalised($0.key) == h })?.value { return k == "-" ? "" : k }
        if let c = columns.first(where: { normalised($0.zh) == h || $0.en == h || $0.key == h }) { return c.key }
        if let k = synonyms.first(where: { $0.value.contains { normalised($0) == h } })?.key { return k }
        if ignored.contains(h) { return "" }
        // `金额(元)`, `进度%`: the program's header with its unit written another way.
        return columns.first { normalised($0.zh).filter { !"()%".contains($0) } == h.filter { !"()%".contains($0) } }?.key
    }
}
