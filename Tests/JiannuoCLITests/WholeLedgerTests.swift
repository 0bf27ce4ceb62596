import Foundation
import JiannuoTestSupport
import Testing

/// `export --all` and `import --all`: a county moved to a new ledger, as a workbook or a folder of CSVs,
/// keeps every unit's score and record: the ranking, each unit's `department show` and every export agree.
@Suite("CLI: the whole ledger out and into a new one", .serialized) struct WholeLedgerTests {
    static let day = "2026-11-20"

    @Test("as a workbook and as a folder of CSVs: every score, every unit's record and every export the same; a ledger with records refuses it")
    func roundTrip() throws {
        let source = try CLI(today: Self.day, initialised: false)
        let made = try source.raw(["demo", "--size", "small", "--db", source.db, "--today", Self.day])
        try #require(made.status == 0, "\(made)")
        let units = try source.run(["department", "list", "--json"]).array().compactMap { $0["code"] as? String }
        try #require(units.count > 5)
        let book = source.path("账本.xlsx"), folder = source.path("账本")
        let exported = try source.run(["export", "--all", "-o", book, "--json"])
        #expect(exported.status == 0, "\(exported)")
        #expect(try source.run(["export", "--all", "-o", folder]).status == 0)
        #expect(FileManager.default.fileExists(atPath: folder + "/complaint_steps.csv") && FileManager.default.fileExists(atPath: folder + "/_ledger.csv"))
        #expect(try source.count("audit_log WHERE action = 'complaint.reveal' AND entity_id = 'export-all'") == 2, "a whole export reveals contacts: audited")

        for path in [book, folder] {
            let target = try CLI(today: Self.day)
            let r = try target.run(["import", "--all", path, "--json"])
            try #require(r.status == 0, "\(r)")
            #expect(try target.run(["scores", "--json"]).stdout == (try source.run(["scores", "--json"]).stdout), "\(path): the ranking")
            for u in units {
                #expect(try target.run(["department", "show", u, "--json"]).stdout == (try source.run(["department", "show", u, "--json"]).stdout),
                        "\(path): unit \(u)")
            }
            for kind in ["commitments", "complaints", "breaches", "rectifications", "departments"] {
                #expect(try target.run(["export", kind]).stdout == (try source.run(["export", kind]).stdout), "\(path): \(kind)")
            }
            #expect(try target.run(["alerts", "--json"]).stdout == (try source.run(["alerts", "--json"]).stdout), "\(path): the alerts")
            #expect(try target.run(["audit", "verify"]).status == 0)
            #expect(try target.count("audit_log WHERE action = 'import.all'") == 1)
            // Into a ledger that has records already: refused, nothing written.
            let before = try target.dump()
            let again = try target.run(["import", "--all", path])
            #expect(again.status == 65 && again.stderr.contains("新账本"), "\(again)")
            #expect(try target.dump() == before)
        }
        #expect(try source.run(["export", "--all"]).status == 64, "-o is needed")
        #expect(try source.run(["import", "--all", source.path("nothing")]).status == 66)
    }
}
