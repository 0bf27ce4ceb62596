import ArgumentParser
import Foundation
import JiannuoCore
import JiannuoStore

/// `migrate --from LEDGER.sqlite --to URI --county CODE`: a county's ledger into the city's PostgreSQL.
struct MigrateCommand: JiannuoCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: T("把一个县（区）的 SQLite 账本迁入市级 PostgreSQL 数据库（一个事务；两端核验审计链与摘要，逐表核对行数）",
                    "Copy a county's SQLite ledger into the city's PostgreSQL database (one transaction; the audit chain and digests verified on both sides, rows counted table by table)"),
        discussion: T("同一账本再次迁移不写入任何内容（退出码 0）；该县已有不同数据时拒绝（65）。源账本未通过审计核验时拒绝（65）。需要源账本的管理员角色，以及数据库中可建模式与角色的账号（CREATEROLE）。",
                      "Migrating the same ledger again writes nothing (exit 0); a county already there with other data is refused (65), as is a source that fails its audit check (65). Needs the admin role in the source ledger, and a database account that may create schemas and roles (CREATEROLE)."))
    @Option(help: H("源账本（SQLite 文件）", "The source ledger (a SQLite file)")) var from: String
    @Option(help: H("目标：PostgreSQL 连接串或 URI（如 postgresql:///jiannuo?host=/run/postgresql）", "Target: a PostgreSQL connection string or URI (e.g. postgresql:///jiannuo?host=/run/postgresql)")) var to: String
    @OptionGroup var global: GlobalOptions

    func execute(_ out: Output) throws {
        guard LedgerAddress(to).isPostgres else {
            throw JiannuoError.usage("--to 须为 PostgreSQL 连接串或 URI（postgresql://…，或 host=… dbname=…），收到“\(Sanitize.visible(to))”",
                                     "--to must be a PostgreSQL connection string or URI (postgresql://…, or host=… dbname=…), not \"\(Sanitize.visible(to))\"")
        }
        guard let county = global.countyCode else {
            throw JiannuoError.usage("请用 --county 给出县（区）代码，如 410422", "give the county (or district) code with --county, e.g. 410422")
        }
        let source = try SQLiteLedger(path: from, clock: try global.clock(), operatorName: try global.account(), access: .read)
        let started = Date()
        let o = try LedgerMigration.run(from: source, to: to, county: county) { step in
            if !out.json && isatty(STDERR_FILENO) == 1 { FileHandle.standardError.write(Data("\r\u{1B}[K\(step)".utf8)) }
        }
        if !out.json && isatty(STDERR_FILENO) == 1 { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        let seconds = Date().timeIntervalSince(started)
        struct R: Encodable { let county: String; let schema: String; let already_there: Bool; let tables: [LedgerMigration.Table]; let audit_rows: Int; let head: String?; let seconds: Double }
        out.record(R(county: o.county, schema: o.schema, already_there: o.alreadyThere, tables: o.tables, audit_rows: o.auditRows, head: o.head,
                     seconds: (seconds * 10).rounded() / 10)) {
            if o.alreadyThere {
                out.say("县（区）\(o.county) 已在城市库中（模式 \(o.schema)），数据与源账本相同：未写入任何内容",
                        "county \(o.county) is already in the city database (schema \(o.schema)) with the same data: nothing was written")
                return
            }
            let rows = o.tables.reduce(0) { $0 + $1.rows }
            out.say("已迁移县（区）\(o.county) 到模式 \(o.schema)：\(o.tables.count) 张表共 \(rows) 行，审计链 \(o.auditRows) 行，两端核验一致（链头 \(o.head ?? "—")），用时 \(String(format: "%.1f", seconds)) 秒",
                    "migrated county \(o.county) into schema \(o.schema): \(rows) rows in \(o.tables.count) tables, \(o.auditRows) audit rows, verified on both sides (head \(o.head ?? "—")), \(String(format: "%.1f", seconds)) s")
        }
    }
}
