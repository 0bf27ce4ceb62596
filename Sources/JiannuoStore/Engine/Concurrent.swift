import Dispatch
import Foundation

/// Work started on another thread now, its result (or error) taken later with `value()`.
final class Concurrent<T>: @unchecked Sendable {
    private var result: Result<T, Error>?
    private let done = DispatchSemaphore(value: 0)
    private let lock = NSLock()

    init(_ work: @escaping @Sendable () throws -> T) {
        Thread.detachNewThread { [self] in
            let r = Result { try work() }
            lock.lock(); result = r; lock.unlock()
            done.signal()
        }
    }

    /// Waits for the work; may be called more than once.
    func value() throws -> T {
        done.wait()
        done.signal()
        lock.lock(); defer { lock.unlock() }
        return try result!.get()
    }
}
