import Foundation
import JiannuoCore

/// A direct writer for the alert list, which can hold tens of thousands of rows: the same keys,
/// order and layout as the JSONEncoder output of other commands, about ten times faster.
enum FastJSON {
    static func alerts(_ list: [Alert]) -> String {
        var out = "["
        out.reserveCapacity(list.count * 260)
        for (i, a) in list.enumerated() {
            out += i == 0 ? "\n  {\n" : ",\n  {\n"
            out += "    \"day_unit\" : \(string(a.dayUnit.rawValue)),\n"
            out += "    \"days_left\" : \(a.daysLeft),\n"
            out += "    \"department\" : \(string(a.department)),\n"
            out += "    \"due\" : \"\(a.due.string)\",\n"
            out += "    \"kind\" : \(string(a.kind.rawValue)),\n"
            out += "    \"level\" : \(string(a.level.rawValue)),\n"
            out += "    \"message\" : \(string(a.message)),\n"
            out += "    \"message_en\" : \(string(a.messageEn)),\n"
            out += "    \"record\" : \(string(a.record))\n  }"
        }
        out += list.isEmpty ? "\n\n]" : "\n]"
        return out
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped.
    static func string(_ s: String) -> String {
        // Nearly every string needs no escape: one pass over its bytes tells.
        if !s.utf8.contains(where: { $0 == 0x22 || $0 == 0x5C || $0 < 0x20 }) { return "\"" + s + "\"" }
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where u.value < 0x20: out += String(format: "\\u%04x", u.value)
            default: out.unicodeScalars.append(u)
            }
        }
        return out + "\""
    }
}
