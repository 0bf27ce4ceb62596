import Foundation
import ArgumentParser
import JiannuoCore
import JiannuoStore

struct DepartmentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "department", abstract: T("单位：登记、列表、查看、更名、合并", "Units: register, list, show, rename, merge"),
        subcommands: [Add.self, List.self, Show.self, Rename.self, Merge.self, SetContact.self, Letter.self])

    struct Add: JiannuoCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: T("登记单位", "Register a unit"))
        @Option(help: H("单位代码（字母或数字，如 410422101、FGW）", "Unit code (letters or digits, e.g. 410422101, FGW)")) var code: String
        @Option(help: H("单位名称", "Name of the unit")) var name: String
        @Option(help: "township|subdistrict|county-department|other") var kind: String
        @OptionGroup var global: GlobalOptions

        func execute(_ out: Output) throws {
            let kind = try DepartmentKind.parse(kind, Field("单位类型", "kind"))
            let d = try out.store().addDepartment(code: code, name: name, kind: kind)
            out.record(DepartmentView(d: d)) { out.say("已登记单位 \(d.code) \(d.name)（\(d.kind.label)）", "added department \(d.code) \(d.name) (\(d.kind.english))") }
        }
    }

    struct List: JiannuoCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: T("列出单位", "List units"))
        @Flag(help: H("只列在用单位", "List only the units in use")) var active = false
        @Option(help: "township|subdistrict|county-department|other") var kind: String?
        @OptionGroup var global: GlobalOptions

        func execute(_ out: Output) throws {
            let kind = try kind.map { try DepartmentKind.parse($0, Field("单位类型", "kind")) }
            let list = try out.reader().departments(includeInactive: !active, kind: kind)
            if out.json { out.emit(list.map { DepartmentView(d: $0) }); return }
            var t = out.table(["代码|code", "名称|name", "类型|kind", "状态|state"])
            for d in list {
                t.add([d.code, d.name, d.kind.label(out.lang),
                       d.active ? out.t("在用", "in use") : out.t("已并入 \(d.successor ?? "")（\(d.mergedOn?.string ?? "")）",
                                                                  "merged into \(d.successor ?? "") (\(d.mergedOn?.string ?? ""))")])
            }
            out.line(t.render())
        }
    }

    struct Show: JiannuoCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: T("单位失信档案：得分明细、失信记录、临期逾期事项、按时率、十二个月趋势、沿革", "A unit's integrity file: score breakdown, breach records, items nearing or past their deadline, on-time rate, twelve-month trend, history"))
        @Argument(help: H("单位代码", "Unit code")) var code: String
        @Option(help: H("期间：2026-11、2026-Q4、2026 或 rolling（默认本季度）", "Period: 2026-11, 2026-Q4, 2026 or rolling (default this quarter)")) var period: String?
        @Option(name: .customLong("as-known"), help: H("按某日所知（其后录入、核实的补录不计入；默认今日更正后的结果）",
                                                      "As known at the end of a day (events recorded or confirmed later left out; default today's corrected view)"))
        var asKnown: String?
        @OptionGroup var global: GlobalOptions

        func execute(_ out: Output) throws {
            let store = try out.reader()
            let today = store.clock.today
            let p = try period.map { try Period.parse($0, today: today) } ?? .currentQuarter(today)
            let known = try parseAsKnown(asKnown, today: today)
            let record = DepartmentRecord(try store.profile(of: try store.unitCode(code, asRecord: true), period: p, today: today, asKnown: known),
                                          asKnown: known)
            if out.json { out.emit(record); return }
            record.print(out)
        }
    }

    struct Rename: JiannuoCommand {
        static let configuration = CommandConfiguration(commandName: "rename", abstract: T("单位更名（代码不变）", "Rename a unit (the code stays the same)"))
        @Argument(help: H("单位代码", "Unit code")) var code: String
        @Option(help: H("新名称", "New name")) var name: String
        @Option(help: H("生效日期", "Effective date")) var date: String?
        @OptionGroup var global: GlobalOptions

        func execute(_ out: Output) throws {
            let store = try out.store()
            let d = try store.renameDepartment(code: try store.unitCode(code, asRecord: true), name: name, date: try parseDay(date, "生效日期", "--date"))
            out.record(DepartmentView(d: d)) { out.say("\(d.code) 已更名为 \(d.name)", "\(d.code) renamed to \(d.name)") }
        }
    }

    struct Merge: JiannuoCommand {
        static let configuration = CommandConfiguration(commandName: "merge", abstract: T("单位合并：其承诺、失信记录与历史由承继单位承担", "Merge a unit: its commitments, breach records and history pass to the successor unit"))
        @Argument(help: H("被合并单位代码", "Code of the unit merged away")) var from: String
        @Option(help: H("承继单位代码", "Code of the successor unit")) var into: String
        @Option(help: H("合并日期", "Date of the merger")) var date: String?
        @OptionGroup var global: GlobalOptions

        func execute(_ out: Output) throws {
            let store = try out.store()
            let d = try store.mergeDepartment(from: try store.unitCode(from, asRecord: true), into: try store.unitCode(into), date: try parseDay(date, "合并日期", "--date"))
            out.record(DepartmentView(d: d)) {
                out.say("\(d.code) \(d.name) 已于 \(d.mergedOn!) 并入 \(d.successor!)", "\(d.code) merged into \(d.successor!) on \(d.mergedOn!)")
            }
        }
    }

    struct SetContact: JiannuoCommand {
        static let configuration = CommandConfiguration(commandName: "set-contact",
            abstract: T("公开单位的投诉举报电话与邮箱（空值表示清除）", "Set the unit's public complaint phone and e-mail (empty clears)"))
        @Argument(help: H("单位代码或名称", "Unit code or name")) var code: String
        @Option(help: H("投诉举报电话，如 0375-8123456", "Complaint phone, e.g. 0375-8123456")) var phone: String?
        @Option(help: H("投诉举报邮箱", "Complaint e-mail")) var email: String?
        @OptionGroup var global: GlobalOptions
        func execute(_ out: Output) throws {
            let store = try out.store()
            let d = try store.setContact(code: try store.unitCode(code, asRecord: true), phone: phone, email: email)
            out.record(DepartmentView(d: d)) {
                out.say("\(d.code) \(d.name)：电话 \(d.phone ?? "—")，邮箱 \(d.email ?? "—")", "\(d.code) \(d.name): phone \(d.phone ?? "—"), e-mail \(d.email ?? "—")")
            }
        }
    }

    struct Letter: JiannuoCommand {
        static let configuration = CommandConfiguration(commandName: "letter",
            abstract: T("单位自己的承诺书（Markdown 文件）；--clear 恢复通用文本", "The unit's own letter of commitment (a Markdown file); --clear restores the common text"))
        @Argument(help: H("单位代码或名称", "Unit code or name")) var code: String
        @Option(help: H("承诺书文件（UTF-8 Markdown）", "Letter file (UTF-8 Markdown)")) var file: String?
        @Flag(help: H("删除本单位的承诺书，改用通用文本", "Drop the unit's own letter")) var clear = false
        @OptionGroup var global: GlobalOptions
        func execute(_ out: Output) throws {
            guard clear != (file != nil) else {
                throw JiannuoError.usage("请给出 --file 承诺书文件，或 --clear（二者选一）", "give either --file or --clear")
            }
            let text = try file.map { path -> String in
                guard let t = UserFiles.text(path) else {
                    throw JiannuoError.notFound("读不到承诺书文件（须为 UTF-8）：\(path)", "cannot read the letter file (UTF-8): \(path)")
                }
                return t
            }
            let store = try out.store()
            let d = try store.setLetter(code: try store.unitCode(code, asRecord: true), text: text)
            out.record(DepartmentView(d: d)) {
                out.say(d.letter == nil ? "\(d.code) \(d.name) 改用通用承诺书" : "已保存 \(d.code) \(d.name) 的承诺书（\(d.letter!.count) 字）",
                        d.letter == nil ? "\(d.code) uses the common letter" : "letter saved for \(d.code) (\(d.letter!.count) characters)")
            }
        }
    }
}
