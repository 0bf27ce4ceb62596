import Foundation
import GRDB
import Testing
@testable import JiannuoStore

@Suite("Store: a table's digest summed in batches")
struct DigestSumTests {
    /// Values of every storage class, text with a NUL, malformed and edge-of-range UTF-8, more rows than a batch.
    func table() throws -> DatabaseQueue {
        let q = try DatabaseQueue()
        try q.write { db in
            try db.execute(sql: "CREATE TABLE t(a, b, c)")
            let odd: [String] = ["X'41004243'", "X'C0AF'", "X'EDA080'", "X'F4908080'", "X'E4B8AD'", "X'F09F9880'", "X'E4B8'", "X'FF'", "X'C2'"]
            for (i, hex) in odd.enumerated() {
                try db.execute(sql: "INSERT INTO t VALUES (CAST(\(hex) AS TEXT), \(hex), ?)", arguments: [i])
            }
            try db.execute(sql: "INSERT INTO t VALUES (NULL, 1.5, -9223372036854775808), ('践诺 ascii', '', x'')")
            try db.execute(sql: """
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000)
                INSERT INTO t SELECT '投诉 ' || i, i * 0.25, CASE WHEN i % 7 = 0 THEN NULL ELSE i END FROM n
                """)
        }
        return q
    }

    @Test("the same sum as hashing each row as the triggers do")
    func sameAsTriggers() throws {
        let q = try table()
        try q.read { db in
            var expected = Digest256()
            for row in try Row.fetchAll(db, sql: "SELECT a, b, c FROM t") {
                expected.add(LedgerDigest.rowHash(["t".databaseValue] + Array(row.databaseValues)))
            }
            #expect(expected != .zero)
            #expect(try SQLiteDigestSum.sum(db, table: "t", columns: ["a", "b", "c"]) == expected)
            // A filter and its arguments select the rows summed.
            var some = Digest256()
            for row in try Row.fetchAll(db, sql: "SELECT a, b, c FROM t WHERE rowid > 100") {
                some.add(LedgerDigest.rowHash(["t".databaseValue] + Array(row.databaseValues)))
            }
            #expect(try SQLiteDigestSum.sum(db, table: "t", columns: ["a", "b", "c"], filter: "rowid > ?", arguments: [100]) == some)
            #expect(some != expected)
        }
    }

    @Test("well-formed UTF-8 is told from what decoding would repair")
    func utf8() {
        let cases: [([UInt8], Bool)] = [
            ([], true), (Array("践诺 ok".utf8), true), ([0xF0, 0x9F, 0x98, 0x80], true), ([0xC0, 0xAF], false), ([0xED, 0xA0, 0x80], false),
            ([0xF4, 0x90, 0x80, 0x80], false), ([0xE4, 0xB8], false), ([0xFF], false), ([0xE0, 0x80, 0x80], false), ([0xEF, 0xBF, 0xBF], true),
        ]
        for (bytes, valid) in cases {
            let ours = bytes.withUnsafeBufferPointer { RowBytes.isValidUTF8($0) }
            #expect(ours == valid, "\(bytes)")
            #expect((String(validating: bytes, as: UTF8.self) != nil) == valid, "\(bytes)")
        }
    }
}
