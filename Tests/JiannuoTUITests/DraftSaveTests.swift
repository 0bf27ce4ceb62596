import Foundation
import JiannuoCore
import JiannuoStore
@testable import JiannuoTUI
import Testing

/// A draft that cannot be saved is said on screen (a kill would lose what was typed) and tried again.
@Suite struct DraftSaveTests {
    init() { _ = Width.ensureLocale() }

    @Test func aDraftThatCannotBeSavedIsSaid() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("jiannuo-draft-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("ledger.sqlite").path
        let clock = Clock(today: Day("2026-11-20")!, minute: 10 * 60)
        _ = try SQLiteLedger(path: path, clock: clock, operatorName: "draft-tester", rules: .defaults, access: .create).generateDemo(size: .small, seed: 5)
        // A file where the drafts folder belongs (the one the ledger was made with taken away): even root cannot write a draft into it.
        try FileManager.default.removeItem(atPath: path + ".drafts")
        #expect(FileManager.default.createFile(atPath: path + ".drafts", contents: Data("x".utf8)))
        let app = try DashboardApp(size: Size(width: 120, height: 40), clock: clock) {
            try SQLiteLedger(path: path, clock: clock, operatorName: "draft-tester", rules: .defaults, access: .read)
        }
        var traced: [String] = []
        app.trace = { traced.append($0) }
        try app.loadFirstPaint()
        try app.handle(.char("a"))
        try #require(app.state.form != nil, "the intake form did not open")
        for _ in 0..<3 { try app.handle(.tab) }   // to the complainant's name
        for c in "王五" { try app.handle(.char(c)) }
        app.saveDraftIfNeeded(force: true)
        #expect(app.state.message?.contains("草稿未能保存") == true, "\(app.state.message ?? "no message")")
        #expect(traced.contains { $0.hasPrefix("draft not saved") } && !traced.contains("draft saved"))
        // Once the folder can be made, the next save goes through.
        try FileManager.default.removeItem(atPath: path + ".drafts")
        app.saveDraftIfNeeded(force: true)
        #expect(traced.last == "draft saved")
    }

    @Test("the drafts folder is the group's, made with the ledger or by whoever saves first (3770: sticky); each officer's draft is its own (0600) and comes back to it alone")
    func draftsFolderIsShared() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("jiannuo-drafts-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("ledger.sqlite").path
        let clock = Clock(today: Day("2026-11-20")!, minute: 10 * 60)
        _ = try SQLiteLedger(path: path, clock: clock, operatorName: "first", rules: .defaults, access: .create).generateDemo(size: .small, seed: 5)
        let first = try SQLiteLedger(path: path, clock: clock, operatorName: "first", rules: .defaults, access: .read)
        let second = try SQLiteLedger(path: path, clock: clock, operatorName: "second", rules: .defaults, access: .read)
        try FileManager.default.removeItem(atPath: path + ".drafts")
        try first.saveDraft(kind: "intake", data: "王五")
        try second.saveDraft(kind: "intake", data: "李四")
        let attributes = try FileManager.default.attributesOfItem(atPath: path + ".drafts")
        #expect((attributes[.posixPermissions] as? Int).map { $0 & 0o7777 } == 0o3770)
        for file in try FileManager.default.contentsOfDirectory(atPath: path + ".drafts") {
            let mode = try FileManager.default.attributesOfItem(atPath: path + ".drafts/" + file)[.posixPermissions] as? Int
            #expect(mode.map { $0 & 0o777 } == 0o600, "\(file)")
        }
        #expect(try first.draft(kind: "intake")?.data == "王五" && second.draft(kind: "intake")?.data == "李四")
    }
}
