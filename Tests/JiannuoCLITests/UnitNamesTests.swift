import Foundation
import JiannuoTestSupport
import Testing

/// People read units by name: the CLI's tables and messages name them (the code beside it where a
/// command confirms what it did); `--json` keeps the code for scripts.
@Suite("CLI: units by name") struct UnitNamesTests {
    @Test("lists and confirmations name the unit; JSON keeps its code")
    func names() throws {
        let cli = try CLI(today: "2026-11-02")
        try cli.ok(["department", "add", "--code", "GXJ", "--name", "县工信局", "--kind", "county-department"])
        try cli.ok(["department", "add", "--code", "FGW", "--name", "县发改委", "--kind", "county-department"])
        let added = try cli.run(["complaint", "add", "--channel", "hotline", "--department", "GXJ", "--content", "企业反映", "--received", "2026-11-02 09:00"])
        #expect(added.stdout.contains("承办单位 县工信局（GXJ）"), "\(added)")
        let back = try cli.run(["complaint", "return", "TS-2026-000001", "--to", "FGW", "--reason", "错派"])
        #expect(back.stdout.contains("已由 县工信局（GXJ） 退回并转交 县发改委（FGW）"), "\(back)")
        let list = try cli.run(["complaint", "list"]).stdout
        #expect(list.contains("县发改委") && !list.contains(" FGW "), "\(list)")
        #expect(try cli.run(["complaint", "list", "--json"]).array().first?["department"] as? String == "FGW")
        try cli.ok(["commitment", "add", "--department", "FGW", "--category", "1", "--kind", "policy", "--counterparty", "甲公司",
                    "--content", "奖补", "--made", "2026-10-01", "--deadline", "2026-12-31"])
        #expect(try cli.run(["commitment", "list"]).stdout.contains("县发改委"))
    }
}
