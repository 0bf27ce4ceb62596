import Foundation
import Testing
@testable import JiannuoCore
@testable import JiannuoStore

/// Random sequences of every kind of write on the small demo. After each step the counts kept on write
/// must equal a recomputation from the records, and every unit's ranked score and counts must equal
/// the sum of its own detailed lines (`scores` against `department show`).
@Suite("Store: kept counts against a recomputation", .serialized)
struct KeptCountsPropertyTests {
    static let seeds: [UInt64] = [1, 2, 3]
    static let steps = 45

    @Test(arguments: seeds)
    func randomWritesKeepTheCountsTrue(seed: UInt64) throws {
        var rng = DemoRandom(seed: seed)   // seeded: a failing sequence replays exactly
        let fx = try Fixture(today: "2026-09-24")
        var day = fx.today
        var rules = Rules.defaults
        var store = try fx.store()
        _ = try store.generateDemo(size: .small, seed: seed)
        try check(store, "seed \(seed), after the demo")
        var log: [String] = []
        for step in 1...Self.steps {
            if Int.random(in: 0..<3, using: &rng) == 0 {
                day = day.adding(days: Int.random(in: 1...4, using: &rng))
                store = try SQLiteLedger(path: fx.path, clock: Clock(today: day, minute: 23 * 60 + 59), operatorName: "测试员",
                                  rules: rules, access: .create)
            }
            let name = try Self.randomStep(store, &rng, &rules)
            log.append("\(day) \(name)")
            if name.hasPrefix("rules") {
                store = try SQLiteLedger(path: fx.path, clock: Clock(today: day, minute: 23 * 60 + 59), operatorName: "测试员",
                                  rules: rules, access: .create)
            }
            try check(store, "seed \(seed), step \(step): \(log.suffix(3).joined(separator: " → "))")
        }
        let history = try store.reading { r in
            (try r.int("SELECT count(*) FROM complaint_steps WHERE claim IS NOT NULL", []), try r.int("SELECT count(*) FROM complaint_rounds", []))
        }
        // The seeds reach a complaint's claims and its closed rounds, whose late limits are counted too.
        #expect(history.0 > 0 && history.1 > 0, "seed \(seed): \(history.0) step claims, \(history.1) closed rounds")
        // The sequence did more than fail: most steps changed the ledger.
        #expect(log.filter { !$0.contains("refused") }.count > Self.steps / 2, "\(log)")
    }

