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
        let counts = LedgerAddress(global.databasePath).isPostgres ? try intoCity(size) : try out.global.openFile(.create).generateDemo(size: size, seed: seed)
        if out.json { out.emit(counts); return }
        out.say("""
            演示数据已写入 \(global.databasePath)（\(String(format: "%.1f", Date().timeIntervalSince(started))) 秒）：
            单位 \(counts.departments)，承诺 \(counts.commitments)，投诉 \(counts.complaints)，失信 \(counts.breaches)，\
            整改 \(counts.rectifications)，问责 \(counts.accountability)，舆情 \(counts.opinions)，困难问题 \(counts.difficulties)
            """, "demo data written to \(global.databasePath): \(counts.commitments) commitments, \(counts.complaints) complaints")
    }

    /// A city database is filled as a county would join it (`CityCounty`).
    func intoCity(_ size: DemoSize) throws -> DemoCounts {
        let county = try CityCounty.county(global, Text("生成演示数据", "fill a county with demo data"))
        let (counts, outcome) = try CityCounty.join(global, county: county) { try $0.generateDemo(size: size, seed: seed) }
        if outcome.alreadyThere {
            throw JiannuoError.invalid("县（区）\(county) 已在城市库中：演示数据未写入", "county \(county) is already in the city database; no demo data was written")
        }
        return counts
    }
}
