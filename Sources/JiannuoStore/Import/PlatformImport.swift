import Foundation
import JiannuoCore

/// What `import complaints --from-12345` did: complaints registered for new work orders, orders the
/// platform corrected before the unit accepted them, and what the platform says otherwise than the
/// ledger (which the import never changes: the ledger's limits follow the county's rules, and its steps
/// are the unit's own acts).
public struct PlatformImportResult: Sendable, Encodable {
    public var created: [String] = []
    public var updated: [String] = []
    public var unchanged = 0
    public var differences: [PlatformDifference] = []
    /// Rows left out for a problem (`--skip-bad`), and the problems.
    public var bad = 0
    public var problems: [ImportProblem] = []
    public var dry_run = false
}

public struct PlatformDifference: Sendable, Encodable {
    public var row: Int
    public var work_order: String
    public var complaint: String
    public var what: String
    public var what_en: String

    public func text(_ lang: Lang) -> String { lang == .zh ? what : what_en }
}

extension LedgerEngine {
    /// Creates or updates complaints by work-order number in one transaction, never a second complaint
    /// for an order already registered on its channel. A unit the ledger does not know refuses the file,
    /// each such unit named with its rows (never matched to a unit by guess).
    public func importWorkOrders(_ rows: [(Int, PlatformOrder)], source: String, dryRun: Bool, skipBad: Bool) throws -> PlatformImportResult {
        try authorize(.importLedger)
        var refused: ImportRefused? = nil
        do {
            return try transaction { w, audit in
                let units = try w.departmentMap()
                var problems: [SheetProblem] = [], seen: [String: Int] = [:]
                for (row, o) in rows {
                    let c = o.complaint
                    if units[c.department] == nil {
                        problems.append(SheetProblem(row: row, column: "承办单位", reason: Text(
                            "本账本没有单位“\(Sanitize.visible(c.department))”：请先登记该单位，或在映射文件中写明它对应的单位（不猜测）",
                            "the ledger has no unit \(Sanitize.visible(c.department)): add it, or say in a mapping file which unit it is (never guessed)")))
                    }
                    let key = c.channel.rawValue + " " + (c.workOrder ?? "")
                    if let first = seen[key] {
                        problems.append(SheetProblem(row: row, column: "工单编号", reason: Text("工单编号 \(c.workOrder ?? "") 与第 \(first) 行重复",
                                                                                           "work order \(c.workOrder ?? "") repeats row \(first)")))
                    } else { seen[key] = row }
                }
                guard problems.isEmpty || skipBad else { let r = ImportRefused(problems: problems); refused = r; throw r }
                let cal = try CalendarReads.calendar(w)
                let badRows = Set(problems.map(\.row))
                var result = PlatformImportResult(bad: badRows.count, problems: problems.map(ImportProblem.init), dry_run: dryRun)
                for (row, o) in rows where !badRows.contains(row) {
                    let number = o.complaint.workOrder ?? ""
                    let held = try w.records(Complaint.self, "SELECT * FROM complaints WHERE channel = ? AND work_order = ?",
                                             [o.complaint.channel.rawValue, number]).first
                    guard let before = held else {
                        var c = o.complaint
                        c.id = dryRun ? "（第 \(row) 行）" : try w.nextId(.complaint, year: c.received.day.year)
                        result.created.append(c.id)
                        if dryRun { continue }
                        try w.insert(c)
                        try recordStep(w, c.id, .receive, at: c.received)
                        try audit.record("complaint.add", entity: "complaint", id: c.id, after: c, claimed: c.received.iso)
                        continue
                    }
                    let changed = PlatformFields.changed(before, o.complaint)
                    func differ(_ zh: String, _ en: String) {
                        result.differences.append(PlatformDifference(row: row, work_order: number, complaint: before.id, what: zh, what_en: en))
                    }
                    if changed.isEmpty {
                        result.unchanged += 1
                    } else if before.acceptedAt == nil && before.returnedAt == nil {
                        // The platform's correction of an order its unit has not taken up yet.
                        result.updated.append(before.id)
                        if !dryRun {
                            let after = ComplaintDeadlines.refreshed(PlatformFields.apply(o.complaint, to: before), cal, rules.deadlines)
                            try w.update(after, from: before)
                            try audit.record("complaint.platform-update", entity: "complaint", id: before.id, before: before, after: after)
                        }
                    } else {
                        differ("已受理，平台的\(changed.map(\.zh).joined(separator: "、"))与本账本不同（未改动）",
                               "accepted already; the platform's \(changed.map(\.en).joined(separator: ", ")) \(changed.count == 1 ? "differs" : "differ") (left as recorded)")
                    }
                    if o.closed && before.resolvedAt == nil {
                        differ("平台状态“\(Sanitize.visible(o.status ?? ""))”，本账本尚未办结", "the platform says \(Sanitize.visible(o.status ?? "")); not resolved in the ledger")
                    }
                    if let limit = o.limit, let due = before.resolveDue, limit != due {
                        differ("平台办理时限 \(limit)，本账本办结时限 \(due)", "the platform's limit is \(limit), the ledger's \(due)")
                    }
                }
                if !dryRun {
                    try audit.append(action: "import.12345", entity: "complaints", id: source, before: nil,
                                     after: "{\"created\":\(result.created.count),\"updated\":\(result.updated.count),\"unchanged\":\(result.unchanged),\"differences\":\(result.differences.count)}")
                }
                return result
            }
        } catch {
            if let refused { throw refused }
            throw error
        }
    }
}

/// The fields a platform's row says of a complaint, which it may correct until the unit accepts it.
enum PlatformFields {
    static let all: [(zh: String, en: String, differs: @Sendable (Complaint, Complaint) -> Bool)] = [
        ("诉求内容", "content", { $0.content != $1.content }),
        ("来电人", "caller", { $0.complainant != $1.complainant }),
        ("来电号码", "phone", { $0.contact != $1.contact }),
        ("承办单位", "unit", { $0.department != $1.department }),
        ("类别", "category", { $0.category != $1.category }),
        ("紧急程度", "urgency", { $0.urgency != $1.urgency }),
        ("来电时间", "time received", { $0.received != $1.received }),
    ]

    static func changed(_ held: Complaint, _ platform: Complaint) -> [(zh: String, en: String)] {
        all.filter { $0.differs(held, platform) }.map { ($0.zh, $0.en) }
    }

    static func apply(_ platform: Complaint, to held: Complaint) -> Complaint {
        var c = held
        c.content = platform.content; c.complainant = platform.complainant; c.contact = platform.contact
        c.department = platform.department; c.category = platform.category; c.urgency = platform.urgency
        c.received = platform.received
        return c
    }
}
