import GRDB
import JiannuoCore

/// Issued bulletins (`report --issue`): recorded with the next 文号 of the office's series and the audit
/// head they were made from; read back as they were.
extension LedgerEngine {
    /// Records a bulletin of `period` as known on `asKnown`: `render` gets the 文号 and gives the
    /// bulletin's data as it is to be kept (the figures with their header).
    public func issueBulletin(period: String, asKnown: Day, _ render: (String) throws -> String) throws -> IssuedBulletin {
        try authorize(.reportIssue)
        let now = clock.now
        return try transaction { w, audit in
            let id = try w.nextId(.bulletin, year: now.day.year)
            let number = rules.bulletin.number(year: now.day.year, serial: Int(id.split(separator: "-").last ?? "") ?? 0)
            var anchor: String? = nil
            try w.each("SELECT value FROM meta WHERE key = 'audit_head'", []) { anchor = $0.text(0) }
            let b = IssuedBulletin(id: id, number: number, period: period, asKnown: asKnown, issuedAt: now, issuedBy: actor.account,
                                   anchor: anchor, data: try render(number))
            try w.insert(b)
            // The log keeps what identifies it; its figures are the row's own (and hashed with the ledger).
            try audit.record("report.issue", entity: RecordKind.bulletin.rawValue, id: id,
                             after: Issued(number: number, period: period, as_known: asKnown, anchor: anchor))
            return b
        }
    }

    public func bulletins() throws -> [IssuedBulletin] {
        try actor.require(.read)
        return try reading { r in try r.records(IssuedBulletin.self, "SELECT * FROM bulletins ORDER BY issued_at DESC, id DESC", []) }
    }

    public func bulletin(_ id: String) throws -> IssuedBulletin {
        try actor.require(.read)
        return try reading { r in
            guard let b = try r.records(IssuedBulletin.self, "SELECT * FROM bulletins WHERE id = ?", [id]).first else {
                throw JiannuoError.notFound("找不到督查通报 \(Sanitize.visible(id))", "bulletin \(Sanitize.visible(id)) not found")
            }
            return b
        }
    }
}

/// What the audit log says of an issue (the figures are the row's own, hashed with the ledger).
private struct Issued: Encodable { let number: String; let period: String; let as_known: Day; let anchor: String? }
