import Crypto
import Foundation
import GRDB
import JiannuoCore

/// Walks the audit chain and checks the ledger against the digests it carries.
public enum AuditChain {
    static let genesis = String(repeating: "0", count: 64)

    /// Rows written before schema v4 keep the hash they were written with; later rows also cover
    /// the claimed date and the ledger's digests.
    static func hash(of e: AuditEntry) -> String {
        var fields = ["\(e.seq)", e.at, e.operatorName, e.action, e.entity, e.entityId,
                      e.before ?? "\u{0}", e.after ?? "\u{0}", e.prevHash]
        if let state = e.state { fields += [e.claimed ?? "\u{0}", state] }
        let digest = SHA256.hash(data: Data(fields.joined(separator: "\u{1F}").utf8))
        return digest.map { String(format: "%02x", $0) }.joined()
    }

    /// `SEQ:HASH`: a point of the chain worth keeping outside the file.
    public struct Anchor: Sendable, Equatable, CustomStringConvertible {
        public var seq: Int64
        public var hash: String
        public init(seq: Int64, hash: String) { self.seq = seq; self.hash = hash }
        public init?(_ text: String) {
            let parts = text.split(separator: ":", maxSplits: 1)
            guard parts.count == 2, let s = Int64(parts[0]), s > 0, parts[1].count == 64,
                  parts[1].allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else { return nil }
            seq = s; hash = String(parts[1])
        }
        public var description: String { "\(seq):\(hash)" }
    }

    public struct Problem: Sendable {
        public var reason: Text
        /// The table and records concerned, where they can be named.
        public var table: String?
        public var records: [String]
    }

    public struct Report: Sendable {
        public var rows: Int
        /// The first row of the log that does not check, and why.
        public var firstBad: Int64?
        public var reason: Text?
        /// Ledger tables whose rows no longer add up to the digests of the last entry.
        public var tampered: [Problem] = []
        public var head: Anchor?
        public var intact: Bool { firstBad == nil && reason == nil && tampered.isEmpty }
    }

    /// The walk along the chain, row by row, whatever engine the rows come from.
    struct ChainWalk {
        let anchor: Anchor?
        let progress: ((String) -> Void)?
        var prev = genesis
        var expected: Int64 = 1
        var count = 0
        var lastState: String? = nil
        var anchorSeen = false

        init(anchor: Anchor?, progress: ((String) -> Void)?) { self.anchor = anchor; self.progress = progress }

        func bad(_ seq: Int64, _ why: Text) -> Report { Report(rows: count, firstBad: seq, reason: why) }

        mutating func unreadableSeq() -> Report {
            count += 1
            return bad(expected, Text("序号不可读", "unreadable sequence number"))
        }

        mutating func unreadable(_ seq: Int64) -> Report {
            count += 1
            guard seq == expected else { return bad(expected, Text("第 \(expected) 行缺失（被删除）", "row \(expected) is missing (deleted)")) }
            return bad(seq, Text("第 \(seq) 行的内容不可读（被改动）", "row \(seq) no longer reads (altered)"))
        }

        /// Nil when the entry checks; else the report naming it.
        mutating func check(_ entry: AuditEntry) -> Report? {
            count += 1
            if count % 50_000 == 0 { progress?("\(count)") }
            let seq = entry.seq
            guard seq == expected else {
                return bad(expected, Text("第 \(expected) 行缺失（被删除）", "row \(expected) is missing (deleted)"))
            }
            guard entry.prevHash == prev else {
                return bad(seq, Text("第 \(seq) 行与前一行的链接不符", "row \(seq) does not link to the row before"))
            }
            guard hash(of: entry) == entry.hash else {
                return bad(seq, Text("第 \(seq) 行的内容与其哈希不符（被改动）", "row \(seq) does not match its hash (altered)"))
            }
            if lastState != nil && entry.state == nil {
                return bad(seq, Text("第 \(seq) 行缺少账本摘要（被改写）", "row \(seq) lacks the ledger digests (rewritten)"))
            }
            if let anchor, anchor.seq == seq {
                guard anchor.hash == entry.hash else {
                    return bad(seq, Text("第 \(seq) 行与保存的锚点 \(anchor) 不符：日志自该处起被改写",
                                         "row \(seq) differs from the kept anchor \(anchor): the log was rewritten from there"))
                }
                anchorSeen = true
            }
            if entry.state != nil { lastState = entry.state }
            prev = entry.hash
            expected += 1
            return nil
        }

        var head: Anchor? { count == 0 ? nil : Anchor(seq: expected - 1, hash: prev) }

        /// After the last row: the anchor must have been met and the stored head must be the last row.
        func end(storedHead: String?) -> Report? {
            if let anchor, !anchorSeen {
                return Report(rows: count, firstBad: anchor.seq, reason: Text(
                    "日志中已没有锚点 \(anchor) 所指的第 \(anchor.seq) 行：日志末尾被截去或整个被删除",
                    "the log no longer holds row \(anchor.seq) of the anchor \(anchor): its end was cut off, or the whole log deleted"),
                    head: head)
            }
            if storedHead != head?.description {
                return Report(rows: count, firstBad: expected, reason: Text("日志末尾的记录被删除或链头被改动",
                                                                            "rows were cut off the end of the log, or its head was altered"), head: head)
            }
            return nil
        }

        var report: Report { Report(rows: count, firstBad: nil, reason: nil, head: head) }
    }
}
