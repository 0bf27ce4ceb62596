/// The small fixed vocabularies of the notice. Raw values are what scripts, JSON and the
/// database use; `label` is what officers read.
public protocol Vocabulary: RawRepresentable, CaseIterable, Codable, Sendable, Hashable where RawValue == String {
    var label: String { get }
    /// What English screens show.
    var english: String { get }
}

extension Vocabulary {
    public func label(_ lang: Lang) -> String { lang == .zh ? label : english }
}

extension Vocabulary {
    /// Accepts the raw value or the Chinese label.
    public static func parse(_ text: String, _ field: Field) throws -> Self {
        // Exact words first: an import parses a few of them in every row.
        if let v = Self(rawValue: text) ?? allCases.first(where: { $0.label == text }) ?? Self(rawValue: text.lowercased()) { return v }
        let options = allCases.map { "\($0.rawValue)（\($0.label)）" }.joined(separator: "、")
        throw JiannuoError.invalid("\(field.zh)“\(Sanitize.visible(text))”无效，可选：\(options)",
                                   "\(field.en) \"\(Sanitize.visible(text))\" is invalid; one of: \(allCases.map(\.rawValue).joined(separator: ", "))")
    }
}

public enum DepartmentKind: String, Vocabulary {
    case township, subdistrict, countyDepartment = "county-department", other
    public var english: String {
        switch self {
        case .township: "township"
        case .subdistrict: "subdistrict"
        case .countyDepartment: "county department"
        case .other: "other unit"
        }
    }
    public var label: String {
        switch self {
        case .township: "乡镇"
        case .subdistrict: "街道"
        case .countyDepartment: "县直部门"
        case .other: "其他单位"
        }
    }
}

public enum CommitmentKind: String, Vocabulary {
    case policy, contract, letter
    public var english: String {
        switch self {
        case .policy: "policy"
        case .contract: "contract"
        case .letter: "letter of commitment"
        }
    }
    public var label: String {
        switch self {
        case .policy: "政策承诺"
        case .contract: "合同协议"
        case .letter: "承诺书事项"
        }
    }
}

/// 未启动 / 推进中 / 停滞 / 已兑现 / 部分兑现 / 未兑现. Only the last three are final.
public enum CommitmentStatus: String, Vocabulary {
    case notStarted = "not_started", inProgress = "in_progress", stalled
    case fulfilled, partial = "partially_fulfilled", unfulfilled
    public var english: String {
        switch self {
        case .notStarted: "not started"
        case .inProgress: "in progress"
        case .stalled: "stalled"
        case .fulfilled: "fulfilled"
        case .partial: "partially fulfilled"
        case .unfulfilled: "unfulfilled"
        }
    }
    public var label: String {
        switch self {
        case .notStarted: "未启动"
        case .inProgress: "推进中"
        case .stalled: "停滞"
        case .fulfilled: "已兑现"
        case .partial: "部分兑现"
        case .unfulfilled: "未兑现"
        }
    }
    /// Still owed: the deadline matters.
    public var isOpen: Bool { self == .notStarted || self == .inProgress || self == .stalled }
}

/// The five decision procedures of the notice (二、(一)).
public enum Procedure: String, Vocabulary {
    case publicParticipation = "public", expertReview = "expert", riskAssessment = "risk"
    case legalityReview = "legality", collectiveDecision = "collective"
    public var english: String {
        switch self {
        case .publicParticipation: "public participation"
        case .expertReview: "expert review"
        case .riskAssessment: "risk assessment"
        case .legalityReview: "legality review"
        case .collectiveDecision: "collective decision"
        }
    }
    public var label: String {
        switch self {
        case .publicParticipation: "公众参与"
        case .expertReview: "专家论证"
        case .riskAssessment: "风险评估"
        case .legalityReview: "合法性审查"
        case .collectiveDecision: "集体讨论决定"
        }
    }
}

public enum Channel: String, Vocabulary {
    case hotline, phone, email, visit, media, inspection
    public var english: String {
        switch self {
        case .hotline: "12345 hotline"
        case .phone: "phone"
        case .email: "e-mail"
        case .visit: "visit"
        case .media: "media"
        case .inspection: "inspection"
        }
    }
    public var label: String {
        switch self {
        case .hotline: "12345热线"
        case .phone: "电话"
        case .email: "邮箱"
        case .visit: "来访"
        case .media: "媒体"
        case .inspection: "督导检查"
        }
    }
}

public enum Urgency: String, Vocabulary {
    case normal, urgent, critical
    public var english: String {
        switch self {
        case .normal: "normal"
        case .urgent: "urgent"
        case .critical: "critical"
        }
    }
    public var label: String {
        switch self {
        case .normal: "一般"
        case .urgent: "紧急"
        case .critical: "特急"
        }
    }
}

public enum Severity: String, Vocabulary {
    case low, medium, high
    public var english: String {
        switch self {
        case .low: "minor"
        case .medium: "serious"
        case .high: "major"
        }
    }
    public var label: String {
        switch self {
        case .low: "一般"
        case .medium: "较大"
        case .high: "重大"
        }
    }
}

/// Breach categories 1–6 of the notice (二、(二)).
public enum Category {
    public static let labels = [
        1: "招商引资政策不兑现", 2: "协议（合同）不履行", 3: "拖欠中小企业账款",
        4: "涉政府产权纠纷", 5: "法院判决不执行", 6: "其他情形",
    ]
    public static let englishLabels = [
        1: "investment policy not honoured", 2: "agreement (contract) not performed", 3: "arrears owed to small firms",
        4: "government property-rights dispute", 5: "court judgment not enforced", 6: "other",
    ]
    public static func label(_ n: Int) -> String { labels[n] ?? "类别\(n)" }
    public static func label(_ n: Int, _ lang: Lang) -> String { lang == .zh ? label(n) : (englishLabels[n] ?? "category \(n)") }
}
