import GRDB
import Testing
@testable import JiannuoStore

@Suite("Store: kept counts folded into one number")
struct CountsFingerprintTests {
    @Test("adding a digest n times is n additions, and a negative n takes them away")
    func multiples() {
        let d = Digest256(sha256: (0..<32).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) })
        for n: Int64 in [0, 1, 2, 3, 1_000_003, Int64.max] {
            var byTimes = Digest256()
            byTimes.add(d, times: n)
            var byAdding = Digest256()
            // Doubling and adding: n additions in log n steps.
            var power = d
            var k = UInt64(n)
            while k > 0 {
                if k & 1 == 1 { byAdding.add(power) }
                let p = power
                power.add(p)
                k >>= 1
            }
            #expect(byTimes == byAdding, "n = \(n)")
            byTimes.add(d, times: -n)
            #expect(byTimes == .zero, "n = \(n)")
        }
    }

    func queue(_ rows: String) throws -> DatabaseQueue {
        let q = try DatabaseQueue()
        try q.write { db in
            try db.execute(sql: "CREATE TABLE kept(k1, k2, n)")
            if !rows.isEmpty { try db.execute(sql: "INSERT INTO kept VALUES \(rows)") }
        }
        return q
    }

    func fold(_ q: DatabaseQueue, salt: [UInt8], generic: Bool = false) throws -> Digest256 {
        try q.read { db in
            let r = GRDBReader(db: db)
            guard generic else { return try r.countsFingerprint("SELECT k1, k2, n FROM kept", keys: 2, salt: salt) }
            var f = CountsFingerprint(salt: salt)
            try r.each("SELECT k1, k2, n FROM kept", []) { f.add($0, keys: 2) }
            return f.sum
        }
    }

    @Test("the same totals per key fold alike however the rows are split; any other totals do not")
    func totals() throws {
        let salt = CountsFingerprint.freshSalt()
        let grouped = try fold(try queue("('a', '2026-11-01', 3), ('b', '2026-11-01', 1), (NULL, 7, 2)"), salt: salt)
        let split = try fold(try queue("(NULL, 7, 1), ('a', '2026-11-01', 1), ('b', '2026-11-01', 1), ('c', 'x', 0), ('a', '2026-11-01', 2), (NULL, 7, 1)"), salt: salt)
        #expect(grouped == split)
        #expect(grouped != .zero)
        // A count moved from one key to another, the same value stored as text instead of a number, one count more.
        for other in ["('a', '2026-11-01', 2), ('b', '2026-11-01', 2), (NULL, 7, 2)",
                      "('a', '2026-11-01', 3), ('b', '2026-11-01', 1), (NULL, '7', 2)",
                      "('a', '2026-11-01', 3), ('b', '2026-11-01', 1), (NULL, 7, 3)"] {
            #expect(try fold(try queue(other), salt: salt) != grouped, "\(other)")
        }
        // Another salt, another number; rows read by the generic path fold as the statement's columns do.
        #expect(try fold(try queue("('a', '2026-11-01', 3), ('b', '2026-11-01', 1), (NULL, 7, 2)"), salt: CountsFingerprint.freshSalt()) != grouped)
        #expect(try fold(try queue("('a', '2026-11-01', 3), ('b', '2026-11-01', 1), (NULL, 7, 2)"), salt: salt, generic: true) == grouped)
        #expect(try fold(try queue(""), salt: salt) == .zero)
    }
}
