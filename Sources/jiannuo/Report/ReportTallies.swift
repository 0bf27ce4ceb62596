import JiannuoCore
import JiannuoStore

/// The bulletin's counts of the period's accountability actions, public-opinion events and complaints:
/// records counted and their ids, never a complainant, and an official held to account only by post
/// and the kind of action (the record holds the name; the bulletin is published).
struct ReportTallies: Codable {
    struct AccountabilityRow: Codable {
        let id: String; let department: String; let name: String; let date: Day; let target: String; let kind: String; let about: String
    }
    struct OpinionRow: Codable {
        let department: String; let name: String; let events: Int; let handled_on_time: Int; let open: Int; let major: Int
    }
    struct Count: Codable { let key: String; let label: String; let received: Int; let resolved: Int; let late_stages: Int }

    let accountability: [AccountabilityRow]
    let opinions: [OpinionRow]
    /// Complaints received in the period, by channel, category and unit; of them, resolved by `as_of`,
    /// and their limits missed (受理, 办结, 反馈) as judged at `as_of`.
    let complaints_by_channel: [Count]
    let complaints_by_category: [Count]
    let complaints_by_unit: [Count]

    static func gather(_ store: any Ledger, period p: Period, asOf: Day, owner: [String: String], names: [String: String]) throws -> ReportTallies {
        let unit = { (code: String) in owner[code] ?? code }
        let actions = try store.accountability(ListFilter(from: p.start, to: asOf)).map { a in
            let u = unit(a.department ?? "")
            return AccountabilityRow(id: a.id, department: u, name: names[u] ?? "", date: a.date,
                                     target: a.targetKind == .unit ? "单位" : (a.post.map { "公职人员（\($0)）" } ?? "公职人员"), kind: a.kind,
                                     about: a.breach ?? a.complaint ?? a.finding ?? "")
        }.sorted { ($0.date, $0.id) < ($1.date, $1.id) }

        let calendar = store.calendar, rules = store.rules.deadlines
        var byUnit: [String: (events: Int, onTime: Int, open: Int, major: Int)] = [:]
        for o in try store.opinions(ListFilter(from: p.start, to: asOf)) {
            let u = unit(o.department), due = calendar.addingWorkdays(rules.opinionWorkdays, to: o.date)
            var t = byUnit[u] ?? (0, 0, 0, 0)
            t.events += 1
            if let h = o.handledOn, h <= asOf { if h <= due { t.onTime += 1 } } else { t.open += 1 }
            if o.severity == .high { t.major += 1 }
            byUnit[u] = t
        }
        let opinions = byUnit.sorted { $0.key < $1.key }.map {
            OpinionRow(department: $0.key, name: names[$0.key] ?? "", events: $0.value.events, handled_on_time: $0.value.onTime, open: $0.value.open, major: $0.value.major)
        }

        var channel: [String: (Int, Int, Int)] = [:], category: [String: (Int, Int, Int)] = [:], units: [String: (Int, Int, Int)] = [:]
        try store.eachComplaint(ListFilter(from: p.start, to: asOf)) { c in
            let resolved = (c.resolvedAt.map { $0.day <= asOf } ?? false) ? 1 : 0
            // A limit missed as judged at `asOf`: met late, or not met with its day passed.
            let late = ComplaintLimit.allCases.filter { l in
                guard let due = c.due(l) else { return false }
                return Lateness.late(due: due, done: c.done(l).map(\.day).flatMap { $0 <= asOf ? $0 : nil }, on: asOf)
            }.count
            func bump(_ d: inout [String: (Int, Int, Int)], _ k: String) { let v = d[k] ?? (0, 0, 0); d[k] = (v.0 + 1, v.1 + resolved, v.2 + late) }
            bump(&channel, c.channel.rawValue)
            bump(&category, c.category.map(String.init) ?? "")
            bump(&units, unit(c.department))
        }
        func counts(_ d: [String: (Int, Int, Int)], _ label: (String) -> String, order: [String]) -> [Count] {
            order.compactMap { k in d[k].map { Count(key: k, label: label(k), received: $0.0, resolved: $0.1, late_stages: $0.2) } }
        }
        return ReportTallies(
            accountability: actions, opinions: opinions,
            complaints_by_channel: counts(channel, { Channel(rawValue: $0)?.label ?? $0 }, order: Channel.allCases.map(\.rawValue)),
            complaints_by_category: counts(category, { $0.isEmpty ? "未分类" : "\($0) \(Category.label(Int($0) ?? 0))" }, order: category.keys.sorted { ($0.isEmpty ? "9" : $0) < ($1.isEmpty ? "9" : $1) }),
            complaints_by_unit: counts(units, { names[$0] ?? $0 }, order: units.keys.sorted()))
    }
}
