import JiannuoCore

/// `audit verify` for a ledger schema in PostgreSQL: the same walk along the chain as in SQLite
/// (`AuditChain.ChainWalk`), then every ledger table summed afresh, row hash by row hash, and
/// compared with the digests of the last entry and with those the triggers keep.
enum PGLedgerCheck {
    static func verify(_ conn: PGConnection, schema: String, anchor: AuditChain.Anchor? = nil,
                       progress: ((String) -> Void)? = nil) throws -> AuditChain.Report {
        try conn.transaction(PGConnection.snapshotReading) {
            try verifyInTransaction(conn, schema: schema, anchor: anchor, progress: progress)
        }
    }

    /// The same, inside the caller's transaction (a migration checks what it copied before it commits).
    static func verifyInTransaction(_ conn: PGConnection, schema: String, anchor: AuditChain.Anchor? = nil,
                                    progress: ((String) -> Void)? = nil) throws -> AuditChain.Report {
        try conn.execute("SET LOCAL search_path = \(PGSQL.quoted(schema))")
        var walk = AuditChain.ChainWalk(anchor: anchor, progress: progress)
        var bad: AuditChain.Report? = nil
        try conn.each("SELECT seq, at, operator, action, entity, entity_id, before, after, prev_hash, hash, claimed, state FROM audit_log ORDER BY seq") { r in
            guard bad == nil else { return }
            guard let seq = r[0].flatMap({ Int64($0) }) else { bad = walk.unreadableSeq(); return }
            let entry = AuditEntry(seq: seq, at: r[1] ?? "", operatorName: r[2] ?? "", action: r[3] ?? "", entity: r[4] ?? "",
                                   entityId: r[5] ?? "", before: r[6], after: r[7], prevHash: r[8] ?? "", hash: r[9] ?? "",
                                   claimed: r[10], state: r[11])
            bad = walk.check(entry)
        }
        if let bad { return bad }
        let head = try conn.execute("SELECT value FROM meta WHERE key = 'audit_head'").rows.first?[0]
        if let bad = walk.end(storedHead: head) { return bad }
        var report = walk.report
        report.tampered = try checkTables(conn, schema: schema, lastState: walk.lastState, progress: progress)
            + (try AuditChain.zoneProblems(PGReader(connection: conn)))
        // The kept counts are the owner's (officers' sessions see none of their rows): checked by the owner.
        let owner = try conn.execute("""
            SELECT pg_has_role(current_user, tableowner, 'MEMBER') FROM pg_tables WHERE schemaname = $1 AND tablename = 'score_facts'
            """, [schema]).rows.first?[0] == "t"
        progress?("attachments")
        report.tampered += try PGAttachmentFiles.problems(conn)
        if owner {
            progress?("score_facts")
            report.tampered += AuditChain.keptCountProblems(try KeptCountsCheck.differences(PGReader(connection: conn)))
        }
        return report
    }

    /// The stored (not generated) columns of a table, in order: what a row's hash covers.
    static func columns(_ conn: PGConnection, schema: String, table: String) throws -> [String] {
        try conn.execute("""
            SELECT column_name FROM information_schema.columns
            WHERE table_schema = $1 AND table_name = $2 AND is_generated = 'NEVER' ORDER BY ordinal_position
            """, [schema, table]).rows.map { $0[0] ?? "" }
    }

    /// The stored columns of a table with their storage classes.
    static func typedColumns(_ conn: PGConnection, schema: String, table: String) throws -> [(String, PGRowHasher.Kind)] {
        try conn.execute("""
            SELECT column_name, data_type FROM information_schema.columns
            WHERE table_schema = $1 AND table_name = $2 AND is_generated = 'NEVER' ORDER BY ordinal_position
            """, [schema, table]).rows.map { ($0[0] ?? "", PGRowHasher.kind(ofType: $0[1] ?? "")) }
    }

    /// Every ledger table's digest summed from its rows now, as `LedgerDigest.recompute` sums them:
    /// the rows streamed out by COPY and hashed here.
    static func recompute(_ conn: PGConnection, schema: String, progress: ((String) -> Void)? = nil) throws -> [String: Digest256] {
        var out: [String: Digest256] = [:]
        for t in LedgerDigest.tables {
            progress?(t)
            out[t] = try sum(conn, schema: schema, table: t, rows: "")
        }
        return out
    }

