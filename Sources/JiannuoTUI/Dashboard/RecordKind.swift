/// What kind of record an id names, read from its prefix in one place (CN-2026-0001 a commitment,
/// TS-… a complaint, SX-… a breach, ZG-… a rectification, WZ-… an accountability, YQ-… an opinion
/// event, FX-… a finding, DC-… a supervision round, SB-… an escalation); anything else is a department code.
public enum RecordKind: Sendable, Equatable {
    case commitment, complaint, breach, rectification, accountability, opinion, finding, inspection, escalation, department

    public init(_ id: String) {
        switch id.prefix(3) {
        case "CN-": self = .commitment
        case "TS-": self = .complaint
        case "SX-": self = .breach
        case "ZG-": self = .rectification
        case "WZ-": self = .accountability
        case "YQ-": self = .opinion
        case "FX-": self = .finding
        case "DC-": self = .inspection
        case "SB-": self = .escalation
        default: self = .department
        }
    }
}
