import Foundation

/// Work split over every core in consecutive slices, the results kept in order: laying out 32,500
/// alerts or checking 100,000 rows of a 台账 is per item and independent.
enum Cores {
    static let count = max(1, ProcessInfo.processInfo.activeProcessorCount)

    /// `body` of each of `count` consecutive slices of `range`, all at once; the results in slice order.
    static func slices<U>(_ range: Range<Int>, _ body: @Sendable (Range<Int>) -> U) -> [U] {
        let n = count, size = (range.count + n - 1) / n
        let buffer = UnsafeMutableBufferPointer<U?>.allocate(capacity: n)
        buffer.initialize(repeating: nil)
        defer { buffer.deinitialize().deallocate() }
        // Each slice writes only its own element.
        nonisolated(unsafe) let results = buffer
        DispatchQueue.concurrentPerform(iterations: n) { k in
            let from = min(range.upperBound, range.lowerBound + k * size)
            results[k] = body(from..<min(range.upperBound, from + size))
        }
        return results.map { $0! }
    }
}
