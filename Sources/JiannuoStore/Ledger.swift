import Foundation
import JiannuoCore

/// The ledger as the command line and the dashboard see it: one protocol, two engines. `Store` keeps
/// a county's ledger in a SQLite file (the default); `PGStore` keeps it in a schema of a city's
/// PostgreSQL database. Each engine keeps its SQL to itself; the rules live in Core. The command line
/// opens one from `--db`, which `LedgerAddress` tells apart (a path, or a PostgreSQL URI or connection string).
public enum LedgerEngine: String, Sendable { case sqlite = "SQLite", postgres = "PostgreSQL" }

public protocol Ledger: AnyObject, Sendable {
    /// Where the ledger is: a file path, or the database and schema for PostgreSQL (for messages).
    var path: String { get }
    var readOnly: Bool { get }
    var clock: Clock { get }
    /// The system account running the process: the actor of every audit row.
    var operatorName: String { get }
    /// What the ledger lets that account do.
    var actor: Actor { get }
    var rules: Rules { get }
    /// The working-day calendar as it was when the ledger opened.
    var calendar: WorkCalendar { get }
    /// Which engine keeps it: what is checked of a file (its permissions) is not asked of a database server.
    var engine: LedgerEngine { get }
    /// A short name for the dashboard's header: the file's name, or the county in the city database.
    var name: String { get }
    /// Where the dashboard puts the files it exports: beside the ledger file, or the home directory.
    var exportDirectory: URL { get }

