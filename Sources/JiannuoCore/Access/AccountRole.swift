/// What an account may do. One table, consulted by the command line and the dashboard alike
/// (`jiannuo user roles` prints it).
public enum AccountRole: String, Codable, Sendable, CaseIterable {
    case intake, supervisor, liaison, leader, admin

    public var label: String {
        switch self {
        case .intake: "受理员"
        case .supervisor: "督查员"
        case .liaison: "单位联络员"
        case .leader: "领导"
        case .admin: "管理员"
        }
    }

    public var english: String {
        switch self {
        case .intake: "intake officer"
        case .supervisor: "supervisor"
        case .liaison: "unit liaison"
        case .leader: "leader"
        case .admin: "administrator"
        }
    }
    public func label(_ lang: Lang) -> String { lang == .zh ? label : english }

    public var summary: Text {
        switch self {
        case .intake: Text("登记投诉，办理受理、退回、回访", "registers complaints; accepts, returns, follows up")
        case .supervisor: Text("投诉全部环节、核实认定失信、整改、问责、舆情、承诺登记与变更、失信上报、核实补录、答复困难问题报告",
                               "every complaint step, breach verification, rectification, accountability, opinions, commitments (add, amend), breach reports, confirming backdated claims, answering difficulty reports")
        case .liaison: Text("只看本单位（及其前身）的记录；本单位承诺的进展、兑现、反馈；交办本单位投诉的受理、退回错派件、办结与反馈；整改完成；附件；报告困难问题；联系方式始终遮蔽",
                            "sees only its own unit (and predecessors); progress, fulfilment and feedback on its commitments; accepts, returns if misrouted, resolves and answers its complaints; rectifications done; attachments; difficulty reports; contacts always masked")
        case .leader: Text("查看全部，可显示联系方式（记入审计），可核实补录，答复困难问题报告并提请县领导协调，不改动其他记录",
                           "reads everything, may reveal contacts (audited), confirms backdated claims, answers difficulty reports and refers them to the county leadership, changes no other record")
        case .admin: Text("以上全部，另管账号、日历、规则、导入、备份，可在非当日 --today 下写入（记入审计）",
                          "everything above, plus accounts, calendar, rules, import, backup, and writing under another --today (audited)")
        }
    }

    public static func parse(_ s: String) throws -> AccountRole {
        if let r = AccountRole(rawValue: s.lowercased()) ?? AccountRole.allCases.first(where: { $0.label == s }) { return r }
        throw JiannuoError.invalid("角色“\(Sanitize.visible(s))”无效，可选：intake、supervisor、liaison、leader、admin",
                                   "role must be intake, supervisor, liaison, leader or admin")
    }
}

/// Everything the program does that a role may or may not do.
public enum Permission: String, Codable, Sendable, CaseIterable {
    case read                       // lists, shows, alerts, scores, render, export, publish, audit list/verify
    case complaintAdd = "complaint.add", complaintAccept = "complaint.accept", complaintReturn = "complaint.return"
    case complaintFollowup = "complaint.followup", complaintResolve = "complaint.resolve", complaintRespond = "complaint.respond"
    case complaintExtend = "complaint.extend", complaintVerify = "complaint.verify"
    case commitmentAdd = "commitment.add", commitmentAmend = "commitment.amend"
    case commitmentProgress = "commitment.progress", commitmentFulfill = "commitment.fulfill", commitmentFeedback = "commitment.feedback"
    case breachReport = "breach.report", escalate, inspectionManage = "inspection.manage", rectificationAdd = "rectification.add", rectificationDone = "rectification.done"
    case accountabilityAdd = "accountability.add", opinionAdd = "opinion.add", opinionHandle = "opinion.handle"
    case revealContact = "contact.reveal"
    case departmentChange = "department.change", calendarChange = "calendar.change", rulesApply = "rules.apply"
    case importLedger = "import", backup, userManage = "user.manage", writeOtherDay = "write.other-day"
    case countsRebuild = "counts.rebuild"
    case claimConfirm = "claim.confirm"
    case attach = "attachment.add"
    case difficultyAdd = "difficulty.add", difficultyAnswer = "difficulty.answer", difficultyRefer = "difficulty.refer"
    case letterIssue = "letter.issue", letterReply = "letter.reply"
    case reportIssue = "report.issue"

