import JiannuoCore

/// The four panes of the dashboard, in Tab order.
public enum Pane: Int, CaseIterable, Sendable, Hashable {
    case commitments, complaints, deadlines, scores

    public var title: String { title(.zh) }

    public func title(_ lang: Lang) -> String {
        switch self {
        case .commitments: lang("1 承诺事项", "1 Commitments")
        case .complaints: lang("2 投诉举报", "2 Complaints")
        case .deadlines: lang("3 临期/逾期", "3 Deadlines")
        case .scores: lang("4 部门评分", "4 Unit scores")
        }
    }

    var context: String {
        switch self {
        case .commitments: "commitments"
        case .complaints: "complaints"
        case .deadlines: "deadlines"
        case .scores: "scores"
        }
    }

    /// `--focus` accepts the number, the English name or the Chinese title.
    public static func parse(_ s: String) -> Pane? {
        if let n = Int(s), (1...4).contains(n) { return Pane(rawValue: n - 1) }
        return allCases.first { $0.context == s.lowercased() || $0.title.contains(s) }
    }
}
