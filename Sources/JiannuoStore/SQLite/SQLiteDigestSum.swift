import Crypto
import Dispatch
import Foundation
import GRDB
import GRDBSQLite

/// A table's digest summed off the statement loop: the loop only lays each row's bytes (the encoding
/// of `LedgerDigest.rowHash`) into a batch, and other threads hash whole batches while the next one
/// is read. Through an SQL aggregate, every value of 2,000,000 complaints became a `DatabaseValue`
/// and every row an array before it was hashed, all on the statement's thread (7.6 s of a 16 s verify).
enum SQLiteDigestSum {
    /// Rows per batch: large enough that handing one over costs nothing, small enough to keep a few in memory.
    static let batchRows = 8_192

    /// The sum of the row hashes of `SELECT columns FROM table WHERE filter`, each row hashed as
    /// `rowHash([table] + values)`, the way the triggers hash it.
    static func sum(_ db: Database, table: String, columns: [String], filter: String = "true",
                    arguments: StatementArguments = StatementArguments()) throws -> Digest256 {
        let statement = try db.makeStatement(sql: "SELECT \(columns.joined(separator: ", ")) FROM \(LedgerDigest.quoted(table)) WHERE \(filter)")
        try statement.setArguments(arguments)
        let raw = statement.sqliteStatement
        defer { sqlite3_reset(raw) }
        let width = sqlite3_column_count(raw)
        var prefix: [UInt8] = []
        ValueBytes.appendText(table.utf8, to: &prefix)

        let total = Total()
        let group = DispatchGroup()
        // At most two batches waiting: memory stays a few megabytes whatever the table's size.
        let inFlight = DispatchSemaphore(value: 2)
        var batch = RowBatch()
        func hand() {
            guard !batch.isEmpty else { return }
            let full = batch
            batch = RowBatch()
            inFlight.wait()
            DispatchQueue.global().async(group: group) {
                total.add(full.hashSum())
                inFlight.signal()
            }
        }
        while true {
            let code = sqlite3_step(raw)
            if code == SQLITE_DONE { break }
            guard code == SQLITE_ROW else {
                group.wait()
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
            }
            batch.bytes.append(contentsOf: prefix)
            for i in 0..<width { RowBytes.appendColumn(raw, i, to: &batch.bytes) }
            batch.ends.append(batch.bytes.count)
            if batch.ends.count == batchRows { hand() }
        }
        hand()
        group.wait()
        return total.value
    }

    /// Rows laid end to end; `ends[i]` is where row `i` stops.
    struct RowBatch: Sendable {
        var bytes: [UInt8] = []
        var ends: [Int] = []
        var isEmpty: Bool { ends.isEmpty }

        init() {
            bytes.reserveCapacity(SQLiteDigestSum.batchRows * 256)
            ends.reserveCapacity(SQLiteDigestSum.batchRows)
        }

        func hashSum() -> Digest256 {
            var sum = Digest256()
            bytes.withUnsafeBytes { all in
                var start = 0
                for end in ends {
                    sum.add(Digest256(sha256: SHA256.hash(data: UnsafeRawBufferPointer(rebasing: all[start..<end]))))
                    start = end
                }
            }
            return sum
        }
    }

    final class Total: @unchecked Sendable {
        private var sum = Digest256()
        private let lock = NSLock()
        func add(_ d: Digest256) { lock.lock(); sum.add(d); lock.unlock() }
        var value: Digest256 { lock.lock(); defer { lock.unlock() }; return sum }
    }
}

/// The bytes `LedgerDigest.rowHash` hashes (`ValueBytes`), read straight from a statement's columns. Text
/// is what GRDB would have made of it (`String(cString:)`: cut at a NUL, invalid UTF-8 repaired), so a
/// row hashes the same here as in the triggers.
enum RowBytes {
    static func appendColumn(_ s: OpaquePointer, _ i: Int32, to bytes: inout [UInt8]) {
        // One call into the statement (which takes the connection's mutex) instead of three: the value is
        // read on this thread only, while its row is current.
        let v = sqlite3_column_value(s, i)
        switch sqlite3_value_type(v) {
        case SQLITE_NULL: ValueBytes.appendNull(to: &bytes)
        case SQLITE_INTEGER: ValueBytes.appendInteger(sqlite3_value_int64(v), to: &bytes)
        case SQLITE_FLOAT: ValueBytes.appendReal(sqlite3_value_double(v), to: &bytes)
        case SQLITE_TEXT:
            let p = sqlite3_value_text(v)!
            let n = Int(sqlite3_value_bytes(v))
            let cut = memchr(p, 0, n).map { UnsafeRawPointer($0) - UnsafeRawPointer(p) } ?? n
            let head = UnsafeBufferPointer(start: p, count: cut)
            if isValidUTF8(head) {
                ValueBytes.appendText(head, to: &bytes)
            } else {
                ValueBytes.appendText(String(decoding: head, as: UTF8.self).utf8, to: &bytes)
            }
        default:
            let p = sqlite3_value_blob(v)
            ValueBytes.appendBlob(UnsafeRawBufferPointer(start: p, count: p == nil ? 0 : Int(sqlite3_value_bytes(v))), to: &bytes)
        }
    }

    /// Well-formed UTF-8 (RFC 3629, table 3-7 of Unicode): exactly what decoding leaves unchanged.
    static func isValidUTF8(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = b.count
        @inline(__always) func cont(_ k: Int, _ lo: UInt8 = 0x80, _ hi: UInt8 = 0xBF) -> Bool { k < n && b[k] >= lo && b[k] <= hi }
        while i < n {
            // Eight ASCII bytes at a time where there are eight.
            if i + 8 <= n, UnsafeRawPointer(b.baseAddress! + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                i += 8
                continue
            }
            let c = b[i]
            if c < 0x80 { i += 1; continue }
            switch c {
            case 0xC2...0xDF: guard cont(i + 1) else { return false }; i += 2
            case 0xE0: guard cont(i + 1, 0xA0), cont(i + 2) else { return false }; i += 3
            case 0xE1...0xEC, 0xEE...0xEF: guard cont(i + 1), cont(i + 2) else { return false }; i += 3
            case 0xED: guard cont(i + 1, 0x80, 0x9F), cont(i + 2) else { return false }; i += 3
            case 0xF0: guard cont(i + 1, 0x90), cont(i + 2), cont(i + 3) else { return false }; i += 4
            case 0xF1...0xF3: guard cont(i + 1), cont(i + 2), cont(i + 3) else { return false }; i += 4
            case 0xF4: guard cont(i + 1, 0x80, 0x8F), cont(i + 2), cont(i + 3) else { return false }; i += 4
            default: return false
            }
        }
        return true
    }
}
