/// The limit an open promise, debt, complaint or rectification is running against, with what its alert says
/// of it: all the alerts need of the four big kinds. Made from a whole record, or by the Store from the few
/// columns it reads for the full list of a province (tens of thousands of items), judged the same way.
public struct OpenLimit: Sendable {
    public let kind: Alert.Kind
    public let record: String
    public let department: String
    public let due: Day
    public let subject: AlertSubject

    public static func commitment(id: String, department: String, deadline: Day, counterparty: String) -> OpenLimit {
        OpenLimit(kind: .commitment, record: id, department: department, due: deadline, subject: .commitment(id: id, counterparty: counterparty))
    }

    public static func commitment(_ c: Commitment) -> OpenLimit {
        commitment(id: c.id, department: c.department, deadline: c.deadline, counterparty: c.counterparty)
    }

    /// A debt to a small firm, due `due` (`Alerts.arrearsDue`).
    public static func arrears(id: String, department: String, due: Day, counterparty: String, amount: Money) -> OpenLimit {
        OpenLimit(kind: .arrears, record: id, department: department, due: due, subject: .arrears(counterparty: counterparty, amount: amount))
    }

    public static func arrears(_ c: Commitment, due: Day) -> OpenLimit {
        arrears(id: c.id, department: c.department, due: due, counterparty: c.counterparty, amount: c.amount!)
    }

    /// The limit of the stage a complaint is in (a returned one waits to be accepted anew); nil once answered.
    public static func complaint(id: String, department: String, stage: Complaint.Stage, returned: Bool, urgency: Urgency, due: Day) -> OpenLimit? {
        let kind: Alert.Kind
        switch stage {
        case .received: kind = returned ? .complaintReturn : .complaintAccept
        case .accepted: kind = .complaintResolve
        case .resolved: kind = .complaintRespond
        case .responded: return nil
        }
        return OpenLimit(kind: kind, record: id, department: department, due: due, subject: .complaint(id: id, urgency: urgency, stage: kind))
    }

    public static func complaint(_ c: Complaint) -> OpenLimit? {
        guard let due = c.currentDue else { return nil }
        return complaint(id: c.id, department: c.department, stage: c.stage, returned: c.returnedAt != nil, urgency: c.urgency, due: due)
    }

    public static func rectification(id: String, unit: String, deadline: Day, source: String, ofBreach: Bool) -> OpenLimit {
        OpenLimit(kind: .rectification, record: id, department: unit, due: deadline, subject: .rectification(id: id, source: source, ofBreach: ofBreach))
    }

    public static func rectification(_ r: Rectification) -> OpenLimit {
        rectification(id: r.id, unit: r.unit, deadline: r.deadline, source: r.source, ofBreach: r.breach != nil)
    }
}
