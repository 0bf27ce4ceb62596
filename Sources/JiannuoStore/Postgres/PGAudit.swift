import Foundation
import JiannuoCore

/// An audit row on PostgreSQL, appended through `jn_audit_append` in the write's transaction. The
/// engine writes who (the session's user) and when (its clock); the program says what was done.
struct PGAudit: AuditAppending {
    let connection: PGConnection
    let clock: Clock

    func append(action: String, entity: String, id: String, before: String?, after: String?, claimed: String?) throws {
        try AuditActions.requireListed(action)
        // The claimed date says what day the entry is about, whatever the real moment (as SQLiteAuditWriter).
        let claim = claimed ?? (clock.isReal ? nil : clock.today.string)
        // Its refusal, if any, comes with the next statement read or the commit, inside the same transaction.
        try connection.executeDeferred("SELECT jn_audit_append($1, $2, $3, $4, $5, $6)", [action, entity, id, before, after, claim])
    }
}
