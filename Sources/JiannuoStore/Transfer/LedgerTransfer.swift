import GRDB
import JiannuoCore

/// A whole ledger as tables of values (`export --all`, `import --all`): every table of the ledger but its
/// accounts, with its stored values, so that a county moved to a new ledger has the same records, ids and
/// scores. The audit log is not carried: the new ledger's chain starts with the import, which records the
/// source's anchor; attachments carry their names, sizes and hashes, not their files.
public struct LedgerTable: Sendable {
    public var name: String
    public var columns: [String]
    public var rows: [[TransferValue]]
    public init(name: String, columns: [String], rows: [[TransferValue]]) { self.name = name; self.columns = columns; self.rows = rows }
}

/// A stored value: SQLite's four storage classes (and PostgreSQL's text of them).
public enum TransferValue: Sendable, Equatable {
    case null, integer(Int64), real(Double), text(String)
}

public struct TransferResult: Sendable, Encodable {
    public var tables: [String: Int] = [:]
    public var source_anchor: String?
}

enum LedgerTransfer {
    /// The tables in the order their references need (a row's parent first); `users` is the host's.
    static let order = ["departments", "department_events", "calendar_years", "calendar_overrides", "sequences",
                        "commitments", "commitment_entries", "amendments",
                        "complaints", "complaint_steps", "complaint_rounds", "followups",
                        "inspections", "findings", "breaches", "rectifications", "accountability", "escalations", "opinions", "dated_claims",
                        "attachments", "difficulties", "letters", "bulletins"]

    static func columns<R: SQLReader>(_ r: R, _ table: String) throws -> [String] {
        r.dialect.postgres
            ? try r.all("""
                SELECT column_name FROM information_schema.columns
                WHERE table_schema = current_schema() AND table_name = ? AND is_generated = 'NEVER' ORDER BY ordinal_position
                """, [table]) { $0.text(0) ?? "" }
            : try r.all("SELECT name FROM pragma_table_xinfo(?) WHERE hidden = 0 ORDER BY cid", [table]) { $0.text(0) ?? "" }
    }

    static func value(_ v: DatabaseValue) -> TransferValue {
        switch v.storage {
        case .null: .null
        case .int64(let i): .integer(i)
        case .double(let d): .real(d)
        case .string(let s): .text(s)
        case .blob(let b): .text(String(decoding: b, as: UTF8.self))
        }
    }
}

extension LedgerEngine {
    /// Every table but the accounts, in reference order. Complainants' contacts go out whole: an
    /// administrator's, and audited as a reveal of every complaint's contact.
    public func exportAll() throws -> (tables: [LedgerTable], anchor: String?) {
        try authorize(.backup)
        try actor.require(.revealContact)
        let out = try reading { r -> ([LedgerTable], String?) in
            var tables: [LedgerTable] = []
            for t in LedgerTransfer.order {
                let columns = try LedgerTransfer.columns(r, t)
                let list = columns.map { "\"\($0)\"" }.joined(separator: ", ")
                let rows = try r.all("SELECT \(list) FROM \(t) ORDER BY 1", []) { row in (0..<row.count).map { row.stored($0) } }
                tables.append(LedgerTable(name: t, columns: columns, rows: rows))
            }
            var anchor: String? = nil
            try r.each("SELECT value FROM meta WHERE key = 'audit_head'", []) { anchor = $0.text(0) }
            return (tables, anchor)
        }
        try recordReveal(entity: "complaint", id: "export-all", field: "contact", count: out.0.first { $0.name == "complaints" }?.rows.count ?? 0)
        return out
    }

    /// Loads a whole ledger into this one, which must hold no records yet, in one transaction: each table's
    /// columns must be this ledger's; the kept counts are rebuilt; one audit row records the import and
    /// the source's anchor.
    public func importAll(_ tables: [LedgerTable], source: String, sourceAnchor: String?) throws -> TransferResult {
        try authorize(.importLedger)
        let byName = Dictionary(tables.map { ($0.name, $0) }) { a, _ in a }
        if let unknown = tables.first(where: { !LedgerTransfer.order.contains($0.name) }) {
            throw JiannuoError.invalid("整本导入：未知的表“\(Sanitize.visible(unknown.name))”（可有：\(LedgerTransfer.order.joined(separator: "、"))）",
                                       "whole-ledger import: unknown table \(unknown.name)")
        }
        return try transaction { w, audit in
            for t in ["departments", "commitments", "complaints"] where try w.int("SELECT count(*) FROM \(t)") > 0 {
                throw JiannuoError.invalid("整本导入只用于新账本：本账本已有 \(t) 记录（请先 jiannuo init 一个新文件）",
                                           "a whole-ledger import is for a new ledger: this one already has \(t) (init a new file first)")
            }
            try w.execute(w.dialect.postgres ? "SET CONSTRAINTS ALL DEFERRED" : "PRAGMA defer_foreign_keys = ON", [])
            var result = TransferResult(source_anchor: sourceAnchor)
            for name in LedgerTransfer.order {
                guard let t = byName[name] else { continue }
                let columns = try LedgerTransfer.columns(w, name)
                if let extra = t.columns.first(where: { !columns.contains($0) }) {
                    throw JiannuoError.invalid("整本导入：表 \(name) 没有列“\(Sanitize.visible(extra))”（文件来自更新的版本？）",
                                               "whole-ledger import: table \(name) has no column \(extra)")
                }
                // `sequences` may hold this ledger's own first rows: the source's replace them.
                if name == "sequences" { try w.execute("DELETE FROM sequences", []) }
                let sql = "INSERT INTO \(name) (\(t.columns.map { "\"\($0)\"" }.joined(separator: ", "))) VALUES (\(t.columns.map { _ in "?" }.joined(separator: ", ")))"
                for row in t.rows {
                    try w.execute(sql, row.map { v -> DatabaseValueConvertible? in
                        switch v {
                        case .null: nil
                        case .integer(let i): i
                        case .real(let d): d
                        case .text(let s): s
                        }
                    })
                }
                result.tables[name] = t.rows.count
            }
            try rebuildKeptCountTables(w)
            try audit.record("import.all", entity: "ledger", id: source, after: result)
            return result
        }
    }
}
