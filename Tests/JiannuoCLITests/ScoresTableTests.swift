import Foundation
import Testing

/// `jiannuo scores` as a table: its count columns are rules of one kind, never every rule whose name
/// happens to share a prefix.
@Suite("CLI: the scores table") struct ScoresTableTests {
    /// The last cell of the unit's row, and the columns' heads.
    static func row(_ table: String, unit: String) throws -> (head: [String], cells: [String]) {
        let lines = table.split(separator: "\n").map(String.init)
        let head = try #require(lines.first { $0.contains("名次") }, "no header in \(table)")
        let row = try #require(lines.first { $0.contains(unit) }, "no row for \(unit) in \(table)")
        func cells(_ l: String) -> [String] { l.split(separator: " ", omittingEmptySubsequences: true).map(String.init) }
        return (cells(head), cells(row))
    }

    @Test func aDissatisfiedFollowUpIsNotALateStep() throws {
        let cli = try CLI(today: "2026-03-02")
        try cli.ok(["department", "add", "--code", "410422101", "--name", "任店镇", "--kind", "township"])
        let c = try cli.ok(["complaint", "add", "--channel", "hotline", "--department", "410422101", "--complainant", "王伟",
                            "--contact", "13812345678", "--content", "道路破损", "--received", "2026-03-02 09:00"])
        let id = try #require(c["id"] as? String)
        try cli.ok(["complaint", "accept", id, "--at", "2026-03-02 09:30"])
        try cli.ok(["complaint", "resolve", id, "--result", "已修复", "--at", "2026-03-02 10:00"])
        try cli.ok(["complaint", "respond", id, "--text", "已答复", "--at", "2026-03-02 11:00"])
        try cli.ok(["complaint", "followup", id, "--satisfied", "no", "--at", "2026-03-02 12:00"])

        let json = try cli.run(["scores", "--period", "2026-Q1", "--json"])
        try #require(json.status == 0, "\(json)")
        let unit = try #require(try json.array().first { $0["department"] as? String == "410422101" })
        let counts = try #require(unit["counts"] as? [String: Int], "\(unit)")
        #expect(counts == ["complaint_followup_dissatisfied": 1], "every limit was met; one follow-up was not satisfied: \(counts)")

        let text = try cli.run(["scores", "--period", "2026-Q1"])
        try #require(text.status == 0, "\(text)")
        let (head, cells) = try Self.row(text.stdout, unit: "410422101")
        #expect(head.last == "超时环节" && head.count == cells.count, "\(head) / \(cells)")
        #expect(cells.last == "0", "no limit was missed, so no late step: \(cells)")
    }

    @Test func lateStagesAndALateReturnAreLateSteps() throws {
        let cli = try CLI(today: "2026-03-31")
        try cli.ok(["department", "add", "--code", "410422101", "--name", "任店镇", "--kind", "township"])
        try cli.ok(["department", "add", "--code", "410422102", "--name", "龚店镇", "--kind", "township"])
        // Received on a Monday, returned to the right unit a week later (the return limit is a working day),
        // then accepted there three weeks late.
        let c = try cli.ok(["complaint", "add", "--channel", "hotline", "--department", "410422101", "--content", "错派件",
                            "--received", "2026-03-02 09:00"])
        let id = try #require(c["id"] as? String)
        try cli.ok(["complaint", "return", id, "--to", "410422102", "--reason", "属龚店镇辖区", "--at", "2026-03-09 09:00"])
        try cli.ok(["complaint", "accept", id, "--at", "2026-03-30 09:00"])

        let json = try cli.run(["scores", "--period", "2026-Q1", "--json"])
        try #require(json.status == 0, "\(json)")
        let rows = try json.array()
        func counts(_ code: String) throws -> [String: Int] {
            try #require(rows.first { $0["department"] as? String == code }?["counts"] as? [String: Int], "\(rows)")
        }
        #expect(try counts("410422101")["complaint_return_late"] == 1)
        #expect(try counts("410422102")["complaint_accept_late"] == 1)
        let text = try cli.run(["scores", "--period", "2026-Q1"])
        #expect(try Self.row(text.stdout, unit: "410422101").cells.last == "1", "\(text.stdout)")
        #expect(try Self.row(text.stdout, unit: "410422102").cells.last == "1", "\(text.stdout)")
    }
}
