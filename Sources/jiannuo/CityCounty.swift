import Foundation
import JiannuoCore
import JiannuoStore

/// A county joins a city database as a migrated file: the ledger is made in a file of its own (empty for
/// `init`, filled for `demo`), migrated into the county's schema (verified on both sides), and the file
/// removed.
enum CityCounty {
    static func county(_ global: GlobalOptions, _ what: Text) throws -> String {
        guard let county = global.countyCode else {
            throw JiannuoError.usage("在 PostgreSQL 城市库中\(what.zh)须用 --county 给出县（区）代码，如 410422",
                                     "give the county code with --county to \(what.en) in a city database, e.g. 410422")
        }
        return county
    }

    static func join<T>(_ global: GlobalOptions, county: String, _ fill: (SQLiteLedger) throws -> T) throws -> (T, LedgerMigration.Outcome) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("jiannuo-county-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = try SQLiteLedger(path: dir.appendingPathComponent("county.sqlite").path, clock: try global.clock(), operatorName: try global.account(),
                             rules: try global.rules.map { try Rules.load(path: $0) }, access: .create)
        let value = try fill(file)
        return (value, try LedgerMigration.run(from: file, to: global.databasePath, county: county))
    }
}
