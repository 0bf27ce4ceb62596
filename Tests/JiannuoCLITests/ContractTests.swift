import Foundation
import Testing

@Suite("CLI: the command-line contract", .serialized)
struct ContractTests {
    static let creditCode = "91350100M000100Y43"

    @Test("every contract line works, prints JSON with an id, and the audit chain verifies; tampering makes verify exit 65")
    func contract() throws {
        let cli = try CLI()
        let dep = try cli.ok(["department", "add", "--code", "410422101", "--name", "任店镇", "--kind", "township"])
        #expect(dep["id"] as? String == "410422101")
        #expect(dep["kind"] as? String == "township")
        try cli.ok(["department", "add", "--code", "410422102", "--name", "保安镇", "--kind", "township"])
        try cli.ok(["department", "add", "--code", "FGW", "--name", "县发改委", "--kind", "county-department"])
        try cli.ok(["department", "add", "--code", "CZJ", "--name", "县财政局", "--kind", "county-department"])
        try cli.ok(["department", "add", "--code", "JD001", "--name", "九龙街道", "--kind", "subdistrict"])
        try cli.ok(["department", "add", "--code", "ZX", "--name", "县中小企业服务中心", "--kind", "other"])
        let renamed = try cli.ok(["department", "rename", "CZJ", "--name", "县财政局（国资委）", "--date", "2026-03-01"])
        #expect(renamed["name"] as? String == "县财政局（国资委）")
        let merged = try cli.ok(["department", "merge", "410422102", "--into", "410422101", "--date", "2026-03-01"])
        #expect(merged["successor"] as? String == "410422101")
        #expect(merged["active"] as? Bool == false)
        #expect(merged["merged_on"] as? String == "2026-03-01")

        let cn = try cli.ok(["commitment", "add", "--department", "FGW", "--category", "3", "--kind", "contract",
                             "--counterparty", "叶县某建材有限公司", "--credit-code", Self.creditCode, "--content", "支付工程款",
                             "--made", "2026-01-10", "--deadline", "2026-06-30", "--amount", "1,234.56",
                             "--procedures", "public,expert,risk,legality,collective"])
        let cnId = try #require(cn["id"] as? String)
        #expect(cnId == "CN-2026-0001")
        #expect(cn["amount_fen"] as? Int == 123_456)
        #expect(cn["amount_yuan"] as? String == "1234.56")
        #expect(cn["credit_code"] as? String == Self.creditCode)
        #expect((cn["missing_procedures"] as? [Any])?.isEmpty == true)
        let cn2 = try cli.ok(["commitment", "add", "--department", "410422101", "--category", "1", "--kind", "policy",
                              "--counterparty", "某企业", "--content", "兑现奖补", "--made", "2026-02-01", "--deadline", "2026-05-01"])
        #expect((cn2["missing_procedures"] as? [String])?.count == 5)
        let cn3 = try cli.ok(["commitment", "add", "--department", "JD001", "--category", "6", "--kind", "letter",
                              "--counterparty", "辖区群众", "--content", "道路修缮", "--made", "2026-02-01", "--deadline", "2026-12-01"])

        let prog = try cli.ok(["commitment", "progress", cnId, "--percent", "50", "--note", "已拨付一半"])
        #expect(prog["progress"] as? Int == 50)
        #expect(prog["status"] as? String == "in_progress")
        try cli.ok(["commitment", "feedback", cnId, "--text", "已在政府网站公示进展"])
        let amended = try cli.ok(["commitment", "amend", cnId, "--deadline", "2026-09-30", "--reason", "公共利益需要",
                                  "--legal-basis", "《优化营商环境条例》", "--approver", "县长"])
        #expect(amended["deadline"] as? String == "2026-09-30")
        #expect(((amended["amendments"] as? [[String: Any]])?.first?["old_deadline"]) as? String == "2026-06-30")
        let fulfilled = try cli.ok(["commitment", "fulfill", cn2["id"] as! String, "--date", "2026-03-02", "--note", "已兑现"])
        #expect(fulfilled["status"] as? String == "fulfilled")
        #expect(fulfilled["fulfilled_on"] as? String == "2026-03-02")
        let shown = try cli.ok(["commitment", "show", cnId])
        #expect((shown["entries"] as? [Any])?.count == 2)

        let ts = try cli.ok(["complaint", "add", "--channel", "hotline", "--department", "FGW", "--content", "工程款未付",
                             "--received", "2026-03-02 09:00", "--urgency", "urgent", "--complainant", "张三",
                             "--contact", "13812345678", "--category", "3", "--commitment", cnId])
        let tsId = try #require(ts["id"] as? String)
        #expect(tsId == "TS-2026-000001")
        #expect(ts["accept_due"] as? String == "2026-03-03")
        #expect(ts["stage"] as? String == "received")
        let acc = try cli.ok(["complaint", "accept", tsId])
        #expect(acc["resolve_due"] as? String == "2026-03-05")   // urgent: 3 working days from Mon 3-02
        let ext = try cli.ok(["complaint", "extend", tsId, "--days", "2", "--reason", "需财政局协调"])
        #expect(ext["resolve_due"] as? String == "2026-03-09")   // + Fri 3-06, Mon 3-09
        let breach = try cli.ok(["complaint", "verify", tsId, "--breach", "yes", "--finding", "拖欠属实"])
        let sx = try #require(breach["id"] as? String)
        #expect(sx == "SX-2026-0001")
        #expect(breach["category"] as? Int == 3)
        #expect(breach["complaint"] as? String == tsId)
        let rep = try cli.ok(["breach", "report", sx, "--date", "2026-03-02"])
        #expect(rep["reported_on"] as? String == "2026-03-02")
        let zg = try cli.ok(["rectification", "add", sx, "--unit", "FGW", "--measures", "限期支付工程款", "--deadline", "2026-03-31"])
        let zgId = try #require(zg["id"] as? String)
        #expect(zg["deadline"] as? String == "2026-03-31")
        let zgDone = try cli.ok(["rectification", "done", zgId, "--date", "2026-03-20"], today: "2026-03-20")
        #expect(zgDone["completed_on"] as? String == "2026-03-20")
        let wz = try cli.ok(["accountability", "add", sx, "--target", "县发改委主要负责人", "--kind", "约谈", "--date", "2026-03-03"], today: "2026-03-03")
        #expect(wz["kind"] as? String == "约谈")
        let bshow = try cli.ok(["breach", "show", sx])
        #expect((bshow["rectifications"] as? [Any])?.count == 1)
        #expect((bshow["accountability"] as? [Any])?.count == 1)

        let res = try cli.ok(["complaint", "resolve", tsId, "--result", "已支付"], today: "2026-03-06")
        #expect(res["respond_due"] as? String == "2026-03-09")
        let resp = try cli.ok(["complaint", "respond", tsId, "--text", "已电话告知"], today: "2026-03-06")
        #expect(resp["stage"] as? String == "responded")
        let fu = try cli.ok(["complaint", "followup", tsId, "--satisfied", "yes", "--note", "满意"], today: "2026-03-09")
        #expect(fu["satisfied"] as? Bool == true)

        let ts2 = try cli.ok(["complaint", "add", "--channel", "visit", "--department", "FGW", "--content", "错派件"])
        let ret = try cli.ok(["complaint", "return", ts2["id"] as! String, "--to", "CZJ", "--reason", "属财政局职责"])
        #expect(ret["department"] as? String == "CZJ")
        #expect(ret["returned_from"] as? String == "FGW")

        let yq = try cli.ok(["opinion", "add", "--department", "FGW", "--title", "网帖称工程款被拖欠", "--source", "微博",
                             "--severity", "high", "--date", "2026-03-02"])
        let yqId = try #require(yq["id"] as? String)
        let handled = try cli.ok(["opinion", "handle", yqId, "--date", "2026-03-02", "--note", "已回应"])
        #expect(handled["handled_on"] as? String == "2026-03-02")
        _ = cn3

        // Lists print arrays of records, each with an id.
        for list in [["department", "list"], ["commitment", "list"], ["complaint", "list"], ["breach", "list"],
                     ["rectification", "list"], ["accountability", "list"], ["opinion", "list"]] {
            let r = try cli.run(list + ["--json"])
            #expect(r.status == 0, "\(r)")
            let rows = try r.array()
            #expect(!rows.isEmpty, "\(list)")
            #expect(rows.allSatisfy { $0["id"] != nil }, "\(list)")
        }
        // The merged unit's commitments are listed under its successor; lists take --limit.
        let mergedList = try cli.run(["commitment", "list", "--department", "410422101", "--json"]).array()
        #expect(mergedList.map { $0["id"] as? String } == [cn2["id"] as? String])
        #expect(try cli.run(["complaint", "list", "--limit", "1", "--json"]).array().count == 1)

        let verify = try cli.run(["audit", "verify"])
        #expect(verify.status == 0, "\(verify)")
        #expect(hasCJK(verify.stdout))
        let (s, _, e) = try cli.sqlite(["UPDATE audit_log SET after='x' WHERE seq=3"])
        try #require(s == 0, "sqlite3: \(e)")
        let broken = try cli.run(["audit", "verify"])
        #expect(broken.status == 65, "\(broken)")
        #expect(hasCJK(broken.stderr))
        #expect(broken.stderr.contains("第 3 行"))
        let brokenJSON = try cli.run(["audit", "verify", "--json"])
        #expect(brokenJSON.status == 65)
        #expect(try brokenJSON.object()["first_bad"] as? Int == 3)
    }