    /// The engine's own check of its storage (SQLite's quick_check; PostgreSQL's policies and grants).
    func engineCheck() throws -> [String]
    /// Changes whenever another connection commits a change: the dashboard redraws on it.
    func dataVersion() throws -> Int
    /// A descriptor that becomes readable when a write may have been announced (PostgreSQL's socket,
    /// once `dataVersion` listens), for the dashboard to wait on beside the keyboard; nil where the
    /// engine announces nothing (SQLite: `dataVersion` is looked at on a short tick).
    var changeDescriptor: Int32? { get }
    func generateDemo(size: DemoSize, seed: UInt64) throws -> DemoCounts
    func alerts(today: Day?, departments: [String]?) throws -> [Alert]
    func alertPage(today: Day?, limit: Int) throws -> AlertPage
    func alertInputs(today: Day, departments: [String]?) throws -> AlertInputs
    func auditEntries(entity: String?, id: String?, limit: Int?) throws -> [AuditEntry]
    func verifyAudit(anchor: AuditChain.Anchor?, progress: ((String) -> Void)?) throws -> AuditChain.Report
    func auditAnchor() throws -> (anchor: AuditChain.Anchor, at: String)?
    func recordReveal(entity: String, id: String, field: String, count: Int) throws
    func breaches(_ f: ListFilter) throws -> [Breach]
    func breach(_ id: String) throws -> Breach
    func reportBreach(_ id: String, date: Day?) throws -> Breach
    func addRectification(breach id: String, unit: String, measures: String, deadline: Day, ordered: Day?) throws -> Rectification
    func completeRectification(_ id: String, date: Day?) throws -> Rectification
    func rectifications(_ f: ListFilter, breach: String?) throws -> [Rectification]
    func addAccountability(breach id: String, target: String, kind: String, date: Day?) throws -> Accountability
    func addAccountability(follows id: String, targetKind: AccountabilityTarget, official: String?, post: String?, target: String?, kind: String, date: Day?) throws -> Accountability
    func accountability(_ f: ListFilter, breach: String?) throws -> [Accountability]
    func addCalendarOverride(_ o: CalendarOverride) throws
    func removeCalendarOverride(_ date: Day) throws
    func loadCalendarYear(text: String, source: String) throws -> CalendarYear
    func configGeneration() throws -> Int
    func calendarOverrides() throws -> [CalendarOverride]
    func addCommitment(_ draft: CommitmentDraft) throws -> Commitment
    func commitment(_ id: String) throws -> Commitment
    func commitments(_ f: ListFilter) throws -> [Commitment]
    func commitmentCount(_ f: ListFilter) throws -> Int
    func commitmentEntries(_ id: String) throws -> [CommitmentEntry]
    func amendments(_ id: String) throws -> [Amendment]
    func recordProgress(_ id: String, percent: Int, status: CommitmentStatus?, note: String?, date: Day?) throws -> Commitment
    func fulfill(_ id: String, date: Day?, note: String?) throws -> Commitment
    func addFeedback(_ id: String, text: String, date: Day?) throws -> CommitmentEntry
    func amend(_ id: String, deadline: Day?, content: String?, reason: String, legalBasis: String, approver: String, date: Day?) throws -> (Commitment, Amendment)
    func addComplaint(_ draft: ComplaintDraft) throws -> Complaint
    func complaint(_ id: String) throws -> Complaint
    func complaints(_ f: ListFilter) throws -> [Complaint]
    func complaintCount(_ f: ListFilter) throws -> Int
    func accept(_ id: String, at: DateTime?) throws -> Complaint
    func resolve(_ id: String, result: String, at: DateTime?) throws -> Complaint
    func respond(_ id: String, text: String, at: DateTime?) throws -> Complaint
    func extend(_ id: String, days: Int, reason: String, at: DateTime?) throws -> Complaint
    func returnComplaint(_ id: String, to department: String, reason: String, at: DateTime?) throws -> Complaint
    func followup(_ id: String, satisfied: Bool, note: String?, at: DateTime?) throws -> Complaint
    func verify(_ id: String, breach: Bool, finding: String, category: Int?, at: DateTime?) throws -> (Complaint, Breach?)
    func addDepartment(code: String, name: String, kind: DepartmentKind) throws -> Department
    func renameDepartment(code: String, name: String, date: Day?) throws -> Department
    func setContact(code: String, phone: String?, email: String?) throws -> Department
    func setLetter(code: String, text: String?) throws -> Department
    func mergeDepartment(from: String, into: String, date: Day?) throws -> Department
    func departments(includeInactive: Bool, kind: DepartmentKind?) throws -> [Department]
    func unitCode(_ typed: String, asRecord: Bool) throws -> String
    func department(_ code: String) throws -> Department
    func departmentEvents(_ code: String) throws -> [DepartmentEvent]
    func predecessors(of code: String) throws -> [Department]
    func saveDraft(kind: String, data: String) throws
    func draft(kind: String) throws -> Draft?
    func deleteDraft(kind: String) throws
    func escalate(_ record: String, to recipient: String, date: Day?, note: String?) throws -> Escalation
    func escalations(_ f: ListFilter, record: String?) throws -> [Escalation]
    func eachComplaint(_ f: ListFilter, _ body: (Complaint) throws -> Void) throws
    func eachCommitment(_ f: ListFilter, _ body: (Commitment) throws -> Void) throws
    func importDepartments(_ rows: [(Int, Department)], source: String) throws -> ImportResult
    func importCommitments(_ rows: [(Int, Commitment)], source: String) throws -> ImportResult
    func importComplaints(_ rows: [(Int, Complaint)], source: String) throws -> ImportResult
    func backup(to path: String) throws
    func addOpinion(department: String, title: String, source: String, severity: Severity, date: Day?) throws -> OpinionEvent
    func handleOpinion(_ id: String, date: Day?, note: String?) throws -> OpinionEvent
    func opinions(_ f: ListFilter) throws -> [OpinionEvent]
    func openCommitments(_ q: PaneQuery, offset: Int, limit: Int) throws -> Window<Commitment>
    func openComplaints(_ q: PaneQuery, offset: Int, limit: Int) throws -> Window<Complaint>
    func openCommitments(search: String?, offset: Int, limit: Int) throws -> Window<Commitment>
    func openComplaints(search: String?, offset: Int, limit: Int) throws -> Window<Complaint>
    func openComplaintPosition(_ id: String) throws -> Int?
    func openCommitmentPosition(_ id: String) throws -> Int?
    func departmentNames() throws -> [String: String]
    func applyRules(_ new: Rules, source: String) throws -> Int
    func scoreFacts(period p: Period, today: Day, codes: [String], repairFrom: Day?) throws -> ScoreFacts
    func scores(periods: [Period], today: Day) throws -> [[String: DepartmentScore]]
    func ranking(period: Period, today: Day) throws -> [RankedScore]
    func scores(of code: String, periods: [Period], today: Day) throws -> [DepartmentScore]
    func onTimeRate(of code: String, period p: Period, today: Day) throws -> OnTimeRate
    func search(_ text: String, limit: Int, lang: Lang) throws -> [SearchHit]
    func summary() throws -> Summary
    func addInspection(name: String, from: Day, to: Day, departments: [String]?, inspectors: String) throws -> InspectionRound
    func inspections(openOn day: Day?) throws -> [InspectionRound]
    func inspection(_ id: String) throws -> InspectionRound
    func addFinding(round id: String, department: String, issue: String, basis: String, severity: Severity, date: Day?, order: (deadline: Day, measures: String)?) throws -> (Finding, Rectification?)
    func findings(_ f: ListFilter, round: String?) throws -> [Finding]
    func finding(_ id: String) throws -> Finding
    func addRectification(finding id: String, unit: String?, measures: String, deadline: Day, ordered: Day?) throws -> Rectification
    func tallyCheck() throws -> (differences: [TallyDifference], missingTriggers: [String])
    func rebuildTallies() throws -> Int
    func accounts() throws -> [Account]
    func addAccount(_ account: String, name: String, role: AccountRole, department: String?) throws -> Account
    func setRole(_ account: String, role: AccountRole, department: String?) throws -> Account
    func disableAccount(_ account: String) throws -> Account
}

