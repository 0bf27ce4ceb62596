/// What kind of record an id names, read from its prefix (CN-2026-0001 a commitment, TS-… a complaint,
/// SX-… a breach …); anything else is a department code. The one place a prefix is written: every
/// parse, every new id (`RecordKind.id(year:number:)`) and every message that names one asks here.
public enum RecordKind: String, Sendable, Equatable, CaseIterable {
    case commitment, complaint, breach, rectification, accountability, opinion, finding, inspection, escalation, attachment, difficulty, letter, bulletin, department

    /// The letters before the year in an id, nil for a department (named by its code).
    public var prefix: String? {
        switch self {
        case .commitment: "CN"
        case .complaint: "TS"
        case .breach: "SX"
        case .rectification: "ZG"
        case .accountability: "WZ"
        case .opinion: "YQ"
        case .finding: "FX"
        case .inspection: "DC"
        case .escalation: "SB"
        case .attachment: "FJ"
        case .difficulty: "KN"
        case .letter: "DB"
        case .bulletin: "TB"
        case .department: nil
        }
    }

    /// How many digits a year's number has: complaints come by the hundred thousand, the rest by the thousand.
    public var digits: Int { self == .complaint ? 6 : 4 }

    public init(_ id: String) {
        let head = id.prefix(3)
        self = Self.allCases.first { $0.prefix.map { head == "\($0)-" } ?? false } ?? .department
    }

    /// `CN-2026-0007`.
    public func id(year: Int, number: Int) -> String {
        let n = String(number)
        return "\(prefix ?? "")-\(year)-" + String(repeating: "0", count: max(0, digits - n.count)) + n
    }

    /// An id of this kind for checks before the real one is given (`CN-0000-0000`).
    public var placeholderId: String { id(year: 0, number: 0) }

    /// `CN-`, for messages and help that name the kinds an argument takes.
    public var marker: String { "\(prefix ?? "")-" }

    /// "SX-、TS-、FX-" or "SX-, TS-, FX-".
    public static func markers(_ kinds: [RecordKind], _ lang: Lang) -> String {
        kinds.map(\.marker).joined(separator: lang == .zh ? "、" : ", ")
    }

    public var word: Text {
        switch self {
        case .commitment: Text("承诺", "commitment")
        case .complaint: Text("投诉", "complaint")
        case .breach: Text("失信记录", "breach")
        case .rectification: Text("整改", "rectification")
        case .accountability: Text("问责", "accountability")
        case .opinion: Text("舆情", "opinion event")
        case .finding: Text("检查发现问题", "finding")
        case .inspection: Text("督促检查", "inspection round")
        case .escalation: Text("上报", "escalation")
        case .attachment: Text("附件", "attachment")
        case .difficulty: Text("困难问题报告", "difficulty report")
        case .letter: Text("督办函", "supervision letter")
        case .bulletin: Text("督查通报", "supervision bulletin")
        case .department: Text("单位", "department")
        }
    }
}
