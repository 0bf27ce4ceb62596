import Foundation

/// Writes CSV rows straight into a byte buffer flushed in large blocks: one pass over each field's
/// UTF-8 to decide on quoting, no per-field stream calls. The CSV library's writer costs about 30×
/// the sqlite3 CLI on a large export (it searches each field four times through NSString and writes
/// through an OutputStream); reading stays with the library. Quoting follows RFC 4180 as the library
/// does: a field with a quote, a comma, CR or LF is quoted and its quotes doubled; rows end with LF.
struct CSVStreamWriter {
    private var buffer: [UInt8] = []
    private let sink: (UnsafeRawBufferPointer) -> Void
    private let blockSize = 1 << 20

    init(sink: @escaping (UnsafeRawBufferPointer) -> Void) {
        self.sink = sink
        buffer.reserveCapacity(blockSize + 4096)
    }

    mutating func write(row fields: [String]) {
        for (i, field) in fields.enumerated() {
            if i > 0 { buffer.append(UInt8(ascii: ",")) }
            append(field)
        }
        buffer.append(UInt8(ascii: "\n"))
        if buffer.count >= blockSize { flush() }
    }

    private mutating func append(_ field: String) {
        var f = field
        f.withUTF8 { bytes in
            var quote = false
            for b in bytes where b == 0x22 || b == 0x2C || b == 0x0A || b == 0x0D { quote = true; break }
            guard quote else { buffer.append(contentsOf: bytes); return }
            buffer.append(0x22)
            for b in bytes {
                buffer.append(b)
                if b == 0x22 { buffer.append(0x22) }
            }
            buffer.append(0x22)
        }
    }

    mutating func flush() {
        guard !buffer.isEmpty else { return }
        buffer.withUnsafeBytes(sink)
        buffer.removeAll(keepingCapacity: true)
    }
}
