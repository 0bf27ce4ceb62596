import GRDB
import JiannuoCore

extension DemoGenerator {
    /// This quarter's supervision round over every unit, a few findings (some ordering rectification),
    /// and the oldest overdue promise already reported to the county leadership.
    mutating func supervision() throws {
        let start = Period.currentQuarter(today).start
        let round = nextId(.inspection, start.year)
        try db.execute(sql: "INSERT INTO inspections(id, name, from_day, to_day, departments, inspectors) VALUES (?, ?, ?, ?, '[]', ?)",
                       arguments: [round, "\(start.year)年第\((start.month - 1) / 3 + 1)季度政务诚信督促检查", start.string,
                                   today.adding(days: 10).string, "县政府督查室 \(rng.personName())、\(rng.personName())"])
        let issues = [("招商引资奖励资金兑现进展缓慢", "medium"), ("承诺书未按要求公示", "low"), ("政府采购合同款项支付不及时", "high"),
                      ("投诉办理结果反馈不到位", "low")]
        let active = units.filter { $0 != mergedCode }
        for (i, (issue, severity)) in issues.enumerated() where !active.isEmpty {
            let unit = active[(i * 7 + rng.int(0...3)) % active.count]
            let date = min(today, start.adding(days: rng.int(5...40)))
            let id = nextId(.finding, date.year)
            try db.execute(sql: "INSERT INTO findings(id, round, department, issue, basis, severity, date) VALUES (?, ?, ?, ?, ?, ?, ?)",
                           arguments: [id, round, unit, issue, "叶县政府承诺事项兑现常态化工作机制 五", severity, date.string])
            counts.findings += 1
            guard severity != "low" else { continue }
            try db.execute(sql: "INSERT INTO rectifications(id, finding, unit, measures, opened, deadline) VALUES (?, ?, ?, ?, ?, ?)",
                           arguments: [nextId(.rectification, date.year), id, unit, "限期整改并报送整改情况", date.string,
                                       calendar.addingWorkdays(15, to: date).string])
            counts.rectifications += 1
        }
        if let row = try Row.fetchOne(db, sql: """
            SELECT id, department FROM commitments WHERE \(CoreSQL.commitmentOpen()) AND deadline < ?
            ORDER BY deadline, id LIMIT 1
            """, arguments: [today.adding(days: -60).string]) {
            try db.execute(sql: "INSERT INTO escalations(id, record, kind, department, recipient, date, note) VALUES (?, ?, 'commitment', ?, ?, ?, ?)",
                           arguments: [nextId(.escalation, today.year), row[0] as String, row[1] as String, Escalation.recipients[0],
                                       today.adding(days: -3).string, "已报县委县政府督查室"])
        }
    }
}
