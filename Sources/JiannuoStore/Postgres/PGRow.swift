import Foundation
import GRDB

/// One row of a PostgreSQL result, read by position like a SQLite row (`PositionalRow`): the
/// decoders of the big tables serve both engines.
struct PGRow: PositionalRow {
    let values: [String?]
    var count: Int { values.count }
    func text(_ i: Int) -> String? { i < values.count ? values[i] : nil }
    func int(_ i: Int) -> Int64? { text(i).flatMap { Int64($0) } }
    func real(_ i: Int) -> Double? { text(i).flatMap { Double($0) } }
    func stored(_ i: Int) -> TransferValue { text(i).map(TransferValue.text) ?? .null }
}

extension PGRows {
    static let integerTypes: Set<UInt32> = [20, 21, 23]   // bigint, smallint, integer
    static let realTypes: Set<UInt32> = [700, 701, 1700]  // real, double precision, numeric

    /// Row `i` as GRDB's row by name, each value in SQLite's storage class: the records that decode
    /// through Codable (departments, accounts…) then read the same from either engine.
    func namedRow(_ i: Int) -> Row {
        var values: [String: (any DatabaseValueConvertible)?] = [:]
        for (c, name) in columns.enumerated() {
            guard let text = rows[i][c] else { values.updateValue(nil, forKey: name); continue }
            let type = c < types.count ? types[c] : 25
            if Self.integerTypes.contains(type), let v = Int64(text) { values[name] = v }
            else if Self.realTypes.contains(type), let v = Double(text) { values[name] = v }
            else if type == 16 { values[name] = text == "t" ? 1 : 0 }
            else { values[name] = text }
        }
        return Row(values)
    }

    /// Every row decoded by `T.init(row:)` (GRDB's Codable decoding, by column name), or by position
    /// for the records read that way (a row by name has no order).
    func records<T: FetchableRecord>(_ type: T.Type) throws -> [T] {
        if let positional = T.self as? PositionalRecord.Type {
            return try rows.map { try positional.init(positional: PGRow(values: $0)) as! T }
        }
        return try rows.indices.map { try T(row: namedRow($0)) }
    }

    var positional: [PGRow] { rows.map(PGRow.init(values:)) }
}
