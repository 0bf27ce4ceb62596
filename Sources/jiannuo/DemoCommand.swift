import ArgumentParser
import Foundation
import JiannuoCore
import JiannuoStore

struct DemoCommand: JiannuoCommand {
    static let configuration = CommandConfiguration(commandName: "demo", abstract: T("生成演示数据（叶县各乡镇街道与县直部门）", "Generate demo data (the townships, subdistricts and county departments of Ye County)"))
    @Option(help: "small|county|province") var size: String = "small"
    @Option(help: H("随机种子：同一种子与同一天生成完全相同的数据", "Random seed: the same seed on the same day generates exactly the same data")) var seed: UInt64 = 1
    @OptionGroup var global: GlobalOptions

    func execute(_ out: Output) throws {
        guard let size = DemoSize(rawValue: size) else {
            throw JiannuoError.invalid("规模“\(Sanitize.visible(size))”无效，可选：small、county、province", "size must be small, county or province")
        }
        let started = Date()
        let counts = LedgerAddress(global.databasePath).isPostgres ? try intoCity(size) : try out.global.openStore(.create).generateDemo(size: size, seed: seed)
        if out.json { out.emit(counts); return }
        out.say("""
            演示数据已写入 \(global.databasePath)（\(String(format: "%.1f", Date().timeIntervalSince(started))) 秒）：
            单位 \(counts.departments)，承诺 \(counts.commitments)，投诉 \(counts.complaints)，失信 \(counts.breaches)，\
            整改 \(counts.rectifications)，问责 \(counts.accountability)，舆情 \(counts.opinions)
            """, "demo data written to \(global.databasePath): \(counts.commitments) commitments, \(counts.complaints) complaints")
    }

    /// A city database is filled as a county would join it: the demo made in a file of its own, then
    /// migrated (verified on both sides) into the county's schema, and the file removed.
    func intoCity(_ size: DemoSize) throws -> DemoCounts {
        guard let county = global.countyCode else {
            throw JiannuoError.usage("在 PostgreSQL 城市库中生成演示数据须用 --county 给出县（区）代码，如 410422",
                                     "give the county code with --county to fill a city database with demo data, e.g. 410422")
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("jiannuo-demo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = try Store(path: dir.appendingPathComponent("demo.sqlite").path, clock: try global.clock(), operatorName: try global.account(),
                             rules: try global.rules.map { try Rules.load(path: $0) }, access: .create)
        let counts = try file.generateDemo(size: size, seed: seed)
        let outcome = try LedgerMigration.run(from: file, to: global.databasePath, county: county)
        if outcome.alreadyThere {
            throw JiannuoError.invalid("县（区）\(county) 已在城市库中：演示数据未写入", "county \(county) is already in the city database; no demo data was written")
        }
        return counts
    }
}

