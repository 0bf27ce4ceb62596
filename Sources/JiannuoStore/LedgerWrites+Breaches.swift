import GRDB
import JiannuoCore

extension LedgerWrites {
    func reportBreach(_ id: String, date: Day?) throws -> Breach {
        try dated(.breachReport, id, date, Field("上报日期", "report date"), action: "breach.report", entity: "breach", requireBreach) {
            try $0.reported(on: $1)
        }
    }

    /// `ordered`: the day rectification was ordered (today unless given); the deadline is checked against it.
    func addRectification(breach id: String, unit: String, measures: String, deadline: Day, ordered: Day?) throws -> Rectification {
        try ledger.authorize(.rectificationAdd)
        let day = try ledger.eventDay(ordered, Field("下达整改日期", "date ordered"))
        return try ledger.transaction { w, audit in
            let b = try requireBreach(w, id)
            _ = try w.requireDepartment(unit)
            let rid = try w.nextId(prefix: "ZG", year: day.year, digits: 4)
            let r = try Rectification.validated(id: rid, breach: b, unit: unit, measures: measures, opened: day, deadline: deadline)
            try w.insert(r)
            try audit.record("rectification.add", entity: "rectification", id: rid, after: r, claimed: day.string)
            return r
        }
    }

    func completeRectification(_ id: String, date: Day?) throws -> Rectification {
        try dated(.rectificationDone, id, date, Field("整改完成日期", "completion date"), action: "rectification.done", entity: "rectification",
                  requireRectification) { try $0.done(on: $1) }
    }

    /// `follows`: a breach (SX-), a complaint handled in violation of the rules (TS-, no breach needed)
    /// or an inspection finding (FX-); the unit is that record's.
    func addAccountability(follows id: String, targetKind: AccountabilityTarget, official: String?, post: String?,
                           target: String?, kind: String, date: Day?) throws -> Accountability {
        try ledger.authorize(.accountabilityAdd)
        let day = try ledger.eventDay(date, Field("问责日期", "accountability date"))
        return try ledger.transaction { w, audit in
            var link: (breach: String?, complaint: String?, finding: String?) = (nil, nil, nil)
            let unit: String, since: Day
            switch id.prefix(3) {
            case "SX-": let b = try requireBreach(w, id); unit = b.department; since = b.date; link.breach = id
            case "TS-": let c = try requireComplaint(w, id); unit = c.department; since = c.received.day; link.complaint = id
            case "FX-": let f = try requireFinding(w, id); unit = f.department; since = f.date; link.finding = id
            default:
                throw JiannuoError.invalid("问责须依据失信记录（SX-）、投诉（TS-）或检查发现的问题（FX-）：收到“\(Sanitize.visible(String(id.prefix(30))))”",
                                           "accountability follows a breach (SX-), a complaint (TS-) or a finding (FX-)")
            }
            let units = try w.departmentMap()
            let current = Lineage.current(unit, in: units)
            let aid = try w.nextId(prefix: "WZ", year: day.year, digits: 4)
            var a = try Accountability.validated(id: aid, draft: .init(follows: (id, since), unit: current, targetKind: targetKind,
                                                                       official: official, post: post, target: target, kind: kind),
                                                 unitName: units[current]?.name ?? current, date: day)
            a.breach = link.breach; a.complaint = link.complaint; a.finding = link.finding
            try w.insert(a)
            try audit.record("accountability.add", entity: "accountability", id: aid, after: a, claimed: day.string)
            return a
        }
    }

    func addOpinion(department: String, title: String, source: String, severity: Severity, date: Day?) throws -> OpinionEvent {
        try ledger.authorize(.opinionAdd)
        let day = try ledger.eventDay(date, Field("发现日期", "date found"))
        return try ledger.transaction { w, audit in
            _ = try w.requireDepartment(department)
            let id = try w.nextId(prefix: "YQ", year: day.year, digits: 4)
            let o = try OpinionEvent.validated(id: id, department: department, date: day, source: source, title: title, severity: severity)
            try w.insert(o)
            try audit.record("opinion.add", entity: "opinion", id: id, after: o, claimed: day.string)
            return o
        }
    }

    func handleOpinion(_ id: String, date: Day?, note: String?) throws -> OpinionEvent {
        try dated(.opinionHandle, id, date, Field("处置日期", "handling date"), action: "opinion.handle", entity: "opinion", requireOpinion) {
            try $0.handled(on: $1, note: note)
        }
    }

    /// One step of a record on a day (today unless given), Core's `step` deciding what it becomes.
    private func dated<R: PersistableRecord & Encodable>(_ p: Permission, _ id: String, _ date: Day?, _ field: Field, action: String, entity: String,
                                                         _ require: (L.Writer, String) throws -> R, _ step: (R, Day) throws -> R) throws -> R {
        try ledger.authorize(p)
        let day = try ledger.eventDay(date, field)
        return try ledger.transaction { w, audit in
            let before = try require(w, id)
            let after = try step(before, day)
            try w.update(after, from: before)
            try audit.record(action, entity: entity, id: id, before: before, after: after, claimed: day.string)
            return after
        }
    }
}