    @Test("global options before and after the subcommand give the same output")
    func globalsAnywhere() throws {
        let cli = try CLI()
        try cli.ok(["department", "add", "--code", "FGW", "--name", "县发改委", "--kind", "county-department"])
        try cli.ok(["commitment", "add", "--department", "FGW", "--category", "1", "--kind", "policy", "--counterparty", "某企业",
                    "--content", "奖补", "--made", "2026-02-01", "--deadline", "2026-03-05"])
        let db = cli.db
        let variants: [[String]] = [
            ["--db", db, "--today", "2026-03-02", "--json", "commitment", "list"],
            ["commitment", "list", "--db", db, "--today", "2026-03-02", "--json"],
            ["--json", "commitment", "--db", db, "list", "--today", "2026-03-02"],
            ["--today=2026-03-02", "commitment", "list", "--json", "--db=\(db)"],
        ]
        let outs = try variants.map { try cli.raw($0) }
        for r in outs { #expect(r.status == 0, "\(r)") }
        #expect(Set(outs.map(\.stdout)).count == 1)
        #expect(try outs[0].array().count == 1)
        // People's output, and --today changing what "days left" says.
        let a = try cli.raw(["--db", db, "--today", "2026-03-02", "commitment", "list"])
        let b = try cli.raw(["commitment", "list", "--today", "2026-03-02", "--db", db])
        #expect(a.status == 0 && a.stdout == b.stdout)
        #expect(a.stdout.contains("剩 3 天"))
        let later = try cli.raw(["commitment", "list", "--today", "2026-03-04", "--db", db])
        #expect(later.stdout.contains("剩 1 天"))
        // Who acts is the system account: --operator (anywhere) is accepted only when it names it.
        let me = String(cString: getpwuid(geteuid())!.pointee.pw_name)
        let other = try cli.raw(["--operator", "李四", "department", "add", "--db", db, "--code", "CZJ", "--name", "县财政局", "--kind", "county-department"])
        #expect(other.status == 64 && other.stderr.contains("系统账号"), "\(other)")
        let op = try cli.raw(["--operator", me, "department", "add", "--db", db, "--code", "CZJ", "--name", "县财政局", "--kind", "county-department"])
        #expect(op.status == 0, "\(op)")
        let audit = try cli.run(["audit", "list", "--limit", "1", "--json"]).array()
        #expect(audit.first?["operator"] as? String == me)
        #expect(try cli.run(["audit", "list", "--json"]).array().allSatisfy { $0["operator"] as? String == me }, "not $USER (tester)")
        // --lang en (anywhere) gives English messages.
        let en = try cli.raw(["department", "add", "--code", "FGW", "--name", "x", "--kind", "other", "--db", db, "--lang", "en"])
        #expect(en.status == 65)
        #expect(en.stderr.hasPrefix("error: ") && !hasCJK(en.stderr))
        let envEn = try cli.raw(["department", "add", "--code", "FGW", "--name", "x", "--kind", "other", "--db", db], env: ["LANG": "en_US.UTF-8"])
        #expect(envEn.status == 65 && !hasCJK(envEn.stderr))
    }

    @Test("JIANNUO_DB and JIANNUO_TODAY are the defaults of --db and --today")
    func environmentDefaults() throws {
        let cli = try CLI()
        let r = try cli.raw(["department", "add", "--code", "FGW", "--name", "县发改委", "--kind", "county-department"],
                            env: ["JIANNUO_DB": cli.db])
        #expect(r.status == 0, "\(r)")
        let c = try cli.raw(["complaint", "add", "--channel", "phone", "--department", "FGW", "--content", "x", "--json"],
                            env: ["JIANNUO_DB": cli.db, "JIANNUO_TODAY": "2026-09-30"])
        #expect(try c.object()["accept_due"] as? String == "2026-10-08")
        #expect(FileManager.default.fileExists(atPath: cli.db))
        #expect(!FileManager.default.fileExists(atPath: cli.dir.path + "/data/jiannuo/jiannuo.sqlite"))
    }

    @Test("calendar workdays prints the count of working days, both ends included")
    func workdays() throws {
        let cli = try CLI()
        // February 2026: 20 weekdays − 6 festival weekdays (16–20, 23) + make-up Saturdays 14 and 28 = 16.
        let r = try cli.run(["calendar", "workdays", "2026-02-01", "2026-02-28"])
        #expect(r.status == 0, "\(r)")
        #expect(r.stdout == "16\n")
        #expect(try cli.run(["calendar", "workdays", "2026-10-01", "2026-10-10"]).stdout == "3\n")
        #expect(try cli.run(["calendar", "workdays", "2026-02-14", "2026-02-14", "--json"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "1")
        // An officer's day off changes the count; removing it restores it.
        let add = try cli.run(["calendar", "add-holiday", "2026-02-27", "--note", "测试", "--json"])
        #expect(add.status == 0, "\(add)")
        #expect(try add.object()["id"] as? String == "2026-02-27")
        #expect(try cli.run(["calendar", "workdays", "2026-02-01", "2026-02-28"]).stdout == "15\n")
        #expect(try cli.run(["calendar", "remove", "2026-02-27"]).status == 0)
        #expect(try cli.run(["calendar", "workdays", "2026-02-01", "2026-02-28"]).stdout == "16\n")
        let month = try cli.run(["calendar", "show", "2026-02", "--json"]).array()
        #expect(month.count == 28)
        #expect(month.filter { $0["workday"] as? Bool == true }.count == 16)
    }

    @Test("unknown records exit 66; a file that is not a database exits 74; a bad command line exits 64")
    func exitCodes() throws {
        let cli = try CLI()
        try cli.ok(["department", "add", "--code", "FGW", "--name", "县发改委", "--kind", "county-department"])
        let before = try cli.dump()
        for args in [["complaint", "show", "TS-2026-999999"], ["complaint", "accept", "TS-2026-999999"],
                     ["commitment", "show", "CN-2026-9999"], ["commitment", "fulfill", "CN-2026-9999"],
                     ["breach", "show", "SX-2026-9999"], ["breach", "report", "SX-2026-9999"],
                     ["rectification", "done", "ZG-2026-9999"], ["accountability", "add", "SX-2026-9999", "--target", "x", "--kind", "约谈"],
                     ["opinion", "handle", "YQ-2026-9999"], ["department", "show", "NOPE"], ["calendar", "remove", "2026-03-03"],
                     ["calendar", "load", cli.path("no-such-file.toml")]] {
            let r = try cli.run(args)
            #expect(r.status == 66, "\(r)")
            #expect(hasCJK(r.stderr), "\(r)")
        }
        #expect(try cli.dump() == before)

        let junk = cli.path("junk.sqlite")
        let text = String(repeating: "这不是数据库 not a database\n", count: 300)
        try text.write(toFile: junk, atomically: true, encoding: .utf8)
        for args in [["department", "list"], ["department", "add", "--code", "X", "--name", "某", "--kind", "other"], ["status"], ["audit", "verify"]] {
            let r = try cli.run(args, db: junk)
            #expect(r.status == 74, "\(r)")
            #expect(hasCJK(r.stderr), "\(r)")
        }
        #expect(try String(contentsOfFile: junk, encoding: .utf8) == text)

        for args in [["no-such-command"], ["complaint", "accept"], ["commitment", "progress", "CN-2026-0001", "--percent", "abc"]] {
            let r = try cli.run(args)
            #expect(r.status == 64, "\(r)")
        }
        #expect(try cli.dump() == before)
    }
}
