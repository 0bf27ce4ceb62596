/// A date typed today about the past is a claim (补录), not a fact. Within the grace window, or typed by
/// the office itself on the day, it counts on its claimed date; older, or from a unit's own liaison, it
/// waits for the office to confirm it (待核实) and until then counts on the day it was recorded.
public enum ClaimState: String, Codable, Sendable, CaseIterable {
    case pending, confirmed, rejected

    public var label: Text {
        switch self {
        case .pending: Text("待核实补录", "pending confirmation")
        case .confirmed: Text("经核实", "confirmed")
        case .rejected: Text("核实未采信", "rejected")
        }
    }
}

public enum ClaimPolicy {
    /// Whether an event claimed for `claimed` and recorded on `recorded` waits for confirmation: a claim
    /// about an earlier day by a unit's liaison always does (the unit would vouch for itself); anyone
    /// else's does when more than `graceWorkdays` working days lie after the claimed day up to the recording.
    /// Whose every claim about an earlier day waits for the office: a unit's own liaison. An engine that
    /// can (PostgreSQL) holds such a role to it, so that in `psql` it cannot date its own step in the past.
    public static func alwaysWaits(_ role: AccountRole?) -> Bool { role == .liaison }

    public static func isPending(claimed: Day, recorded: Day, role: AccountRole?, graceWorkdays: Int, calendar: WorkCalendar) -> Bool {
        guard claimed < recorded else { return false }
        if alwaysWaits(role) { return true }
        return calendar.workdays(from: claimed.adding(days: 1), to: recorded) > graceWorkdays
    }
}

/// An event that waits for the office to confirm the day it claims (`jiannuo pending`).
public struct PendingClaim: Codable, Sendable, Equatable {
    public var event: String
    public var record: String
    public var department: String
    /// `progress`, `fulfill`, `feedback` (a commitment's entry), `amend`, or a complaint's step
    /// (`accept`, `resolve`, `respond`, `extend`, `return`).
    public var kind: String
    public var claimed: Day
    /// The day it counts on until confirmed: the day it was recorded.
    public var counts: Day
    public var recordedAt: DateTime?
    /// What the event says, in Chinese (`summary`) and English (`summary_en`).
    public var summary: String
    public var summaryEn: String

    public init(event: String, record: String, department: String, kind: String, claimed: Day, counts: Day, recordedAt: DateTime?, summary: Text) {
        self.event = event; self.record = record; self.department = department; self.kind = kind
        self.claimed = claimed; self.counts = counts; self.recordedAt = recordedAt; self.summary = summary.zh; self.summaryEn = summary.en
    }

    public func summary(_ lang: Lang) -> String { lang == .zh ? summary : summaryEn }

    enum CodingKeys: String, CodingKey {
        case event, record, department, kind, claimed, counts, recordedAt = "recorded_at", summary, summaryEn = "summary_en"
    }
}

/// When an event was recorded and, if it claims an earlier day, how that claim stands: kept on the
/// event's own row (a progress entry, an amendment) beside the day it counts on (`date`).
public struct EventRecording: Codable, Sendable, Hashable {
    /// The day the user typed, when the event waits or waited for confirmation (nil: it counts as typed).
    public var claimed: Day?
    /// The real moment the event was written (nil for events recorded before schema v13).
    public var recordedAt: DateTime?
    public var claim: ClaimState?
    /// Who confirmed or rejected it, when, and the evidence cited or the reason given.
    public var decidedBy: String?
    public var decidedAt: DateTime?
    public var decision: String?

    public init(claimed: Day? = nil, recordedAt: DateTime? = nil, claim: ClaimState? = nil) {
        self.claimed = claimed; self.recordedAt = recordedAt; self.claim = claim
    }

    enum CodingKeys: String, CodingKey {
        case claimed, recordedAt = "recorded_at", claim, decidedBy = "decided_by", decidedAt = "decided_at", decision
    }

