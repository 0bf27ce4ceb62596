import Crypto
import Foundation
import GRDB

/// A 256-bit number kept as four 64-bit limbs (least significant first): a table's digest is the
/// sum, modulo 2^256, of the SHA-256 of each of its rows (a multiset hash). Adding or removing a
/// row moves the sum by that row's hash, so every write updates it in constant time, and the sum
/// does not depend on the order of the rows.
struct Digest256: Equatable, Sendable {
    var limbs: [UInt64] = [0, 0, 0, 0]

    static let zero = Digest256()

    init() {}

    init(sha256 bytes: some Sequence<UInt8>) {
        let b = Array(bytes)
        for i in 0..<4 {
            var v: UInt64 = 0
            for j in 0..<8 { v = v << 8 | UInt64(b[(3 - i) * 8 + j]) }
            limbs[i] = v
        }
    }

    init?(hex: String) {
        let u = Array(hex.utf8)
        guard u.count == 64 else { return nil }
        for i in 0..<4 {
            guard let v = UInt64(String(decoding: u[(3 - i) * 16..<(4 - i) * 16], as: UTF8.self), radix: 16) else { return nil }
            limbs[i] = v
        }
    }

    var hex: String {
        limbs.reversed().map { l in
            let s = String(l, radix: 16)
            return String(repeating: "0", count: 16 - s.count) + s
        }.joined()
    }

    mutating func add(_ o: Digest256) {
        var carry: UInt64 = 0
        for i in 0..<4 {
            let (s1, c1) = limbs[i].addingReportingOverflow(o.limbs[i])
            let (s2, c2) = s1.addingReportingOverflow(carry)
            limbs[i] = s2
            carry = (c1 ? 1 : 0) + (c2 ? 1 : 0)
        }
    }

    /// Modulo 2^256, subtracting is adding the two's complement.
    mutating func subtract(_ o: Digest256) {
        var negated = Digest256()
        negated.limbs = o.limbs.map { ~$0 }
        negated.add(Digest256.one)
        add(negated)
    }

    static let one: Digest256 = { var d = Digest256(); d.limbs[0] = 1; return d }()
}

/// Tamper evidence over every ledger row. Each ledger table has triggers that hand every inserted,
/// updated or deleted row to `jn_digest_touch`; the Store adds the row hashes into `ledger_digest`
/// when it appends the audit row, and the audit row carries the digests (its hash covers them).
/// `audit verify` sums the tables afresh and compares: a row changed, added or removed outside the
/// program (sqlite3, another tool) no longer adds up. A sqlite3 session cannot even write through
/// the triggers, since it lacks the function; dropping them leaves the sums behind for good.
///
/// Why triggers rather than the Store's write path: they see every row every path touches
/// (imports, demo, calendar refreshes, cascades), so no write can forget its bookkeeping.
enum LedgerDigest {
    /// The ledger's tables. Drafts (a form being typed), `meta` and the log itself are not ledger.
    static let tables = ["accountability", "amendments", "attachments", "breaches", "bulletins", "calendar_overrides", "calendar_years", "commitment_entries",
                         "commitments", "complaint_steps", "complaint_rounds", "complaints", "dated_claims", "department_events", "departments", "difficulties", "escalations", "findings", "followups", "inspections",
                         "letters", "opinions", "rectifications", "sequences", "users"]

    /// The SHA-256 of one row: the table's name, then each column value with its storage class.
    static func rowHash(_ values: [DatabaseValue]) -> Digest256 {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(256)
        for v in values {
            switch v.storage {
            case .null: ValueBytes.appendNull(to: &bytes)
            case .int64(let i): ValueBytes.appendInteger(i, to: &bytes)
            case .double(let d): ValueBytes.appendReal(d, to: &bytes)
            case .string(let s): ValueBytes.appendText(s.utf8, to: &bytes)
            case .blob(let data): ValueBytes.appendBlob(data, to: &bytes)
            }
        }
        return Digest256(sha256: SHA256.hash(data: bytes))
    }

    /// `table=hex;…` in table order, every ledger table named.
    static func encode(_ d: [String: Digest256]) -> String {
        tables.map { "\($0)=\((d[$0] ?? .zero).hex)" }.joined(separator: ";")
    }

    static func decode(_ s: String) -> [String: Digest256] {
        var out: [String: Digest256] = [:]
        for part in s.split(separator: ";") {
            let kv = part.split(separator: "=", maxSplits: 1)
            if kv.count == 2, let d = Digest256(hex: String(kv[1])) { out[String(kv[0])] = d }
        }
        return out
    }
}
