import ArgumentParser
import JiannuoCore
import JiannuoStore

struct CommitmentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "commitment", abstract: T("政府承诺：登记、进展、兑现、反馈、变更", "Government commitments: register, progress, fulfilment, response, amendment"),
        subcommands: [Add.self, List.self, Show.self, Progress.self, Fulfill.self, Feedback.self, Amend.self])

    struct Add: JiannuoCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: T("登记承诺事项", "Register a commitment"))
        @Option(help: H("责任单位代码", "Code of the responsible unit")) var department: String
        @Option(help: H("类别 1–6", "Category 1–6")) var category: Int
        @Option(help: "policy|contract|letter") var kind: String
        @Option(help: H("对方名称（企业或群众）", "Name of the counterparty (a business or a member of the public)")) var counterparty: String
        @Option(name: .customLong("credit-code"), help: H("统一社会信用代码", "Unified social credit code")) var creditCode: String?
        @Option(help: H("承诺内容", "Content of the commitment")) var content: String
        @Option(help: H("承诺日期", "Date the commitment was made")) var made: String
        @Option(help: H("兑现时限", "Deadline for fulfilment")) var deadline: String
        @Option(help: H("金额（元，最多两位小数）", "Amount (yuan, at most two decimal places)")) var amount: String?
        @Option(help: H("已履行的决策程序：public,expert,risk,legality,collective", "Decision procedures followed: public,expert,risk,legality,collective")) var procedures: String?
        @Option(help: H("交付日期（拖欠账款类，用于计算付款期限）", "Delivery date (for arrears: used to compute the payment deadline)")) var delivered: String?
        @Option(name: .customLong("payment-days"), help: H("合同约定的付款期限（天，最多 60）", "Payment term agreed in the contract (days, at most 60)")) var paymentDays: Int?
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
        static let configuration = CommandConfiguration(commandName: "list", abstract: T("列出承诺（--status 可为 open 或任一状态）", "List commitments (--status may be open or any status)"))
        @OptionGroup var filters: FilterOptions
        @OptionGroup var global: GlobalOptions

        func execute(_ out: Output) throws {
            let store = try out.reader()
            let list = try store.commitments(try filters.filter())
            if out.json { out.emit(list.map { CommitmentView(c: $0) }); return }
            let names = try store.departmentNames()
            let today = try global.clock().today
            var t = out.table(["编号|id", "单位|unit", "类别|category", "对方|counterparty", "兑现时限|deadline", "剩余|left", "状态|status", "进度|progress"],
                              right: [5, 7])
            for c in list {
                t.add([c.id, names[c.department] ?? c.department, "\(c.category)", c.counterparty, c.deadline.string,
                       c.status.isOpen ? out.daysLeft(today.days(until: c.deadline)) : "", c.status.label(out.lang), "\(c.progress)%"])
            }
            out.line(t.render())
            out.total(list.count, "commitments")
        }
    }

    struct Show: JiannuoCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: T("查看承诺及其进展、反馈、变更", "Show a commitment with its progress, responses and amendments"))
        @Argument var id: String
        @OptionGroup var global: GlobalOptions

        func execute(_ out: Output) throws {
            let store = try out.reader()
            let c = try store.commitment(id)
            let view = CommitmentView(c: c, entries: try store.commitmentEntries(id), amendments: try store.amendments(id),
                                      escalations: try store.escalations(ListFilter(), record: c.id))
            try out.record(view) { try out.detail(id, store) }
        }
    }

    struct Progress: JiannuoCommand {
        static let configuration = CommandConfiguration(commandName: "progress", abstract: T("记录兑现进展", "Record progress towards fulfilment"))
        @Argument var id: String
        @Option(help: H("进度 0–100", "Progress 0–100")) var percent: Int
        @Option(help: H("状态：\(Self.statuses)", "Status: \(Self.statuses)")) var status: String?
        /// What progress may set (fulfilment has its own command).
        static let statuses = [CommitmentStatus.inProgress, .stalled, .partial, .unfulfilled, .notStarted].map(\.rawValue).joined(separator: "|")
        @Option(help: H("说明", "Note")) var note: String?
        @Option(help: H("进展日期（默认今天）", "Date of the progress (default today)")) var date: String?
        @OptionGroup var global: GlobalOptions

        func execute(_ out: Output) throws {
            let status = try status.map { try CommitmentStatus.parse($0, Field("状态", "status")) }
            let store = try out.store()
            let c = try store.recordProgress(id, percent: percent, status: status, note: note,
                                                   date: try parseDay(date, "进展日期", "--date"))
            out.record(CommitmentView(c: c)) {
                out.say("\(c.id) 进度 \(c.progress)%（\(c.status.label)）", "\(c.id) at \(c.progress)% (\(c.status.english))")
                out.sayPending(c.id, store)
            }
        }
    }

    struct Fulfill: JiannuoCommand {
        static let configuration = CommandConfiguration(commandName: "fulfill", abstract: T("标记已兑现", "Mark as fulfilled"))
        @Argument var id: String
        @Option(help: H("兑现日期", "Date fulfilled")) var date: String?
        @Option(help: H("说明", "Note")) var note: String?
        @OptionGroup var global: GlobalOptions

        func execute(_ out: Output) throws {
            let store = try out.store()
            let c = try store.fulfill(id, date: try parseDay(date, "兑现日期", "--date"), note: note)
            out.record(CommitmentView(c: c)) {
                out.say("\(c.id) 已于 \(c.fulfilledOn!) 兑现", "\(c.id) fulfilled on \(c.fulfilledOn!)")
                out.sayPending(c.id, store)
            }
        }
    }

    struct Feedback: JiannuoCommand {
        static let configuration = CommandConfiguration(commandName: "feedback", abstract: T("记录向社会或对方的兑现反馈", "Record a response on fulfilment to the public or to the counterparty"))
        @Argument var id: String
        @Option(help: H("反馈内容", "Text of the response")) var text: String
        @Option(help: H("反馈日期（默认今天）", "Date of the response (default today)")) var date: String?
        @OptionGroup var global: GlobalOptions

        func execute(_ out: Output) throws {
            let store = try out.store()
            let e = try store.addFeedback(id, text: text, date: try parseDay(date, "反馈日期", "--date"))
            out.record(EventView(value: e, ref: e.ref)) {
                out.say("已记录 \(id) 的反馈", "feedback recorded for \(id)")
                out.sayPending(id, store)
            }
        }
    }

    struct Amend: JiannuoCommand {
        static let configuration = CommandConfiguration(commandName: "amend", abstract: T("依法变更承诺（保留原条款）", "Amend a commitment lawfully (the original terms are kept)"))
        @Argument var id: String
        @Option(help: H("新的兑现时限", "New deadline for fulfilment")) var deadline: String?
        @Option(help: H("新的承诺内容", "New content of the commitment")) var content: String?
        @Option(help: H("变更事由（国家利益、公共利益或其他法定事由）", "Reason for the amendment (national interest, public interest or another statutory reason)")) var reason: String
        @Option(name: .customLong("legal-basis"), help: H("法律依据", "Legal basis")) var legalBasis: String
        @Option(help: H("批准人", "Approved by")) var approver: String
        @Option(help: H("变更日期（默认今天；只改变此后的条款）", "Date of the amendment (default today; only the terms from then on change)")) var date: String?
        @OptionGroup var global: GlobalOptions

        func execute(_ out: Output) throws {
            let store = try out.store()
            let (c, a) = try store.amend(id, deadline: try parseDay(deadline, "兑现时限", "--deadline"), content: content,
                                               reason: reason, legalBasis: legalBasis, approver: approver,
                                               date: try parseDay(date, "变更日期", "--date"))
            out.record(CommitmentView(c: c, amendments: [a])) {
                out.say("\(c.id) 已变更：时限 \(a.oldDeadline) → \(a.newDeadline)", "\(c.id) amended: deadline \(a.oldDeadline) → \(a.newDeadline)")
                out.sayPending(c.id, store)
            }
        }
    }
}
