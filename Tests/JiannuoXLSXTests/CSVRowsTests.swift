import CSV
import Testing
@testable import JiannuoXLSX

/// The CSV reader against CSV.swift's, which the import used before: the same rows for every text.
@Suite("Sheets: CSV rows as CSV.swift reads them")
struct CSVRowsTests {
    private func library(_ text: String) throws -> [[String]] {
        let reader = try CSVReader(string: text, hasHeaderRow: false)
        var rows: [[String]] = []
        while let row = reader.next() { rows.append(row) }
        return rows
    }

    private func ours(_ text: String) -> [[String]] {
        var reader = CSVRows(text)
        var rows: [[String]] = []
        while let row = reader.next() { rows.append(row) }
        return rows
    }

    @Test("what spreadsheets write, and what they should not", arguments: [
        "", "a", "a,b\n1,2\n", "a,b\r\n1,2\r\n", "a,b\r1,2", "a,,b,\n", ",\n,", "\n\n", "\r\n\r\n", "a\n\nb",
        "\"x,y\",z\n", "\"he said \"\"hi\"\"\",2", "\"line\nbreak\",\"cr\r\nlf\"\n", "\"unterminated", "\"a\"b,c", "\"a\"许,c",
        "\"a\"\"", "\"\"", "\"\",\"\"", "a\"b\"c,d", "许昌市,建安区\n县委,“承诺”\n", "\u{FEFF}a,b", "\"a\"\r", "\"a\"\rb", "a,\"",
        "\"😀\"😀,x", "x\r\r\ny",
    ])
    func examples(_ text: String) throws {
        #expect(ours(text) == (try library(text)), "\(text.debugDescription)")
    }

    @Test("random texts of commas, quotes, line ends and Chinese read the same", arguments: [1, 2, 3, 4] as [UInt64])
    func random(seed: UInt64) throws {
        var state = seed
        func next() -> UInt64 {
            // SplitMix64: seeded, so a failing text replays.
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        let pieces = [",", "\"", "\"\"", "\r", "\n", "\r\n", "a", "许", "é", " ", "😀", "1"]
        for _ in 0..<2_000 {
            let text = (0..<Int(next() % 40)).map { _ in pieces[Int(next() % UInt64(pieces.count))] }.joined()
            #expect(ours(text) == (try library(text)), "\(text.debugDescription)")
        }
    }
}