    func check(_ store: SQLiteLedger, _ context: String) throws {
        // The dashboard's first page of alerts is the head of the full list, and its counts are the list's.
        try expectPagesAreHeads(store, limits: [1, 7, 60], context)
        let kept = try store.keptCountsCheck()
        try #require(kept.differences.isEmpty, "\(context): kept counts differ: \(kept.differences.prefix(5))")
        #expect(kept.missingTriggers.isEmpty, "\(context)")
        let today = store.clock.today
        let period = Period.currentQuarter(today)
        let ranked = try store.scores(periods: [period, period.previous], today: today)
        // As known today is today's corrected view, read from the records rather than the kept counts.
        let known = try store.scores(periods: [period], today: today, asKnown: AsKnown(today))[0]
        #expect(known.mapValues(\.score) == ranked[0].mapValues(\.score), "\(context): as known today differs from the ranking")
        // A span of odd days besides the quarters: its whole months come from the monthly roll-ups, its
        // other days from the daily counts.
        let odd = Period(kind: .rolling, start: today.adding(days: -75), end: today.adding(days: 9))
        let periods = [period, period.previous, odd]
        let all = ranked + (try store.scores(periods: [odd], today: today))
        for (i, p) in periods.enumerated() {
            for (code, s) in all[i] {
                let detail = try store.scores(of: code, periods: [p], today: today)[0]
                var counts: [ScoreRule: Int] = [:]
                for l in detail.lines where l.rule != .base { counts[l.rule, default: 0] += 1 }
                let sum = detail.lines.map(\.points).reduce(0, +)
                #expect(abs(s.score - detail.score) < 1e-9 && abs(min(100, max(0, sum)) - s.score) < 1e-9,
                        "\(context): \(code) \(p.description) ranked \(s.score), lines \(detail.score) (sum \(sum))")
                #expect(s.counts == counts, "\(context): \(code) \(p.description) counts \(s.counts) against lines \(counts)")
            }
        }
    }

    /// One write chosen at random, with random arguments; a refusal (a step that does not apply) is
    /// fine, and must leave everything as it was.
    static func randomStep(_ store: SQLiteLedger, _ rng: inout DemoRandom, _ rules: inout Rules) throws -> String {
        let units = try store.departments(includeInactive: false).map(\.code)
        let unit = units.randomElement(using: &rng)!
        let now = store.clock.now
        func someComplaint(_ filter: (Complaint) -> Bool) throws -> Complaint? {
            try store.complaints(ListFilter()).filter(filter).randomElement(using: &rng)
        }
        func someCommitment() throws -> Commitment? {
            try store.commitments(ListFilter()).filter(\.status.isOpen).randomElement(using: &rng)
        }
        let kinds = ["add", "accept", "resolve", "respond", "extend", "return", "followup", "verify", "commitment", "progress",
                     "fulfill", "amend", "merge", "calendar", "rules", "import", "rectify", "opinion", "accountability", "finding", "importCommitments",
                     "backfill", "backfill", "decide", "stepBackfill", "stepBackfill"]
        let kind = kinds.randomElement(using: &rng)!
        do {
            switch kind {
            case "add":
                let back = Int.random(in: 0...20, using: &rng)
                let at = DateTime(day: now.day.adding(days: -back), minute: 9 * 60)
                _ = try store.addComplaint(ComplaintDraft(channel: "hotline", received: at.string, urgency: "normal", complainant: nil,
                                                          contact: nil, department: unit, category: nil, commitment: nil, content: "随机投诉"))
            case "accept":
                guard let c = try someComplaint({ $0.acceptedAt == nil }) else { return "accept none" }
                _ = try store.accept(c.id, at: nil)
            case "resolve":
                guard let c = try someComplaint({ $0.acceptedAt != nil && $0.resolvedAt == nil }) else { return "resolve none" }
                _ = try store.resolve(c.id, result: "已办理", at: nil)
            case "respond":
                guard let c = try someComplaint({ $0.resolvedAt != nil && $0.respondedAt == nil }) else { return "respond none" }
                _ = try store.respond(c.id, text: "已答复", at: nil)
            case "extend":
                guard let c = try someComplaint({ $0.acceptedAt != nil && $0.resolvedAt == nil && $0.resolveDue.map { $0 > now.day } == true })
                else { return "extend none" }
                _ = try store.extend(c.id, days: Int.random(in: 1...8, using: &rng), reason: "情况复杂")
            case "return":
                guard let c = try someComplaint({ $0.acceptedAt == nil }), let to = units.filter({ $0 != c.department }).randomElement(using: &rng)
                else { return "return none" }
                _ = try store.returnComplaint(c.id, to: to, reason: "非本单位职责", at: nil)
            case "followup":
                // A reopened complaint answered again is followed up again (each dissatisfied one closes a round).
                guard let c = try someComplaint({ c in c.respondedAt.map { r in c.followupAt.map { $0 < r } ?? true } ?? false })
                else { return "followup none" }
                _ = try store.followup(c.id, satisfied: Bool.random(using: &rng), note: nil)
            case "verify":
                guard let c = try someComplaint({ $0.acceptedAt != nil && $0.verifiedAt == nil }) else { return "verify none" }
                _ = try store.verify(c.id, breach: true, finding: "属实", category: Int.random(in: 1...4, using: &rng))
            case "commitment":
                let made = now.day.adding(days: -Int.random(in: 0...200, using: &rng))
                _ = try store.addCommitment(CommitmentDraft(department: unit, kind: .policy, category: Int.random(in: 1...3, using: &rng),
                                                            counterparty: "某企业", content: "随机承诺", made: made.string,
                                                            deadline: made.adding(days: Int.random(in: 10...120, using: &rng)).string))
            case "progress":
                guard let c = try someCommitment() else { return "progress none" }
                _ = try store.recordProgress(c.id, percent: Int.random(in: 1...99, using: &rng), status: nil, note: nil)
            case "fulfill":
                guard let c = try someCommitment() else { return "fulfill none" }
                _ = try store.fulfill(c.id, date: nil, note: nil)
            case "amend":
                guard let c = try someCommitment() else { return "amend none" }
                _ = try store.amend(c.id, deadline: now.day.adding(days: Int.random(in: 5...90, using: &rng)), content: nil,
                                    reason: "政策调整", legalBasis: "依据", approver: "县政府")
            case "backfill":
                // A progress entry, fulfilment or amendment dated in the past: often a pending claim.
                guard let c = try someCommitment() else { return "backfill none" }
                let date = now.day.adding(days: -Int.random(in: 0...60, using: &rng))
                switch Int.random(in: 0..<3, using: &rng) {
                case 0: _ = try store.recordProgress(c.id, percent: Int.random(in: 1...99, using: &rng), status: nil, note: nil, date: date)
                case 1: _ = try store.fulfill(c.id, date: date, note: nil)
                default: _ = try store.amend(c.id, deadline: now.day.adding(days: Int.random(in: 5...90, using: &rng)), content: nil,
                                             reason: "政策调整", legalBasis: "依据", approver: "县政府", date: date)
                }
            case "stepBackfill":
                // A complaint's step typed about an earlier moment: past the grace window, a pending claim.
                guard let c = try someComplaint({ $0.stage.isOpen }) else { return "stepBackfill none" }
                let previous = [c.received, c.returnedAt, c.acceptedAt, c.reopenedAt, c.resolvedAt].compactMap { $0 }.max()!
                let back = DateTime(day: now.day.adding(days: -Int.random(in: 0...30, using: &rng)), minute: 10 * 60)
                let at = max(back, DateTime(day: previous.day, minute: min(previous.secondOfDay / 60 + 1, 23 * 60 + 58)))
                guard at <= now else { return "stepBackfill none" }
                switch c.stage {
                case .received: _ = try store.accept(c.id, at: at)
                case .accepted: _ = try store.resolve(c.id, result: "已办理", at: at)
                default: _ = try store.respond(c.id, text: "已答复", at: at)
                }
            case "decide":
                guard let p = try store.pendingClaims().randomElement(using: &rng) else { return "decide none" }
                if Bool.random(using: &rng) { _ = try store.confirmClaim(p.event, evidence: "文号") } else { _ = try store.rejectClaim(p.event, reason: "无凭证") }
            case "merge":
                guard units.count > 4, let into = units.filter({ $0 != unit }).randomElement(using: &rng) else { return "merge none" }
                _ = try store.mergeDepartment(from: unit, into: into, date: nil)
            case "calendar":
                let date = now.day.adding(days: Int.random(in: -20...20, using: &rng))
                do {
                    try store.removeCalendarOverride(date)
                } catch is JiannuoError {
                    try store.addCalendarOverride(CalendarOverride(date: date, kind: Bool.random(using: &rng) ? .holiday : .workday))
                }
            case "rules":
                var next = rules
                next.deadlines.acceptWorkdays = Int.random(in: 1...5, using: &rng)
                next.deadlines.resolveWorkdaysNormal = Int.random(in: 5...20, using: &rng)
                _ = try store.applyRules(next, source: "random.toml")
                rules = next
            case "import":
                let n = Int.random(in: 1...4, using: &rng)
                let base = Int.random(in: 0...999_999, using: &rng)
                let rows: [(Int, Complaint)] = try (0..<n).map { i in
                    let at = DateTime(day: now.day.adding(days: -Int.random(in: 0...40, using: &rng)), minute: 10 * 60)
                    let draft = ComplaintDraft(channel: "email", received: at.string, urgency: "normal", complainant: nil, contact: nil,
                                               department: units.randomElement(using: &rng)!, category: nil, commitment: nil, content: "导入投诉")
                    return (i + 2, try draft.validated(id: "TS-IMP-\(base)-\(i)", calendar: store.calendar, rules: store.rules.deadlines, clock: store.clock))
                }
                _ = try store.importComplaints(rows, source: "random.csv")
            case "importCommitments":
                // Promises of every outcome, some missing procedures, some debts: judged in one pass on import.
                let base = Int.random(in: 0...999_999, using: &rng)
                let rows: [(Int, Commitment)] = (0..<Int.random(in: 1...4, using: &rng)).map { i in
                    let made = now.day.adding(days: -Int.random(in: 10...200, using: &rng))
                    let status = CommitmentStatus.allCases.randomElement(using: &rng)!
                    let closed = made.adding(days: Int.random(in: 1...9, using: &rng))
                    let debt = Bool.random(using: &rng)
                    return (i + 2, Commitment(id: "CN-IMP-\(base)-\(i)", department: units.randomElement(using: &rng)!, kind: .contract,
                                              category: debt ? 3 : 1, counterparty: "某企业", content: "导入承诺",
                                              amount: debt ? Money(fen: 100_000) : nil, made: made,
                                              deadline: made.adding(days: Int.random(in: 1...30, using: &rng)), status: status,
                                              procedures: Procedure.allCases.filter { _ in Bool.random(using: &rng) },
                                              fulfilledOn: status.isOpen ? nil : closed, deliveredOn: debt ? made : nil,
                                              paymentDays: debt ? Int.random(in: 10...60, using: &rng) : nil))
                }
                _ = try store.importCommitments(rows, source: "random.csv")
            case "rectify":
                guard let b = try store.breaches(ListFilter()).randomElement(using: &rng) else { return "rectify none" }
                let open = try store.rectifications(ListFilter(), breach: b.id).filter { $0.completedOn == nil }
                if let x = open.first {
                    _ = try store.completeRectification(x.id, date: nil)
                } else {
                    _ = try store.addRectification(breach: b.id, unit: b.department, measures: "整改措施",
                                                   deadline: now.day.adding(days: Int.random(in: -5...30, using: &rng)))
                }
            case "opinion":
                if let o = try store.opinions(ListFilter()).filter({ $0.handledOn == nil }).randomElement(using: &rng), Bool.random(using: &rng) {
                    _ = try store.handleOpinion(o.id, date: nil, note: nil)
                } else {
                    _ = try store.addOpinion(department: unit, title: "随机舆情", source: "网络", severity: Severity.allCases.randomElement(using: &rng)!,
                                             date: now.day.adding(days: -Int.random(in: 0...5, using: &rng)))
                }
            case "accountability":
                let records = try store.breaches(ListFilter()).map(\.id) + store.complaints(ListFilter()).prefix(50).map(\.id)
                guard let id = records.randomElement(using: &rng) else { return "accountability none" }
                _ = try store.addAccountability(follows: id, targetKind: .unit, official: nil, post: nil, target: nil,
                                                kind: AccountabilityKind.allCases.randomElement(using: &rng)!.rawValue, date: nil)
            case "finding":
                let round = try store.inspections().first ?? store.addInspection(name: "随机督查", from: now.day.adding(days: -3), to: now.day.adding(days: 30),
                                                                                 departments: nil, inspectors: "督查组")
                let order: (deadline: Day, measures: String)? = Bool.random(using: &rng) ? (now.day.adding(days: Int.random(in: 1...20, using: &rng)), "立行立改") : nil
                _ = try store.addFinding(round: round.id, department: unit, issue: "随机问题", basis: "依据", severity: Severity.allCases.randomElement(using: &rng)!,
                                         date: nil, order: order)
            default:
                Issue.record("unknown step \(kind)")
            }
            return kind
        } catch let e as JiannuoError {
            return "\(kind) refused: \(e.text.zh)"
        }
    }
}
