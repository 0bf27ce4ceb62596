import GRDB
import GRDBSQLite
import JiannuoCore

/// A record written through one prepared statement with its values laid out by hand: an import of
/// a hundred thousand rows spends its time on the disk, not on encoding each row through Codable.
/// The columns and their encodings are those of the Codable records (`StableKeys.swift`); the
/// import tests read back through Codable and compare, so the two cannot drift apart silently.
protocol PreparedInsert {
    static var insertSQL: String { get }
    /// Binds the record's values to `insertSQL`'s parameters, in order, as GRDB would bind them.
    func bind(_ b: inout Binder)
}

/// Values bound straight to a statement's next parameter, as GRDB binds them (text NUL-terminated and
/// copied, booleans as 0 or 1): boxing each value for `StatementArguments` was a sixth of an import.
struct Binder {
    let statement: OpaquePointer
    private var index: Int32 = 1
    private(set) var failure: Int32 = SQLITE_OK
    init(_ statement: OpaquePointer) { self.statement = statement }

    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    private mutating func done(_ code: Int32) {
        if code != SQLITE_OK && failure == SQLITE_OK { failure = code }
        index += 1
    }
    mutating func text(_ v: String?) {
        guard let v else { return done(sqlite3_bind_null(statement, index)) }
        done(sqlite3_bind_text(statement, index, v, -1, Binder.transient))
    }
    mutating func int(_ v: Int?) { int64(v.map(Int64.init)) }
    mutating func int64(_ v: Int64?) {
        guard let v else { return done(sqlite3_bind_null(statement, index)) }
        done(sqlite3_bind_int64(statement, index, v))
    }
    mutating func bool(_ v: Bool?) { int(v.map { $0 ? 1 : 0 }) }
}

extension Day { var sql: String { string } }

extension Commitment: PreparedInsert {
    static let insertSQL = """
        INSERT INTO commitments(id, department, kind, category, counterparty, credit_code, content, amount_fen, made, deadline,
            status, progress, procedures, fulfilled_on, delivered_on, payment_days) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """
    func bind(_ b: inout Binder) {
        let procs = "[" + procedures.map { "\"\($0.rawValue)\"" }.joined(separator: ",") + "]"
        b.text(id); b.text(department); b.text(kind.rawValue); b.int(category); b.text(counterparty); b.text(creditCode)
        b.text(content); b.int64(amount?.fen); b.text(made.sql); b.text(deadline.sql); b.text(status.rawValue); b.int(progress)
        b.text(procs); b.text(fulfilledOn?.sql); b.text(deliveredOn?.sql); b.int(paymentDays)
    }
}

extension Complaint: PreparedInsert {
    static let insertSQL = """
        INSERT INTO complaints(id, channel, received, urgency, complainant, contact, department, category, commitment, content,
            accepted_at, resolved_at, result, responded_at, response, extension_days, extension_reason, returned_from, returned_at,
            return_reason, verified_at, breach, finding, satisfied, followup_note, followup_at, accept_due, resolve_due, respond_due,
            extended_at, reopened_at, work_order)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """
    func bind(_ b: inout Binder) {
        b.text(id); b.text(channel.rawValue); b.text(received.iso); b.text(urgency.rawValue); b.text(complainant); b.text(contact)
        b.text(department); b.int(category); b.text(commitment); b.text(content); b.text(acceptedAt?.iso); b.text(resolvedAt?.iso)
        b.text(result); b.text(respondedAt?.iso); b.text(response); b.int(extensionDays); b.text(extensionReason); b.text(returnedFrom)
        b.text(returnedAt?.iso); b.text(returnReason); b.text(verifiedAt?.iso); b.bool(breach); b.text(finding); b.bool(satisfied)
        b.text(followupNote); b.text(followupAt?.iso); b.text(acceptDue.sql); b.text(resolveDue?.sql); b.text(respondDue?.sql)
        b.text(extendedAt?.iso); b.text(reopenedAt?.iso); b.text(workOrder)
    }
}
