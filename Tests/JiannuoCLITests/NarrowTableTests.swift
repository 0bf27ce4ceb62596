import Foundation
import JiannuoTestSupport
import Testing

/// The CLI's tables on an 80-column terminal (a real pseudo-terminal, through `script`): ids, codes, dates
/// and numbers are never cut; free text narrows, then whole columns are left out, named under the table.
/// Into a pipe nothing is cut.
@Suite("CLI: tables that fit") struct NarrowTableTests {
    func ledger() throws -> CLI {
        let cli = try CLI(today: "2026-11-02")
        try cli.ok(["department", "add", "--code", "410422101", "--name", "某某县发展和改革委员会", "--kind", "county-department"])
        for i in 1...3 {
            try cli.ok(["complaint", "add", "--channel", "hotline", "--department", "410422101", "--urgency", "urgent",
                        "--content", "企业反映工程款拖欠半年未付，第 \(i) 次来电", "--contact", "13812345678", "--received", "2026-11-02 09:0\(i)"])
            try cli.ok(["commitment", "add", "--department", "410422101", "--category", "1", "--kind", "policy",
                        "--counterparty", "河南省平顶山市某某新材料科技股份有限公司第\(i)分公司", "--content", "奖补",
                        "--made", "2026-10-01", "--deadline", "2026-10-2\(i)"])
        }
        return cli
    }

    /// `jiannuo ARGS` on a terminal `COLUMNS` wide.
    func onTerminal(_ cli: CLI, _ args: [String], columns: Int = 80) throws -> String {
        let script = try executable("script")
        let command = (["env", "COLUMNS=\(columns)", cli.bin] + args + ["--db", cli.db, "--today", "2026-11-30"])
            .map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        let (status, out, err) = try runProcess(script, ["-qec", command, "/dev/null"], home: cli.dir.path)
        try #require(status == 0, "\(err)\(out)")
        return out.replacingOccurrences(of: "\r", with: "")
    }

    @Test("at 80 columns every id is whole and every line fits; what was left out is named", arguments: [
        ["complaint", "list"], ["commitment", "list"], ["alerts"], ["scores"], ["status"],
    ])
    func fits(_ args: [String]) throws {
        let cli = try ledger()
        let out = try onTerminal(cli, args)
        for line in out.split(separator: "\n") {
            // The status header ends with the ledger's path, which is not cut.
            #expect(Self.width(String(line)) <= 80 || line.hasPrefix("（终端较窄") || line.hasPrefix("践诺"), "too wide: \(line)")
            #expect(!line.contains(/[A-Z]{2}-\d{4}-\d{0,5}…/) && !line.contains(/4104221?\d{0,1}…/), "an id or code cut: \(line)")
        }
        let piped = try cli.run(args).stdout
        let ids = Set(piped.matches(of: /[A-Z]{2}-\d{4}-\d{4,6}/).map { String($0.output) })
        #expect(!ids.isEmpty || args == ["scores"])
        for id in ids { #expect(out.contains(id), "\(id) missing at 80 columns:\n\(out)") }
        if args == ["complaint", "list"] { #expect(out.contains("（终端较窄，未显示：渠道"), "\(out)") }
    }

    /// Columns a line takes: Han characters and full-width punctuation two, the rest one.
    static func width(_ s: String) -> Int {
        s.unicodeScalars.reduce(0) { n, u in
            let wide = (0x2E80...0x9FFF).contains(u.value) || (0xFF00...0xFF60).contains(u.value) || (0x3000...0x303F).contains(u.value)
            return n + (wide ? 2 : 1)
        }
    }

    @Test("piped, nothing is cut or left out")
    func piped() throws {
        let cli = try ledger()
        let out = try cli.run(["complaint", "list"], today: "2026-11-30").stdout
        #expect(out.contains("某某县发展和改革委员会") && out.contains("12345热线") && !out.contains("…") && !out.contains("未显示"), "\(out)")
    }
}
