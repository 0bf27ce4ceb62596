import Foundation
import JiannuoCore
import JiannuoStore

// Write throughput: W writers, each with its own connection (its own SQLite pool, or its own
// PostgreSQL session), adding complaints one transaction each as an intake does, all at once.
// Prints the writes, the wall time, writes per second and the errors. Used by Benchmarks/measure.sh.
//
//   jiannuo-writers --db PATH|URI [--county CODE] [--writers 8] [--writes 250] [--department GXJ] [--today YYYY-MM-DD]

var options: [String: String] = ["--writers": "8", "--writes": "250", "--department": "GXJ", "--today": "2026-11-20"]
var args = CommandLine.arguments.dropFirst()
while let key = args.popFirst() {
    guard key.hasPrefix("--"), let value = args.popFirst() else { FileHandle.standardError.write(Data("usage: see the comment at the top\n".utf8)); exit(64) }
    options[key] = value
}
guard let db = options["--db"], let writers = Int(options["--writers"]!), let writes = Int(options["--writes"]!),
      let today = Day(options["--today"]!) else {
    FileHandle.standardError.write(Data("usage: jiannuo-writers --db PATH|URI [--county CODE] [--writers N] [--writes N]\n".utf8)); exit(64)
}
let department = options["--department"]!, county = options["--county"]
let account = ProcessInfo.processInfo.environment["USER"].flatMap { $0.isEmpty ? nil : $0 } ?? NSUserName()
let clock = Clock(today: today, minute: 9 * 60)

func open() throws -> any Ledger {
    LedgerAddress(db).isPostgres
        ? try PostgresLedger(conninfo: db, county: county, clock: clock, operatorName: account, readOnly: false)
        : try SQLiteLedger(path: db, clock: clock, operatorName: account, access: .write)
}

let errors = Locked(0)
let stores = try (0..<writers).map { _ in try open() }   // connected before the clock starts
let start = Date()
DispatchQueue.concurrentPerform(iterations: writers) { w in
    for i in 0..<writes {
        var d = ComplaintDraft()
        d.department = department
        d.content = "吞吐测试 \(w)-\(i)"
        do { _ = try stores[w].addComplaint(d) } catch {
            errors.update { $0 += 1 }
            FileHandle.standardError.write(Data("writer \(w) write \(i): \(error)\n".utf8))
        }
    }
}
let seconds = Date().timeIntervalSince(start)
let total = writers * writes
print(String(format: "%d writers × %d writes = %d in %.2f s: %.0f writes/s, %d errors", writers, writes, total, seconds,
             Double(total) / seconds, errors.update { $0 }))
exit(errors.update { $0 } == 0 ? 0 : 1)

final class Locked<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()
    init(_ v: Value) { value = v }
    func update<R>(_ body: (inout Value) -> R) -> R { lock.lock(); defer { lock.unlock() }; return body(&value) }
}
