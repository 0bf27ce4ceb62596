import Foundation
import Testing

@Suite("CLI: bad input is refused with a Chinese message and nothing written", .serialized)
struct BadInputTests {
    static let goodCode = "91350100M000100Y43"

    /// A small ledger with records in the states the corpus needs.
    func ledger() throws -> (CLI, ids: [String: String]) {
        let cli = try CLI()
        try cli.ok(["department", "add", "--code", "FGW", "--name", "县发改委", "--kind", "county-department"])
        try cli.ok(["department", "add", "--code", "CZJ", "--name", "县财政局", "--kind", "county-department"])
        let cn = try cli.ok(["commitment", "add", "--department", "FGW", "--category", "1", "--kind", "policy", "--counterparty", "某企业",
                             "--content", "奖补", "--made", "2026-01-10", "--deadline", "2026-06-30"])
        let accepted = try cli.ok(["complaint", "add", "--channel", "hotline", "--department", "FGW", "--content", "已受理件",
                                   "--received", "2026-03-02 08:00", "--category", "1"])
        try cli.ok(["complaint", "accept", accepted["id"] as! String])
        let fresh = try cli.ok(["complaint", "add", "--channel", "phone", "--department", "FGW", "--content", "未受理件",
                                "--received", "2026-03-02 08:30"])
        let nocat = try cli.ok(["complaint", "add", "--channel", "email", "--department", "CZJ", "--content", "无类别",
                                "--received", "2026-03-02 08:40"])
        try cli.ok(["complaint", "accept", nocat["id"] as! String])
        let breached = try cli.ok(["complaint", "add", "--channel", "media", "--department", "FGW", "--content", "失信件",
                                   "--received", "2026-03-02 08:50", "--category", "2"])
        try cli.ok(["complaint", "accept", breached["id"] as! String])
        let sx = try cli.ok(["complaint", "verify", breached["id"] as! String, "--breach", "yes", "--finding", "属实"])
        try cli.ok(["breach", "report", sx["id"] as! String])
        let yq = try cli.ok(["opinion", "add", "--department", "FGW", "--title", "网帖", "--source", "微博"])
        try cli.ok(["opinion", "handle", yq["id"] as! String])
        return (cli, ["CN": cn["id"] as! String, "ACC": accepted["id"] as! String, "NEW": fresh["id"] as! String,
                      "NOCAT": nocat["id"] as! String, "SX": sx["id"] as! String, "YQ": yq["id"] as! String])
    }

