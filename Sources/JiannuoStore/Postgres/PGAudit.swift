import Foundation
import JiannuoCore

/// An audit row on PostgreSQL, appended through `jn_audit_append` in the write's transaction.
struct PGAudit: AuditAppending {
    let connection: PGConnection
    let clock: Clock

    func append(action: String, entity: String, id: String, before: String?, after: String?, claimed: String?) throws {
        // The real moment of entry, whatever --today says; the claimed date says what it is about (as SQLiteAuditWriter).
        let claim = claimed ?? (clock.isReal ? nil : clock.today.string)
        try connection.execute("SELECT jn_audit_append($1, $2, $3, $4, $5, $6, $7)",
                               [action, entity, id, before, after, claim, clock.realNow.iso])
    }
}
