import Testing
@testable import JiannuoCore

@Suite struct PlainPointsTests {
    @Test func pointsReadAsPeopleWriteThem() {
        #expect(Scoring.plain(-0.0) == "0")
        #expect(Scoring.plain(0) == "0")
        #expect(Scoring.plain(3.0) == "3")
        #expect(Scoring.plain(2.5) == "2.5")
        #expect(Scoring.plain(1.25) == "1.3" || Scoring.plain(1.25) == "1.2")
        #expect(!Scoring.plain(-0.04).hasPrefix("-"))
    }
}
