import Foundation
import JiannuoCore
import JiannuoStore
@testable import JiannuoTUI
import Testing

/// The runtime runs a result's follow-up effects in order (bubbletea's Sequence): a save is read back
/// before the new complaint is looked for. A small demo ledger, no terminal.
@Suite struct DashboardEffectsRunTests {
    init() { _ = Width.ensureLocale() }

    static func withApp(_ body: (DashboardApp, String) throws -> Void) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("jiannuo-effects-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("ledger.sqlite").path
        let clock = Clock(today: Day("2026-11-20")!, minute: 10 * 60)
        _ = try SQLiteLedger(path: path, clock: clock, operatorName: "effects-tester", rules: .defaults, access: .create).generateDemo(size: .small, seed: 5)
        let app = try DashboardApp(size: Size(width: 120, height: 40), clock: clock) {
            try SQLiteLedger(path: path, clock: clock, operatorName: "effects-tester", rules: .defaults, access: .read)
        }
        try app.loadAll()
        try body(app, dir.path)
    }

    static func type(_ text: String, _ app: DashboardApp) throws { for c in text { try app.handle(.char(c)) } }

    @Test func aSavedComplaintIsReadBackAndSelected() throws {
        try Self.withApp { app, _ in
            let before = app.data.complaints.total
            try app.handle(.char("a"))
            try #require(app.state.form != nil, "the intake form did not open")
            for _ in 0..<5 { try app.handle(.tab) }            // to the department
            try Self.type("任店", app)
            try app.handle(.tab)
            for _ in 0..<3 { try app.handle(.right) }           // category 3
            try app.handle(.tab); try app.handle(.tab)         // past the commitment, to the content
            try Self.type("工程款拖欠半年", app)
            try app.handle(.ctrl("s"))
            let message = try #require(app.state.message)
            #expect(app.state.form == nil, "\(message) \(app.state.form.map { "\($0.errors)" } ?? "")")
            let id = try #require(message.split(separator: " ").dropFirst().first.map { String($0.prefix { $0 != "，" }) }, "\(message)")
            #expect(message.hasPrefix("已登记 TS-"), "\(message)")
            #expect(app.data.complaints.total == before + 1, "the lists were read again after the save")
            #expect(app.state.focus == .complaints)
            #expect(app.data.recordId(.complaints, app.state[.complaints]) == id, "the new complaint is the one selected")
        }
    }

    @Test func anExportWritesTheFileItNames() throws {
        try Self.withApp { app, dir in
            try app.handle(.char("e"))
            let message = try #require(app.state.message)
            let path = try #require(message.components(separatedBy: "：").last, "\(message)")
            #expect(message.hasPrefix("已导出 \(app.data.commitments.total) 行"), "\(message)")
            // The officer's own folder, never beside a shared ledger; the file its alone.
            #expect(path.hasPrefix(NSHomeDirectory() + "/jiannuo-exports/") && !path.hasPrefix(dir), "\(message)")
            let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
            #expect(mode.map { $0 & 0o777 } == 0o600, "\(path)")
            try? FileManager.default.removeItem(atPath: path)
        }
    }
}
