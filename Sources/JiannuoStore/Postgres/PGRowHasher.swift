import Crypto
import JiannuoCore
import Foundation

/// `LedgerDigest.rowHash` of rows streamed by `COPY … TO STDOUT`, computed here rather than by the
/// server: the check of a copied ledger then rests on this program's SHA-256, not on functions the
/// database's owner could replace, and hashing 2 million rows costs seconds instead of minutes of
/// SQL. Each column's storage class comes from its declared type, as the triggers' `jn_enc` does.
struct PGRowHasher {
    enum Kind { case integer, real, text, blob }
    let table: [UInt8]
    let kinds: [Kind]
    private var bytes: [UInt8] = []

    init(table: String, kinds: [Kind]) {
        self.table = Array(table.utf8)
        self.kinds = kinds
        bytes.reserveCapacity(1024)
    }

    static func kind(ofType type: String) -> Kind {
        switch type {
        case "bigint", "integer", "smallint": return .integer
        case "double precision", "real", "numeric": return .real
        case "bytea": return .blob
        default: return .text
        }
    }

    /// The hash of one COPY text row: fields split on tabs, `\N` is NULL, backslash escapes undone.
    mutating func hash(_ line: UnsafeBufferPointer<UInt8>) throws -> Digest256 {
        bytes.removeAll(keepingCapacity: true)
        ValueBytes.appendText(table, to: &bytes)
        var field: [UInt8] = []
        field.reserveCapacity(256)
        var column = 0
        var i = 0
        var isNull = false
        func finish() throws {
            guard column < kinds.count else { throw PGRowHasher.unreadable }
            if isNull { ValueBytes.appendNull(to: &bytes) } else { try append(field, kinds[column]) }
            column += 1
            field.removeAll(keepingCapacity: true)
            isNull = false
        }
        while i < line.count {
            let b = line[i]
            if b == 0x09 { try finish(); i += 1; continue }
            if b == 0x5C, i + 1 < line.count {
                let e = line[i + 1]
                switch e {
                case 0x4E where field.isEmpty && (i + 2 == line.count || line[i + 2] == 0x09): isNull = true
                case 0x6E: field.append(0x0A)
                case 0x74: field.append(0x09)
                case 0x72: field.append(0x0D)
                case 0x62: field.append(0x08)
                case 0x66: field.append(0x0C)
                case 0x76: field.append(0x0B)
                default: field.append(e)
                }
                i += 2
                continue
            }
            field.append(b)
            i += 1
        }
        try finish()
        guard column == kinds.count else { throw PGRowHasher.unreadable }
        return Digest256(sha256: SHA256.hash(data: bytes))
    }

    private mutating func append(_ field: [UInt8], _ kind: Kind) throws {
        switch kind {
        case .text: ValueBytes.appendText(field, to: &bytes)
        case .integer:
            guard let v = Int64(String(decoding: field, as: UTF8.self)) else { throw PGRowHasher.unreadable }
            ValueBytes.appendInteger(v, to: &bytes)
        case .real:
            guard let v = Double(String(decoding: field, as: UTF8.self)) else { throw PGRowHasher.unreadable }
            ValueBytes.appendReal(v, to: &bytes)
        case .blob:
            // bytea's text form, `\x` and hex digits (its backslash already undone).
            guard field.count >= 2, field[0] == 0x5C, field[1] == 0x78 else { throw PGRowHasher.unreadable }
            var data: [UInt8] = []
            var j = 2
            while j + 1 < field.count {
                guard let v = UInt8(String(decoding: field[j...j + 1], as: UTF8.self), radix: 16) else { throw PGRowHasher.unreadable }
                data.append(v)
                j += 2
            }
            ValueBytes.appendBlob(data, to: &bytes)
        }
    }

    static let unreadable = JiannuoError.database("PostgreSQL 返回的行无法读取（列数或类型不符）", "a row from PostgreSQL could not be read (columns or types differ)")
}
