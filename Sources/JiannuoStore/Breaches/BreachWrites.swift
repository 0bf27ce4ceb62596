import GRDB
import JiannuoCore

extension LedgerEngine {
    /// A breach reported up is an escalation like any other (`escalations list` shows it, the breach's
    /// history too); the breach keeps the day it was reported.
    public func reportBreach(_ id: String, date: Day?, note: String?) throws -> Breach {
        try authorize(.breachReport)
        let day = try eventDay(date, Field("上报日期", "report date"))
        let note = try Validate.optionalText(note, Field("说明", "note"), max: 500, multiline: true)
        return try transaction { w, audit in
            _ = try requireBreach(w, id)
            _ = try recordEscalation(w, audit, id, to: Escalation.recipients[0], on: day, note: note)
            return try requireBreach(w, id)
        }
    }

    /// `ordered`: the day rectification was ordered (today unless given); the deadline is checked against it.
    public func addRectification(breach id: String, unit: String, measures: String, deadline: Day, ordered: Day?) throws -> Rectification {
        try authorize(.rectificationAdd)
        let day = try eventDay(ordered, Field("下达整改日期", "date ordered"))
        return try transaction { w, audit in
            let b = try requireBreach(w, id)
            _ = try w.requireDepartment(unit)
            return try insertNew(.rectification, on: day, w, audit) {
                try Rectification.validated(id: $0, breach: b, unit: unit, measures: measures, opened: day, deadline: deadline)
            }
        }
    }

    public func completeRectification(_ id: String, date: Day?) throws -> Rectification {
        try dated(.rectificationDone, id, date, Field("整改完成日期", "completion date"), action: "rectification.done", entity: "rectification",
                  claim: .rectificationDone, requireRectification) { try $0.done(on: $1) }
    }

    /// `follows`: a breach (SX-), a complaint handled in violation of the rules (TS-, no breach needed)
    /// or an inspection finding (FX-); the unit is that record's.
    public func addAccountability(follows id: String, targetKind: AccountabilityTarget, official: String?, post: String?,
                           target: String?, kind: String, date: Day?) throws -> Accountability {
        try authorize(.accountabilityAdd)
        let day = try eventDay(date, Field("问责日期", "accountability date"))
        return try transaction { w, audit in
            var link: (breach: String?, complaint: String?, finding: String?) = (nil, nil, nil)
            let unit: String, since: Day
            switch RecordKind(id) {
            case .breach: let b = try requireBreach(w, id); unit = b.department; since = b.date; link.breach = id
            case .complaint: let c = try requireComplaint(w, id); unit = c.department; since = c.received.day; link.complaint = id
            case .finding: let f = try requireFinding(w, id); unit = f.department; since = f.date; link.finding = id
            default:
                throw JiannuoError.invalid("问责须依据失信记录（\(RecordKind.breach.marker)）、投诉（\(RecordKind.complaint.marker)）或检查发现的问题（\(RecordKind.finding.marker)）：收到“\(Sanitize.visible(String(id.prefix(30))))”",
                                           "accountability follows a breach (\(RecordKind.breach.marker)), a complaint (\(RecordKind.complaint.marker)) or a finding (\(RecordKind.finding.marker))")
            }
            let units = try w.departmentMap()
            let current = Lineage.current(unit, in: units)
            let aid = try w.nextId(.accountability, year: day.year)
            var a = try Accountability.validated(id: aid, draft: .init(follows: (id, since), unit: current, targetKind: targetKind,
                                                                       official: official, post: post, target: target, kind: kind),
                                                 unitName: units[current]?.name ?? current, date: day)
            a.breach = link.breach; a.complaint = link.complaint; a.finding = link.finding
            try w.insert(a)
            try audit.record("accountability.add", entity: "accountability", id: aid, after: a, claimed: day.string)
            return a
        }
    }

    /// One step of a record on a day (today unless given), Core's `step` deciding what it becomes.
    /// A record's completion on a day (`claim`): checked on the day typed, kept with its recording
    /// (`DatedClaim`), and counted from the recording while the claim waits for confirmation.
    func dated<R: PersistableRecord & Encodable>(_ p: Permission, _ id: String, _ date: Day?, _ field: Field, action: String, entity: String,
                                                         claim: DatedClaim.Field,
                                                         _ require: (Writer, String) throws -> R, _ step: (R, Day) throws -> R) throws -> R {
        try authorize(p)
        let e = try datedEvent(date, field)
        return try transaction { w, audit in
            let before = try require(w, id)
            var after = try step(before, e.claimed)
            if e.recording.claim == .pending { after = try step(before, e.effective) }
            try w.update(after, from: before)
            try w.insert(DatedClaim(record: id, field: claim, day: e.claimed, recording: e.recording))
            try audit.record(action, entity: entity, id: id, before: before, after: after, claimed: e.claimed.string)
            return after
        }
    }
}