    /// The same keys as the event's own: one flat row, one flat JSON object.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        claimed = try c.decodeIfPresent(Day.self, forKey: .claimed)
        recordedAt = try c.decodeIfPresent(DateTime.self, forKey: .recordedAt)
        claim = try c.decodeIfPresent(ClaimState.self, forKey: .claim)
        decidedBy = try c.decodeIfPresent(String.self, forKey: .decidedBy)
        decidedAt = try c.decodeIfPresent(DateTime.self, forKey: .decidedAt)
        decision = try c.decodeIfPresent(String.self, forKey: .decision)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(claimed, forKey: .claimed)
        try c.encodeIfPresent(recordedAt, forKey: .recordedAt)
        try c.encodeIfPresent(claim, forKey: .claim)
        try c.encodeIfPresent(decidedBy, forKey: .decidedBy)
        try c.encodeIfPresent(decidedAt, forKey: .decidedAt)
        try c.encodeIfPresent(decision, forKey: .decision)
    }

    /// The day the event says it happened: the claim, else the day it counts on.
    public func claimedDay(counting date: Day) -> Day { claimed ?? date }

    /// Whether the event counts from its recording rather than from what it claims: while its claim
    /// waits, and for good once rejected.
    public var countsAsRecorded: Bool { claim == .pending || claim == .rejected }
}

/// How an event on a record is named for `jiannuo confirm`: `JL-12` a commitment's entry (progress,
/// fulfilment, feedback), `BG-3` an amendment, `HJ-5` a complaint's step (环节), `BL-2` a record's
/// completion (a rectification done, an opinion handled). The one place these prefixes are written.
public enum EventRef: Hashable, Sendable {
    case entry(Int64), amendment(Int64), step(Int64), dated(Int64)

    public init?(_ text: String) {
        let t = text.uppercased()
        guard t.count > 3, let n = Int64(t.dropFirst(3)), n > 0 else { return nil }
        switch t.prefix(3) {
        case "JL-": self = .entry(n)
        case "BG-": self = .amendment(n)
        case "HJ-": self = .step(n)
        case "BL-": self = .dated(n)
        default: return nil
        }
    }

    public var id: String {
        switch self {
        case .entry(let n): "JL-\(n)"
        case .amendment(let n): "BG-\(n)"
        case .step(let n): "HJ-\(n)"
        case .dated(let n): "BL-\(n)"
        }
    }

    /// The table the event is a row of.
    public var table: String {
        switch self {
        case .entry: "commitment_entries"
        case .amendment: "amendments"
        case .step: "complaint_steps"
        case .dated: "dated_claims"
        }
    }

    public var rowId: Int64 {
        switch self {
        case .entry(let n), .amendment(let n), .step(let n), .dated(let n): n
        }
    }
}

/// A record's completion typed as a day (a rectification done, an opinion event handled), kept with the
/// moment it was recorded (`BL-n`): within the grace window it counts as typed; older, or typed by the
/// unit's liaison about an earlier day, the record holds the day of recording until confirmed.
public struct DatedClaim: Codable, Sendable, Hashable {
    /// The field of the record the day is written to, one per kind of record.
    public enum Field: String, Codable, Sendable, CaseIterable {
        case rectificationDone = "completed_on", opinionHandled = "handled_on"

        public var kind: RecordKind {
            switch self {
            case .rectificationDone: .rectification
            case .opinionHandled: .opinion
            }
        }

        public var word: Text {
            switch self {
            case .rectificationDone: Text("整改完成", "rectification done")
            case .opinionHandled: Text("舆情处置", "opinion handled")
            }
        }
    }

    public var id: Int64?
    public var record: String
    public var field: Field
    /// The day typed (the claim's own `recording.claimed` is set only while it waits or waited).
    public var day: Day
    public var recording: EventRecording

    public init(id: Int64? = nil, record: String, field: Field, day: Day, recording: EventRecording) {
        self.id = id; self.record = record; self.field = field; self.day = day; self.recording = recording
    }

    enum CodingKeys: String, CodingKey { case id, record, field, day }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decodeIfPresent(Int64.self, forKey: .id)
        record = try c.decode(String.self, forKey: .record)
        field = try c.decode(Field.self, forKey: .field)
        day = try c.decode(Day.self, forKey: .day)
        recording = try EventRecording(from: decoder)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(id, forKey: .id)
        try c.encode(record, forKey: .record)
        try c.encode(field, forKey: .field)
        try c.encode(day, forKey: .day)
        try recording.encode(to: encoder)
    }

    public var ref: EventRef? { id.map(EventRef.dated) }

    /// The day it counts on: the recording's while pending or after a rejection, else the day typed.
    public var counts: Day { recording.countsAsRecorded ? recording.recordedAt?.day ?? day : day }
}
