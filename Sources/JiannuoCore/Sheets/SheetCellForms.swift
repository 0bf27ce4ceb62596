import Foundation

/// The forms spreadsheets write a cell in, brought to the program's own before any check, so that a
/// 台账 saved by Excel or WPS reads as its export does. Only forms that cannot be read two ways are taken
/// (year first); anything else is left as typed, and the cell's check then refuses it, saying what it read.
public enum SheetCellForm: Sendable, Equatable {
    case day, time, number, text

    /// The columns that hold numbers (a workbook writes them as numbers): amounts, counts, scores.
    static let numbers: Set<String> = Set(["amount_yuan", "progress", "category", "percent", "extension_days", "payment_days",
                                           "score", "rank", "rank_change"] + Dimension.allCases.map(\.rawValue))

    /// What a column holds, from the sheets' naming of their keys: `…_on`, `…_due`, `made` and `deadline`
    /// are days; `…_at` and `received` are times; `numbers` are numbers. (Amounts as spreadsheets group
    /// them, `1,234.50元`, are read by `Money(yuan:)` itself, as on the command line.)
    public static func of(_ key: String) -> SheetCellForm {
        if key == "received" || key.hasSuffix("_at") { return .time }
        if key == "made" || key == "deadline" || key.hasSuffix("_on") || key.hasSuffix("_due") { return .day }
        if numbers.contains(key) { return .number }
        return .text
    }

    public func normalised(_ s: String) -> String {
        switch self {
        case .day: SheetCellForm.day(s) ?? s
        case .time: SheetCellForm.time(s) ?? s
        case .number, .text: s
        }
    }

    /// `2026/11/5`, `2026-11-5`, `2026.11.5`, `2026年11月5日` → `2026-11-05`.
    static func day(_ s: String) -> String? {
        if isForm(s.utf8, "0000-00-00") { return s }
        var t = s
        if t.hasSuffix("日") { t.removeLast() }
        let parts = t.split(omittingEmptySubsequences: false) { "/-.年月".contains($0) }.map(String.init)
        guard parts.count == 3, parts[0].count == 4, (1...2).contains(parts[1].count), (1...2).contains(parts[2].count),
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        let separators = t.filter { "/-.年月".contains($0) }
        guard separators == "//" || separators == "--" || separators == ".." || separators == "年月" else { return nil }
        return "\(y)-" + (m < 10 ? "0\(m)" : "\(m)") + "-" + (d < 10 ? "0\(d)" : "\(d)")
    }

    /// A day in those forms, a space, then `9:05` or `9:05:30` → `2026-11-05 09:05[:30]`. ISO text is left alone.
    static func time(_ s: String) -> String? {
        // The program's own export: `2026-11-05 09:05[:30]` is already in form.
        if isForm(s.utf8, "0000-00-00 00:00") || isForm(s.utf8, "0000-00-00 00:00:00") { return s }
        let parts = s.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard parts.count == 2, let day = day(parts[0]) else { return parts.count == 1 ? day(s) : nil }
        let hms = parts[1].split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard (2...3).contains(hms.count), hms.allSatisfy({ (1...2).contains($0.count) && Int($0) != nil }) else { return nil }
        return day + " " + hms.map { $0.count == 1 ? "0" + $0 : $0 }.joined(separator: ":")
    }

    /// Whether `u` is `form` with each `0` an ASCII digit (the program's own forms, kept as they are
    /// without reading them apart: an import of 100,000 rows reads each date cell once).
    static func isForm(_ u: String.UTF8View, _ form: StaticString) -> Bool {
        guard u.count == form.utf8CodeUnitCount else { return false }
        let f = UnsafeBufferPointer(start: form.utf8Start, count: form.utf8CodeUnitCount)
        for (b, want) in zip(u, f) {
            if want == 0x30 { guard b >= 0x30 && b <= 0x39 else { return false } } else { guard b == want else { return false } }
        }
        return true
    }
}
