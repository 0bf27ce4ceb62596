import GRDB
import JiannuoCore

/// A record written through one prepared statement with its values laid out by hand: an import of
/// a hundred thousand rows spends its time on the disk, not on encoding each row through Codable.
/// The columns and their encodings are those of the Codable records (`StableKeys.swift`); the
/// import tests read back through Codable and compare, so the two cannot drift apart silently.
protocol PreparedInsert {
    static var insertSQL: String { get }
    var insertArguments: StatementArguments { get }
}

extension Day { var sql: String { string } }

extension Commitment: PreparedInsert {
    static let insertSQL = """
        INSERT INTO commitments(id, department, kind, category, counterparty, credit_code, content, amount_fen, made, deadline,
            status, progress, procedures, fulfilled_on, delivered_on, payment_days) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """
    var insertArguments: StatementArguments {
        let procs = "[" + procedures.map { "\"\($0.rawValue)\"" }.joined(separator: ",") + "]"
        let values: [DatabaseValueConvertible?] = [
            id, department, kind.rawValue, category, counterparty, creditCode, content, amount?.fen, made.sql, deadline.sql,
            status.rawValue, progress, procs, fulfilledOn?.sql, deliveredOn?.sql, paymentDays]
        return StatementArguments(values)
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
    var insertArguments: StatementArguments {
        let values: [DatabaseValueConvertible?] = [
            id, channel.rawValue, received.iso, urgency.rawValue, complainant, contact, department, category, commitment, content,
            acceptedAt?.iso, resolvedAt?.iso, result, respondedAt?.iso, response, extensionDays, extensionReason, returnedFrom,
            returnedAt?.iso, returnReason, verifiedAt?.iso, breach, finding, satisfied, followupNote, followupAt?.iso,
            acceptDue.sql, resolveDue?.sql, respondDue?.sql, extendedAt?.iso, reopenedAt?.iso, workOrder]
        return StatementArguments(values)
    }
}
