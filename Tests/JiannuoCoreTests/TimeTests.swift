import Foundation
import Testing
@testable import JiannuoCore

@Suite("True time: offsets, the clock, no event after now")
struct TimeTests {
    let shanghai = TimeZone(identifier: "Asia/Shanghai")!
    let utc = TimeZone(identifier: "UTC")!

    @Test("times are written with their UTC offset and read back exactly")
    func isoRoundTrip() throws {
        let t = try #require(DateTime("2026-11-30 01:42", zone: shanghai))
        #expect(t.iso == "2026-11-30T01:42:00+08:00")
        #expect(DateTime(t.iso) == t)
        #expect(DateTime(t.iso)?.iso == t.iso)
        let neg = try #require(DateTime("2026-11-30T01:42:05-05:30"))
        #expect(neg.iso == "2026-11-30T01:42:05-05:30")
        #expect(DateTime("2026-11-30T01:42:00Z")?.offset == 0)
    }

    @Test("an officer's 01:42 on 11-30 in Shanghai is not 17:42 on 11-29")
    func localInput() throws {
        let instant = Date(timeIntervalSince1970: 1_795_974_120)   // 2026-11-29T17:42:00Z
        let local = DateTime(instant, zone: shanghai)
        #expect(local.string == "2026-11-30 01:42")
        #expect(local.day == Day("2026-11-30"))
        #expect(DateTime(instant, zone: utc).string == "2026-11-29 17:42")
        #expect(DateTime(instant, zone: utc) == local)   // the same instant
        #expect(Clock(zone: shanghai, instant: { instant }).now.iso == "2026-11-30T01:42:00+08:00")
    }

    @Test("times in different offsets order by the instant")
    func instantOrder() throws {
        let a = try #require(DateTime("2026-11-30T01:00:00+08:00"))   // 17:00Z the day before
        let b = try #require(DateTime("2026-11-29T18:00:00+00:00"))
        #expect(a < b)
        #expect(a.day > b.day)
    }

    @Test("under --today D now is the last second of D; the real clock moves with time")
    func clock() {
        let c = Clock.fixed(Day("2026-11-20")!, zone: shanghai)
        #expect(c.now.iso == "2026-11-20T23:59:59+08:00")
        #expect(c.today == Day("2026-11-20"))
        final class Box: @unchecked Sendable { var t = Date(timeIntervalSince1970: 1_795_940_000) }
        let box = Box()
        let live = Clock(zone: shanghai, instant: { box.t })
        let first = live.now
        box.t = box.t.addingTimeInterval(6.5 * 3600)   // a dashboard open from morning to afternoon
        #expect(live.now > first)
        #expect(live.now.instant - first.instant == 23_400)
    }

    @Test("a zone is named as tz names it; the county's is the default, never the user's TZ")
    func zone() {
        #expect(Clock.defaultZone.identifier == "Asia/Shanghai")
        #expect(Clock.system().zone.identifier == "Asia/Shanghai")
        #expect(Clock.zone(named: "")?.identifier == nil)
        #expect(Clock.zone(named: "UTC")?.secondsFromGMT() == 0)
        #expect(Clock.zone(named: ":Asia/Urumqi")?.identifier == "Asia/Urumqi")
        #expect(Clock.zone(named: "/usr/share/zoneinfo/Asia/Shanghai")?.identifier == "Asia/Shanghai")
        #expect(Clock.zone(named: "Not/AZone") == nil)
        let fixed = Clock.fixed(Day("2026-03-02")!)
        #expect(fixed.inZone(TimeZone(identifier: "UTC")!).now.iso == "2026-03-02T23:59:59+00:00")
    }

    @Test("no event after now, named by its field")
    func notFuture() {
        let now = DateTime("2026-11-20T23:59:59+08:00")!
        let e = #expect(throws: JiannuoError.self) {
            try Validate.notFuture(DateTime("2026-11-21 00:00", zone: shanghai)!, now: now, Field("受理时间", "acceptance time"))
        }
        #expect(e?.text.zh.hasPrefix("受理时间不能晚于当前时间") == true)
        #expect(e?.kind == .invalid)
        #expect(throws: Never.self) { try Validate.notFuture(DateTime("2026-11-20 23:59", zone: shanghai)!, now: now, Field("x", "x")) }
        #expect(throws: JiannuoError.self) { try Validate.notFuture(Day("2026-11-21")!, today: Day("2026-11-20")!, Field("兑现日期", "date")) }
    }

    @Test("dates outside 2000–2100 are refused", arguments: ["1999-12-31", "0001-01-01", "2101-01-01", "9999-12-31"])
    func yearRange(_ text: String) {
        let e = #expect(throws: JiannuoError.self) { try Validate.day(text, Field("兑现时限", "deadline")) }
        #expect(e?.text.zh.contains("2000–2100") == true)
        #expect(throws: JiannuoError.self) { try Validate.dateTime(text + " 09:00", Field("收到时间", "received"), zone: shanghai) }
    }

    @Test("a status and a percentage that contradict each other are named")
    func contradictions() {
        #expect(CommitmentWorkflow.contradiction(status: .inProgress, percent: 100) != nil)
        #expect(CommitmentWorkflow.contradiction(status: .partial, percent: 0) != nil)
        #expect(CommitmentWorkflow.contradiction(status: .notStarted, percent: 10) != nil)
        #expect(CommitmentWorkflow.contradiction(status: .fulfilled, percent: 90) != nil)
        #expect(CommitmentWorkflow.contradiction(status: .stalled, percent: 10) == nil)
        #expect(CommitmentWorkflow.contradiction(status: .inProgress, percent: 15) == nil)
    }

    @Test("the deadline in force on a day is the one before later amendments")
    func termsInForce() {
        let c = Commitment(id: "CN-1", department: "FGW", kind: .contract, category: 2, counterparty: "某公司", content: "x",
                           made: Day("2026-01-05")!, deadline: Day("2027-03-01")!)
        let a = Amendment(commitment: "CN-1", date: Day("2026-06-10")!, reason: "r", legalBasis: "b", approver: "p",
                          oldDeadline: Day("2026-05-31")!, newDeadline: Day("2027-03-01")!, oldContent: "x", newContent: "x")
        #expect(c.deadline(on: Day("2026-06-09")!, amendments: [a]) == Day("2026-05-31"))
        #expect(c.deadline(on: Day("2026-06-10")!, amendments: [a]) == Day("2027-03-01"))
        #expect(c.deadline(on: Day("2026-12-01")!, amendments: []) == Day("2027-03-01"))
    }
}
