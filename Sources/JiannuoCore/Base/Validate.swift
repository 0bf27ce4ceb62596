import Foundation

/// A field's name in both languages, for messages.
public struct Field: Sendable {
    public let zh: String
    public let en: String
    public init(_ zh: String, _ en: String) { self.zh = zh; self.en = en }
}

/// Input checks shared by every command and form.
public enum Validate {
    /// Accepts text with no control characters (newline and tab allowed only if `multiline`),
    /// not empty after trimming, at most `max` characters. Returns the text trimmed.
    public static func text(_ value: String, _ field: Field, max: Int, multiline: Bool = false) throws -> String {
        let trimmed = value.trimmedBlanksAndNewlines
        guard !trimmed.isEmpty else {
            throw JiannuoError.invalid("\(field.zh)不能为空", "\(field.en) must not be empty")
        }
        for s in trimmed.unicodeScalars where isForbidden(s, multiline: multiline) {
            let hex = String(format: "U+%04X", s.value)
            throw JiannuoError.invalid("\(field.zh)含有控制字符（\(hex)），请删除后重试",
                                       "\(field.en) contains a control character (\(hex))")
        }
        let count = trimmed.count
        guard count <= max else {
            throw JiannuoError.invalid("\(field.zh)过长：\(count) 个字符，最多 \(max) 个",
                                       "\(field.en) is too long: \(count) characters, at most \(max)")
        }
        return trimmed
    }

    public static func optionalText(_ value: String?, _ field: Field, max: Int, multiline: Bool = false) throws -> String? {
        guard let value else { return nil }
        return try text(value, field, max: max, multiline: multiline)
    }

    static func isForbidden(_ s: Unicode.Scalar, multiline: Bool) -> Bool {
        if s == "\n" || s == "\t" { return !multiline }
        switch s.value {
        case 0x00...0x1F, 0x7F...0x9F: return true            // C0, DEL, C1 (ESC, CSI …)
        case 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: return true  // line separators, bidi overrides
        case 0xFFF9...0xFFFB: return true                      // interlinear annotation controls
        default: return false
        }
    }

    /// The years the calendar, the limits and the scores can reason about.
    public static let years = 2000...2100

    public static func day(_ text: String, _ field: Field) throws -> Day {
        guard let d = Day(text) else {
            throw JiannuoError.invalid("\(field.zh)“\(Sanitize.visible(text))”不是有效日期，应为 YYYY-MM-DD 格式的真实日期",
                                       "\(field.en) \"\(Sanitize.visible(text))\" is not a valid date (YYYY-MM-DD)")
        }
        try inRange(d, field)
        return d
    }

    /// A time typed by an officer, read as local time in the office's zone.
    public static func dateTime(_ text: String, _ field: Field, zone: TimeZone) throws -> DateTime {
        guard let d = DateTime(text, zone: zone) else {
            throw JiannuoError.invalid("\(field.zh)“\(Sanitize.visible(text))”不是有效时间，应为 YYYY-MM-DD HH:MM",
                                       "\(field.en) \"\(Sanitize.visible(text))\" is not a valid time (YYYY-MM-DD HH:MM)")
        }
        try inRange(d.day, field)
        return d
    }

    static func inRange(_ d: Day, _ field: Field) throws {
        guard years.contains(d.year) else {
            throw JiannuoError.invalid("\(field.zh) \(d) 超出可处理的年份范围（\(years.lowerBound)–\(years.upperBound) 年）",
                                       "\(field.en) \(d) is outside the years the program can reason about (\(years.lowerBound)-\(years.upperBound))")
        }
    }

    /// No event can be dated after now.
    public static func notFuture(_ t: DateTime, now: DateTime, _ field: Field) throws {
        guard t <= now else {
            throw JiannuoError.invalid("\(field.zh)不能晚于当前时间：\(t.string) 晚于 \(now.string)",
                                       "\(field.en) cannot be later than now: \(t.string) is after \(now.string)")
        }
    }

    public static func notFuture(_ d: Day, today: Day, _ field: Field) throws {
        guard d <= today else {
            throw JiannuoError.invalid("\(field.zh)不能晚于今天：\(d) 晚于 \(today)",
                                       "\(field.en) cannot be later than today: \(d) is after \(today)")
        }
    }

    /// Events keep their order: `later` may not come before `earlier`.
    public static func notBefore(_ later: Day, _ laterField: Field, _ earlier: Day, _ earlierField: Field) throws {
        guard later >= earlier else {
            throw JiannuoError.invalid("\(laterField.zh) \(later) 早于\(earlierField.zh) \(earlier)",
                                       "\(laterField.en) \(later) is before the \(earlierField.en) \(earlier)")
        }
    }

    public static func notBefore(_ later: DateTime, _ laterField: Field, _ earlier: DateTime, _ earlierField: Field) throws {
        guard later >= earlier else {
            throw JiannuoError.invalid("\(laterField.zh) \(later.string) 早于\(earlierField.zh) \(earlier.string)",
                                       "\(laterField.en) \(later.string) is before the \(earlierField.en) \(earlier.string)")
        }
    }

