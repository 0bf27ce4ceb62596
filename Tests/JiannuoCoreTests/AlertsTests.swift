import JiannuoTestSupport
import Testing
@testable import JiannuoCore

/// An open commitment of FGW made 2026-01-05.
func openCommitment(_ id: String, deadline: String, category: Int = 1, department: String = "FGW", amountFen: Int64? = nil,
                    delivered: String? = nil, paymentDays: Int? = nil, status: CommitmentStatus = .inProgress) -> Commitment {
    Commitment(id: id, department: department, kind: .contract, category: category, counterparty: "某公司", content: "x",
               amount: amountFen.map(Money.init(fen:)), made: d("2026-01-05"), deadline: d(deadline), status: status,
               deliveredOn: delivered.map(d), paymentDays: paymentDays)
}

/// A complaint with its limits computed as the program does.
func complaint(_ id: String, received: String, accepted: String? = nil, resolved: String? = nil, responded: String? = nil,
               urgency: Urgency = .normal, department: String = "FGW", cal: WorkCalendar) throws -> Complaint {
    var c = Complaint(id: id, channel: .hotline, received: dt(received), urgency: urgency, complainant: nil, contact: nil,
                      department: department, category: nil, commitment: nil, content: "x", acceptDue: dt(received).day)
    c = ComplaintDeadlines.refreshed(c, cal, rules)
    if let accepted { c = try ComplaintWorkflow.accept(c, at: dt(accepted), cal, rules) }
    if let resolved { c = try ComplaintWorkflow.resolve(c, result: "r", at: dt(resolved), cal, rules) }
    if let responded { c = try ComplaintWorkflow.respond(c, text: "t", at: dt(responded)) }
    return c
}

struct Expected: Equatable, CustomStringConvertible {
    let level: Alert.Level, kind: Alert.Kind, record: String, due: String, left: Int, unit: Alert.DayUnit
    init(_ level: Alert.Level, _ kind: Alert.Kind, _ record: String, _ due: String, _ left: Int, _ unit: Alert.DayUnit) {
        self.level = level; self.kind = kind; self.record = record; self.due = due; self.left = left; self.unit = unit
    }
    init(_ a: Alert) { self.init(a.level, a.kind, a.record, a.due.string, a.daysLeft, a.dayUnit) }
    var description: String { "(\(level.rawValue), \(kind.rawValue), \(record), \(due), \(left) \(unit.rawValue))" }
}

@Suite("Alerts")
struct AlertsTests {
    let cal: WorkCalendar
    init() throws { cal = try calendar2026() }

    func alerts(_ i: AlertInputs, today: String) -> [Alert] {
        Alerts.compute(i, calendar: cal, rules: rules, today: d(today)).filter { $0.kind != .calendar }
    }

    @Test("a commitment overdue by exactly one day")
    func overdueOneDay() throws {
        var i = AlertInputs()
        i.commitments = [openCommitment("CN-2026-0001", deadline: "2026-06-30")]
        let a = try #require(alerts(i, today: "2026-07-01").first)
        #expect(Expected(a) == Expected(.overdue, .commitment, "CN-2026-0001", "2026-06-30", -1, .calendar))
        #expect(a.department == "FGW")
        #expect(a.message.contains("已逾期 1 天"))
    }

