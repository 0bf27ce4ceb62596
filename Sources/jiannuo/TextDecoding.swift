import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A text file as Excel and WPS save it: UTF-8 (with or without a byte-order mark), or GB18030 (which
/// includes GBK and GB2312), the Chinese Windows default. Says which it was; nil when neither reads it.
enum TextDecoding {
    static func decode(_ data: Data) -> (text: String, encoding: String)? {
        if let t = String(data: data, encoding: .utf8) {
            return (t.hasPrefix("\u{FEFF}") ? String(t.dropFirst()) : t, data.starts(with: [0xEF, 0xBB, 0xBF]) ? "UTF-8 (BOM)" : "UTF-8")
        }
        return gb18030(data).map { ($0, "GB18030") }
    }

    /// Through iconv, which refuses bytes that are not GB18030 (nothing is guessed).
    static func gb18030(_ data: Data) -> String? {
        let cd = iconv_open("UTF-8", "GB18030")
        guard cd != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(cd) }
        var input = [CChar](data.map { CChar(bitPattern: $0) })
        var output = [CChar](repeating: 0, count: data.count * 4 + 16)
        var inLeft = input.count, outLeft = output.count
        let ok: Bool = input.withUnsafeMutableBufferPointer { inBuf in
            output.withUnsafeMutableBufferPointer { outBuf in
                var inPtr: UnsafeMutablePointer<CChar>? = inBuf.baseAddress
                var outPtr: UnsafeMutablePointer<CChar>? = outBuf.baseAddress
                return iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft) != -1 && inLeft == 0
            }
        }
        guard ok else { return nil }
        let bytes = output.prefix(output.count - outLeft).map { UInt8(bitPattern: $0) }
        return String(bytes: bytes, encoding: .utf8)
    }
}