    /// A system account name as `useradd` accepts it.
    public static func account(_ s: String) throws -> String {
        let ok = (1...32).contains(s.count) && s.unicodeScalars.enumerated().allSatisfy { i, c in
            (c.isASCII && (CharacterSet.alphanumerics.contains(c) || c == "_" || (i > 0 && (c == "-" || c == "."))))
        }
        guard ok else {
            throw JiannuoError.invalid("账号“\(Sanitize.visible(s))”无效：应为系统账号名（字母、数字、_ - .，最多 32 个）",
                                       "account \"\(Sanitize.visible(s))\" is not a system account name")
        }
        return s
    }

    public static func category(_ n: Int) throws -> Int {
        guard (1...6).contains(n) else {
            throw JiannuoError.invalid("类别必须是 1 到 6（见通知第二条）：收到 \(n)", "category must be 1 to 6, got \(n)")
        }
        return n
    }

    public static func departmentCode(_ code: String) throws -> String {
        let ok = !code.isEmpty && code.count <= 20 && code.unicodeScalars.allSatisfy {
            ($0.value >= 48 && $0.value <= 57) || ($0.value >= 65 && $0.value <= 90) || ($0.value >= 97 && $0.value <= 122)
        }
        guard ok else {
            throw JiannuoError.invalid("单位代码“\(Sanitize.visible(code))”无效：只能由 1–20 个字母或数字组成",
                                       "department code \"\(Sanitize.visible(code))\" is invalid: 1-20 letters or digits")
        }
        return code
    }

    /// A platform's work-order number (工单编号): letters, digits and `-`, `_`, `/`, `.` as platforms
    /// print them, 1–40 characters; spaces around it are dropped.
    public static func workOrder(_ text: String) throws -> String {
        let t = text.trimmingCharacters(in: .whitespaces)
        let ok = !t.isEmpty && t.count <= 40 && t.unicodeScalars.allSatisfy {
            ($0.value >= 48 && $0.value <= 57) || ($0.value >= 65 && $0.value <= 90) || ($0.value >= 97 && $0.value <= 122) || "-_/.".unicodeScalars.contains($0)
        }
        guard ok else {
            throw JiannuoError.invalid("工单编号“\(Sanitize.visible(text))”无效：只能由 1–40 个字母、数字或 - _ / . 组成",
                                       "work order \"\(Sanitize.visible(text))\" is invalid: 1-40 letters, digits or - _ / .")
        }
        return t
    }
}

/// Makes text safe for a terminal: control and escape characters become visible placeholders.
public enum Sanitize {
    /// Replaces C0/C1 controls and bidi overrides with visible forms (`␛`, `^M`, `<U+202E>`),
    /// keeping newline and tab only if asked.
    public static func visible(_ text: String, keepNewlines: Bool = false) -> String {
        // Nearly all text has nothing to show: a pass over its bytes tells (a table of alerts is
        // tens of thousands of cells).
        guard holdsControls(text, keepNewlines: keepNewlines) else { return text }
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            if keepNewlines && (s == "\n" || s == "\t") { out.append(s); continue }
            switch s.value {
            case 0x1B: out.append("␛")
            case 0x00...0x1F: out.append(Unicode.Scalar(0x2400 + s.value)!)   // ␀ … ␟
            case 0x7F: out.append("␡")
            case 0x80...0x9F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069, 0xFFF9...0xFFFB:
                out.append(contentsOf: String(format: "<U+%04X>", s.value).unicodeScalars)
            default: out.append(s)
            }
        }
        return String(out)
    }

    /// Whether the UTF-8 of `text` may hold a character `visible` changes: a C0 control (unless `c0` is
    /// false; newline and tab when kept do not count), DEL, a C1 control (C2 80–9F), a line separator
    /// or bidi control (E2 80 A8–AE, E2 81 A6–A9), an interlinear annotation control (EF BF B9–BB).
    static func holdsControls(_ text: String, keepNewlines: Bool, c0: Bool = true) -> Bool {
        var text = text
        return text.withUTF8 { u in
            var i = 0
            while i < u.count {
                let b = u[i]
                switch b {
                case 0x0A, 0x09: if c0 && !keepNewlines { return true }
                case 0x00..<0x20: if c0 { return true }
                case 0x7F: return true
                case 0xC2: if i + 1 < u.count, (0x80...0x9F).contains(u[i + 1]) { return true }
                case 0xE2:
                    if i + 2 < u.count, (u[i + 1] == 0x80 && (0xA8...0xAE).contains(u[i + 2])) || (u[i + 1] == 0x81 && (0xA6...0xA9).contains(u[i + 2])) {
                        return true
                    }
                case 0xEF: if i + 2 < u.count, u[i + 1] == 0xBF, (0xB9...0xBB).contains(u[i + 2]) { return true }
                default: break
                }
                i += 1
            }
            return false
        }
    }

    /// JSON for a terminal: the characters `visible` makes visible that JSON may carry raw (DEL, C1
    /// controls, line separators, bidi overrides) escaped as `\uXXXX`, which every JSON reader reads
    /// back as the same text. JSON encoders already escape C0 controls; these occur only inside strings.
    public static func jsonForTerminal(_ json: String) -> String {
        guard holdsControls(json, keepNewlines: true, c0: false) else { return json }
        var out = String.UnicodeScalarView()
        for s in json.unicodeScalars {
            switch s.value {
            case 0x7F, 0x80...0x9F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069, 0xFFF9...0xFFFB:
                out.append(contentsOf: String(format: "\\u%04X", s.value).unicodeScalars)
            default: out.append(s)
            }
        }
        return String(out)
    }
}