/// The common short forms of the calls (a protocol's requirements take no default arguments).
extension Ledger {
    public func alerts(today: Day? = nil) throws -> [Alert] { try alerts(today: today, departments: nil) }
    public func alertPage(limit: Int) throws -> AlertPage { try alertPage(today: nil, limit: limit) }
    public func alertInputs(today: Day) throws -> AlertInputs { try alertInputs(today: today, departments: nil) }
    public func auditEntries(entity: String? = nil, id: String? = nil) throws -> [AuditEntry] { try auditEntries(entity: entity, id: id, limit: nil) }
    public func verifyAudit(anchor: AuditChain.Anchor? = nil) throws -> AuditChain.Report { try verifyAudit(anchor: anchor, progress: nil) }
    public func recordReveal(entity: String, id: String, field: String) throws { try recordReveal(entity: entity, id: id, field: field, count: 1) }
    public func addRectification(breach id: String, unit: String, measures: String, deadline: Day) throws -> Rectification {
        try addRectification(breach: id, unit: unit, measures: measures, deadline: deadline, ordered: nil)
    }
    public func addRectification(finding id: String, unit: String?, measures: String, deadline: Day) throws -> Rectification {
        try addRectification(finding: id, unit: unit, measures: measures, deadline: deadline, ordered: nil)
    }
    public func rectifications(_ f: ListFilter) throws -> [Rectification] { try rectifications(f, breach: nil) }
    public func accountability(_ f: ListFilter) throws -> [Accountability] { try accountability(f, breach: nil) }
    public func recordProgress(_ id: String, percent: Int, status: CommitmentStatus?, note: String?) throws -> Commitment {
        try recordProgress(id, percent: percent, status: status, note: note, date: nil)
    }
    public func addFeedback(_ id: String, text: String) throws -> CommitmentEntry { try addFeedback(id, text: text, date: nil) }
    public func amend(_ id: String, deadline: Day?, content: String?, reason: String, legalBasis: String, approver: String) throws -> (Commitment, Amendment) {
        try amend(id, deadline: deadline, content: content, reason: reason, legalBasis: legalBasis, approver: approver, date: nil)
    }
    public func extend(_ id: String, days: Int, reason: String) throws -> Complaint { try extend(id, days: days, reason: reason, at: nil) }
    public func followup(_ id: String, satisfied: Bool, note: String?) throws -> Complaint { try followup(id, satisfied: satisfied, note: note, at: nil) }
    public func verify(_ id: String, breach: Bool, finding: String, category: Int?) throws -> (Complaint, Breach?) {
        try verify(id, breach: breach, finding: finding, category: category, at: nil)
    }
    public func departments(includeInactive: Bool = true) throws -> [Department] { try departments(includeInactive: includeInactive, kind: nil) }
    public func departments(kind: DepartmentKind?) throws -> [Department] { try departments(includeInactive: true, kind: kind) }
    public func unitCode(_ typed: String) throws -> String { try unitCode(typed, asRecord: false) }
    public func escalations(_ f: ListFilter) throws -> [Escalation] { try escalations(f, record: nil) }
    public func scoreFacts(period p: Period, today: Day, codes: [String]) throws -> ScoreFacts {
        try scoreFacts(period: p, today: today, codes: codes, repairFrom: nil)
    }
    public func search(_ text: String, limit: Int = 20) throws -> [SearchHit] { try search(text, limit: limit, lang: .zh) }
    public func search(_ text: String, lang: Lang) throws -> [SearchHit] { try search(text, limit: 20, lang: lang) }
    public func inspections() throws -> [InspectionRound] { try inspections(openOn: nil) }
    public func findings(_ f: ListFilter) throws -> [Finding] { try findings(f, round: nil) }
}
