import Crypto
import Foundation
import GRDB
import JiannuoCore

/// What writes audit rows, in either engine: `append` is the engine's (`SQLiteAuditWriter`, `PGAudit`);
/// `record` encodes the records. Each row's hash covers its fields, the digests of every ledger table
/// after the change, and the previous row's hash: editing or deleting a row of the log breaks the chain
/// there, and changing a ledger row outside the program no longer matches the digests of the last row.
protocol AuditAppending {
    func append(action: String, entity: String, id: String, before: String?, after: String?, claimed: String?) throws
}

extension AuditAppending {
    /// `claimed`: the date or time the recorded event claims (a backfilled acceptance, say), kept
    /// beside the moment the row was entered.
    func record<B: Encodable, A: Encodable>(_ action: String, entity: String, id: String, before: B?, after: A?,
                                            claimed: String? = nil) throws {
        // Plain conditionals, not `map`: a closure over a generic value would capture its metatype.
        var b: String? = nil, a: String? = nil
        if let before { b = AuditText.json(before) }
        if let after { a = AuditText.json(after) }
        try append(action: action, entity: entity, id: id, before: b, after: a, claimed: claimed)
    }

    func record<A: Encodable>(_ action: String, entity: String, id: String, after: A, claimed: String? = nil) throws {
        try append(action: action, entity: entity, id: id, before: nil, after: AuditText.json(after), claimed: claimed)
    }

    func append(action: String, entity: String, id: String, before: String?, after: String?) throws {
        try append(action: action, entity: entity, id: id, before: before, after: after, claimed: nil)
    }
}

extension AuditActions {
    /// An act Core's list does not name is a fault of the program, never written (the engine would refuse it too).
    static func requireListed(_ action: String) throws {
        guard isListed(action) else {
            throw JiannuoError.database("程序错误：审计动作“\(action)”不在 AuditActions 中，未写入", "program fault: audit action \(action) is not in AuditActions; nothing was written")
        }
    }
}

/// What audit rows say, the same on both engines.
enum AuditText {
    /// What a reveal's row says: the field shown, and how many records when an export showed several.
    static func reveal(field: String, count: Int) -> String {
        count == 1 ? "{\"field\":\"\(field)\"}" : "{\"field\":\"\(field)\",\"records\":\(count)}"
    }

    static func json<T: Encodable>(_ value: T) -> String {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? e.encode(value)).flatMap { String(data: $0, encoding: .utf8) } ?? "null"
    }
}

public struct AuditEntry: Codable, Sendable {
    public var seq: Int64
    public var at: String
    public var operatorName: String
    public var action: String
    public var entity: String
    public var entityId: String
    public var before: String?
    public var after: String?
    public var prevHash: String
    public var hash: String
    /// The date the event claims, when it differs from the moment of entry (backfilling, --today).
    public var claimed: String?
    /// The digests of every ledger table after this entry (rows from before schema v4 have none).
    public var state: String?

    enum CodingKeys: String, CodingKey {
        case seq, at, operatorName = "operator", action, entity, entityId = "entity_id", before, after
        case prevHash = "prev_hash", hash, claimed, state
    }
}
