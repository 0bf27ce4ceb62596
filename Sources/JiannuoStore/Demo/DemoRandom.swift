import JiannuoCore

/// SplitMix64: a small deterministic generator, so a seed always gives the same demo.
struct DemoRandom: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }

    /// True with probability p.
    mutating func chance(_ p: Double) -> Bool { Double(next() % 1_000_000) < p * 1_000_000 }

    mutating func pick<T>(_ a: [T]) -> T { a[Int(next() % UInt64(a.count))] }

    mutating func creditCode() -> String {
        let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
        var s = "91410422"
        for _ in 0..<9 { s.append(alphabet[int(0...alphabet.count - 1)]) }
        return s + String(CreditCode.checkCharacter(of: s)!)
    }

    mutating func personName() -> String {
        String(pick(DemoNames.surnames)) + String(pick(DemoNames.givenChars)) + (chance(0.6) ? String(pick(DemoNames.givenChars)) : "")
    }

    mutating func phone() -> String {
        let tail = String(int(0...999_999_999))
        return "1" + String(int(3...9)) + String(repeating: "0", count: 9 - tail.count) + tail
    }

    mutating func firm() -> String {
        pick(DemoNames.places) + pick(DemoNames.trades) + pick(DemoNames.firmForms)
    }
}
