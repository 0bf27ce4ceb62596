import JiannuoCore

/// JSON of a record plus fields derived from it, which are not database columns.
/// The contact is masked unless `reveal` (a permitted role asked, and the reveal was audited).
struct ComplaintView: Encodable {
    let c: Complaint
    var reveal = false
    /// Its reports to the county leadership, in `show`.
    var escalations: [Escalation]? = nil
    /// Its earlier rounds and every step as recorded (each with the id `confirm` takes), in `show`.
    var history: ComplaintHistory? = nil
    enum K: String, CodingKey { case stage, currentDue = "current_due", escalations, rounds, steps }
    func encode(to e: Encoder) throws {
        try (reveal ? c : c.masked).encode(to: e)
        var k = e.container(keyedBy: K.self)
        try k.encode(c.stage.rawValue, forKey: .stage)
        try k.encode(c.currentDue, forKey: .currentDue)
        if let escalations { try k.encode(escalations, forKey: .escalations) }
        if let history {
            try k.encode(history.rounds, forKey: .rounds)
            try k.encode(history.steps.map { EventView(value: $0, ref: $0.ref) }, forKey: .steps)
        }
    }
}

struct CommitmentView: Encodable {
    let c: Commitment
    var entries: [CommitmentEntry]? = nil
    var amendments: [Amendment]? = nil
    var escalations: [Escalation]? = nil
    enum K: String, CodingKey { case amountYuan = "amount_yuan", missingProcedures = "missing_procedures", entries, amendments, escalations }
    func encode(to e: Encoder) throws {
        try c.encode(to: e)
        var k = e.container(keyedBy: K.self)
        try k.encode(c.amount?.yuanString, forKey: .amountYuan)
        try k.encode(c.missingProcedures, forKey: .missingProcedures)
        if let entries { try k.encode(entries.map { EventView(value: $0, ref: $0.ref) }, forKey: .entries) }
        if let amendments { try k.encode(amendments.map { EventView(value: $0, ref: $0.ref) }, forKey: .amendments) }
        if let escalations { try k.encode(escalations, forKey: .escalations) }
    }
}

/// An event with the id `jiannuo confirm` takes (`JL-12`, `BG-3`) and the day it claims.
struct EventView<T: Encodable>: Encodable {
    let value: T
    let ref: EventRef?
    enum K: String, CodingKey { case event }
    func encode(to e: Encoder) throws {
        try value.encode(to: e)
        var k = e.container(keyedBy: K.self)
        try k.encode(ref?.id, forKey: .event)
    }
}

/// A breach and what was done about it.
struct BreachView: Encodable {
    let b: Breach
    let rectifications: [Rectification]
    let accountability: [Accountability]
    enum K: String, CodingKey { case rectifications, accountability, categoryLabel = "category_label" }
    func encode(to e: Encoder) throws {
        try b.encode(to: e)
        var k = e.container(keyedBy: K.self)
        try k.encode(rectifications, forKey: .rectifications)
        try k.encode(accountability, forKey: .accountability)
        try k.encode(Category.label(b.category), forKey: .categoryLabel)
    }
}

struct DepartmentView: Encodable {
    let d: Department
    var events: [DepartmentEvent]? = nil
    var predecessors: [Department]? = nil
    enum K: String, CodingKey { case id, kindLabel = "kind_label", events, predecessors }
    func encode(to e: Encoder) throws {
        try d.encode(to: e)
        var k = e.container(keyedBy: K.self)
        try k.encode(d.code, forKey: .id)   // every record has an "id": a department's is its code
        try k.encode(d.kind.label, forKey: .kindLabel)
        if let events { try k.encode(events, forKey: .events) }
        if let predecessors { try k.encode(predecessors, forKey: .predecessors) }
    }
}
