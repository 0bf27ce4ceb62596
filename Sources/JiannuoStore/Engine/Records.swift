import GRDB
import JiannuoCore

// The Core types are stored as they are: their Codable keys are the column names.
extension Department: FetchableRecord, PersistableRecord { public static let databaseTableName = "departments" }
extension DepartmentEvent: FetchableRecord, PersistableRecord { public static let databaseTableName = "department_events" }
extension Commitment: FetchableRecord, PersistableRecord { public static let databaseTableName = "commitments" }
extension CommitmentEntry: FetchableRecord, PersistableRecord { public static let databaseTableName = "commitment_entries" }
extension Amendment: FetchableRecord, PersistableRecord { public static let databaseTableName = "amendments" }
extension Complaint: FetchableRecord, PersistableRecord { public static let databaseTableName = "complaints" }
extension Breach: FetchableRecord, PersistableRecord { public static let databaseTableName = "breaches" }
extension Rectification: FetchableRecord, PersistableRecord { public static let databaseTableName = "rectifications" }
extension Accountability: FetchableRecord, PersistableRecord { public static let databaseTableName = "accountability" }
extension OpinionEvent: FetchableRecord, PersistableRecord { public static let databaseTableName = "opinions" }
extension InspectionRound: FetchableRecord, PersistableRecord { public static let databaseTableName = "inspections" }
extension Finding: FetchableRecord, PersistableRecord { public static let databaseTableName = "findings" }
extension Escalation: FetchableRecord, PersistableRecord { public static let databaseTableName = "escalations" }
extension Attachment: FetchableRecord, PersistableRecord { public static let databaseTableName = "attachments" }
extension AuditEntry: FetchableRecord, TableRecord { public static let databaseTableName = "audit_log" }

/// Filters shared by every `list` command.
public struct ListFilter: Sendable {
    public var department: String?
    public var status: String?
    public var category: Int?
    public var from: Day?
    public var to: Day?
    public var limit: Int?
    public var offset: Int = 0

    public init(department: String? = nil, status: String? = nil, category: Int? = nil, from: Day? = nil, to: Day? = nil,
                limit: Int? = nil, offset: Int = 0) {
        self.department = department; self.status = status; self.category = category
        self.from = from; self.to = to; self.limit = limit; self.offset = offset
    }
}
extension ComplaintRound: FetchableRecord, PersistableRecord { public static let databaseTableName = "complaint_rounds" }
extension DatedClaim: FetchableRecord, PersistableRecord { public static let databaseTableName = "dated_claims" }
extension ComplaintStepRecord: FetchableRecord, PersistableRecord { public static let databaseTableName = "complaint_steps" }
extension DifficultyReport: FetchableRecord, PersistableRecord { public static let databaseTableName = "difficulties" }
extension SupervisionLetter: FetchableRecord, PersistableRecord { public static let databaseTableName = "letters" }
extension IssuedBulletin: FetchableRecord, PersistableRecord { public static let databaseTableName = "bulletins" }
