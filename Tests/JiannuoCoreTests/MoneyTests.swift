import Testing
@testable import JiannuoCore

@Suite("Money")
struct MoneyTests {
    @Test("amounts are parsed to exact fen", arguments: [
        ("0", Int64(0)), ("1", 100), ("12500.50", 1_250_050), ("12500.5", 1_250_050), ("1,234.56", 123_456),
        ("0.01", 1), ("0.1", 10), ("¥1234.56", 123_456), ("￥88", 8_800), ("300元", 30_000), (" 42.10 ", 4_210),
        ("1000000000000", 100_000_000_000_000), ("0.29", 29), ("19.99", 1_999),
    ])
    func parses(_ text: String, _ fen: Int64) throws {
        let m = try Money(yuan: text)
        #expect(m.fen == fen)
    }

    @Test("bad amounts are refused", arguments: [
        "12.345", "-5", "-0.01", "abc", "", "1.", ".5", "1.2.3", "1e5", "12,34a", "五百", "+5", "1 000",
        "100000000000000", "99999999999999999999999", "0x10", "1.-5", "１２",
    ])
    func refused(_ text: String) {
        let e = #expect(throws: JiannuoError.self) { try Money(yuan: text) }
        #expect(e?.kind == .invalid)
        #expect(e?.text.zh.contains("金额") == true)
    }

    @Test("printing in yuan is exact")
    func printing() throws {
        #expect(Money(fen: 1_250_050).yuanString == "12500.50")
        #expect(Money(fen: 7).yuanString == "0.07")
        #expect(try Money(yuan: "0.29").yuanString == "0.29")
        #expect(try Money(yuan: "1,234,567.89").fen == 123_456_789)
        #expect(Money(fen: 1) < Money(fen: 2))
    }

    @Test("grouped for reading: thousands separated, always two decimals, and read back as the same amount")
    func groupedForReading() throws {
        let cases: [(Int64, String)] = [(0, "0.00"), (7, "0.07"), (99, "0.99"), (100, "1.00"), (99_999, "999.99"),
                                        (100_000, "1,000.00"), (23_562_400, "235,624.00"), (12_345_678_901, "123,456,789.01"),
                                        (100_000_000_000_000, "1,000,000,000,000.00")]
        for (fen, text) in cases {
            #expect(Money(fen: fen).grouped == text)
            #expect(try Money(yuan: text).fen == fen)
        }
    }
}
