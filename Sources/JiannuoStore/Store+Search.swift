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

extension Store {
    /// A LIKE pattern (with `ESCAPE '\'`) matching text that contains `text` as typed: `%`, `_` and `\`
    /// are what the officer typed, not wildcards.
    static func containsPattern(_ text: String) -> String {
        var out = "%"
        for c in text {
            if c == "%" || c == "_" || c == "\\" { out.append("\\") }
            out.append(c)
        }
        return out + "%"
    }

    /// Departments by code or name, commitments by id, counterparty or content, complaints by id,
    /// complainant or content: at most `limit` of each, ids that match exactly first. Kinds, statuses and
    /// stages are worded in `lang`.
    public func search(_ text: String, limit: Int = 20, lang: Lang = .zh) throws -> [SearchHit] {
        let q = text.trimmingCharacters(in: .whitespaces)
        guard !q.isEmpty else { return [] }
        let like = Store.containsPattern(q)
        return try read { db in
            var hits: [SearchHit] = []
            for row in try Row.fetchAll(db, sql: """
                SELECT code, name, kind, active FROM departments WHERE code LIKE ? ESCAPE '\\' OR name LIKE ? ESCAPE '\\' ORDER BY code LIMIT ?
                """, arguments: [like, like, limit]) {
                let kind = DepartmentKind(rawValue: row["kind"])?.label(lang) ?? ""
                hits.append(SearchHit(kind: .department, id: row["code"], title: row["name"],
                                      detail: kind + ((row["active"] as Bool) ? "" : Text("（已并入）", " (merged)")(lang))))
            }
            for c in try Commitment.fetchAll(db, sql: """
                SELECT * FROM commitments WHERE id = ? UNION ALL
                SELECT * FROM (SELECT * FROM commitments WHERE id <> ? AND (id LIKE ? ESCAPE '\\' OR counterparty LIKE ? ESCAPE '\\' OR content LIKE ? ESCAPE '\\') LIMIT ?)
                """, arguments: [q, q, like, like, like, limit]) {
                guard actor.sees(c.department) else { continue }
                hits.append(SearchHit(kind: .commitment, id: c.id, title: c.counterparty, detail: "\(c.status.label(lang))  \(c.content)"))
            }
            for c in try Complaint.fetchAll(db, sql: """
                SELECT * FROM complaints WHERE id = ? UNION ALL
                SELECT * FROM (SELECT * FROM complaints WHERE id <> ? AND (id LIKE ? ESCAPE '\\' OR complainant LIKE ? ESCAPE '\\' OR content LIKE ? ESCAPE '\\')
                               ORDER BY received DESC LIMIT ?)
                """, arguments: [q, q, like, like, like, limit]) {
                guard actor.sees(c.department) else { continue }
                hits.append(SearchHit(kind: .complaint, id: c.id, title: c.stage.label(lang), detail: c.content))
            }
            // Any other record by its exact id (a breach, rectification, finding, round …), and findings by their issue.
            let tables: [(String, Text)] = [("breaches", Text("失信", "breach")), ("rectifications", Text("整改", "rectification")),
                                            ("accountability", Text("问责", "accountability")), ("opinions", Text("舆情", "opinion")),
                                            ("findings", Text("检查发现", "finding")), ("inspections", Text("督促检查", "round")),
                                            ("escalations", Text("上报", "escalation"))]
            for (table, word) in tables where try Bool.fetchOne(db, sql: "SELECT 1 FROM \(table) WHERE id = ?", arguments: [q]) == true {
                hits.append(SearchHit(kind: .record, id: q, title: word(lang), detail: ""))
            }
            for f in try Finding.fetchAll(db, sql: "SELECT * FROM findings WHERE id <> ? AND issue LIKE ? ESCAPE '\\' ORDER BY date DESC LIMIT ?",
                                          arguments: [q, like, limit]) where actor.sees(f.department) {
                hits.append(SearchHit(kind: .record, id: f.id, title: Text("检查发现", "finding")(lang), detail: f.issue))
            }
            return hits
        }
    }
}
