import GRDB
import JiannuoCore

/// One thing found by the dashboard's search.
public struct SearchHit: Sendable, Equatable {
    public enum Kind: String, Sendable { case department, commitment, complaint, record }
    public var kind: Kind
    public var id: String
    public var title: String
    public var detail: String

    public init(kind: Kind, id: String, title: String, detail: String) {
        self.kind = kind; self.id = id; self.title = title; self.detail = detail
    }
}

extension LedgerEngine {
    /// Departments by code or name, commitments by id, counterparty or content, complaints by id,
    /// complainant or content: at most `limit` of each, ids that match exactly first. Kinds, statuses and
    /// stages are worded in `lang`.
    public func search(_ text: String, limit: Int, lang: Lang) throws -> [SearchHit] {
        try actor.require(.read)
        return try reading { r in try SearchHit.find(r, text, limit: limit, lang: lang, actor: actor) }
    }
}

extension SearchHit {
    /// Units, promises and complaints matching the text, and any record by its exact id; what the
    /// actor may not see is left out.
    static func find<R: SQLReader>(_ r: R, _ text: String, limit: Int, lang: Lang, actor: Actor) throws -> [SearchHit] {
        let q = text.trimmingCharacters(in: .whitespaces)
        guard !q.isEmpty else { return [] }
        let like = containsPattern(q)
        let op = r.dialect.like
        var hits: [SearchHit] = []
        try r.each("""
            SELECT code, name, kind, active FROM departments WHERE code \(op) ? ESCAPE '\\' OR name \(op) ? ESCAPE '\\' ORDER BY code LIMIT ?
            """, [like, like, limit]) { row in
            let kind = row.text(2).flatMap(DepartmentKind.init(rawValue:))?.label(lang) ?? ""
            hits.append(SearchHit(kind: .department, id: row.text(0) ?? "", title: row.text(1) ?? "",
                                  detail: kind + ((row.int(3) ?? 1) != 0 ? "" : Text("（已并入）", " (merged)")(lang))))
        }
        for c in try r.all("""
            SELECT * FROM commitments WHERE id = ? UNION ALL
            SELECT * FROM (SELECT * FROM commitments WHERE id <> ? AND (id \(op) ? ESCAPE '\\' OR counterparty \(op) ? ESCAPE '\\' OR content \(op) ? ESCAPE '\\') LIMIT ?) t
            """, [q, q, like, like, like, limit], { try Commitment(positional: $0) }) where actor.sees(c.department) {
            hits.append(SearchHit(kind: .commitment, id: c.id, title: c.counterparty, detail: "\(c.status.label(lang))  \(c.content)"))
        }
        for c in try r.all("""
            SELECT * FROM complaints WHERE id = ? UNION ALL
            SELECT * FROM (SELECT * FROM complaints WHERE id <> ? AND (id \(op) ? ESCAPE '\\' OR work_order \(op) ? ESCAPE '\\' OR complainant \(op) ? ESCAPE '\\' OR content \(op) ? ESCAPE '\\')
                           ORDER BY received DESC LIMIT ?) t
            """, [q, q, like, like, like, like, limit], { try Complaint(positional: $0) }) where actor.sees(c.department) {
            hits.append(SearchHit(kind: .complaint, id: c.id, title: c.stage.label(lang), detail: (c.workOrder.map { "[\($0)] " } ?? "") + c.content))
        }
        // Any other record by its exact id (a breach, rectification, finding, round …), and findings by their issue.
        let tables: [(String, Text)] = [("breaches", Text("失信", "breach")), ("rectifications", Text("整改", "rectification")),
                                        ("accountability", Text("问责", "accountability")), ("opinions", Text("舆情", "opinion")),
                                        ("findings", Text("检查发现", "finding")), ("inspections", Text("督促检查", "round")),
                                        ("escalations", Text("上报", "escalation")), ("bulletins", Text("督查通报", "bulletin"))]
        for (table, word) in tables where try r.int("SELECT count(*) FROM \(table) WHERE id = ?", [q]) > 0 {
            hits.append(SearchHit(kind: .record, id: q, title: word(lang), detail: ""))
        }
        // A unit's letters and difficulty reports by their exact id, for who may see the unit.
        for (table, word) in [("letters", Text("督办函", "supervision letter")), ("difficulties", Text("困难问题报告", "difficulty report"))] {
            try r.each("SELECT department FROM \(table) WHERE id = ?", [q]) { row in
                if actor.sees(row.text(0) ?? "") { hits.append(SearchHit(kind: .record, id: q, title: word(lang), detail: "")) }
            }
        }
        for f in try r.records(Finding.self, "SELECT * FROM findings WHERE id <> ? AND issue \(op) ? ESCAPE '\\' ORDER BY date DESC LIMIT ?",
                               [q, like, limit]) where actor.sees(f.department) {
            hits.append(SearchHit(kind: .record, id: f.id, title: Text("检查发现", "finding")(lang), detail: f.issue))
        }
        return hits
    }
}
