import JiannuoCore
import JiannuoStore

/// A matter raised above the supervision office in the period (上报事项), in one shape whatever its kind.
/// Only what the bulletin may show: ids, units, dates, categories and states; no free text from
/// complaints and nothing about complainants.
struct ReportEscalation: Codable {
    /// A stable key for scripts: `breach_report`, …
    let kind: String
    /// 上报类型, as the bulletin prints it.
    let kind_label: String
    /// The record escalated.
    let id: String
    /// The unit in use that answers for it (the successor, if its own unit was merged).
    let department: String
    let name: String
    /// When the matter arose (a breach: the day it was confirmed).
    let since: Day?
    /// When it was escalated.
    let date: Day
    /// What it is about.
    let subject: String
    /// What has been done since, at the report's as-of date (未移送整改, 整改中, 逾期未整改, 已整改).
    let status: String
    /// The date that goes with the status: the deadline while open, the day it was done once done; none
    /// where nothing was ordered to be rectified (an overdue item reported up: its report date is `date`).
    let status_on: Day?
}

/// What every source of escalations may use: read once by `ReportData.gather`.
struct EscalationContext {
    let store: any Ledger
    let period: Period
    let asOf: Day
    /// Department code → the unit in use answering for it.
    let owner: [String: String]
    let names: [String: String]
    /// Rectifications by breach id.
    let rectifications: [String: [Rectification]]
}

/// The escalations of a period. Today one source: breaches reported to the county leadership
/// (报县委县政府, `reportedOn` in the period). Another kind (限期整改, 舆情, …) is one more function of
/// the same type added to `sources`; the bulletin's section 五 prints whatever they return.
enum Escalations {
    typealias Source = @Sendable (EscalationContext) throws -> [ReportEscalation]

    static let sources: [Source] = [breachReports, overdueItems]

    static func gather(_ context: EscalationContext) throws -> [ReportEscalation] {
        try sources.flatMap { try $0(context) }.sorted { ($0.date, $0.id) < ($1.date, $1.id) }
    }

    /// 失信违诺报县委县政府: breaches whose report date falls in the period.
    @Sendable static func breachReports(_ c: EscalationContext) throws -> [ReportEscalation] {
        try c.store.breaches(ListFilter(status: "reported")).compactMap { b in
            guard let on = b.reportedOn, c.period.contains(on) else { return nil }
            let unit = c.owner[b.department] ?? b.department
            let (status, statusOn) = rectificationState(c.rectifications[b.id] ?? [], asOf: c.asOf)
            return ReportEscalation(kind: "breach_report", kind_label: "失信违诺", id: b.id, department: unit,
                              name: c.names[unit] ?? "", since: b.date, date: on,
                              subject: "\(b.category) \(Category.label(b.category))", status: status, status_on: statusOn)
        }
    }

    /// 逾期事项报县委县政府 (`jiannuo escalate`): commitments, arrears, complaints, rectifications and
    /// opinion events reported in the period (a breach reported that way is already a breach report).
    @Sendable static func overdueItems(_ c: EscalationContext) throws -> [ReportEscalation] {
        try c.store.escalations(ListFilter(from: c.period.start, to: c.period.end)).filter { $0.kind != .breach }.map { e in
            let unit = c.owner[e.department] ?? e.department
            return ReportEscalation(kind: "escalation_\(e.kind.rawValue)", kind_label: "逾期\(e.kind.label)", id: e.record, department: unit,
                                    name: c.names[unit] ?? "", since: nil, date: e.date, subject: e.kind.label, status: "已上报", status_on: nil)
        }
    }

    /// A breach's rectification at `asOf`: 未移送整改; 整改中 or 逾期未整改 with the nearest deadline of
    /// those still open; 已整改 with the day the last was done.
    static func rectificationState(_ list: [Rectification], asOf: Day) -> (String, Day?) {
        let ordered = list.filter { $0.opened <= asOf }
        if ordered.isEmpty { return ("未移送整改", nil) }
        let open = ordered.filter { $0.completedOn.map { $0 > asOf } ?? true }
        guard let first = open.map(\.deadline).min() else { return ("已整改", ordered.compactMap(\.completedOn).max()) }
        return (first < asOf ? "逾期未整改" : "整改中", first)
    }
}