    /// The sum of the row hashes of `table`; `rows` narrows them (`ORDER BY … LIMIT …`).
    static func sum(_ conn: PGConnection, schema: String, table: String, rows: String) throws -> Digest256 {
        let columns = try typedColumns(conn, schema: schema, table: table)
        var hasher = PGRowHasher(table: table, kinds: columns.map(\.1))
        var sum = Digest256()
        let list = columns.map { PGSQL.quoted($0.0) }.joined(separator: ", ")
        try conn.copyOut("COPY (SELECT \(list) FROM \(PGSQL.quoted(schema)).\(PGSQL.quoted(table)) \(rows)) TO STDOUT") { line in
            sum.add(try hasher.hash(line))
        }
        return sum
    }

    /// Whether the triggers' SQL hashes rows as this program does, tried on a few rows of each table:
    /// the tables whose hashes differ (`jn_enc` replaced, or a column's type changed).
    static func encodingDiffers(_ conn: PGConnection, schema: String) throws -> [String] {
        var out: [String] = []
        for t in LedgerDigest.tables {
            let columns = try columns(conn, schema: schema, table: t)
            // By the key (each table's first column), not `ctid`: column grants do not reach system columns.
            let sample = "ORDER BY \(PGSQL.quoted(columns.first ?? "1")) LIMIT 5"
            var server = Digest256()
            for r in try conn.execute("SELECT * FROM (\(PGDigestSQL.rowHashes(table: t, columns: columns)) \(sample)) h").rows {
                if let d = r[0].flatMap(Digest256.init(byteaHex:)) { server.add(d) }
            }
            if server != (try sum(conn, schema: schema, table: t, rows: sample)) { out.append(t) }
        }
        return out
    }

    static func stored(_ conn: PGConnection) throws -> [String: Digest256] {
        var out: [String: Digest256] = [:]
        for r in try conn.execute("SELECT tbl, digest FROM ledger_digest").rows {
            if let t = r[0], let d = r[1].flatMap(Digest256.init(hex:)) { out[t] = d }
        }
        return out
    }

    static func checkTables(_ conn: PGConnection, schema: String, lastState: String?, progress: ((String) -> Void)?) throws -> [AuditChain.Problem] {
        var problems: [AuditChain.Problem] = []
        // A table is digested when all three of its triggers (insert, update, delete) are in place and enabled.
        let present = Set(try conn.execute("""
            SELECT c.relname FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = $1 AND g.tgname = ANY($2::text[]) AND g.tgenabled <> 'D' GROUP BY c.relname HAVING count(*) = 3
            """, [schema, PGSQL.array(PGDigestSQL.triggerNames)]).rows.compactMap { $0[0] })
        let missing = LedgerDigest.tables.filter { !present.contains($0) }
        let differs = try encodingDiffers(conn, schema: schema)
        if !differs.isEmpty {
            problems.append(AuditChain.Problem(reason: Text("数据库中计算摘要的函数与程序不一致（jn_enc 被改动？）：\(differs.joined(separator: "、"))",
                                                            "the database's digest functions no longer hash as the program does (jn_enc altered?): \(differs.joined(separator: ", "))"),
                                               table: nil, records: []))
        }
        if !missing.isEmpty {
            problems.append(AuditChain.Problem(reason: Text("摘要触发器被删除或停用：\(missing.joined(separator: "、"))",
                                                            "digest triggers were dropped or disabled: \(missing.joined(separator: ", "))"),
                                               table: nil, records: []))
        }
        let expected = lastState.map(LedgerDigest.decode) ?? [:]
        let actual = try recompute(conn, schema: schema, progress: progress)
        let kept = try stored(conn)
        for t in LedgerDigest.tables {
            let want = expected[t] ?? .zero
            guard actual[t] ?? .zero != want || (lastState != nil && kept[t] ?? .zero != want) else { continue }
            problems.append(AuditChain.Problem(reason: Text("表 \(t) 的内容与审计日志记载的摘要不符：有记录在程序之外被插入、改动或删除",
                                                            "table \(t) does not match the digests in the audit log: rows were inserted, changed or deleted outside the program"),
                                               table: t, records: []))
        }
        return problems
    }
}

extension Digest256 {
    /// From PostgreSQL's text form of a 32-byte bytea, `\x` and 64 hex digits.
    init?(byteaHex text: String) {
        guard text.hasPrefix("\\x") else { return nil }
        self.init(hex: String(text.dropFirst(2)))
    }
}
