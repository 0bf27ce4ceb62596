import Crypto

/// A table of counts folded into one number: Σ n·SHA-256(salt ‖ key) over its rows, modulo 2^256, where
/// a row is its key's columns then its count `n`. The sum is linear in the counts, so a key's rows may be
/// split or grouped (`score_facts` keeps one row per fact, the recomputation groups them) and a kept
/// count of zero is the same as no row: two tables fold to the same number exactly when every key has
/// the same total on both sides, up to chance. The salt is drawn afresh for each check, so nobody who
/// edits the kept tables beforehand can pick keys whose hashes cancel out.
struct CountsFingerprint {
    private let salt: [UInt8]
    private(set) var sum = Digest256()
    private var bytes: [UInt8] = []

    init(salt: [UInt8]) {
        self.salt = salt
        bytes.reserveCapacity(256)
    }

    static func freshSalt() -> [UInt8] {
        var g = SystemRandomNumberGenerator()
        return (0..<16).map { _ in UInt8.random(in: .min ... .max, using: &g) }
    }

    /// Adds a row whose key bytes (after the salt) are laid by `lay`, counted `n` times.
    mutating func add(count n: Int64, key lay: (inout [UInt8]) -> Void) {
        bytes.removeAll(keepingCapacity: true)
        bytes.append(contentsOf: salt)
        lay(&bytes)
        sum.add(Digest256(sha256: SHA256.hash(data: bytes)), times: n)
    }

    /// A row read by position: columns `0..<keys` are the key (each with its storage class), `keys` the count.
    mutating func add<Row: PositionalRow>(_ row: Row, keys: Int) {
        add(count: row.int(keys) ?? 0) { bytes in
            for i in 0..<keys {
                switch row.stored(i) {
                case .null: ValueBytes.appendNull(to: &bytes)
                case .integer(let v): ValueBytes.appendInteger(v, to: &bytes)
                case .real(let d): ValueBytes.appendReal(d, to: &bytes)
                case .text(let s): ValueBytes.appendText(s.utf8, to: &bytes)
                }
            }
        }
    }
}

extension Digest256 {
    /// Adds `d` taken `n` times (subtracts for a negative `n`), modulo 2^256.
    mutating func add(_ d: Digest256, times n: Int64) {
        if n == 1 { add(d); return }
        var m = Digest256()
        var carry: UInt64 = 0
        for i in 0..<4 {
            let (high, low) = d.limbs[i].multipliedFullWidth(by: n.magnitude)
            let (s, c) = low.addingReportingOverflow(carry)
            m.limbs[i] = s
            // A 64×64-bit product's high half is at most 2^64 − 2: adding the carry cannot overflow.
            carry = high &+ (c ? 1 : 0)
        }
        if n < 0 { subtract(m) } else { add(m) }
    }
}
