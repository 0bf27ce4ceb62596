import GRDB
import JiannuoCore

/// What an import checks and records, the same on both engines: ids repeated in the file, records
/// already there (skipped: importing a file twice adds nothing), references to units and promises
/// that do not exist (the whole import refused, each problem naming its row and column), and the
/// yearly series moved past the ids imported.
enum ImportChecks {
    /// A row's check, given what it needs read once beforehand (a query per row costs more than the insert).
    typealias Check<R> = (R, Int, inout [SheetProblem]) -> Void

    /// Rows of the file that repeat an earlier row's id.
    static func repeated<R>(_ rows: [(Int, R)], idOf: KeyPath<R, String>) -> [SheetProblem] {
        var problems: [SheetProblem] = [], seen: [String: Int] = [:]
        for (row, r) in rows {
            if let first = seen[r[keyPath: idOf]] {
                problems.append(SheetProblem(row: row, column: "id", reason: Text("与第 \(first) 行编号重复", "same id as row \(first)")))
            }
            seen[r[keyPath: idOf]] = row
        }
        return problems
    }

    /// The rows new to the ledger, how many were already there, and what refuses the import.
    /// `skipBad`: a row with a problem is left out of `fresh` (its problems still listed).
    static func sort<R: TableRecord, W: SQLReader>(_ w: W, _ rows: [(Int, R)], idOf: KeyPath<R, String>,
                                                   check: Check<R>, skipBad: Bool = false) throws -> (fresh: [R], skipped: Int, problems: [SheetProblem]) {
        let table = R.databaseTableName
        let existing = Set(try w.all("SELECT \(table == "departments" ? "code" : "id") FROM \(table)", []) { $0.text(0) ?? "" })
        var fresh: [R] = [], skipped = 0, problems = repeated(rows, idOf: idOf)
        let repeatedRows = Set(problems.map(\.row))
        for (row, r) in rows {
            if existing.contains(r[keyPath: idOf]) { skipped += 1; continue }
            let before = problems.count
            check(r, row, &problems)
            if skipBad && (problems.count > before || repeatedRows.contains(row)) { continue }
            fresh.append(r)
        }
        return (fresh, skipped, problems)
    }

    static func codes<W: SQLReader>(_ w: W, _ sql: String) throws -> Set<String> { Set(try w.all(sql, []) { $0.text(0) ?? "" }) }

    static func unknownUnit(_ row: Int, _ column: String, _ code: String) -> SheetProblem {
        SheetProblem(row: row, column: column, reason: Text("单位代码 \(code) 不存在", "unknown department \(code)"))
    }

    /// A successor must exist, and no unit may be merged into itself, directly or through the units it
    /// was merged into (as `department merge` refuses): the ledger's successors and the file's together.
    static func departments<W: SQLReader>(_ w: W, file rows: [(Int, Department)]) throws -> Check<Department> {
        let known = try codes(w, "SELECT code FROM departments").union(rows.map(\.1.code))
        var successor: [String: String] = [:]
        try w.each("SELECT code, successor FROM departments WHERE successor IS NOT NULL", []) { r in
            if let c = r.text(0), let s = r.text(1) { successor[c] = s }
        }
        for (_, d) in rows { successor[d.code] = d.successor }
        return { d, row, problems in
            guard let s = d.successor else { return }
            if s == d.code {
                problems.append(SheetProblem(row: row, column: "successor", reason: Text("单位 \(s) 不能并入自身", "unit \(s) cannot be merged into itself")))
                return
            }
            if !known.contains(s) {
                problems.append(SheetProblem(row: row, column: "successor", reason: Text("承继单位 \(s) 不存在", "unknown successor \(s)")))
                return
            }
            var seen: Set<String> = [d.code], next: String? = s
            while let n = next {
                if seen.contains(n) {
                    problems.append(SheetProblem(row: row, column: "successor", reason: Text(
                        "单位 \(d.code) 并入 \(s)，而 \(s) 又（经 \(seen.subtracting([d.code]).sorted().joined(separator: "、"))）并回 \(d.code)：合并不能成环",
                        "unit \(d.code) merged into \(s), which is merged back into it: mergers cannot form a cycle")))
                    return
                }
                seen.insert(n)
                next = successor[n]
            }
        }
    }

    static func commitments<W: SQLReader>(_ w: W) throws -> Check<Commitment> {
        let units = try codes(w, "SELECT code FROM departments")
        return { c, row, problems in
            if !units.contains(c.department) { problems.append(unknownUnit(row, "department", c.department)) }
        }
    }

    static func complaints<W: SQLReader>(_ w: W) throws -> Check<Complaint> {
        let units = try codes(w, "SELECT code FROM departments"), promises = try codes(w, "SELECT id FROM commitments")
        // A work order is registered once per channel: against the ledger and earlier rows of the file.
        var holders: [String: String] = [:]
        try w.each("SELECT channel, work_order, id FROM complaints WHERE work_order IS NOT NULL", []) { r in
            if let ch = r.text(0), let wo = r.text(1), let id = r.text(2) { holders[ch + " " + wo] = id }
        }
        let inFile = Locked<[String: Int]>([:])
        return { c, row, problems in
            if let wo = c.workOrder {
                let key = c.channel.rawValue + " " + wo
                if let id = holders[key], id != c.id {
                    problems.append(SheetProblem(row: row, column: "work_order", reason: Text("工单编号 \(wo) 已登记为 \(id)", "work order \(wo) is already \(id)")))
                } else if let earlier = inFile.update({ seen -> Int? in
                    if let first = seen[key] { return first }
                    seen[key] = row
                    return nil
                }) {
                    problems.append(SheetProblem(row: row, column: "work_order", reason: Text("工单编号 \(wo) 与第 \(earlier) 行重复", "work order \(wo) repeats row \(earlier)")))
                }
            }
            for (key, code) in [("department", c.department), ("returned_from", c.returnedFrom)] {
                if let code, !units.contains(code) { problems.append(unknownUnit(row, key, code)) }
            }
            if let cm = c.commitment, !promises.contains(cm) {
                problems.append(SheetProblem(row: row, column: "commitment", reason: Text("承诺 \(cm) 不存在", "unknown commitment \(cm)")))
            }
        }
    }

    /// After importing `CN-2026-0042`, the next commitment of 2026 is 0043, not a duplicate.
    static func bumpSequences<W: SQLWriter>(_ w: W, ids: [String]) throws {
        var highest: [String: Int] = [:]
        for id in ids {
            let parts = id.split(separator: "-")
            guard parts.count == 3, let n = Int(parts[2]) else { continue }
            let key = "\(parts[0])-\(parts[1])"
            highest[key] = max(highest[key] ?? 0, n)
        }
        for (key, n) in highest.sorted(by: { $0.key < $1.key }) {
            try w.execute("""
                INSERT INTO sequences(prefix, last) VALUES (?, ?) ON CONFLICT(prefix) DO UPDATE SET last = \(w.dialect.greatest(["sequences.last", "excluded.last"]))
                """, [key, n])
        }
    }

    /// The import's audit row.
    static func record(_ audit: any AuditAppending, entity: String, source: String, _ result: ImportResult) throws {
        try audit.append(action: "import.\(entity)", entity: entity, id: source, before: nil,
                         after: "{\"imported\":\(result.imported),\"skipped\":\(result.skipped)" + (result.bad > 0 ? ",\"bad\":\(result.bad)}" : "}"))
    }
}

