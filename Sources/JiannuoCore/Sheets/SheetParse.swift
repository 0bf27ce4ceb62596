/// Records from the rows of an imported sheet, checked cell by cell with the same rules as the command line.
public enum SheetParse {
    static func yesNo(_ s: String, _ f: Field) throws -> Bool? {
        switch s.lowercased() {
        case "": return nil
        case "是", "yes", "y", "true", "1": return true
        case "否", "no", "n", "false", "0": return false
        default: throw JiannuoError.invalid("\(f.zh)只能填 是 或 否：收到“\(Sanitize.visible(s))”", "\(f.en) must be yes or no")
        }
    }

    static func int(_ s: String, _ f: Field, _ range: ClosedRange<Int>) throws -> Int {
        guard let n = Int(s), range.contains(n) else {
            throw JiannuoError.invalid("\(f.zh)“\(Sanitize.visible(s))”无效：应为 \(range.lowerBound)–\(range.upperBound) 的整数",
                                       "\(f.en) must be a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return n
    }

    /// A row's id, empty when the sheet has none (an office's own 台账): the import gives it one.
    static func sheetId(_ s: String) throws -> String { s.isEmpty ? "" : try Validate.text(s, Field("编号", "id"), max: 20) }

    static func optionalDay(_ s: String, _ f: Field) throws -> Day? { s.isEmpty ? nil : try Validate.day(s, f) }
    static func optionalTime(_ s: String, _ f: Field, _ clock: Clock) throws -> DateTime? {
        guard !s.isEmpty else { return nil }
        let t = try Validate.dateTime(s, f, zone: clock.zone)
        try Validate.notFuture(t, now: clock.now, f)
        return t
    }
    static func pastDay(_ s: String, _ f: Field, _ clock: Clock) throws -> Day? {
        guard let d = try optionalDay(s, f) else { return nil }
        try Validate.notFuture(d, today: clock.today, f)
        return d
    }
    static func optionalText(_ s: String, _ f: Field, max: Int) throws -> String? {
        s.isEmpty ? nil : try Validate.text(s, f, max: max, multiline: true)
    }

    public static func department(_ r: inout SheetRow) -> Department? {
        let code = r.check("code") { try Validate.departmentCode($0) }
        let name = r.check("name") { try Validate.text($0, Field("单位名称", "name"), max: 60) }
        let kind = r.check("kind") { try DepartmentKind.parse($0, Field("类型", "kind")) }
        let active = r.check("active") { try yesNo($0, Field("在用", "active")) ?? true }
        let successor = r.check("successor") { $0.isEmpty ? nil : try Validate.departmentCode($0) }
        let merged = r.check("merged_on") { try optionalDay($0, Field("合并日期", "merged_on")) }
        guard r.problems.isEmpty, let code, let name, let kind, let active else { return nil }
        return Department(code: code, name: name, kind: kind, active: active, successor: successor ?? nil, mergedOn: merged ?? nil)
    }

    public static func commitment(_ r: inout SheetRow, clock: Clock) -> Commitment? {
        let id = r.check("id") { try sheetId($0) }
        let procedures = r.check("procedures") { text -> [Procedure] in
            // Split by scalars: comparing characters (graphemes) cost more than the rest of the row.
            try text.unicodeScalars.split(whereSeparator: { $0 == "、" || $0 == "," || $0 == "，" }).map {
                try Procedure.parse(String(String.UnicodeScalarView($0)).trimmedBlanks, Field("决策程序", "procedures"))
            }
        }
        let kind = r.check("kind") { try CommitmentKind.parse($0, Field("承诺类型", "kind")) }
        let category = r.check("category") { try int($0, Field("类别", "category"), 1...6) }
        let status = r.check("status") { try CommitmentStatus.parse($0, Field("状态", "status")) }
        let progress = r.check("progress") { try int($0, Field("进度", "progress"), 0...100) }
        let fulfilled = r.check("fulfilled_on") { try pastDay($0, Field("办结日期", "fulfilled_on"), clock) }
        let payment = r.check("payment_days") { $0.isEmpty ? nil : try int($0, Field("付款期限", "payment_days"), 1...60) }
        // The draft checks the other cells with the command line's validators; only when it refuses are they
        // checked cell by cell, so that each problem names its own column (a valid row is checked once).
        func cells(_ r: inout SheetRow) {
            _ = r.check("department") { try Validate.departmentCode($0) }
            _ = r.check("counterparty") { try Validate.text($0, Field("对方名称", "counterparty"), max: 100) }
            _ = r.check("credit_code") { $0.isEmpty ? nil : try CreditCode.validate($0) }
            _ = r.check("content") { try Validate.text($0, Field("承诺内容", "content"), max: 2000, multiline: true) }
            _ = r.check("amount_yuan") { $0.isEmpty ? nil : try Money(yuan: $0) }
            _ = r.check("made") { try pastDay($0, Field("承诺日期", "made"), clock) }
            _ = r.check("deadline") { try Validate.day($0, Field("兑现时限", "deadline")) }
            _ = r.check("delivered_on") { try optionalDay($0, Field("交付日期", "delivered_on")) }
        }
        guard r.problems.isEmpty, let id, let kind, let category else { cells(&r); return nil }
        let draft = CommitmentDraft(department: r.text("department"), kind: kind, category: category,
                                    counterparty: r.text("counterparty"), creditCode: r.optional("credit_code"),
                                    content: r.text("content"), amount: r.optional("amount_yuan"), made: r.text("made"),
                                    deadline: r.text("deadline"), procedures: procedures ?? [], deliveredOn: r.optional("delivered_on"),
                                    paymentDays: payment ?? nil)
        var c: Commitment
        do {
            c = try draft.validated(id: id, today: clock.today)
        } catch {
            cells(&r)
            // Every cell is right alone: the row's dates disagree with each other.
            if r.problems.isEmpty { _ = r.check("deadline") { _ in try draft.validated(id: id, today: clock.today) } }
            return nil
        }
        guard r.problems.isEmpty, let status, let progress else { return nil }
        c.status = status; c.progress = progress; c.fulfilledOn = fulfilled ?? nil
        if let f = c.fulfilledOn, f < c.made { r.fail("fulfilled_on", "早于承诺日期 \(c.made)", "is before the date made \(c.made)"); return nil }
        if let p = CommitmentWorkflow.contradiction(status: status, percent: progress) { r.fail("progress", p.zh, p.en); return nil }
        if !status.isOpen && c.fulfilledOn == nil { r.fail("fulfilled_on", "已办结的承诺须填写办结日期", "a closed commitment needs its closing date"); return nil }
        return c
    }

    public static func complaint(_ r: inout SheetRow, calendar: WorkCalendar, rules: DeadlineRules, clock: Clock) -> Complaint? {
        let id = r.check("id") { try sheetId($0) }
        let draft = ComplaintDraft(channel: r.text("channel"), received: r.text("received"), urgency: r.text("urgency"),
                                   complainant: r.optional("complainant"), contact: r.optional("contact"), department: r.text("department"),
                                   category: r.optional("category"), commitment: r.optional("commitment"), content: r.text("content"))
        _ = r.check("channel") { try Channel.parse($0, Field("渠道", "channel")) }
        _ = r.check("received") { try optionalTime($0, Field("收到时间", "received"), clock) }
        _ = r.check("urgency") { try Urgency.parse($0, Field("紧急程度", "urgency")) }
        _ = r.check("department") { try Validate.departmentCode($0) }
        _ = r.check("category") { $0.isEmpty ? nil : try int($0, Field("类别", "category"), 1...6) }
        _ = r.check("complainant") { try optionalText($0, Field("投诉人", "complainant"), max: 60) }
        _ = r.check("contact") { try optionalText($0, Field("联系方式", "contact"), max: 100) }
        _ = r.check("content") { try Validate.text($0, Field("投诉内容", "content"), max: 4000, multiline: true) }
        guard r.problems.isEmpty, let id, var c = r.check("content", { _ in try draft.validated(id: id, calendar: calendar, rules: rules, clock: clock) }) else {
            return nil
        }
        func time(_ k: String, _ zh: String) -> DateTime? { r.check(k) { try optionalTime($0, Field(zh, k), clock) } ?? nil }
        func text(_ k: String, _ zh: String) -> String? { r.check(k) { try optionalText($0, Field(zh, k), max: 4000) } ?? nil }
        c.acceptedAt = time("accepted_at", "受理时间")
        c.resolvedAt = time("resolved_at", "办结时间")
        c.result = text("result", "办理结果")
        c.respondedAt = time("responded_at", "反馈时间")
        c.response = text("response", "反馈内容")
        c.extensionDays = r.check("extension_days") { $0.isEmpty ? nil : try int($0, Field("延期工作日", "extension_days"), 1...rules.maxExtensionWorkdays) } ?? nil
        c.extensionReason = text("extension_reason", "延期理由")
        c.returnedFrom = r.check("returned_from") { $0.isEmpty ? nil : try Validate.departmentCode($0) } ?? nil
        c.returnedAt = time("returned_at", "退回时间")
        c.returnReason = text("return_reason", "退回理由")
        c.verifiedAt = time("verified_at", "核实时间")
        c.breach = r.check("breach") { try yesNo($0, Field("属失信违诺", "breach")) } ?? nil
        c.finding = text("finding", "核实情况")
        c.satisfied = r.check("satisfied") { try yesNo($0, Field("回访满意", "satisfied")) } ?? nil
        c.followupNote = text("followup_note", "回访记录")
        c.followupAt = time("followup_at", "回访时间")
        c.workOrder = r.check("work_order") { $0.isEmpty ? nil : try Validate.workOrder($0) } ?? nil
        // Each stage needs the one before it, and no stage is dated before it.
        let order: [(String, DateTime?, String, DateTime?)] = [
            ("returned_at", c.returnedAt, "received", c.received),
            ("accepted_at", c.acceptedAt, "received", c.returnedAt ?? c.received), ("resolved_at", c.resolvedAt, "accepted_at", c.acceptedAt),
            ("responded_at", c.respondedAt, "resolved_at", c.resolvedAt), ("followup_at", c.followupAt, "responded_at", c.respondedAt),
            ("verified_at", c.verifiedAt, "accepted_at", c.acceptedAt),
        ]
        for (key, at, prevKey, prev) in order {
            guard let at else { continue }
            guard let prev else { r.fail(key, "缺少前一环节（\(r.headers[prevKey] ?? prevKey)）", "the stage before (\(prevKey)) is missing"); continue }
            if at < prev { r.fail(key, "早于前一环节（\(r.headers[prevKey] ?? prevKey)）", "is before the stage before") }
        }
        guard r.problems.isEmpty else { return nil }
        return ComplaintDeadlines.refreshed(c, calendar, rules)
    }
}
