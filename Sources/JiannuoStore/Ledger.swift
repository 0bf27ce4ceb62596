import Foundation
import JiannuoCore

/// Which engine keeps a ledger: what is checked of a file (its permissions) is not asked of a database server.
public enum EngineKind: String, Sendable { case sqlite = "SQLite", postgres = "PostgreSQL" }

/// A county's ledger, as the command line and the dashboard see it: its records and the office's daily
/// work on them. Two engines keep one (`SQLiteLedger`, a file; `PostgresLedger`, a county's schema in a
/// city database); each requirement is written once for both, in the folder of its concept
/// (`Complaints/`, `Alerts/` …), over what an engine gives (`Engine/LedgerEngine.swift`).
public protocol Ledger: AnyObject, Sendable {
    /// Where the ledger is: a file path, or the database and schema for PostgreSQL (for messages).
    var path: String { get }
    var readOnly: Bool { get }
    var clock: Clock { get }
    /// The system account running the process: the actor of every audit row.
    var operatorName: String { get }
    /// What the ledger lets that account do, as it was when the ledger opened.
    var actor: Actor { get }
    var rules: Rules { get }
    /// The working-day calendar as it was when the ledger opened.
    var calendar: WorkCalendar { get }
    var engine: EngineKind { get }
    /// A short name for the dashboard's header: the file's name, or the county in the city database.
    var name: String { get }
    /// Where the dashboard puts the files it exports.
    var exportDirectory: URL { get }
    /// Changes whenever another connection commits a change: the dashboard redraws on it.
    func dataVersion() throws -> Int
    /// Folds committed writes into the ledger's own file without waiting for anyone (SQLite's passive
    /// checkpoint), for a dashboard left open, which would otherwise keep them in the `-wal` only; nothing
    /// on PostgreSQL. False when it cannot (a ledger the user may only read).
    func checkpointWhenIdle() -> Bool
    /// A descriptor that becomes readable when a write may have been announced (PostgreSQL's socket,
    /// once `dataVersion` listens), for the dashboard to wait on beside the keyboard; nil where the
    /// engine announces nothing (SQLite: `dataVersion` is looked at on a short tick).
    var changeDescriptor: Int32? { get }
    /// Moves with every change of the calendar or the rules in force: a ledger reads them once, at open.
    func configGeneration() throws -> Int

    // Units (Units/)
    func departments(includeInactive: Bool, kind: DepartmentKind?) throws -> [Department]
    func unitCode(_ typed: String, asRecord: Bool) throws -> String
    func department(_ code: String) throws -> Department
    func departmentEvents(_ code: String) throws -> [DepartmentEvent]
    func predecessors(of code: String) throws -> [Department]
    func departmentNames() throws -> [String: String]

    // Complaints (Complaints/)
    func addComplaint(_ draft: ComplaintDraft) throws -> Complaint
    func complaint(_ id: String) throws -> Complaint
    func complaints(_ f: ListFilter) throws -> [Complaint]
    func complaintCount(_ f: ListFilter) throws -> Int
    func eachComplaint(_ f: ListFilter, _ body: (Complaint) throws -> Void) throws
    func accept(_ id: String, at: DateTime?) throws -> Complaint
    func resolve(_ id: String, result: String, at: DateTime?) throws -> Complaint
    func respond(_ id: String, text: String, at: DateTime?) throws -> Complaint
    func extend(_ id: String, days: Int, reason: String, at: DateTime?) throws -> Complaint
    func returnComplaint(_ id: String, to department: String, reason: String, at: DateTime?) throws -> Complaint
    func followup(_ id: String, satisfied: Bool, note: String?, at: DateTime?) throws -> Complaint
    func verify(_ id: String, breach: Bool, finding: String, category: Int?, at: DateTime?) throws -> (Complaint, Breach?)
    /// A complaint's earlier rounds (closed by a dissatisfied follow-up) and its steps' claims.
    func complaintHistory(_ id: String) throws -> ComplaintHistory

