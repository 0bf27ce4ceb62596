import ArgumentParser
import Foundation
import JiannuoCore
import JiannuoStore
import JiannuoTUI

struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: T("审计日志：查看、校验哈希链与账本摘要、输出锚点", "Audit log: list it, verify the hash chain and the ledger digests, print an anchor"), subcommands: [List.self, Verify.self, Anchor.self])

    struct List: JiannuoCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: T("列出审计日志（最新在前）", "List the audit log (newest first)"))
        @Option(help: H("对象类型，如 complaint", "Record type, e.g. complaint")) var entity: String?
        @Option(help: H("对象编号", "Record ID")) var id: String?
        @Option(help: H("最多条数", "Maximum number of entries")) var limit: Int = 50
        @OptionGroup var global: GlobalOptions
        func execute(_ out: Output) throws {
            // Records in the log carry complainants' contacts: masked here like everywhere.
            let list = try out.reader().auditEntries(entity: entity, id: id, limit: limit).map { e -> AuditEntry in
                var m = e
                m.before = e.before.map(Privacy.maskJSON)
                m.after = e.after.map(Privacy.maskJSON)
                m.state = nil   // the digests are for verify, not for reading
                return m
            }
            if out.json { out.emit(list); return }
            var t = out.table(["序号|seq", "录入时间|entered", "所称日期|claimed", "操作人|by", "操作|action", "对象|record"], right: [0])
            for e in list {
                t.add(["\(e.seq)", DateTime(e.at).map(\.string) ?? e.at, e.claimed.map { $0.count == 10 ? $0 : DateTime($0)?.string ?? $0 } ?? "",
                       e.operatorName, AuditWords.word(e.action, out.lang), "\(AuditWords.entity(e.entity, out.lang)) \(e.entityId)"])
            }
            out.line(t.render())
        }
    }

    struct Verify: JiannuoCommand {
        static let configuration = CommandConfiguration(commandName: "verify",
            abstract: T("校验哈希链与每张台账表：完好退出 0；日志或台账在程序之外被改动退出 65 并指出何处", "Verify the hash chain and every ledger table: exits 0 when intact; exits 65 and says where if the log or the ledger was changed outside the program"),
            discussion: T("--anchor SEQ:HASH：另行保存的锚点（jiannuo audit anchor 或公示台账末尾），日志须仍含该行且其后链条完好。", "--anchor SEQ:HASH: an anchor kept elsewhere (from jiannuo audit anchor or the end of a published ledger); the log must still contain that entry, with the chain after it intact."))
        @Option(help: H("另行保存的锚点 SEQ:HASH", "Anchor SEQ:HASH kept elsewhere")) var anchor: String?
        @OptionGroup var global: GlobalOptions
        func execute(_ out: Output) throws {
            let kept = try anchor.map { text -> AuditChain.Anchor in
                guard let a = AuditChain.Anchor(text) else {
                    throw JiannuoError.usage("锚点“\(Sanitize.visible(text))”格式无效，应为 序号:64位十六进制哈希",
                                             "anchor \"\(Sanitize.visible(text))\" is invalid: SEQ:HASH (64 hex digits)")
                }
                return a
            }
            let store = try out.reader()
            // A line that rewrites itself on a terminal: a province ledger takes seconds.
            let tty = isatty(STDERR_FILENO) == 1 && !out.json
            let progress: ((String) -> Void)? = tty ? { step in
                let word = Int(step) != nil ? (out.lang == .zh ? "已校验 \(step) 行日志" : "checked \(step) log rows")
                                            : (out.lang == .zh ? "正在核对表 \(step)" : "summing table \(step)")
                FileHandle.standardError.write(Data("\r\u{1B}[K\(word)".utf8))
            } : nil
            let r = try store.verifyAudit(anchor: kept, progress: progress)
            if tty { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
            struct Problem: Encodable { let table: String?; let records: [String]; let reason: String }
            struct Result: Encodable {
                let intact: Bool; let rows: Int; let first_bad: Int64?; let reason: String?; let head: String?
                let tampered: [Problem]
            }
            var reasons: [Text] = r.reason.map { [$0] } ?? []
            reasons += r.tampered.map(\.reason)
            if out.json {
                out.emit(Result(intact: r.intact, rows: r.rows, first_bad: r.firstBad, reason: reasons.first?(out.lang), head: r.head?.description,
                                tampered: r.tampered.map { Problem(table: $0.table, records: $0.records, reason: $0.reason(out.lang)) }))
            }
            if r.intact {
                if !out.json {
                    out.say("审计日志完好：\(r.rows) 行，哈希链连续，各台账表与日志记载的摘要一致\(kept.map { "；锚点 \($0.seq) 仍在链中" } ?? "")",
                            "audit log intact: \(r.rows) rows, the chain holds and every ledger table matches its digests\(kept.map { "; anchor \($0.seq) is in the chain" } ?? "")")
                }
                return
            }
            if !out.json, reasons.count > 1 {
                for why in reasons.dropFirst() { FileHandle.standardError.write(Data(("  " + why(out.lang) + "\n").utf8)) }
            }
            let first = reasons.first ?? Text("校验未通过", "verification failed")
            throw JiannuoError.invalid("账本被改动：\(first.zh)", "the ledger was tampered with: \(first.en)")
        }
    }

    struct Anchor: JiannuoCommand {
        static let configuration = CommandConfiguration(commandName: "anchor",
            abstract: T("输出链头锚点 SEQ:HASH DATE：抄录或打印保存，日后用 audit verify --anchor 证明日志只增未改", "Print the anchor of the chain head, SEQ:HASH DATE: copy it down or print it and keep it, to prove later with audit verify --anchor that the log was only appended to, never altered"))
        @OptionGroup var global: GlobalOptions
        func execute(_ out: Output) throws {
            guard let (a, at) = try out.reader().auditAnchor() else {
                throw JiannuoError.notFound("审计日志为空，还没有锚点", "the audit log is empty: no anchor yet")
            }
            let day = DateTime(at)?.day.string ?? String(at.prefix(10))
            struct R: Encodable { let anchor: String; let seq: Int64; let hash: String; let date: String }
            out.record(R(anchor: a.description, seq: a.seq, hash: a.hash, date: day)) { out.line("\(a) \(day)") }
        }
    }
}
