import Foundation
import Testing
@testable import JiannuoTUI

/// The live dashboard through a hundred terminal sizes, 1×1 included: it never dies, and at the end it
/// draws exactly what `render` draws at that size.
@Suite(.serialized) struct DashboardSizesTests {
    init() { _ = Width.ensureLocale() }

    @Test func aHundredRandomSizesNeverCrash() throws {
        let t = try DashboardTmux(width: 120, height: 40)
        defer { t.kill() }
        let (up, first) = t.waitFor(timeout: 10, DashboardTmux.panesVisible)
        try #require(up, "no panes; screen:\n\(first)")
        var rng = SplitMix(seed: 20261120)
        var sizes = [(1, 1), (2, 1), (1, 2), (59, 11), (60, 12)]
        while sizes.count < 100 { sizes.append((Int(rng.next() % 220) + 1, Int(rng.next() % 70) + 1)) }
        for (w, h) in sizes {
            try t.resize(w, h)
            Thread.sleep(forTimeInterval: 0.03)
            #expect(!FileManager.default.fileExists(atPath: t.exitFile), "the dashboard exited at \(w)×\(h)")
        }
        try t.resize(120, 40)
        let (back, screen) = t.waitFor(timeout: 3, DashboardTmux.panesVisible)
        #expect(back, "no panes after the sizes; screen:\n\(screen)")
        try t.send("g")
        try t.expectMatchesRender(width: 120, height: 40, keys: "")
        try t.send("q")
        #expect(t.waitForExit(timeout: 5) == "EXIT=0")
    }
}

/// A deterministic generator, so that a failing size can be found again.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