    // Commitments (Commitments/)
    func addCommitment(_ draft: CommitmentDraft) throws -> Commitment
    func commitment(_ id: String) throws -> Commitment
    func commitments(_ f: ListFilter) throws -> [Commitment]
    func commitmentCount(_ f: ListFilter) throws -> Int
    func eachCommitment(_ f: ListFilter, _ body: (Commitment) throws -> Void) throws
    func commitmentEntries(_ id: String) throws -> [CommitmentEntry]
    func amendments(_ id: String) throws -> [Amendment]
    func recordProgress(_ id: String, percent: Int, status: CommitmentStatus?, note: String?, date: Day?) throws -> Commitment
    func fulfill(_ id: String, date: Day?, note: String?) throws -> Commitment
    func addFeedback(_ id: String, text: String, date: Day?) throws -> CommitmentEntry
    func amend(_ id: String, deadline: Day?, content: String?, reason: String, legalBasis: String, approver: String, date: Day?) throws -> (Commitment, Amendment)

    // Evidence files (Attachments/)
    func attach(to record: String, name: String, data: Data, note: String?) throws -> Attachment
    func attachments(record: String?) throws -> [Attachment]
    func attachmentContent(_ id: String) throws -> (Attachment, Data)

    // Claims about earlier days, and the office's word on them (Claims/)
    func pendingClaims() throws -> [PendingClaim]
    func confirmClaim(_ event: String, evidence: String) throws -> ClaimDecision
    func rejectClaim(_ event: String, reason: String) throws -> ClaimDecision

    // Breaches and what follows them (Breaches/)
    func breaches(_ f: ListFilter) throws -> [Breach]
    func breach(_ id: String) throws -> Breach
    /// Reported to the county leadership: the same escalation `escalate` records, listed with the others.
    func reportBreach(_ id: String, date: Day?, note: String?) throws -> Breach
    func addRectification(breach id: String, unit: String, measures: String, deadline: Day, ordered: Day?) throws -> Rectification
    func completeRectification(_ id: String, date: Day?) throws -> Rectification
    func rectifications(_ f: ListFilter, breach: String?) throws -> [Rectification]
    /// A record's completions as recorded (`DatedClaim`: a rectification done, an opinion handled).
    func datedClaims(_ record: String) throws -> [DatedClaim]
    func addAccountability(follows id: String, targetKind: AccountabilityTarget, official: String?, post: String?, target: String?, kind: String, date: Day?) throws -> Accountability
    func accountability(_ f: ListFilter, breach: String?) throws -> [Accountability]

    // Supervision: rounds, findings, escalations, opinion events (Supervision/)
    func addInspection(name: String, from: Day, to: Day, departments: [String]?, inspectors: String) throws -> InspectionRound
    func inspections(openOn day: Day?) throws -> [InspectionRound]
    func inspection(_ id: String) throws -> InspectionRound
    func addFinding(round id: String, department: String, issue: String, basis: String, severity: Severity, date: Day?, order: (deadline: Day, measures: String)?) throws -> (Finding, Rectification?)
    func findings(_ f: ListFilter, round: String?) throws -> [Finding]
    func finding(_ id: String) throws -> Finding
    func addRectification(finding id: String, unit: String?, measures: String, deadline: Day, ordered: Day?) throws -> Rectification
    func escalate(_ record: String, to recipient: String, date: Day?, note: String?) throws -> Escalation
    func escalations(_ f: ListFilter, record: String?) throws -> [Escalation]
    func addOpinion(department: String, title: String, source: String, severity: Severity, date: Day?) throws -> OpinionEvent
    func handleOpinion(_ id: String, date: Day?, note: String?) throws -> OpinionEvent
    func opinions(_ f: ListFilter) throws -> [OpinionEvent]

    // Difficulty reports a unit files and the office answers (Difficulties/)
    func fileDifficulty(record: String, text: String, asks: String?) throws -> DifficultyReport
    /// `text`: the office's answer; `refer`: a leader puts it before the county leadership.
    func answerDifficulty(_ id: String, text: String?, refer: Bool) throws -> DifficultyReport
    func difficulties(_ f: ListFilter, record: String?) throws -> [DifficultyReport]
    func difficulty(_ id: String) throws -> DifficultyReport

    // Supervision letters the office issues and units reply to (Letters/)
    func issueLetter(to unit: String) throws -> SupervisionLetter
    func issueLetters() throws -> [SupervisionLetter]
    func replyToLetter(_ id: String, text: String) throws -> SupervisionLetter
    func letters(_ f: ListFilter) throws -> [SupervisionLetter]
    func letter(_ id: String) throws -> SupervisionLetter

    // A whole ledger out and into a new one (Transfer/)
    func exportAll() throws -> (tables: [LedgerTable], anchor: String?)
    func importAll(_ tables: [LedgerTable], source: String, sourceAnchor: String?) throws -> TransferResult

