import JiannuoCore

/// Public-opinion events (舆情): found, then handled within a working-day limit.
extension LedgerEngine {
    public func addOpinion(department: String, title: String, source: String, severity: Severity, date: Day?) throws -> OpinionEvent {
        try authorize(.opinionAdd)
        let day = try eventDay(date, Field("发现日期", "date found"))
        return try transaction { w, audit in
            _ = try w.requireDepartment(department)
            return try insertNew(.opinion, on: day, w, audit) {
                try OpinionEvent.validated(id: $0, department: department, date: day, source: source, title: title, severity: severity)
            }
        }
    }

    public func handleOpinion(_ id: String, date: Day?, note: String?) throws -> OpinionEvent {
        try dated(.opinionHandle, id, date, Field("处置日期", "handling date"), action: "opinion.handle", entity: "opinion",
                  claim: .opinionHandled, requireOpinion) {
            try $0.handled(on: $1, note: note)
        }
    }
}
