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
        func day(_ s: String) throws -> Day {
            guard let d = Day(s) else {
                throw JiannuoError.invalid("日历文件 \(source) 中的日期“\(s)”无效", "calendar file \(source): bad date \(s)")
            }
            guard d.year == raw.year else {
                throw JiannuoError.invalid("日历文件 \(source) 中的日期 \(s) 不属于 \(raw.year) 年", "calendar file \(source): \(s) is not in \(raw.year)")
            }
            return d
        }
        let holidays = try (raw.holiday ?? []).map { h in
            CalendarYear.Holiday(name: h.name, from: try day(h.from), to: try day(h.to ?? h.from))
        }
        let workdays = try (raw.workday ?? []).map { w in
            CalendarYear.Workday(date: try day(w.date), name: w.name ?? "调休上班")
        }
        return CalendarYear(year: raw.year, holidays: holidays, workdays: workdays)
    }
}
