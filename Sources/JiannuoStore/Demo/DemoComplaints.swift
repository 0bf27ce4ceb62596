import Foundation
import GRDB
import JiannuoCore

extension DemoGenerator {
    /// A moment `workdays` working days after `from`, at a plausible office hour; nil if in the future.
    mutating func after(_ from: DateTime, workdays: Int) -> DateTime? {
        let day = calendar.addingWorkdays(workdays, to: from.day)
        let t = DateTime(day: day, minute: day == from.day ? min(23 * 60 + 59, from.minute + rng.int(10...240)) : rng.int(8 * 60...17 * 60 + 30), offset: now.offset)
        return t > now ? nil : t
    }

    mutating func complaints() throws {
        let ins = try db.makeStatement(sql: """
            INSERT INTO complaints(id, channel, received, urgency, complainant, contact, department, category, commitment, content,
                accepted_at, resolved_at, result, responded_at, response, extension_days, extension_reason,
                returned_from, returned_at, return_reason, verified_at, breach, finding, satisfied, followup_note, followup_at,
                accept_due, resolve_due, respond_due)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        var received: [DateTime] = []
        received.reserveCapacity(size.complaints)
        for _ in 0..<size.complaints {
            let day = today.adding(days: -rng.int(0...365))
            received.append(DateTime(day: day, minute: rng.int(7 * 60 + 30...21 * 60), offset: now.offset))
        }
        received.sort()
        let channels: [Channel] = [.hotline, .hotline, .hotline, .hotline, .phone, .phone, .email, .visit, .media, .inspection]
        for var r in received {
            if r > now { r = DateTime(day: now.day, minute: max(0, now.minute - 1), offset: now.offset) }
            let id = nextId(.complaint, r.day.year)
            var unit = rng.pick(units)
            let urgency: Urgency = rng.chance(0.05) ? .critical : (rng.chance(0.15) ? .urgent : .normal)
            let linked = rng.chance(0.3) ? commitmentsByUnit[unit].flatMap { $0.isEmpty ? nil : rng.pick($0) } : nil
            let category: Int? = linked != nil || rng.chance(0.6) ? rng.int(1...6) : nil
            var c = Complaint(id: id, channel: rng.pick(channels), received: r, urgency: urgency,
                              complainant: rng.chance(0.9) ? rng.personName() : nil, contact: rng.chance(0.9) ? rng.phone() : nil,
                              department: unit, category: category, commitment: linked,
                              content: rng.pick(DemoNames.complaintContents), acceptDue: r.day)
            // A few are misrouted and handed on before acceptance.
            if rng.chance(0.03), let at = after(r, workdays: rng.int(0...3)) {
                var other = rng.pick(units)
                if other == unit { other = units[(units.firstIndex(of: unit)! + 1) % units.count] }
                c.returnedFrom = unit; c.returnedAt = at; c.returnReason = "不属本单位职责，退回转办"; c.department = other
                unit = other
                c.commitment = nil
            }
            c = ComplaintDeadlines.refreshed(c, calendar, rules)
            let late = rng.chance(0.08)
            if let at = after(c.returnedAt ?? r, workdays: late ? rules.acceptWorkdays + rng.int(1...4) : rng.int(0...rules.acceptWorkdays)) {
                c.acceptedAt = at
                if urgency == .normal && rng.chance(0.05) {
                    c.extensionDays = rng.int(3...rules.maxExtensionWorkdays); c.extensionReason = "涉及多部门协调，需延期办理"
                }
                c = ComplaintDeadlines.refreshed(c, calendar, rules)
                let limit = rules.resolveWorkdays(urgency) + (c.extensionDays ?? 0)
                let lateResolve = rng.chance(0.1)
                if let done = after(at, workdays: lateResolve ? limit + rng.int(1...8) : rng.int(0...limit)) {
                    c.resolvedAt = done
                    c.result = "已协调相关单位办理，问题已解决"
                    c = ComplaintDeadlines.refreshed(c, calendar, rules)
                    if let answered = after(done, workdays: rng.chance(0.07) ? rules.respondWorkdays + rng.int(1...3) : rng.int(0...rules.respondWorkdays)) {
                        c.respondedAt = answered
                        c.response = "已电话告知投诉人办理结果"
                        if rng.chance(0.6), let f = after(answered, workdays: rng.int(1...5)) {
                            c.followupAt = f; c.satisfied = rng.chance(0.85); c.followupNote = c.satisfied! ? "对办理结果满意" : "认为问题未彻底解决"
                        }
                    }
                }
                if let verifiedOn = after(at, workdays: rng.int(1...10)), rng.chance(linked != nil ? 0.15 : 0.02) {
                    let breach = rng.chance(linked != nil ? 0.4 : 0.3)
                    c.verifiedAt = verifiedOn; c.breach = breach
                    c.finding = breach ? "经核实，相关单位未按承诺履行，属失信违诺" : "经核实，不属政府失信违诺"
                    if breach {
                        if c.category == nil { c.category = rng.int(1...6) }
                        try breachFor(c, on: verifiedOn.day)
                    }
                }
            }
            try ins.execute(arguments: [
                c.id, c.channel.rawValue, c.received.iso, c.urgency.rawValue, c.complainant, c.contact, c.department, c.category,
                c.commitment, c.content, c.acceptedAt?.iso, c.resolvedAt?.iso, c.result, c.respondedAt?.iso, c.response,
                c.extensionDays, c.extensionReason, c.returnedFrom, c.returnedAt?.iso, c.returnReason, c.verifiedAt?.iso,
                c.breach, c.finding, c.satisfied, c.followupNote, c.followupAt?.iso,
                c.acceptDue.string, c.resolveDue?.string, c.respondDue?.string])
            counts.complaints += 1
        }
    }

    mutating func breachFor(_ c: Complaint, on day: Day) throws {
        let id = nextId(.breach, day.year)
        // Old breaches have nearly all been reported; the recent ones are the office's open work.
        let reported: Day? = rng.chance(day.days(until: today) > 15 ? 0.98 : 0.5) ? min(today, calendar.addingWorkdays(rng.int(1...5), to: day)) : nil
        try db.execute(sql: """
            INSERT INTO breaches(id, department, category, commitment, complaint, date, finding, reported_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [id, c.department, c.category, c.commitment, c.id, day.string, c.finding, reported?.string])
        counts.breaches += 1
        if rng.chance(0.85) {
            let opened = min(today, day.adding(days: rng.int(1...3)))
            let deadline = opened.adding(days: rng.int(15...60))
            var done: Day? = nil
            if rng.chance(deadline < today ? 0.93 : 0.5) {
                let d = opened.adding(days: rng.int(5...max(5, opened.days(until: deadline) + (rng.chance(0.2) ? 20 : 0))))
                if d <= today { done = d }
            }
            try db.execute(sql: "INSERT INTO rectifications(id, breach, unit, measures, opened, deadline, completed_on) VALUES (?, ?, ?, ?, ?, ?, ?)",
                           arguments: [nextId(.rectification, opened.year), id, c.department, "制定整改方案，限期兑现承诺并向企业反馈",
                                       opened.string, deadline.string, done?.string])
            counts.rectifications += 1
        }
        if rng.chance(0.3) {
            let date = min(today, day.adding(days: rng.int(3...30)))
            // The same draws as before the vocabulary: half name the principal head, half a deputy by name.
            let official = !rng.chance(0.5)
            let person = official ? rng.personName() : ""
            try db.execute(sql: """
                INSERT INTO accountability(id, breach, target_kind, department, official, post, target, kind, date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [nextId(.accountability, date.year), id, official ? "official" : "unit", c.department,
                                 official ? person : nil, official ? "分管负责人" : nil, official ? "分管负责人 " + person : "主要负责人",
                                 rng.pick(["约谈", "通报批评", "诫勉", "责令检查"]), date.string])
            counts.accountability += 1
        }
    }

    mutating func opinions() throws {
        let titles = ["网帖称企业奖励资金被拖欠", "短视频反映工程款多年未付", "媒体报道园区道路承诺未兑现", "网民质疑搬迁补偿不到位",
                      "自媒体称政府不执行法院判决"]
        var rows: [Day] = (0..<size.opinions).map { _ in today.adding(days: -rng.int(0...365)) }
        rows.sort()
        // The office always has something fresh to handle: the last event was found yesterday.
        if !rows.isEmpty { rows[rows.count - 1] = today.adding(days: -1) }
        for day in rows {
            let sev: Severity = rng.chance(0.1) ? .high : (rng.chance(0.4) ? .medium : .low)
            let handled: Day? = day.days(until: today) < 2 ? nil : (rng.chance(0.95) ? min(today, calendar.addingWorkdays(rng.int(0...2), to: day)) : nil)
            try db.execute(sql: "INSERT INTO opinions(id, department, date, source, title, severity, handled_on, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                           arguments: [nextId(.opinion, day.year), rng.pick(units), day.string, rng.pick(["微博", "抖音", "本地论坛", "平顶山日报", "微信公众号"]),
                                       rng.pick(titles), sev.rawValue, handled?.string, handled == nil ? nil : "已核实情况并回应"])
            counts.opinions += 1
        }
    }

    /// Difficulty reports on open promises over the last two months: most answered within the limit, a few
    /// late, one referred up, and the newest (yesterday) still waiting for the office.
    mutating func difficulties() throws {
        let texts = ["用地指标未下达，项目无法按期开工", "资金拨付需财政局审批，周期较长", "涉及多个部门，需县级层面协调", "企业资料不全，无法完成审核"]
        let asks = ["请协调自然资源局", "请协调财政局加快拨付", "请提请县领导协调", nil]
        let open = try String.fetchAll(db, sql: """
            SELECT id FROM commitments WHERE status IN ('not_started', 'in_progress', 'stalled', 'partially_fulfilled') ORDER BY id
            """)
        guard !open.isEmpty else { return }
        var days: [Day] = (0..<size.difficulties).map { _ in today.adding(days: -rng.int(2...60)) }
        days.sort()
        if !days.isEmpty { days[days.count - 1] = today.adding(days: -1) }
        for (i, day) in days.enumerated() {
            let record = rng.pick(open)
            let unit = try String.fetchOne(db, sql: "SELECT department FROM commitments WHERE id = ?", arguments: [record]) ?? ""
            let filed = DateTime.local(day, second: (9 * 60 + rng.int(0...420)) * 60, zone: clock.zone)
            var d = try DifficultyReport.validated(id: nextId(.difficulty, day.year), record: record, department: unit, text: rng.pick(texts),
                                                   asks: rng.pick(asks), at: filed, by: "演示", calendar: calendar, rules: rules)
            let answerDay = calendar.addingWorkdays(rng.chance(0.85) ? rng.int(1...rules.difficultyAnswerWorkdays) : rules.difficultyAnswerWorkdays + rng.int(1...4), to: day)
            if i < days.count - 1, answerDay < today, rng.chance(0.9) {
                d = try d.answered("已协调相关部门，限期解决", refer: rng.chance(0.05),
                                   at: DateTime.local(answerDay, second: 16 * 3600, zone: clock.zone), by: "演示")
            }
            try d.insert(db)
            counts.difficulties += 1
        }
    }
}
