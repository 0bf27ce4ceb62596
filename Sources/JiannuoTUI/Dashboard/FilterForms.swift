import JiannuoCore
import JiannuoStore

/// The structured filter of a pane (`F`) as a small form: it starts from the filter in force, and
/// "全部" ("all") or an empty field drops that condition. Pure: applying it gives the pane's new query.
enum FilterForms {
    static let commitmentStatuses: [CommitmentStatus] = [.notStarted, .inProgress, .stalled]
    static let stages: [Complaint.Stage] = [.received, .accepted, .resolved]
    static let levels = Alert.Level.allCases

    static func make(_ pane: Pane, _ q: PaneQuery, names: [String: String], lang l: Lang = .zh) -> ActionForm? {
        let unit = ActionForm.text("unit", l("单位", "Unit"), q.department.map { names[$0] ?? $0 } ?? "")
        let all = l("全部", "all")
        let categories = [l("0 全部", "0 all")] + (1...6).map { "\($0) \(Category.label($0, l))" }
        func index<T: Equatable>(_ list: [T], _ v: T?) -> Int { v.flatMap { list.firstIndex(of: $0) }.map { $0 + 1 } ?? 0 }
        var inputs: [ActionForm.Input]
        switch pane {
        case .commitments:
            inputs = [unit,
                      ActionForm.picker("status", l("状态", "Status"), [all] + commitmentStatuses.map { $0.label(l) },
                                        index(commitmentStatuses, q.status.flatMap(CommitmentStatus.init(rawValue:)))),
                      ActionForm.picker("category", l("类别", "Category"), categories, q.category ?? 0, digitBase: 0),
                      ActionForm.text("from", l("承诺日期从", "Made from"), q.from?.string ?? ""), ActionForm.text("to", l("至", "To"), q.to?.string ?? "")]
        case .complaints:
            inputs = [unit,
                      ActionForm.picker("status", l("阶段", "Stage"), [all] + stages.map { $0.label(l) },
                                        index(stages, q.status.flatMap(Complaint.Stage.init(rawValue:)))),
                      ActionForm.picker("urgency", l("紧急程度", "Urgency"), [all] + IntakeForm.urgencies.map { $0.label(l) },
                                        index(IntakeForm.urgencies, q.urgency.flatMap(Urgency.init(rawValue:)))),
                      ActionForm.picker("category", l("类别", "Category"), categories, q.category ?? 0, digitBase: 0),
                      ActionForm.picker("channel", l("渠道", "Channel"), [all] + IntakeForm.channels.map { $0.label(l) },
                                        index(IntakeForm.channels, q.channel.flatMap(Channel.init(rawValue:)))),
                      ActionForm.text("from", l("收到日期从", "Received from"), q.from?.string ?? ""), ActionForm.text("to", l("至", "To"), q.to?.string ?? "")]
        case .deadlines:
            inputs = [unit, ActionForm.picker("status", l("级别", "Level"), [all] + levels.map { $0.label(l) },
                                              index(levels, q.status.flatMap(Alert.Level.init(rawValue:))))]
        case .scores:
            return nil
        }
        return ActionForm(step: .filterPane, record: "", title: l("按条件筛选 \(pane.title)", "Filter \(pane.title(.en)) by conditions"), inputs: inputs)
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
                                           matches.isEmpty ? "no unit is named \"\(typed)\""
                                           : "\"\(typed)\" matches \(matches.count) units: " + matches.prefix(5).map(\.name).joined(separator: ", "))
            }
            q.department = matches[0].code
        }
        func picked<T>(_ key: String, _ list: [T]) -> T? { let c = f.choice(key); return c == 0 ? nil : list[c - 1] }
        func day(_ key: String, _ label: String, _ english: String) throws -> Day? {
            let v = f.value(key).trimmingCharacters(in: .whitespaces)
            return v.isEmpty ? nil : try Validate.day(v, Field(label, english))
        }
        switch pane {
        case .commitments:
            q.status = picked("status", commitmentStatuses)?.rawValue
            q.category = f.choice("category") == 0 ? nil : f.choice("category")
            q.from = try day("from", "承诺日期从", "made from"); q.to = try day("to", "至", "to")
        case .complaints:
            q.status = picked("status", stages)?.rawValue
            q.urgency = picked("urgency", IntakeForm.urgencies)?.rawValue
            q.category = f.choice("category") == 0 ? nil : f.choice("category")
            q.channel = picked("channel", IntakeForm.channels)?.rawValue
            q.from = try day("from", "收到日期从", "received from"); q.to = try day("to", "至", "to")
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
