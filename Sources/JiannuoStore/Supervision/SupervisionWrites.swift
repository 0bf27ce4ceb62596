import JiannuoCore

/// Supervision rounds (督促检查) and their findings, which may order rectification without a breach.
extension LedgerEngine {
    public func addInspection(name: String, from: Day, to: Day, departments: [String]?, inspectors: String) throws -> InspectionRound {
        try authorize(.inspectionManage)
        let today = clock.today
        return try transaction { w, audit in
            let codes = try (departments ?? []).map { try requireUnit(w, $0).code }
            return try insertNew(.inspection, on: from, w, audit) {
                let r = try InspectionRound.validated(id: $0, name: name, from: from, to: to, departments: Array(Set(codes)).sorted(),
                                                      inspectors: inspectors)
                // A round is planned ahead or recorded after; one that starts years from now is a typo.
                guard from <= today.adding(days: 366) else {
                    throw JiannuoError.invalid("检查开始日期 \(from) 距今超过一年", "the round starts more than a year from now")
                }
                return r
            }
        }
    }

    /// A finding, and when `order` is given the rectification it orders (one transaction, both audited).
    public func addFinding(round id: String, department: String, issue: String, basis: String, severity: Severity, date: Day?,
                           order: (deadline: Day, measures: String)?) throws -> (Finding, Rectification?) {
        try authorize(.inspectionManage)
        if order != nil { try authorize(.rectificationAdd) }
        let day = try eventDay(date, Field("发现问题日期", "finding date"))
        return try transaction { w, audit in
            let round = try requireInspection(w, id)
            let unit = try requireUnit(w, department).code
            let f = try insertNew(.finding, on: day, w, audit) {
                try Finding.validated(id: $0, round: round, department: unit, issue: issue, basis: basis, severity: severity, date: day)
            }
            guard let order else { return (f, nil) }
            return (f, try insertNew(.rectification, on: day, w, audit) {
                try Rectification.validated(id: $0, finding: f, unit: unit, measures: order.measures, opened: day, deadline: order.deadline)
            })
        }
    }

    /// Orders rectification of a finding after the fact (the finding was recorded without one).
    public func addRectification(finding id: String, unit: String?, measures: String, deadline: Day, ordered: Day?) throws -> Rectification {
        try authorize(.rectificationAdd)
        let day = try eventDay(ordered, Field("下达整改日期", "date ordered"))
        return try transaction { w, audit in
            let f = try requireFinding(w, id)
            let code = try unit.map { try requireUnit(w, $0).code } ?? f.department
            return try insertNew(.rectification, on: day, w, audit) {
                try Rectification.validated(id: $0, finding: f, unit: code, measures: measures, opened: day, deadline: deadline)
            }
        }
    }
}