    public var label: String {
        switch self {
        case .read: "查看"
        case .complaintAdd: "登记投诉"
        case .complaintAccept: "受理"
        case .complaintReturn: "退回错派件"
        case .complaintFollowup: "回访"
        case .complaintResolve: "办结"
        case .complaintRespond: "反馈"
        case .complaintExtend: "延期"
        case .complaintVerify: "核实认定"
        case .commitmentAdd: "登记承诺"
        case .commitmentAmend: "变更承诺"
        case .commitmentProgress: "记录进展"
        case .commitmentFulfill: "标记兑现"
        case .commitmentFeedback: "兑现反馈"
        case .breachReport: "失信上报"
        case .escalate: "逾期事项上报"
        case .inspectionManage: "督促检查"
        case .rectificationAdd: "移送整改"
        case .rectificationDone: "整改完成"
        case .accountabilityAdd: "问责"
        case .opinionAdd: "登记舆情"
        case .opinionHandle: "处置舆情"
        case .revealContact: "显示联系方式"
        case .departmentChange: "单位增改合并"
        case .calendarChange: "修改日历"
        case .rulesApply: "规则生效"
        case .importLedger: "导入台账"
        case .backup: "备份"
        case .userManage: "管理账号"
        case .writeOtherDay: "以非当日日期写入"
        case .countsRebuild: "重算计分计数"
        case .claimConfirm: "核实补录"
        case .attach: "添加附件"
        case .difficultyAdd: "报告困难问题"
        case .difficultyAnswer: "答复困难问题"
        case .difficultyRefer: "提请县领导协调"
        case .letterIssue: "发督办函"
        case .letterReply: "回复督办函"
        case .reportIssue: "发布督查通报"
        }
    }
}

public enum RoleTable {
    static let complaintAll: Set<Permission> = [.complaintAdd, .complaintAccept, .complaintReturn, .complaintFollowup,
                                                .complaintResolve, .complaintRespond, .complaintExtend, .complaintVerify]

    /// The table itself.
    public static let permissions: [AccountRole: Set<Permission>] = {
        let intake: Set<Permission> = [.read, .complaintAdd, .complaintAccept, .complaintReturn, .complaintFollowup, .attach]
        let supervisor: Set<Permission> = Set([.read, .commitmentAdd, .commitmentAmend, .breachReport, .escalate, .inspectionManage, .rectificationAdd, .rectificationDone,
                                               .accountabilityAdd, .opinionAdd, .opinionHandle, .claimConfirm, .attach,
                                               .difficultyAdd, .difficultyAnswer, .letterIssue, .letterReply, .reportIssue]).union(complaintAll)
        // A unit's liaison does its unit's part: accepts and answers its complaints, reports on its promises,
        // returns one misrouted to it, marks its rectifications done (each dated in the past a claim the office
        // confirms), attaches evidence and reports the difficulties it meets.
        let liaison: Set<Permission> = [.read, .commitmentProgress, .commitmentFulfill, .commitmentFeedback, .complaintAccept, .complaintReturn,
                                        .complaintResolve, .complaintRespond, .rectificationDone, .attach, .difficultyAdd, .letterReply]
        let leader: Set<Permission> = [.read, .revealContact, .claimConfirm, .difficultyAnswer, .difficultyRefer, .reportIssue]
        let admin = Set(Permission.allCases)
        return [.intake: intake, .supervisor: supervisor, .liaison: liaison, .leader: leader, .admin: admin]
    }()

    public static func allows(_ role: AccountRole, _ p: Permission) -> Bool { permissions[role]?.contains(p) ?? false }

    /// The roles that may, for a refusal's message.
    public static func roles(allowing p: Permission) -> [AccountRole] { AccountRole.allCases.filter { allows($0, p) } }

    /// Roles that see only their own department's records.
    public static func isConfined(_ role: AccountRole) -> Bool { role == .liaison }
}

/// Who is acting: the system account, and what the ledger says of it.
public struct Actor: Sendable, Equatable {
    public var account: String
    public var role: AccountRole?
    /// A liaison's unit and the units merged into it (its predecessors).
    public var departments: Set<String>
    public var department: String?

    public init(account: String, role: AccountRole?, department: String? = nil, departments: Set<String> = []) {
        self.account = account; self.role = role; self.department = department; self.departments = departments
    }

    public func may(_ p: Permission) -> Bool { role.map { RoleTable.allows($0, p) } ?? false }

    /// Whether a record of `department` is visible to this actor.
    public func sees(_ department: String) -> Bool {
        guard let role, RoleTable.isConfined(role) else { return role != nil }
        return departments.contains(department)
    }

    /// Refuses what the role may not do (77), naming who may.
    public func require(_ p: Permission, department: String? = nil) throws {
        guard let role else {
            throw JiannuoError.permission("账号 \(Sanitize.visible(account)) 没有启用的角色，只能运行 --help 与 jiannuo whoami；请管理员用 jiannuo user add 添加",
                                          "account \(Sanitize.visible(account)) has no active role: only --help and jiannuo whoami; ask an admin to run jiannuo user add")
        }
        guard RoleTable.allows(role, p) else {
            let who = RoleTable.roles(allowing: p)
            throw JiannuoError.permission("\(role.label)（\(role.rawValue)）无权\(p.label)；可以\(p.label)的角色：\(who.map { "\($0.label)（\($0.rawValue)）" }.joined(separator: "、"))",
                                          "the \(role.rawValue) role may not do \(p.rawValue); roles that may: \(who.map(\.rawValue).joined(separator: ", "))")
        }
        if let department, !sees(department) {
            throw JiannuoError.permission("单位联络员只能处理本单位（\(self.department ?? "")）的记录，\(Sanitize.visible(department)) 不是",
                                          "a liaison may act only on its own unit (\(self.department ?? "")); \(department) is not")
        }
    }
}
