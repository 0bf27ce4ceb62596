import Foundation
import JiannuoTestSupport
import Testing

extension RoleTests {
    /// The office's date `days` from today (the county's zone), as the program reads it without `--today`.
    static func officeDay(_ days: Int) -> String {
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = TimeZone(identifier: "Asia/Shanghai")!
        let d = cal.date(byAdding: .day, value: days, to: Date())!
        let c = cal.dateComponents([.year, .month, .day], from: d)
        return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
    }

    @Test("a liaison's backdated claim always waits for the office; a liaison or an intake clerk cannot confirm it, a supervisor can")
    func liaisonClaims() throws {
        let s = try ledger()
        let c = try s.ok(nil, ["commitment", "add", "--department", "FGW", "--category", "1", "--kind", "policy", "--counterparty", "甲公司",
                               "--content", "奖励", "--made", Self.officeDay(-120), "--deadline", Self.officeDay(-60)])
        let id = try #require(c["id"] as? String)
        let fulfilled = try s.ok("jnliaison", ["commitment", "fulfill", id, "--date", Self.officeDay(-61)])
        #expect(fulfilled["fulfilled_on"] as? String == Self.officeDay(0), "\(fulfilled)")
        // Yesterday is within any grace window, yet the unit vouching for itself is not enough.
        let feedback = try s.run("jnliaison", ["commitment", "feedback", id, "--text", "已告知企业", "--date", Self.officeDay(-1), "--json"]).object()
        #expect(feedback["claim"] as? String == "pending", "\(feedback)")
        let waiting = try s.run("jnliaison", ["pending", "--json"]).array()
        #expect(waiting.count == 2, "\(waiting)")
        let event = try #require(waiting.first { $0["kind"] as? String == "fulfill" }?["event"] as? String)
        let before = try s.dump()
        #expect(try s.run("jnliaison", ["confirm", event, "--evidence", "本单位说明"]).status == 77)
        #expect(try s.run("jnintake", ["confirm", event, "--evidence", "x"]).status == 77)
        #expect(try s.dump() == before, "a refused confirmation writes nothing")
        #expect(try s.run("jnsuper", ["confirm", event, "--evidence", "付款凭证"]).status == 0)
        let shown = try s.run("jnsuper", ["commitment", "show", id, "--json"]).object()
        #expect(shown["fulfilled_on"] as? String == Self.officeDay(-61))
    }
}

extension RoleTests {
    @Test("a liaison opens its own unit's complaint (without the county's audit log); another unit's is refused with 77, not printed and exit 0")
    func liaisonOpensItsComplaint() throws {
        let s = try ledger()
        let own = try complaint(s, "FGW"), other = try complaint(s, "CZJ")
        let shown = try s.run("jnliaison", ["complaint", "show", own])
        #expect(shown.status == 0 && shown.stdout.contains(own) && shown.stdout.contains("测试件"), "\(shown)")
        let refused = try s.run("jnliaison", ["complaint", "show", other])
        #expect(refused.status == 77 && refused.stdout.isEmpty, "\(refused)")
    }
}

extension RoleTests {
    @Test("a liaison attaches evidence to its own unit's records only, and lists only its unit's files")
    func liaisonAttaches() throws {
        let s = try ledger()
        let own = try complaint(s, "FGW"), other = try complaint(s, "CZJ")
        let pdf = s.dir + "/回单.pdf"
        try Data("%PDF-1.4\n%%EOF\n".utf8).write(to: URL(fileURLWithPath: pdf))
        _ = try runProcess("/bin/chmod", ["644", pdf], home: s.dir)
        let mine = try s.run("jnliaison", ["attach", own, pdf, "--json"])
        #expect(mine.status == 0, "\(mine)")
        #expect(try s.run("jnliaison", ["attach", other, pdf]).status == 77)
        #expect(try s.run(nil, ["attach", other, pdf]).status == 0)
        let listed = try s.run("jnliaison", ["attachments", "list", "--json"]).array()
        #expect(listed.map { $0["record"] as? String } == [own], "\(listed)")
        #expect(try s.run("jnleader", ["attach", own, pdf]).status == 77, "a leader changes no record")
    }
}