    // Bulletins as issued (Bulletins/)
    func issueBulletin(period: String, asKnown: Day, _ render: (String) throws -> String) throws -> IssuedBulletin
    func bulletins() throws -> [IssuedBulletin]
    func bulletin(_ id: String) throws -> IssuedBulletin

    // The dashboard's panes, alerts and search (Panes/, Alerts/, Search/)
    func openCommitments(_ q: PaneQuery, offset: Int, limit: Int) throws -> Window<Commitment>
    func openComplaints(_ q: PaneQuery, offset: Int, limit: Int) throws -> Window<Complaint>
    func openComplaintPosition(_ id: String) throws -> Int?
    func openCommitmentPosition(_ id: String) throws -> Int?
    func alerts(today: Day?, departments: [String]?) throws -> [Alert]
    /// The alerts as they stood at the end of a day, from what the ledger knew then (not for a liaison).
    func alerts(asKnown: AsKnown) throws -> [Alert]
    func alertPage(today: Day?, limit: Int) throws -> AlertPage
    func search(_ text: String, limit: Int, lang: Lang) throws -> [SearchHit]
    func summary() throws -> Summary

    // Scores (Scores/)
    // `asKnown`: what the ledger knew at the end of that day (events recorded later left out, claims
    // confirmed later still pending); nil: today's corrected view.
    func scores(periods: [Period], today: Day, asKnown: AsKnown?) throws -> [[String: DepartmentScore]]
    func ranking(period: Period, today: Day, asKnown: AsKnown?) throws -> [RankedScore]
    func scores(of code: String, periods: [Period], today: Day, asKnown: AsKnown?) throws -> [DepartmentScore]
    func onTimeRate(of code: String, period p: Period, today: Day) throws -> OnTimeRate
    func profile(of code: String, period: Period, today: Day, asKnown: AsKnown?) throws -> DepartmentProfile
    func profiles(period: Period, today: Day, asKnown: AsKnown?) throws -> [DepartmentProfile]

    // The calendar (Calendar/)
    func calendarOverrides() throws -> [CalendarOverride]

    // The audit log (Audit/)
    func auditEntries(entity: String?, id: String?, limit: Int?) throws -> [AuditEntry]
    func auditAnchor() throws -> (anchor: AuditChain.Anchor, at: String)?
    /// Records that an officer looked at personal data; `count`: how many records an export revealed at once.
    func recordReveal(entity: String, id: String, field: String, count: Int) throws

    // Forms being typed (the engine's own: files beside a ledger file, the officer's rows in a database)
    func saveDraft(kind: String, data: String) throws
    func draft(kind: String) throws -> Draft?
    func deleteDraft(kind: String) throws
}

/// What administrators do to a ledger, on either engine: units, accounts, the calendar and rules in
/// force, imports, and the checks `doctor` and `audit verify` run.
public protocol LedgerAdministration: Ledger {
    func addDepartment(code: String, name: String, kind: DepartmentKind) throws -> Department
    func renameDepartment(code: String, name: String, date: Day?) throws -> Department
    func setContact(code: String, phone: String?, email: String?) throws -> Department
    func setLetter(code: String, text: String?) throws -> Department
    func mergeDepartment(from: String, into: String, date: Day?) throws -> Department

    func accounts() throws -> [Account]
    func addAccount(_ account: String, name: String, role: AccountRole, department: String?) throws -> Account
    func setRole(_ account: String, role: AccountRole, department: String?) throws -> Account
    func disableAccount(_ account: String) throws -> Account

    func addCalendarOverride(_ o: CalendarOverride) throws
    func removeCalendarOverride(_ date: Day) throws
    func loadCalendarYear(text: String, source: String) throws -> CalendarYear
    func applyRules(_ new: Rules, source: String) throws -> Int
    /// The office's time zone (an IANA name): what "now" and "today" are for every officer, whatever their `TZ`.
    func setOfficeZone(_ name: String) throws

    /// `dryRun`: every check, references included, and the counts; nothing is written.
    /// `skipBad`: a row a check refuses is left out and reported (`bad`) instead of refusing the file.
    func importDepartments(_ rows: [(Int, Department)], source: String, dryRun: Bool, skipBad: Bool) throws -> ImportResult
    func importCommitments(_ rows: [(Int, Commitment)], source: String, dryRun: Bool, skipBad: Bool) throws -> ImportResult
    func importComplaints(_ rows: [(Int, Complaint)], source: String, dryRun: Bool, skipBad: Bool) throws -> ImportResult
    func importWorkOrders(_ rows: [(Int, PlatformOrder)], source: String, dryRun: Bool, skipBad: Bool) throws -> PlatformImportResult

