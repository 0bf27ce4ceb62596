import CLibPQ
import Foundation

extension PGConnection {
    /// Streams rows into `COPY table (columns) FROM STDIN` (text format): `produce` is handed a
    /// function that takes one row's values as text (nil is NULL). Much faster than INSERTs for a
    /// whole ledger, and still inside the caller's transaction.
    public func copyIn(_ sql: String, _ produce: (_ row: ([String?]) throws -> Void) throws -> Void) throws {
        let start = try begin(copy: sql)
        guard start else { throw PGError(sqlState: nil, message: "COPY did not start: \(sql)") }
        var buffer = [UInt8]()
        buffer.reserveCapacity(1 << 20)
        func flush() throws {
            guard !buffer.isEmpty else { return }
            let ok = buffer.withUnsafeBufferPointer { p in
                p.baseAddress!.withMemoryRebound(to: CChar.self, capacity: p.count) { LibPQ.PQputCopyData(handle, $0, Int32(p.count)) }
            }
            guard ok == 1 else { throw PGError(sqlState: nil, message: PGConnection.text(LibPQ.PQerrorMessage(handle))) }
            buffer.removeAll(keepingCapacity: true)
        }
        do {
            try produce { values in
                for (i, v) in values.enumerated() {
                    if i > 0 { buffer.append(0x09) }
                    guard let v else { buffer.append(contentsOf: [0x5C, 0x4E]); continue }
                    for b in v.utf8 {
                        switch b {
                        case 0x5C: buffer.append(contentsOf: [0x5C, 0x5C])
                        case 0x09: buffer.append(contentsOf: [0x5C, 0x74])
                        case 0x0A: buffer.append(contentsOf: [0x5C, 0x6E])
                        case 0x0D: buffer.append(contentsOf: [0x5C, 0x72])
                        default: buffer.append(b)
                        }
                    }
                }
                buffer.append(0x0A)
                if buffer.count >= 1 << 20 { try flush() }
            }
            try flush()
        } catch {
            _ = LibPQ.PQputCopyEnd(handle, "aborted by jiannuo")
            _ = try? finishCopy()
            throw error
        }
        guard LibPQ.PQputCopyEnd(handle, nil) == 1 else { throw PGError(sqlState: nil, message: PGConnection.text(LibPQ.PQerrorMessage(handle))) }
        try finishCopy()
    }

    private func begin(copy sql: String) throws -> Bool {
        try flushDeferred()
        guard let r = LibPQ.PQexec(handle, sql) else { throw PGError(sqlState: nil, message: PGConnection.text(LibPQ.PQerrorMessage(handle))) }
        defer { LibPQ.PQclear(r) }
        if LibPQ.PQresultStatus(r) == PGRES_COPY_IN { return true }
        throw PGConnection.error(r)
    }

    /// Reads the COPY's final results (in or out): its error, if the server refused it.
    fileprivate func finishCopy() throws {
        var failure: PGError? = nil
        while let r = LibPQ.PQgetResult(handle) {
            if LibPQ.PQresultStatus(r) != PGRES_COMMAND_OK && failure == nil { failure = PGConnection.error(r) }
            LibPQ.PQclear(r)
        }
        if let failure { throw failure }
    }

    /// Runs `sql` through a cursor, `batch` rows at a time, so that a table of millions of rows never
    /// sits in memory whole. Must run inside a transaction.
    public func each(_ sql: String, _ parameters: [String?] = [], batch: Int = 20_000, _ body: ([String?]) throws -> Void) throws {
        let cursor = "jn_cursor_\(UInt32.random(in: 0...UInt32.max))"
        try execute("DECLARE \(cursor) NO SCROLL CURSOR FOR \(sql)", parameters)
        defer { _ = try? execute("CLOSE \(cursor)") }
        while true {
            let page = try execute("FETCH \(batch) FROM \(cursor)")
            for row in page.rows { try body(row) }
            if page.rows.count < batch { break }
        }
    }
}

extension PGConnection {
    /// Streams `COPY (…) TO STDOUT` (text format): `body` gets each row's bytes without its newline.
    public func copyOut(_ sql: String, _ body: (UnsafeBufferPointer<UInt8>) throws -> Void) throws {
        try flushDeferred()
        guard let r = LibPQ.PQexec(handle, sql) else { throw PGError(sqlState: nil, message: PGConnection.text(LibPQ.PQerrorMessage(handle))) }
        let status = LibPQ.PQresultStatus(r)
        if status != PGRES_COPY_OUT {
            let e = PGConnection.error(r)
            LibPQ.PQclear(r)
            throw e
        }
        LibPQ.PQclear(r)
        var failure: Error? = nil
        while true {
            var buffer: UnsafeMutablePointer<CChar>? = nil
            let n = LibPQ.PQgetCopyData(handle, &buffer, 0)
            if n == -1 { break }
            if n < 0 { throw PGError(sqlState: nil, message: PGConnection.text(LibPQ.PQerrorMessage(handle))) }
            guard let buffer else { continue }
            if failure == nil {
                let length = n > 0 && buffer[Int(n) - 1] == 0x0A ? Int(n) - 1 : Int(n)
                do {
                    try buffer.withMemoryRebound(to: UInt8.self, capacity: Int(n)) { try body(UnsafeBufferPointer(start: $0, count: length)) }
                } catch { failure = error }
            }
            LibPQ.PQfreemem(buffer)
        }
        try finishCopy()
        if let failure { throw failure }
    }
}
