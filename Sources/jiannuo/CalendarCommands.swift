import ArgumentParser
import Foundation
import JiannuoCore
import JiannuoStore

struct CalendarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar", abstract: T("工作日历：节假日与调休", "Work calendar: public holidays and make-up working days"),
        subcommands: [Show.self, Workdays.self, AddHoliday.self, AddWorkday.self, Remove.self, Load.self])

    struct Show: JiannuoCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: T("显示某月日历 YYYY-MM", "Show the calendar of a month, YYYY-MM"))
        @Argument(help: "YYYY-MM") var month: String
        @OptionGroup var global: GlobalOptions
        func execute(_ out: Output) throws {
            guard month.count == 7, let first = Day(month + "-01") else {
                throw JiannuoError.invalid("月份“\(Sanitize.visible(month))”无效，应为 YYYY-MM", "month must be YYYY-MM")
            }
            let store = try out.reader()
            let cal = store.calendar
            let n = Day.daysIn(month: first.month, year: first.year)
            let days = (0..<n).map { first.adding(days: $0) }
            struct DayInfo: Encodable { let date: Day; let weekday: Int; let workday: Bool; let note: String? }
            let infos = days.map { d in DayInfo(date: d, weekday: d.weekday, workday: cal.isWorkday(d), note: cal.holidays[d] ?? cal.workdays[d]) }
            if out.json { out.emit(infos); return }
            let missing = cal.hasData(forYear: first.year) ? "" : out.t("（缺少 \(first.year) 年日历，只按周末计算）",
                                                                         " (no \(first.year) calendar: weekends only)")
            out.line(out.t("\(month)  工作日 \(infos.filter(\.workday).count) 天", "\(month)  \(infos.filter(\.workday).count) working days") + missing)
            out.line(Self.grid(first: first, infos.map { ($0.date, $0.workday) }, out.lang).joined(separator: "\n"))
            for i in infos where i.note != nil {
                out.line("\(i.date)  \(i.workday ? out.t("上班", "work") : out.t("休息", "off"))  \(i.note!)")
            }
        }

        /// A month as rows of seven cells, each five columns wide whatever its mark (a Han mark is
        /// two columns, so a blank mark is two spaces): 休 a weekday off, 班 a weekend worked.
        static func grid(first: Day, _ days: [(Day, Bool)], _ lang: Lang) -> [String] {
            let heads = lang == .zh ? ["一", "二", "三", "四", "五", "六", "日"] : ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"]
            var rows = [heads.map { "   " + $0 }.joined()]
            var line = String(repeating: "     ", count: first.weekday - 1)
            for (d, workday) in days {
                let mark = workday ? (d.isWeekend ? (lang == .zh ? "班" : "w ") : "  ") : (d.isWeekend ? "  " : (lang == .zh ? "休" : "h "))
                line += String(format: "%3d", d.components.day) + mark
                if d.weekday == 7 { rows.append(line); line = "" }
            }
            if !line.isEmpty { rows.append(line) }
            return rows.map { $0.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) }
        }
    }

    struct Workdays: JiannuoCommand {
        static let configuration = CommandConfiguration(commandName: "workdays", abstract: T("FROM 到 TO（含两端）之间的工作日数", "Number of working days from FROM to TO (both included)"))
        @Argument var from: String
        @Argument var to: String
        @OptionGroup var global: GlobalOptions
        func execute(_ out: Output) throws {
            let f = try Validate.day(from, Field("起始日期", "FROM")), t = try Validate.day(to, Field("截止日期", "TO"))
            guard t >= f else { throw JiannuoError.invalid("截止日期 \(t) 早于起始日期 \(f)", "TO is before FROM") }
            let n = try out.reader().calendar.workdays(from: f, to: t)
            if out.json { out.emit(n) } else { print(n) }
        }
    }

    struct AddHoliday: JiannuoCommand {
        static let configuration = CommandConfiguration(commandName: "add-holiday", abstract: T("把某天设为休息日", "Make a day a day off"))
        @Argument var date: String
        @Option(help: H("说明", "Note")) var note: String?
        @OptionGroup var global: GlobalOptions
        func execute(_ out: Output) throws { try change(out, date, .holiday, note) }
    }

    struct AddWorkday: JiannuoCommand {
        static let configuration = CommandConfiguration(commandName: "add-workday", abstract: T("把某天设为工作日（调休上班）", "Make a day a working day (make-up working day)"))
        @Argument var date: String
        @Option(help: H("说明", "Note")) var note: String?
        @OptionGroup var global: GlobalOptions
        func execute(_ out: Output) throws { try change(out, date, .workday, note) }
    }

    struct Remove: JiannuoCommand {
        static let configuration = CommandConfiguration(commandName: "remove", abstract: T("删除自定的日历调整", "Remove a custom calendar adjustment"))
        @Argument var date: String
        @OptionGroup var global: GlobalOptions
        func execute(_ out: Output) throws {
            let d = try Validate.day(date, Field("日期", "DATE"))
            try out.store().removeCalendarOverride(d)
            if out.json { out.emit(OverrideJSON(id: d.string, date: d, kind: nil, note: nil, removed: true)); return }
            out.say("已删除 \(d) 的日历调整", "override on \(d) removed")
        }
    }

    struct Load: JiannuoCommand {
        static let configuration = CommandConfiguration(commandName: "load", abstract: T("载入一年的日历文件（格式同内置的 YYYY.toml）", "Load a year's calendar file (same format as the built-in YYYY.toml)"))
        @Argument var file: String
        @OptionGroup var global: GlobalOptions
        func execute(_ out: Output) throws {
            guard let text = UserFiles.text(file) else {
                throw JiannuoError.notFound("找不到日历文件：\(file)", "calendar file not found: \(file)")
            }
            let y = try out.store().loadCalendarYear(text: text, source: file)
            if out.json { out.emit(YearJSON(id: "\(y.year)", year: y)); return }
            out.say("已载入 \(y.year) 年日历：\(y.holidays.count) 个假期，\(y.workdays.count) 个调休上班日",
                    "loaded the \(y.year) calendar: \(y.holidays.count) holidays, \(y.workdays.count) make-up working days")
        }
    }

    static func change(_ out: Output, _ date: String, _ kind: CalendarOverride.Kind, _ note: String?) throws {
        let d = try Validate.day(date, Field("日期", "DATE"))
        let note = try Validate.optionalText(note, Field("说明", "note"), max: 60)
        try out.store().addCalendarOverride(CalendarOverride(date: d, kind: kind, note: note))
        if out.json { out.emit(OverrideJSON(id: d.string, date: d, kind: kind, note: note, removed: false)); return }
        out.say("\(d) 已设为\(kind == .holiday ? "休息日" : "工作日")", "\(d) is now a \(kind == .holiday ? "day off" : "working day")")
    }

    /// `--json` output of the calendar changes: every printed record has an "id" (here the date or the year).
    struct OverrideJSON: Encodable {
        let id: String; let date: Day; let kind: CalendarOverride.Kind?; let note: String?; let removed: Bool
        enum CodingKeys: String, CodingKey { case id, date, kind, note, removed }
        func encode(to e: Encoder) throws {
            var c = e.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id); try c.encode(date, forKey: .date); try c.encode(kind, forKey: .kind)
            try c.encode(note, forKey: .note); try c.encode(removed, forKey: .removed)
        }
    }

    struct YearJSON: Encodable {
        let id: String; let year: CalendarYear
        enum CodingKeys: String, CodingKey { case id }
        func encode(to e: Encoder) throws {
            try year.encode(to: e)
            var c = e.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
        }
    }
}