    func verifyAudit(anchor: AuditChain.Anchor?, progress: ((String) -> Void)?) throws -> AuditChain.Report
    /// The engine's own check of its storage (SQLite's quick_check; PostgreSQL's policies and grants).
    func engineCheck() throws -> [String]
    /// Every kept count compared with a recomputation from the records, and the triggers missing that keep them.
    func keptCountsCheck() throws -> (differences: [KeptCountDifference], missingTriggers: [String])
    /// Recomputes every kept count and puts back missing triggers (audited); returns how many differed.
    func rebuildKeptCounts() throws -> Int
}

/// What only a ledger file does: a consistent copy while officers work, and demo data made in place.
/// (A city database is backed up with `pg_dump`; its demo county is made in a file, then migrated.)
public protocol LedgerFile: LedgerAdministration {
    func backup(to path: String) throws
    func generateDemo(size: DemoSize, seed: UInt64) throws -> DemoCounts
}

extension LedgerAdministration {
    public func importDepartments(_ rows: [(Int, Department)], source: String) throws -> ImportResult { try importDepartments(rows, source: source, dryRun: false, skipBad: false) }
    public func importCommitments(_ rows: [(Int, Commitment)], source: String) throws -> ImportResult { try importCommitments(rows, source: source, dryRun: false, skipBad: false) }
    public func importComplaints(_ rows: [(Int, Complaint)], source: String) throws -> ImportResult { try importComplaints(rows, source: source, dryRun: false, skipBad: false) }
}

/// The common short forms of the calls (a protocol's requirements take no default arguments).
extension Ledger {
    public func alerts(today: Day? = nil) throws -> [Alert] { try alerts(today: today, departments: nil) }
    public func alertPage(limit: Int) throws -> AlertPage { try alertPage(today: nil, limit: limit) }
    public func recordReveal(entity: String, id: String, field: String) throws { try recordReveal(entity: entity, id: id, field: field, count: 1) }
    public func auditEntries(entity: String? = nil, id: String? = nil) throws -> [AuditEntry] { try auditEntries(entity: entity, id: id, limit: nil) }
    public func addRectification(breach id: String, unit: String, measures: String, deadline: Day) throws -> Rectification {
        try addRectification(breach: id, unit: unit, measures: measures, deadline: deadline, ordered: nil)
    }
    public func addRectification(finding id: String, unit: String?, measures: String, deadline: Day) throws -> Rectification {
        try addRectification(finding: id, unit: unit, measures: measures, deadline: deadline, ordered: nil)
    }
    /// The old form: against the breach's unit, the target as typed.
    public func addAccountability(breach id: String, target: String, kind: String, date: Day?) throws -> Accountability {
        try addAccountability(follows: id, targetKind: .unit, official: nil, post: nil, target: target, kind: kind, date: date)
    }
    public func reportBreach(_ id: String, date: Day?) throws -> Breach { try reportBreach(id, date: date, note: nil) }
    public func scores(periods: [Period], today: Day) throws -> [[String: DepartmentScore]] { try scores(periods: periods, today: today, asKnown: nil) }
    public func ranking(period: Period, today: Day) throws -> [RankedScore] { try ranking(period: period, today: today, asKnown: nil) }
    public func scores(of code: String, periods: [Period], today: Day) throws -> [DepartmentScore] {
        try scores(of: code, periods: periods, today: today, asKnown: nil)
    }
    public func profile(of code: String, period: Period, today: Day) throws -> DepartmentProfile {
        try profile(of: code, period: period, today: today, asKnown: nil)
    }
    public func profiles(period: Period, today: Day) throws -> [DepartmentProfile] { try profiles(period: period, today: today, asKnown: nil) }
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
    public func search(_ text: String, limit: Int = 20) throws -> [SearchHit] { try search(text, limit: limit, lang: .zh) }
    public func search(_ text: String, lang: Lang) throws -> [SearchHit] { try search(text, limit: 20, lang: lang) }
    public func inspections() throws -> [InspectionRound] { try inspections(openOn: nil) }
    public func findings(_ f: ListFilter) throws -> [Finding] { try findings(f, round: nil) }
}

extension LedgerAdministration {
    public func verifyAudit(anchor: AuditChain.Anchor? = nil) throws -> AuditChain.Report { try verifyAudit(anchor: anchor, progress: nil) }
}
