import Foundation
import GRDB
import JiannuoCore

/// A form being typed, kept per officer and kind. Drafts are scratch, not ledger records, so they
/// are not written to the audit log (a row per keystroke would drown it).
public struct Draft: Sendable, Equatable {
    public var kind: String
    public var data: String
    public var savedAt: String
}

extension Store {
    public func saveDraft(kind: String, data: String) throws {
        try write { db, _ in
            try db.execute(sql: """
                INSERT INTO drafts(operator, kind, data, saved_at) VALUES (?, ?, ?, ?)
                ON CONFLICT(operator, kind) DO UPDATE SET data = excluded.data, saved_at = excluded.saved_at
                """, arguments: [operatorName, kind, data, Clock.system().now.string])
        }
    }

    public func draft(kind: String) throws -> Draft? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT kind, data, saved_at FROM drafts WHERE operator = ? AND kind = ?",
                             arguments: [operatorName, kind]).map { Draft(kind: $0["kind"], data: $0["data"], savedAt: $0["saved_at"]) }
        }
    }

    public func deleteDraft(kind: String) throws {
        try write { db, _ in
            try db.execute(sql: "DELETE FROM drafts WHERE operator = ? AND kind = ?", arguments: [operatorName, kind])
        }
    }
}
