import Foundation
import JiannuoCore

/// What the PostgreSQL engine does not do yet: the writes that have not moved to `LedgerWrites`
/// (breaches, rectifications, accountability, supervision, units, the calendar, opinions, escalations,
/// rules), the demo and backups.
/// Each refuses plainly (74), with nothing written, rather than doing part of it.
extension PGStore {
    public func generateDemo(size: DemoSize, seed: UInt64) throws -> DemoCounts {
        throw PGStore.notYet("生成演示数据", "generating demo data")
    }

    public func reportBreach(_ id: String, date: Day?) throws -> Breach {
        throw PGStore.notYet("失信上报", "reporting a breach")
    }

    public func addRectification(breach id: String, unit: String, measures: String, deadline: Day, ordered: Day?) throws -> Rectification {
        throw PGStore.notYet("移送整改", "ordering a rectification")
    }

    public func completeRectification(_ id: String, date: Day?) throws -> Rectification {
        throw PGStore.notYet("整改完成", "completing a rectification")
    }

    public func addAccountability(breach id: String, target: String, kind: String, date: Day?) throws -> Accountability {
        throw PGStore.notYet("问责", "accountability")
    }

    public func addAccountability(follows id: String, targetKind: AccountabilityTarget, official: String?, post: String?, target: String?, kind: String, date: Day?) throws -> Accountability {
        throw PGStore.notYet("问责", "accountability")
    }

    public func addCalendarOverride(_ o: CalendarOverride) throws {
        throw PGStore.notYet("修改日历", "changing the calendar")
    }

    public func removeCalendarOverride(_ date: Day) throws {
        throw PGStore.notYet("修改日历", "changing the calendar")
    }

    public func loadCalendarYear(text: String, source: String) throws -> CalendarYear {
        throw PGStore.notYet("载入日历", "loading a calendar year")
    }

    public func addDepartment(code: String, name: String, kind: DepartmentKind) throws -> Department {
        throw PGStore.notYet("登记单位", "adding a unit")
    }

    public func renameDepartment(code: String, name: String, date: Day?) throws -> Department {
        throw PGStore.notYet("单位更名", "renaming a unit")
    }

    public func setContact(code: String, phone: String?, email: String?) throws -> Department {
        throw PGStore.notYet("单位联系方式", "a unit's contacts")
    }

    public func setLetter(code: String, text: String?) throws -> Department {
        throw PGStore.notYet("督办函", "a unit's letter")
    }

    public func mergeDepartment(from: String, into: String, date: Day?) throws -> Department {
        throw PGStore.notYet("单位合并", "merging units")
    }

    public func escalate(_ record: String, to recipient: String, date: Day?, note: String?) throws -> Escalation {
        throw PGStore.notYet("逾期上报", "reporting up")
    }

    public func backup(to path: String) throws {
        throw PGStore.notYet("备份（请用 pg_dump）", "backup (use pg_dump)")
    }

    public func addOpinion(department: String, title: String, source: String, severity: Severity, date: Day?) throws -> OpinionEvent {
        throw PGStore.notYet("登记舆情", "adding an opinion")
    }

    public func handleOpinion(_ id: String, date: Day?, note: String?) throws -> OpinionEvent {
        throw PGStore.notYet("处置舆情", "handling an opinion")
    }

    public func applyRules(_ new: Rules, source: String) throws -> Int {
        throw PGStore.notYet("规则生效", "applying rules")
    }

    public func addInspection(name: String, from: Day, to: Day, departments: [String]?, inspectors: String) throws -> InspectionRound {
        throw PGStore.notYet("督促检查", "inspections")
    }

    public func addFinding(round id: String, department: String, issue: String, basis: String, severity: Severity, date: Day?, order: (deadline: Day, measures: String)?) throws -> (Finding, Rectification?) {
        throw PGStore.notYet("督促检查", "inspections")
    }

    public func addRectification(finding id: String, unit: String?, measures: String, deadline: Day, ordered: Day?) throws -> Rectification {
        throw PGStore.notYet("移送整改", "ordering a rectification")
    }


}
