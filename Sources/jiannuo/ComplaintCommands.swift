import ArgumentParser
import JiannuoCore
import JiannuoStore

struct ComplaintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "complaint", abstract: T("投诉举报：登记、受理、办结、反馈、延期、退回、核实、回访", "Complaints: register, accept, resolve, respond, extend, return, verify, follow up"),
        subcommands: [Add.self, List.self, Show.self, Accept.self, Resolve.self, Respond.self, Extend.self,
                      Return.self, Verify.self, Followup.self])

    struct Add: JiannuoCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: T("登记投诉", "Register a complaint"))
        @Option(help: "hotline|phone|email|visit|media|inspection") var channel: String
        @Option(help: H("承办单位代码", "Code of the handling unit")) var department: String
        @Option(help: H("投诉内容", "Content of the complaint")) var content: String
        @Option(help: H("收到时间 \"YYYY-MM-DD HH:MM\"（默认现在）", "Time received \"YYYY-MM-DD HH:MM\" (default now)")) var received: String?
        @Option(help: H("normal|urgent|critical（一般/紧急/特急）", "normal|urgent|critical (ordinary/urgent/most urgent)")) var urgency: String = "normal"
        @Option(help: H("投诉人", "Complainant")) var complainant: String?
        @Option(help: H("联系方式", "Contact details")) var contact: String?
        @Option(help: H("类别 1–6", "Category 1–6")) var category: Int?
        @Option(help: H("关联承诺编号", "ID of the related commitment")) var commitment: String?
        @Option(name: .customLong("work-order"), help: H("平台工单编号（如 12345 热线的工单号；同一渠道只登记一次）",
                                                         "The platform's work-order number (12345's, say; registered once per channel)")) var workOrder: String?
        @OptionGroup var global: GlobalOptions

        func execute(_ out: Output) throws {
            let store = try out.store()
            var draft = ComplaintDraft(channel: channel, received: received ?? "", urgency: urgency, complainant: complainant,
                                       contact: contact, department: try store.unitCode(department), category: category.map(String.init),
                                       commitment: commitment, content: content)
            draft.workOrder = workOrder
            let c = try store.addComplaint(draft)
            let unit = try store.departmentNames()[c.department].map { out.t("\($0)（\(c.department)）", "\($0) (\(c.department))") } ?? c.department
            out.record(ComplaintView(c: c)) {
                out.say("已登记投诉 \(c.id)，承办单位 \(unit)，须于 \(c.acceptDue) 前受理",
                        "added complaint \(c.id) for \(unit); accept by \(c.acceptDue)")
            }
        }
    }

    struct List: JiannuoCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: T("列出投诉（--status open|received|accepted|resolved|responded）", "List complaints (--status open|received|accepted|resolved|responded)"))
        @OptionGroup var filters: FilterOptions
        @OptionGroup var global: GlobalOptions

        func execute(_ out: Output) throws {
            let store = try out.reader()
            let list = try store.complaints(try filters.filter())
            if out.json { out.emit(list.map { ComplaintView(c: $0) }); return }
            // People read units by name (the code is in --json and in `department list`).
            let names = try store.departmentNames()
            // The work-order column only where some complaint has one: a list without any reads as before.
            let orders = list.contains { $0.workOrder != nil }
            var t = out.table(["编号|id", "渠道|channel", "收到|received", "紧急|urgency", "单位|unit", "阶段|stage", "当前时限|limit", "联系方式|contact"]
                              + (orders ? ["工单编号|work order"] : []), drop: [1, 3, 7] + (orders ? [8] : []))
            for c in list {
                t.add([c.id, c.channel.label(out.lang), c.received.string, c.urgency.label(out.lang), names[c.department] ?? c.department, c.stage.label(out.lang),
                       c.currentDue?.string ?? "", c.contact.map(Privacy.mask) ?? ""] + (orders ? [c.workOrder ?? ""] : []))
            }
            out.line(t.render())
            out.total(list.count, "complaints")
        }
    }

    struct Show: JiannuoCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: T("查看投诉全部信息与经过", "Show everything about a complaint and its history"))
        @Argument var id: String
        @Flag(help: H("完整显示联系方式（仅领导、管理员；记入审计日志）", "Show the contact details in full (leaders and administrators only; recorded in the audit log)")) var reveal = false
        @OptionGroup var global: GlobalOptions

        func execute(_ out: Output) throws {
            let store = try out.reader()
            let c = try store.complaint(id)
            if reveal { try store.recordReveal(entity: "complaint", id: c.id, field: "contact") }
            try out.record(ComplaintView(c: c, reveal: reveal, escalations: try store.escalations(ListFilter(), record: c.id),
                                         history: try store.complaintHistory(c.id))) {
                try out.detail(id, store, reveal: reveal)
            }
        }
    }

    struct Accept: JiannuoCommand {
        static let configuration = CommandConfiguration(commandName: "accept", abstract: T("受理", "Accept a complaint"))
        @Argument var id: String
        @Option(help: H("受理时间 \"YYYY-MM-DD HH:MM\"（默认现在）", "Time accepted \"YYYY-MM-DD HH:MM\" (default now)")) var at: String?
        @OptionGroup var global: GlobalOptions
        func execute(_ out: Output) throws {
            let store = try out.store()
            let c = try store.accept(id, at: try parseTime(at, "受理时间", "--at", store))
            try out.step(c, .accept, store) { out.say("\(c.id) 已受理，须于 \(c.resolveDue!) 前办结\($0.zh)", "\(c.id) accepted; resolve by \(c.resolveDue!)\($0.en)") }
        }
    }

    struct Resolve: JiannuoCommand {
        static let configuration = CommandConfiguration(commandName: "resolve", abstract: T("办结", "Resolve a complaint"))
        @Argument var id: String
        @Option(help: H("办理结果", "Result of the handling")) var result: String
        @Option(help: H("办结时间", "Time resolved")) var at: String?
        @OptionGroup var global: GlobalOptions
        func execute(_ out: Output) throws {
            let store = try out.store()
            let c = try store.resolve(id, result: result, at: try parseTime(at, "办结时间", "--at", store))
            try out.step(c, .resolve, store) { out.say("\(c.id) 已办结，须于 \(c.respondDue!) 前反馈\($0.zh)", "\(c.id) resolved; respond by \(c.respondDue!)\($0.en)") }
        }
    }

    struct Respond: JiannuoCommand {
        static let configuration = CommandConfiguration(commandName: "respond", abstract: T("反馈", "Respond to the complainant"))
        @Argument var id: String
        @Option(help: H("反馈内容", "Text of the response")) var text: String
        @Option(help: H("反馈时间", "Time of the response")) var at: String?
        @OptionGroup var global: GlobalOptions
        func execute(_ out: Output) throws {
            let store = try out.store()
            let c = try store.respond(id, text: text, at: try parseTime(at, "反馈时间", "--at", store))
            try out.step(c, .respond, store) { out.say("\(c.id) 已反馈\($0.zh)", "\(c.id) answered\($0.en)") }
        }
    }

    struct Extend: JiannuoCommand {
        static let configuration = CommandConfiguration(commandName: "extend", abstract: T("延期（须在办结时限届满前）", "Extend the time limit (only before the resolution deadline has passed)"))
        @Argument var id: String
        @Option(help: H("延长的工作日数", "Number of working days to extend by")) var days: Int
        @Option(help: H("延期理由", "Reason for the extension")) var reason: String
        @Option(help: H("批准延期的时间（默认现在）", "Time the extension was approved (default now)")) var at: String?
        @OptionGroup var global: GlobalOptions
        func execute(_ out: Output) throws {
            let store = try out.store()
            let c = try store.extend(id, days: days, reason: reason, at: try parseTime(at, "延期时间", "--at", store))
            try out.step(c, .extend, store) { out.say("\(c.id) 已延期，办结时限 \(c.resolveDue!)\($0.zh)", "\(c.id) extended; resolve by \(c.resolveDue!)\($0.en)") }
        }
    }

    struct Return: JiannuoCommand {
        static let configuration = CommandConfiguration(commandName: "return", abstract: T("错派件退回并转交正确单位", "Return a wrongly assigned complaint and pass it to the right unit"))
        @Argument var id: String
        @Option(help: H("转交单位代码", "Code of the unit to pass it to")) var to: String
        @Option(help: H("退回理由", "Reason for the return")) var reason: String
        @Option(help: H("退回时间（默认现在）", "Time returned (default now)")) var at: String?
        @OptionGroup var global: GlobalOptions
        func execute(_ out: Output) throws {
            let store = try out.store()
            let c = try store.returnComplaint(id, to: try store.unitCode(to), reason: reason, at: try parseTime(at, "退回时间", "--at", store))
            let names = try store.departmentNames()
            func unit(_ code: String) -> String { names[code].map { out.t("\($0)（\(code)）", "\($0) (\(code))") } ?? code }
            try out.step(c, .return, store) {
                out.say("\(c.id) 已由 \(unit(c.returnedFrom!)) 退回并转交 \(unit(c.department))，须于 \(c.acceptDue) 前受理\($0.zh)",
                        "\(c.id) returned by \(unit(c.returnedFrom!)) to \(unit(c.department)); accept by \(c.acceptDue)\($0.en)")
            }
        }
    }

    struct Verify: JiannuoCommand {
        static let configuration = CommandConfiguration(commandName: "verify", abstract: T("核实是否属失信违诺；属实则生成失信记录", "Verify whether it is a breach of commitment; if it is, a breach record is created"))
        @Argument var id: String
        @Option(help: "yes|no") var breach: String
        @Option(help: H("核实情况", "Findings of the verification")) var finding: String
        @Option(help: H("失信类别 1–6", "Breach category 1–6")) var category: Int?
        @Option(name: [.customLong("at"), .customLong("date")], help: H("核实时间（默认现在）", "Time verified (default now)")) var at: String?
        @OptionGroup var global: GlobalOptions
        func execute(_ out: Output) throws {
            let yes = try parseYesNo(breach, "--breach", "--breach")
            let store = try out.store()
            let (c, b) = try store.verify(id, breach: yes, finding: finding, category: category, at: try parseTime(at, "核实时间", "--at", store))
            if out.json {
                if let b { out.emit(BreachView(b: b, rectifications: [], accountability: [])) } else { out.emit(ComplaintView(c: c)) }
                return
            }
            if let b {
                out.say("\(c.id) 核实属失信违诺，已生成失信记录 \(b.id)（\(Category.label(b.category))），请报县委县政府并移送整改",
                        "\(c.id) verified as a breach: \(b.id)")
            } else {
                out.say("\(c.id) 核实不属失信违诺", "\(c.id) verified: no breach")
            }
        }
    }

    struct Followup: JiannuoCommand {
        static let configuration = CommandConfiguration(commandName: "followup", abstract: T("回访满意度", "Follow-up: whether the complainant is satisfied"))
        @Argument var id: String
        @Option(help: "yes|no") var satisfied: String
        @Option(help: H("回访记录", "Notes of the follow-up")) var note: String?
        @Option(help: H("回访时间（默认现在）", "Time of the follow-up (default now)")) var at: String?
        @OptionGroup var global: GlobalOptions
        func execute(_ out: Output) throws {
            let store = try out.store()
            let c = try store.followup(id, satisfied: try parseYesNo(satisfied, "--satisfied", "--satisfied"), note: note,
                                       at: try parseTime(at, "回访时间", "--at", store))
            out.record(ComplaintView(c: c)) { out.say("\(c.id) 已回访：\(c.satisfied! ? "满意" : "不满意")", "\(c.id) follow-up recorded") }
        }
    }
}

extension Output {
    /// A step's answer: the record, and when its time was typed about the past, that the claim waits
    /// (the step counts from its recording until confirmed).
    func step(_ c: Complaint, _ step: ComplaintStep, _ store: any Ledger, _ say: ((zh: String, en: String)) -> Void) throws {
        // A liaison that returned a misrouted complaint no longer sees it: its new unit's history is not its to read.
        let history = store.actor.sees(c.department) ? try store.complaintHistory(c.id) : nil
        let claim = history?.claim(step, holding: step.time(c)).flatMap { $0.recording.claim == .pending ? $0 : nil }
        record(ComplaintView(c: c, history: claim == nil ? nil : history)) {
            guard let claim, let ref = claim.ref else { return say(("", "")) }
            say(("。所填时间 \(claim.claimedAt) 早于补录宽限，已记为待核实补录 \(ref.id)，核实前按录入时间 \(claim.counts) 计（jiannuo confirm \(ref.id) --evidence …）",
                 ". The time given, \(claim.claimedAt), is older than the grace window: recorded as pending claim \(ref.id), counted from its recording \(claim.counts) until confirmed (jiannuo confirm \(ref.id) --evidence …)"))
        }
    }
}
