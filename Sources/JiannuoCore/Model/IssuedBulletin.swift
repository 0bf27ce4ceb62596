/// A supervision bulletin (督查通报) as issued (`report --issue`): its 文号, the period and the day whose
/// knowledge it shows, the audit chain's head when it was issued, and its figures as they were (`data`,
/// the bulletin's own JSON), from which it is printed again byte for byte. A later correction is a new
/// bulletin, never a change to this one.
public struct IssuedBulletin: Codable, Sendable, Hashable {
    public var id: String
    public var number: String
    public var period: String
    public var asKnown: Day
    public var issuedAt: DateTime
    public var issuedBy: String
    /// `seq:hash` of the audit log's head before the issue was recorded.
    public var anchor: String?
    public var data: String

    public init(id: String, number: String, period: String, asKnown: Day, issuedAt: DateTime, issuedBy: String, anchor: String?, data: String) {
        self.id = id; self.number = number; self.period = period; self.asKnown = asKnown; self.issuedAt = issuedAt
        self.issuedBy = issuedBy; self.anchor = anchor; self.data = data
    }

    enum CodingKeys: String, CodingKey {
        case id, number, period, asKnown = "as_known", issuedAt = "issued_at", issuedBy = "issued_by", anchor, data
    }
}
