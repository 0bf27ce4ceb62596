import JiannuoCore

/// A complaint's work-order number on its channel's platform (12345's 工单编号): at most one complaint
/// per number and channel, in the engine (the index, the same text on both) and before it with a
/// message that names the complaint already holding it.
enum WorkOrders {
    static let uniqueIndex = "CREATE UNIQUE INDEX complaints_work_order ON complaints(channel, work_order) WHERE work_order IS NOT NULL"

    /// Refuses a number its channel has already given another complaint.
    static func requireFree<R: SQLReader>(_ r: R, channel: Channel, number: String?, except id: String? = nil) throws {
        guard let number else { return }
        var holder: String? = nil
        try r.each("SELECT id FROM complaints WHERE channel = ? AND work_order = ? AND id <> ?", [channel.rawValue, number, id ?? ""]) { holder = $0.text(0) }
        if let holder {
            throw JiannuoError.invalid("工单编号 \(Sanitize.visible(number))（\(channel.label)）已登记为 \(holder)：同一渠道的工单只登记一次",
                                       "work order \(Sanitize.visible(number)) (\(channel.rawValue)) is already \(holder): a channel's work order is registered once")
        }
    }
}
