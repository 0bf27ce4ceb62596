import TOMLKit

/// Reads a year's calendar file (TOML, see Sources/JiannuoStore/Data/calendar/README.md).
public enum CalendarFile {
    struct Raw: Decodable {
        struct H: Decodable { var name: String; var from: String; var to: String? }
        struct W: Decodable { var date: String; var name: String? }
        var year: Int
        var holiday: [H]?
        var workday: [W]?
    }

    public static func parse(_ text: String, source: String) throws -> CalendarYear {
        let raw: Raw
        do {
            raw = try TOMLDecoder(strictDecoding: true).decode(Raw.self, from: text)
        } catch let e as TOMLParseError {
            throw JiannuoError.invalid("日历文件 \(source) 第 \(e.source.begin.line) 行格式错误：\(e.description)",
                                       "calendar file \(source), line \(e.source.begin.line): \(e.description)")
        } catch {
            throw JiannuoError.invalid("日历文件 \(source) 内容无效：\(error)", "calendar file \(source) is invalid: \(error)")
        }
        // The years the program reasons about (`Validate.years`), as every date it takes.
        guard Validate.years.contains(raw.year) else {
            throw JiannuoError.invalid("日历文件 \(source)：年份 \(raw.year) 超出可处理的范围（\(Validate.years.lowerBound)–\(Validate.years.upperBound) 年）",
                                       "calendar file \(source): year \(raw.year) is outside \(Validate.years.lowerBound)-\(Validate.years.upperBound)")
        }
        func day(_ s: String) throws -> Day {
            guard let d = Day(s) else {
                throw JiannuoError.invalid("日历文件 \(source) 中的日期“\(s)”无效", "calendar file \(source): bad date \(s)")
            }
            guard d.year == raw.year else {
                throw JiannuoError.invalid("日历文件 \(source) 中的日期 \(s) 不属于 \(raw.year) 年", "calendar file \(source): \(s) is not in \(raw.year)")
            }
            return d
        }
        func name(_ s: String) throws -> String { try Validate.text(s, Field("日历文件 \(source) 中的名称", "a name in calendar file \(source)"), max: 40) }
        let holidays = try (raw.holiday ?? []).map { h in
            let from = try day(h.from), to = try day(h.to ?? h.from)
            guard from <= to else {
                throw JiannuoError.invalid("日历文件 \(source)：假期“\(Sanitize.visible(h.name))”止于 \(to)，早于其开始 \(from)",
                                           "calendar file \(source): holiday \(h.name) ends \(to), before it starts \(from)")
            }
            return CalendarYear.Holiday(name: try name(h.name), from: from, to: to)
        }
        let workdays = try (raw.workday ?? []).map { w in
            CalendarYear.Workday(date: try day(w.date), name: try name(w.name ?? "调休上班"))
        }
        return CalendarYear(year: raw.year, holidays: holidays, workdays: workdays)
    }
}
