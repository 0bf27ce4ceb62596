import Foundation
import JiannuoTestSupport
import Testing

/// Evidence files: stored by hash beside the ledger, sealed into the chain, checked by `audit verify`.
@Suite("CLI: evidence files") struct AttachmentTests {
    static let pdf = Data("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".utf8)

    /// The claims' ledger: a unit with one promise made on 04-01, due 05-09.
    func ledger() throws -> CLI { try ClaimTests().ledger() }

    @Test("a file attached is listed, comes back byte for byte, is in the record's history and cited as evidence; changed or removed, verify fails naming it")
    func attachVerifyTamper() throws {
        let cli = try ledger()
        let file = cli.path("付款凭证.pdf")
        try Self.pdf.write(to: URL(fileURLWithPath: file))
        let a = try cli.run(["attach", "CN-2026-0001", file, "--note", "银行回单", "--json"]).object()
        let id = try #require(a["id"] as? String)
        #expect(id.hasPrefix("FJ-") && a["media"] as? String == "application/pdf" && a["size"] as? Int == Self.pdf.count)
        #expect(try cli.run(["attachments", "list", "CN-2026-0001", "--json"]).array().map { $0["id"] as? String } == [id])
        let out = cli.path("back.pdf")
        #expect(try cli.run(["attachment", "get", id, "-o", out]).status == 0)
        #expect(FileManager.default.contents(atPath: out) == Self.pdf)
        #expect(try cli.run(["commitment", "show", "CN-2026-0001"]).stdout.contains(id))
        #expect(try cli.run(["audit", "verify"]).status == 0)

        // Cited as the evidence of a confirmation: one of the record's own files, or refused.
        #expect(try cli.run(["commitment", "fulfill", "CN-2026-0001", "--date", "2026-05-08"], today: "2026-12-06").status == 0)
        let event = try #require(try cli.run(["pending", "--json"], today: "2026-12-06").array().first?["event"] as? String)
        #expect(try cli.run(["confirm", event, "--evidence", "FJ-2026-0099"], today: "2026-12-06").status == 66)
        #expect(try cli.run(["confirm", event, "--evidence", id], today: "2026-12-06").status == 0)

        let stored = try #require(try FileManager.default.contentsOfDirectory(atPath: cli.db + ".attachments").first)
        let path = cli.db + ".attachments/" + stored
        try (Self.pdf + Data("x".utf8)).write(to: URL(fileURLWithPath: path))
        let changed = try cli.run(["audit", "verify"], today: "2026-12-06")
        #expect(changed.status == 65 && changed.stderr.contains(id) && changed.stderr.contains(stored), "\(changed)")
        #expect(try cli.run(["attachment", "get", id, "-o", cli.path("again.pdf")], today: "2026-12-06").status == 65)
        try FileManager.default.removeItem(atPath: path)
        let removed = try cli.run(["audit", "verify"], today: "2026-12-06")
        #expect(removed.status == 65 && removed.stderr.contains("缺失"), "\(removed)")
    }

    @Test("what is not a regular, readable, accepted and small enough file is refused, and nothing is stored")
    func refusals() throws {
        let cli = try ledger()
        let before = try cli.dump()
        let elf = cli.path("run.pdf")
        try Data([0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0]).write(to: URL(fileURLWithPath: elf))
        #expect(try cli.run(["attach", "CN-2026-0001", elf]).status == 65, "an executable named .pdf")
        #expect(try cli.run(["attach", "CN-2026-0001", cli.path("")]).status == 65, "a directory")
        #expect(try cli.run(["attach", "CN-2026-0001", cli.path("nowhere.pdf")]).status == 66)
        let link = cli.path("link.pdf")
        let real = cli.path("real.pdf")
        try Self.pdf.write(to: URL(fileURLWithPath: real))
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: real)
        #expect(try cli.run(["attach", "CN-2026-0001", link]).status == 65, "a symbolic link")
        let big = cli.path("big.pdf")
        try (Self.pdf + Data(count: 2 * 1_048_576)).write(to: URL(fileURLWithPath: big))
        let rules = cli.path("small.toml")
        try "[deadlines]\nattachment_max_mb = 1\n".write(toFile: rules, atomically: true, encoding: .utf8)
        #expect(try cli.run(["attach", "CN-2026-0001", big, "--rules", rules]).status == 65)
        #expect(try cli.run(["attach", "CN-2026-9999", real]).status == 66)
        #expect(try cli.dump() == before)
        let stored = (try? FileManager.default.contentsOfDirectory(atPath: cli.db + ".attachments")) ?? []
        #expect(stored.isEmpty, "nothing stored: \(stored)")
    }
}
