import JiannuoCore
import JiannuoStore

/// The structured filter of a pane (`F`) as a small form: it starts from the filter in force, and
/// "全部" or an empty field drops that condition. Pure: applying it gives the pane's new query.
enum FilterForms {
    static let commitmentStatuses: [CommitmentStatus] = [.notStarted, .inProgress, .stalled]
    static let stages: [Complaint.Stage] = [.received, .accepted, .resolved]
    static let levels = Alert.Level.allCases

    static func make(_ pane: Pane, _ q: PaneQuery, names: [String: String]) -> ActionForm? {
        let unit = ActionForm.text("unit", "单位", q.department.map { names[$0] ?? $0 } ?? "")
        let categories = ["0 全部"] + (1...6).map { "\($0) \(Category.label($0))" }
        func index<T: Equatable>(_ list: [T], _ v: T?) -> Int { v.flatMap { list.firstIndex(of: $0) }.map { $0 + 1 } ?? 0 }
        var inputs: [ActionForm.Input]
        switch pane {
        case .commitments:
            inputs = [unit,
                      ActionForm.picker("status", "状态", ["全部"] + commitmentStatuses.map(\.label),
                                        index(commitmentStatuses, q.status.flatMap(CommitmentStatus.init(rawValue:)))),
                      ActionForm.picker("category", "类别", categories, q.category ?? 0, digitBase: 0),
                      ActionForm.text("from", "承诺日期从", q.from?.string ?? ""), ActionForm.text("to", "至", q.to?.string ?? "")]
        case .complaints:
            inputs = [unit,
                      ActionForm.picker("status", "阶段", ["全部"] + stages.map(\.label), index(stages, q.status.flatMap(Complaint.Stage.init(rawValue:)))),
                      ActionForm.picker("urgency", "紧急程度", ["全部"] + IntakeForm.urgencies.map(\.label),
                                        index(IntakeForm.urgencies, q.urgency.flatMap(Urgency.init(rawValue:)))),
                      ActionForm.picker("category", "类别", categories, q.category ?? 0, digitBase: 0),
                      ActionForm.picker("channel", "渠道", ["全部"] + IntakeForm.channels.map(\.label),
                                        index(IntakeForm.channels, q.channel.flatMap(Channel.init(rawValue:)))),
                      ActionForm.text("from", "收到日期从", q.from?.string ?? ""), ActionForm.text("to", "至", q.to?.string ?? "")]
        case .deadlines:
            inputs = [unit, ActionForm.picker("status", "级别", ["全部"] + levels.map(\.label), index(levels, q.status.flatMap(Alert.Level.init(rawValue:))))]
        case .scores:
            return nil
        }
        return ActionForm(step: .filterPane, record: "", title: "按条件筛选 \(pane.title)", inputs: inputs)
    }

    /// The pane's query with the form's conditions; throws naming a unit or date that does not read.
    static func apply(_ f: ActionForm, pane: Pane, names: [String: String], to q: PaneQuery) throws -> PaneQuery {
        var q = q
        let typed = f.value("unit").trimmingCharacters(in: .whitespaces)
        if typed.isEmpty {
            q.department = nil
        } else {
            let matches = IntakeForm.departments(matching: typed, in: names)
            guard matches.count == 1 else {
                throw JiannuoError.invalid(matches.isEmpty ? "没有名为“\(typed)”的单位"
                                           : "“\(typed)”匹配到 \(matches.count) 个单位：" + matches.prefix(5).map(\.name).joined(separator: "、"),
                                           "no single department matches \"\(typed)\"")
            }
            q.department = matches[0].code
        }
        func picked<T>(_ key: String, _ list: [T]) -> T? { let c = f.choice(key); return c == 0 ? nil : list[c - 1] }
        func day(_ key: String, _ label: String) throws -> Day? {
            let v = f.value(key).trimmingCharacters(in: .whitespaces)
            return v.isEmpty ? nil : try Validate.day(v, Field(label, key))
        }
        switch pane {
        case .commitments:
            q.status = picked("status", commitmentStatuses)?.rawValue
            q.category = f.choice("category") == 0 ? nil : f.choice("category")
            q.from = try day("from", "承诺日期从"); q.to = try day("to", "至")
        case .complaints:
            q.status = picked("status", stages)?.rawValue
            q.urgency = picked("urgency", IntakeForm.urgencies)?.rawValue
            q.category = f.choice("category") == 0 ? nil : f.choice("category")
            q.channel = picked("channel", IntakeForm.channels)?.rawValue
            q.from = try day("from", "收到日期从"); q.to = try day("to", "至")
        case .deadlines:
            q.status = picked("status", levels)?.rawValue
        case .scores: break
        }
        return q
    }

    /// How many conditions are in force.
    static func count(_ q: PaneQuery) -> Int {
        [q.department != nil, q.status != nil, q.urgency != nil, q.category != nil, q.channel != nil, q.from != nil, q.to != nil]
            .filter { $0 }.count
    }
}