    @Test("commitment levels by calendar days", arguments: [
        ("2026-06-22", nil), ("2026-06-23", Alert.Level.nearing), ("2026-06-29", .nearing), ("2026-06-30", .dueToday),
        ("2026-07-01", .overdue), ("2026-07-07", .escalate),  // 7-01…7-07: five working days late (1,2,3,6,7)
        ("2026-07-06", .overdue),  // four working days late
    ])
    func commitmentLevels(_ today: String, _ level: Alert.Level?) {
        var i = AlertInputs()
        i.commitments = [openCommitment("CN-2026-0001", deadline: "2026-06-30")]
        let a = alerts(i, today: today)
        #expect(a.first?.level == level)
        if let first = a.first { #expect(first.daysLeft == d(today).days(until: d("2026-06-30"))) }
    }

    @Test("a closed commitment raises nothing")
    func closed() {
        var i = AlertInputs()
        i.commitments = [openCommitment("CN-2026-0001", deadline: "2026-06-30", status: .fulfilled),
                         openCommitment("CN-2026-0002", deadline: "2026-06-30", status: .unfulfilled)]
        #expect(alerts(i, today: "2026-08-01").isEmpty)
    }

    @Test("late during a holiday with no working day passed: overdue, -1")
    func lateInHoliday() throws {
        var i = AlertInputs()
        // Received Tue 2026-09-29: accept by Wed 9-30.
        i.complaints = [try complaint("TS-2026-000001", received: "2026-09-29 10:00", cal: cal)]
        #expect(i.complaints[0].acceptDue == d("2026-09-30"))
        for today in ["2026-10-01", "2026-10-03", "2026-10-07"] {
            let a = try #require(alerts(i, today: today).first)
            #expect(Expected(a) == Expected(.overdue, .complaintAccept, "TS-2026-000001", "2026-09-30", -1, .working))
        }
        #expect(alerts(i, today: "2026-09-30").first?.level == .dueToday)
        #expect(alerts(i, today: "2026-09-29").first?.level == .nearing)
        #expect(alerts(i, today: "2026-09-29").first?.daysLeft == 1)
    }

    @Test("escalation at 5 working days late, not before")
    func escalation() throws {
        var i = AlertInputs()
        // Accepted Tue 2026-02-10, normal: resolve by Thu 2026-03-05 (across the Spring Festival).
        i.complaints = [try complaint("TS-2026-000002", received: "2026-02-09 10:00", accepted: "2026-02-10 09:00", cal: cal)]
        #expect(i.complaints[0].resolveDue == d("2026-03-05"))
        let before = try #require(alerts(i, today: "2026-03-11").first)   // 6, 9, 10, 11 late: 4
        #expect(Expected(before) == Expected(.overdue, .complaintResolve, "TS-2026-000002", "2026-03-05", -4, .working))
        let at = try #require(alerts(i, today: "2026-03-12").first)       // 5 late
        #expect(Expected(at) == Expected(.escalate, .complaintResolve, "TS-2026-000002", "2026-03-05", -5, .working))
        #expect(at.message.contains("须报县委县政府"))
    }

    @Test("each complaint stage has its own kind; an answered complaint raises nothing")
    func stages() throws {
        var i = AlertInputs()
        i.complaints = [
            try complaint("TS-A", received: "2026-03-02 09:00", cal: cal),                                                  // accept 3-03
            try complaint("TS-B", received: "2026-03-02 09:00", accepted: "2026-03-02 10:00", urgency: .critical, cal: cal), // resolve 3-03
            try complaint("TS-C", received: "2026-03-02 09:00", accepted: "2026-03-02 10:00", resolved: "2026-03-02 11:00", cal: cal), // respond 3-03
            try complaint("TS-D", received: "2026-03-02 09:00", accepted: "2026-03-02 10:00", resolved: "2026-03-02 11:00",
                          responded: "2026-03-02 12:00", cal: cal),
        ]
        i.complaints.append(try ComplaintWorkflow.returnTo(try complaint("TS-E", received: "2026-03-02 09:00", cal: cal),
                                                           department: "CZJ", reason: "错派", at: dt("2026-03-02 15:00"), cal, rules))
        let got = alerts(i, today: "2026-03-03").map(Expected.init)
        #expect(got == [
            Expected(.dueToday, .complaintAccept, "TS-A", "2026-03-03", 0, .working),
            Expected(.dueToday, .complaintResolve, "TS-B", "2026-03-03", 0, .working),
            Expected(.dueToday, .complaintRespond, "TS-C", "2026-03-03", 0, .working),
            Expected(.dueToday, .complaintReturn, "TS-E", "2026-03-03", 0, .working),
        ])
        #expect(alerts(i, today: "2026-03-03").last?.department == "CZJ")
    }

    @Test("an unreported breach is escalate; a reported one raises nothing")
    func breaches() {
        var i = AlertInputs()
        i.breaches = [
            Breach(id: "SX-2026-0001", department: "FGW", category: 3, commitment: nil, complaint: nil, date: d("2026-03-05"), finding: "x"),
            Breach(id: "SX-2026-0002", department: "FGW", category: 1, commitment: nil, complaint: nil, date: d("2026-03-05"), finding: "x",
                   reportedOn: d("2026-03-06")),
        ]
        let a = alerts(i, today: "2026-03-05")
        #expect(a.map(Expected.init) == [Expected(.escalate, .breachReport, "SX-2026-0001", "2026-03-05", 0, .working)])
        #expect(a.first?.message.contains("拖欠中小企业账款") == true)
    }

    @Test("opinion events: due the next working day; high severity is escalate from the start")
    func opinions() {
        var i = AlertInputs()
        i.opinions = [
            OpinionEvent(id: "YQ-1", department: "FGW", date: d("2026-10-09"), source: "微博", title: "a", severity: .medium),
            OpinionEvent(id: "YQ-2", department: "FGW", date: d("2026-10-09"), source: "微博", title: "b", severity: .high),
            OpinionEvent(id: "YQ-3", department: "FGW", date: d("2026-10-09"), source: "微博", title: "c", severity: .low,
                         handledOn: d("2026-10-09")),
        ]
        // Found Fri 10-09; the next working day is the make-up Saturday 10-10.
        #expect(alerts(i, today: "2026-10-09").map(Expected.init) == [
            Expected(.escalate, .opinion, "YQ-2", "2026-10-10", 1, .working),
            Expected(.nearing, .opinion, "YQ-1", "2026-10-10", 1, .working),
        ])
        #expect(alerts(i, today: "2026-10-12").map(Expected.init) == [
            Expected(.escalate, .opinion, "YQ-2", "2026-10-10", -1, .working),
            Expected(.overdue, .opinion, "YQ-1", "2026-10-10", -1, .working),
        ])
    }

    @Test("arrears owed to small firms: due 30 days after delivery, or the contract's term (at most 60)", arguments: [
        (nil as Int?, "2026-05-31"), (45, "2026-06-15"), (60, "2026-06-30"), (90, "2026-06-30"),
    ])
    func arrears(_ paymentDays: Int?, _ due: String) throws {
        var i = AlertInputs()
        i.commitments = [openCommitment("CN-2026-0009", deadline: "2026-12-31", category: 3, amountFen: 5_000_000,
                                        delivered: "2026-05-01", paymentDays: paymentDays)]
        // By 7-10 even the latest limit (6-30) is 8 working days past: escalate.
        let a = try #require(alerts(i, today: "2026-07-10").first)
        #expect(Expected(a) == Expected(.escalate, .arrears, "CN-2026-0009", due, d("2026-07-10").days(until: d(due)), .calendar))
        let near = try #require(alerts(i, today: d(due).adding(days: -7).string).first)
        #expect(near.level == .nearing && near.kind == .arrears && near.daysLeft == 7)
        #expect(alerts(i, today: d(due).adding(days: -8).string).isEmpty)
        #expect(alerts(i, today: d(due).adding(days: 1).string).first?.level == .overdue)
    }

    @Test("no arrears alert without amount, delivery date, or outside category 3")
    func noArrears() {
        var i = AlertInputs()
        i.commitments = [
            openCommitment("CN-1", deadline: "2026-12-31", category: 3, amountFen: nil, delivered: "2026-05-01"),
            openCommitment("CN-2", deadline: "2026-12-31", category: 3, amountFen: 100, delivered: nil),
            openCommitment("CN-3", deadline: "2026-12-31", category: 2, amountFen: 100, delivered: "2026-05-01"),
        ]
        #expect(alerts(i, today: "2026-07-01").isEmpty)
    }

    @Test("rectifications: nearing within 5 working days")
    func rectifications() {
        var i = AlertInputs()
        i.rectifications = [
            Rectification(id: "ZG-1", breach: "SX-1", unit: "FGW", measures: "x", opened: d("2026-09-01"), deadline: d("2026-10-12")),
            Rectification(id: "ZG-2", breach: "SX-1", unit: "FGW", measures: "x", opened: d("2026-09-01"), deadline: d("2026-10-12"),
                          completedOn: d("2026-10-01")),
        ]
        // From Wed 9-30: 10-08, 10-09, 10-10 (make-up), 10-12 → 4 working days left.
        #expect(alerts(i, today: "2026-09-30").map(Expected.init) == [Expected(.nearing, .rectification, "ZG-1", "2026-10-12", 4, .working)])
        // From Tue 9-22: 23, 24, 28, 29, 30, 10-08, 09, 10, 12 → 9 working days: nothing yet.
        #expect(alerts(i, today: "2026-09-22").isEmpty)
    }

    @Test("a merged department's open items are attributed to its successor")
    func merged() throws {
        var i = AlertInputs()
        i.departments = [
            "OLD": Department(code: "OLD", name: "旧中心", kind: .countyDepartment, active: false, successor: "MID", mergedOn: d("2025-01-01")),
            "MID": Department(code: "MID", name: "中间局", kind: .countyDepartment, active: false, successor: "GXJ", mergedOn: d("2026-01-01")),
            "GXJ": Department(code: "GXJ", name: "县工信局", kind: .countyDepartment),
        ]
        i.commitments = [openCommitment("CN-2026-0001", deadline: "2026-06-30", department: "OLD")]
        i.complaints = [try complaint("TS-2026-000001", received: "2026-06-29 09:00", department: "MID", cal: cal)]
        let a = alerts(i, today: "2026-07-01")
        #expect(a.count == 2)
        #expect(a.allSatisfy { $0.department == "GXJ" })
    }

    @Test("a year without calendar data is said", arguments: [
        ("2027-01-05", ["2027:overdue"]),
        ("2026-11-20", ["2027:info"]),   // within 60 days of the year end
        ("2026-06-01", [String]()),
    ])
    func calendarMissing(_ today: String, _ expected: [String]) {
        let got = Alerts.compute(AlertInputs(), calendar: cal, rules: rules, today: d(today)).map { "\($0.record):\($0.level.rawValue)" }
        #expect(got == expected)
    }

    @Test("a limit in next year also warns about its missing calendar")
    func calendarNextYear() throws {
        var i = AlertInputs()
        i.commitments = [openCommitment("CN-1", deadline: "2027-01-01")]
        // Deadline not near: no commitment alert and no calendar alert before the last 60 days.
        #expect(Alerts.compute(i, calendar: cal, rules: rules, today: d("2026-06-01")).isEmpty)
        let withCal = WorkCalendar(years: [try shippedYear(2026)])
        let all = Alerts.compute(i, calendar: withCal, rules: rules, today: d("2026-12-28"))
        #expect(all.map(\.kind) == [.commitment, .calendar])
        #expect(all.last?.level == .info)
    }

    @Test("sort order: level, then fewest days left, then earliest due, then id")
    func sortOrder() throws {
        var i = AlertInputs()
        i.commitments = [
            openCommitment("CN-N2", deadline: "2026-07-03"),   // nearing, 2 days
            openCommitment("CN-N1", deadline: "2026-07-02"),   // nearing, 1 day
            openCommitment("CN-T", deadline: "2026-07-01"),    // due today
            openCommitment("CN-O", deadline: "2026-06-29"),    // overdue -2
            openCommitment("CN-O2", deadline: "2026-06-30"),   // overdue -1
            openCommitment("CN-E", deadline: "2026-06-01"),    // escalate -30
        ]
        i.breaches = [Breach(id: "SX-1", department: "FGW", category: 6, commitment: nil, complaint: nil, date: d("2026-06-20"), finding: "x")]
        i.complaints = [try complaint("TS-N", received: "2026-06-30 09:00", cal: cal)]   // accept due 7-01: today
        let got = alerts(i, today: "2026-07-01").map(\.record)
        // Escalate: CN-E (-30 calendar days) before SX-1 (-8 working days). Due today: both have 0 left; earlier due equal; by id.
        #expect(got == ["CN-E", "SX-1", "CN-O", "CN-O2", "CN-T", "TS-N", "CN-N1", "CN-N2"])
        let levels = alerts(i, today: "2026-07-01").map(\.level.rank)
        #expect(levels == levels.sorted())
    }

    @Test("levels are ranked escalate > overdue > due today > nearing > info")
    func levels() {
        #expect(Alert.Level.escalate < .overdue)
        #expect(Alert.Level.overdue < .dueToday)
        #expect(Alert.Level.dueToday < .nearing)
        #expect(Alert.Level.nearing < .info)
    }

    @Test("horizon: the store needs nothing due later")
    func horizon() {
        let h = Alerts.Limits(today: d("2026-09-30"), calendar: cal, rules: rules)
        #expect(h.commitments.nearingThrough == d("2026-10-07"))
        #expect(h.complaints.nearingThrough == d("2026-10-08"))
        #expect(h.rectifications.nearingThrough == d("2026-10-13"))   // 8, 9, 10, 12, 13
        #expect(h.arrears.nearingThrough == d("2026-10-07"))
    }
}
