/// The bytes a row's digest hashes, value by value (`LedgerDigest.rowHash`): a storage-class tag, then
/// the value big-endian (1 an integer, 2 a real), or a 4-byte length and the bytes (3 a text's UTF-8, 4 a
/// blob); 0 alone is NULL. Written once for every reader of rows: GRDB's values, SQLite's statement
/// columns, PostgreSQL's COPY rows and the kept counts' fingerprints.
enum ValueBytes {
    static func appendNull(to bytes: inout [UInt8]) { bytes.append(0) }

    static func appendInteger(_ v: Int64, to bytes: inout [UInt8]) {
        bytes.append(1)
        withUnsafeBytes(of: v.bigEndian) { bytes.append(contentsOf: $0) }
    }

    static func appendReal(_ v: Double, to bytes: inout [UInt8]) {
        bytes.append(2)
        withUnsafeBytes(of: v.bitPattern.bigEndian) { bytes.append(contentsOf: $0) }
    }

    static func appendText(_ utf8: some Collection<UInt8>, to bytes: inout [UInt8]) { appendSized(3, utf8, to: &bytes) }

    static func appendBlob(_ data: some Collection<UInt8>, to bytes: inout [UInt8]) { appendSized(4, data, to: &bytes) }

    private static func appendSized(_ tag: UInt8, _ data: some Collection<UInt8>, to bytes: inout [UInt8]) {
        bytes.append(tag)
        withUnsafeBytes(of: UInt32(data.count).bigEndian) { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: data)
    }
}
