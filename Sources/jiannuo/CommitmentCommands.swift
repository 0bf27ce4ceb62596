import ArgumentParser
import JiannuoCore
import JiannuoStore

struct CommitmentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "commitment", abstract: "政府承诺：登记、进展、兑现、反馈、变更",
        subcommands: [Add.self, List.self, Show.self, Progress.self, Fulfill.self, Feedback.self, Amend.self])

    struct Add: JiannuoCommand {
        static let configuration = CommandConfiguration(abstract: "登记承诺事项")
        @Option(help: "责任单位代码") var department: String
        @Option(help: "类别 1–6") var category: Int
        @Option(help: "policy|contract|letter") var kind: String
        @Option(help: "对方名称（企业或群众）") var counterparty: String
        @Option(name: .customLong("credit-code"), help: "统一社会信用代码") var creditCode: String?
        @Option(help: "承诺内容") var content: String
        @Option(help: "承诺日期") var made: String
        @Option(help: "兑现时限") var deadline: String
        @Option(help: "金额（元，最多两位小数）") var amount: String?
        @Option(help: "已履行的决策程序：public,expert,risk,legality,collective") var procedures: String?
        @Option(help: "交付日期（拖欠账款类，用于计算付款期限）") var delivered: String?
        @Option(name: .customLong("payment-days"), help: "合同约定的付款期限（天，最多 60）") var paymentDays: Int?
        @OptionGroup var global: GlobalOptions

        func execute(_ out: Output) throws {
            let procs = try (procedures ?? "").split(separator: ",").map {
                try Procedure.parse(String($0).trimmingCharacters(in: .whitespaces), Field("决策程序", "procedure"))
            }
            let store = try out.store()
            let draft = CommitmentDraft(department: try store.unitCode(department), kind: try CommitmentKind.parse(kind, Field("承诺类型", "kind")),
                                        category: category, counterparty: counterparty, creditCode: creditCode, content: content,
                                        amount: amount, made: made, deadline: deadline, procedures: procs,
                                        deliveredOn: delivered, paymentDays: paymentDays)
            let c = try store.addCommitment(draft)
            out.record(CommitmentView(c: c)) {
                out.say("已登记承诺 \(c.id)：\(c.counterparty)，兑现时限 \(c.deadline)", "added commitment \(c.id), due \(c.deadline)")
                if !c.missingProcedures.isEmpty {
                    out.say("注意：未履行的决策程序：\(c.missingProcedures.map(\.label).joined(separator: "、"))",
                            "note: decision procedures not done: \(c.missingProcedures.map(\.english).joined(separator: ", "))")
                }
            }
        }
    }

    struct List: JiannuoCommand {
        static let configuration = CommandConfiguration(abstract: "列出承诺（--status 可为 open 或任一状态）")
        @OptionGroup var filters: FilterOptions
        @OptionGroup var global: GlobalOptions

        func execute(_ out: Output) throws {
            let list = try out.reader().commitments(try filters.filter())
            if out.json { out.emit(list.map { CommitmentView(c: $0) }); return }
            let today = try global.clock().today
            var t = out.table(["编号|id", "单位|unit", "类别|category", "对方|counterparty", "兑现时限|deadline", "剩余|left", "状态|status", "进度|progress"],
                              right: [5, 7])
            for c in list {
                t.add([c.id, c.department, "\(c.category)", c.counterparty, c.deadline.string,
                       c.status.isOpen ? out.daysLeft(today.days(until: c.deadline)) : "", c.status.label(out.lang), "\(c.progress)%"])
            }
            out.line(t.render())
            out.total(list.count, "commitments")
        }
    }

    struct Show: JiannuoCommand {
        static let configuration = CommandConfiguration(abstract: "查看承诺及其进展、反馈、变更")
        @Argument var id: String
        @OptionGroup var global: GlobalOptions

        func execute(_ out: Output) throws {
            let store = try out.reader()
            let c = try store.commitment(id)
            let view = CommitmentView(c: c, entries: try store.commitmentEntries(id), amendments: try store.amendments(id))
            out.record(view) { out.detail(id, store) }
        }
    }

    struct Progress: JiannuoCommand {
        static let configuration = CommandConfiguration(abstract: "记录兑现进展")
        @Argument var id: String
        @Option(help: "进度 0–100") var percent: Int
        @Option(help: "状态：in_progress|stalled|partially_fulfilled|unfulfilled|not_started") var status: String?
        @Option(help: "说明") var note: String?
        @Option(help: "进展日期（默认今天）") var date: String?
        @OptionGroup var global: GlobalOptions

        func execute(_ out: Output) throws {
            let status = try status.map { try CommitmentStatus.parse($0, Field("状态", "status")) }
            let c = try out.store().recordProgress(id, percent: percent, status: status, note: note,
                                                   date: try parseDay(date, "进展日期", "--date"))
            out.record(CommitmentView(c: c)) { out.say("\(c.id) 进度 \(c.progress)%（\(c.status.label)）", "\(c.id) at \(c.progress)% (\(c.status.english))") }
        }
    }

    struct Fulfill: JiannuoCommand {
        static let configuration = CommandConfiguration(abstract: "标记已兑现")
        @Argument var id: String
        @Option(help: "兑现日期") var date: String?
        @Option(help: "说明") var note: String?
        @OptionGroup var global: GlobalOptions

        func execute(_ out: Output) throws {
            let c = try out.store().fulfill(id, date: try parseDay(date, "兑现日期", "--date"), note: note)
            out.record(CommitmentView(c: c)) { out.say("\(c.id) 已于 \(c.fulfilledOn!) 兑现", "\(c.id) fulfilled on \(c.fulfilledOn!)") }
        }
    }

    struct Feedback: JiannuoCommand {
        static let configuration = CommandConfiguration(abstract: "记录向社会或对方的兑现反馈")
        @Argument var id: String
        @Option(help: "反馈内容") var text: String
        @Option(help: "反馈日期（默认今天）") var date: String?
        @OptionGroup var global: GlobalOptions

        func execute(_ out: Output) throws {
            let e = try out.store().addFeedback(id, text: text, date: try parseDay(date, "反馈日期", "--date"))
            out.record(e) { out.say("已记录 \(id) 的反馈", "feedback recorded for \(id)") }
        }
    }

    struct Amend: JiannuoCommand {
        static let configuration = CommandConfiguration(abstract: "依法变更承诺（保留原条款）")
        @Argument var id: String
        @Option(help: "新的兑现时限") var deadline: String?
        @Option(help: "新的承诺内容") var content: String?
        @Option(help: "变更事由（国家利益、公共利益或其他法定事由）") var reason: String
        @Option(name: .customLong("legal-basis"), help: "法律依据") var legalBasis: String
        @Option(help: "批准人") var approver: String
        @Option(help: "变更日期（默认今天；只改变此后的条款）") var date: String?
        @OptionGroup var global: GlobalOptions

        func execute(_ out: Output) throws {
            let (c, a) = try out.store().amend(id, deadline: try parseDay(deadline, "兑现时限", "--deadline"), content: content,
                                               reason: reason, legalBasis: legalBasis, approver: approver,
                                               date: try parseDay(date, "变更日期", "--date"))
            out.record(CommitmentView(c: c, amendments: [a])) {
                out.say("\(c.id) 已变更：时限 \(a.oldDeadline) → \(a.newDeadline)", "\(c.id) amended: deadline \(a.oldDeadline) → \(a.newDeadline)")
            }
        }
    }
}