    @Test("a corpus of bad inputs: each exits 65, says why in Chinese, and leaves the database byte for byte as it was")
    func corpus() throws {
        let (cli, id) = try ledger()
        let long = String(repeating: "长", count: 4001)
        let commitment = { (change: [String: String]) -> [String] in
            var f = ["--department": "FGW", "--category": "3", "--kind": "contract", "--counterparty": "某公司", "--content": "付款",
                     "--made": "2026-01-10", "--deadline": "2026-06-30"]
            for (k, v) in change { f[k] = v }
            return ["commitment", "add"] + f.keys.sorted().flatMap { [$0, f[$0]!] }
        }
        let complaint = { (change: [String: String]) -> [String] in
            var f = ["--channel": "hotline", "--department": "FGW", "--content": "内容", "--received": "2026-03-02 10:00"]
            for (k, v) in change { f[k] = v }
            return ["complaint", "add"] + f.keys.sorted().flatMap { [$0, f[$0]!] }
        }
        let cases: [[String]] = [
            // Departments
            ["department", "add", "--code", "X1", "--name", "某局", "--kind", "bureau"],
            ["department", "add", "--code", "", "--name", "某局", "--kind", "other"],
            ["department", "add", "--code", "X-1", "--name", "某局", "--kind", "other"],
            ["department", "add", "--code", "FGW", "--name", "重复代码", "--kind", "other"],
            ["department", "add", "--code", "X2", "--name", "  ", "--kind", "other"],
            ["department", "add", "--code", "X3", "--name", String(repeating: "局", count: 61), "--kind", "other"],
            ["department", "add", "--code", "X4", "--name", "红\u{1B}[31m色", "--kind", "other"],
            ["department", "rename", "FGW", "--name", "县发改委"],
            ["department", "merge", "FGW", "--into", "FGW"],
            ["department", "merge", "FGW", "--into", "CZJ", "--date", "2026-02-30"],
            // Commitments
            commitment(["--made": "2026-02-30"]),
            commitment(["--made": "2025-02-29"]),
            commitment(["--deadline": "2026-1-5"]),
            commitment(["--deadline": "2026-01-09"]),
            commitment(["--department": "NOPE"]),
            commitment(["--credit-code": String(Self.goodCode.dropLast()) + "4"]),
            commitment(["--credit-code": "91350100M000100Y4O"]),
            commitment(["--credit-code": "9135010"]),
            commitment(["--amount=-5": ""]).filter { !$0.isEmpty },
            commitment(["--amount": "12.345"]),
            commitment(["--amount": "abc"]),
            commitment(["--amount": "100000000000000"]),
            commitment(["--category": "7"]),
            commitment(["--category": "0"]),
            commitment(["--kind": "gift"]),
            commitment(["--procedures": "public,magic"]),
            commitment(["--content": ""]),
            commitment(["--content": "正文\u{202E}倒序"]),
            commitment(["--counterparty": "公司\u{07}"]),
            commitment(["--payment-days": "61"]),
            commitment(["--delivered": "2026-02-29"]),
            ["commitment", "progress", id["CN"]!, "--percent", "150"],
            ["commitment", "progress", id["CN"]!, "--percent", "50", "--status", "done"],
            ["commitment", "amend", id["CN"]!, "--reason", "r", "--legal-basis", "b", "--approver", "a"],
            ["commitment", "amend", id["CN"]!, "--deadline", "2025-12-31", "--reason", "r", "--legal-basis", "b", "--approver", "a"],
            ["commitment", "fulfill", id["CN"]!, "--date", "2025-12-31"],
            ["commitment", "feedback", id["CN"]!, "--text", "\u{9B}31m"],
            // Complaints
            complaint(["--channel": "fax"]),
            complaint(["--received": "2026-02-30 09:00"]),
            complaint(["--received": "2026-03-02 25:00"]),
            complaint(["--urgency": "high"]),
            complaint(["--department": "NOPE"]),
            complaint(["--content": long]),
            complaint(["--content": "\u{1B}]0;title\u{07}"]),
            complaint(["--contact": "138\u{7F}"]),
            complaint(["--category": "9"]),
            ["complaint", "accept", id["ACC"]!],
            ["complaint", "resolve", id["NEW"]!, "--result", "x"],
            ["complaint", "respond", id["ACC"]!, "--text", "x"],
            ["complaint", "verify", id["NEW"]!, "--breach", "no", "--finding", "x"],
            ["complaint", "verify", id["ACC"]!, "--breach", "maybe", "--finding", "x"],
            ["complaint", "verify", id["NOCAT"]!, "--breach", "yes", "--finding", "属实"],
            ["complaint", "extend", id["ACC"]!, "--days", "11", "--reason", "x"],
            ["complaint", "extend", id["NEW"]!, "--days", "3", "--reason", "x"],
            ["complaint", "return", id["ACC"]!, "--to", "CZJ", "--reason", "x"],
            ["complaint", "return", id["NEW"]!, "--to", "FGW", "--reason", "x"],
            ["complaint", "return", id["NEW"]!, "--to", "NOPE", "--reason", "x"],
            ["complaint", "followup", id["ACC"]!, "--satisfied", "yes"],
            ["complaint", "accept", id["NEW"]!, "--at", "2026-03-01 09:00"],
            // Breaches, rectifications, accountability, opinions
            ["breach", "report", id["SX"]!],
            ["rectification", "add", id["SX"]!, "--unit", "FGW", "--measures", "x", "--deadline", "2026-02-30"],
            ["rectification", "add", id["SX"]!, "--unit", "FGW", "--measures", "x", "--deadline", "2026-03-01"],
            ["rectification", "add", id["SX"]!, "--unit", "NOPE", "--measures", "x", "--deadline", "2026-04-01"],
            ["accountability", "add", id["SX"]!, "--target", "", "--kind", "约谈"],
            ["accountability", "add", id["SX"]!, "--target", "某人", "--kind", "约谈", "--date", "2026-03-01"],
            ["opinion", "add", "--department", "FGW", "--title", "t", "--source", "s", "--severity", "extreme"],
            ["opinion", "add", "--department", "FGW", "--title", "t", "--source", "s", "--date", "2026-13-01"],
            ["opinion", "handle", id["YQ"]!],
            // Calendar and global options
            ["calendar", "add-holiday", "2026-02-30"],
            ["calendar", "workdays", "2026-03-01", "2026-02-01"],
            ["calendar", "show", "2026-13"],
            ["complaint", "list", "--status", "lost"],
            ["commitment", "list", "--from", "2026-02-30"],
        ]
        #expect(cases.count >= 25)
        let before = try cli.dump()
        for args in cases {
            let r = try cli.run(args)
            #expect(r.status == 65, "\(r)")
            #expect(hasCJK(r.stderr), "no Chinese reason: \(r)")
            #expect(r.stderr.hasPrefix("错误："), "\(r)")
            #expect(!r.stderr.contains("\u{1B}"), "an escape reached the terminal: \(r)")
            #expect(r.stdout.isEmpty, "\(r)")
            #expect(try cli.dump() == before, "the database changed: \(r)")
        }
        // A bad --today is refused too, before anything is opened.
        let badToday = try cli.run(["department", "add", "--code", "X9", "--name", "某", "--kind", "other"], today: "2026-02-30")
        #expect(badToday.status == 65, "\(badToday)")
        #expect(hasCJK(badToday.stderr))
        #expect(try cli.dump() == before)
        #expect(try cli.run(["audit", "verify"]).status == 0)
    }

    @Test("user add refuses an account the system does not know (66), writing nothing")
    func unknownSystemAccount() throws {
        let cli = try CLI()
        let before = try cli.dump()
        let r = try cli.run(["user", "add", "no-such-user-\(Int.random(in: 1000...9999))", "--name", "某", "--role", "intake"])
        #expect(r.status == 66 && r.stderr.contains("useradd"), "\(r)")
        #expect(try cli.dump() == before)
        #expect(try cli.run(["user", "add", "daemon", "--name", "守护", "--role", "intake"]).status == 0, "an account the system has")
    }
}
