import Foundation
import JiannuoCore

/// A supervision letter as a document to print (A4, like the bulletin) or to paste (Markdown): the header
/// (文号, 发文机关, 主送), every item as it stood on the day of issue with what the unit must do, the reply-by
/// day, and 抄送. Text from the ledger is made visible and escaped; numbers that identify a person are masked.
enum LetterDocument {
    static func html(_ l: SupervisionLetter, unitName: String) -> String {
        let e = ReportHTML.escape, t = ReportHTML.text
        var h = "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">\n"
        h += "<title>\(e(l.number)) 督办函</title>\n<style>\n\(ReportHTML.style)\n"
        h += ".num { text-align: center; margin: 2pt 0 10pt; } .to { margin-top: 10pt; } .sign { text-align: right; margin-top: 18pt; }\n"
        h += "</style>\n</head><body>\n"
        h += "<header><h1>\(e(l.issuer))</h1>\n<p class=\"num\">\(t(l.number))</p><hr></header>\n"
        h += "<h2 style=\"text-align:center;border:0\">督办函</h2>\n"
        h += "<p class=\"to\">\(e(unitName))：</p>\n"
        h += "<p>经核查，截至 \(t(l.issuedAt.day.string))，你单位下列事项已逾期或临近时限。请按所列要求抓紧办理，并于 <b>\(t(l.replyBy.string))</b> 前将办理情况书面回复（jiannuo letter reply \(t(l.id))）。逾期未回复的，将纳入诚信评价并按规定报县委县政府。</p>\n"
        h += "<table><thead><tr><th style=\"width:6%\">序号</th><th style=\"width:17%\">记录</th><th style=\"width:11%\">时限</th><th style=\"width:10%\">状态</th><th>事项</th><th style=\"width:26%\">办理要求</th></tr></thead>\n<tbody>\n"
        for (i, item) in l.items.enumerated() {
            h += "<tr><td class=\"r\">\(i + 1)</td><td>\(t(item.record))</td><td>\(t(item.due.string))</td><td>\(e(item.level.label))</td>"
            h += "<td>\(t(item.text))</td><td>\(e(item.requirement.zh))</td></tr>\n"
        }
        h += "</tbody></table>\n"
        h += "<p class=\"sign\">\(e(l.issuer))<br>\(t(chineseDate(l.issuedAt.day)))</p>\n"
        h += "<footer><p>主送：\(e(unitName))\(l.cc.map { "　抄送：\(e($0))" } ?? "")</p>"
        h += "<p>本函由践诺系统记录为 \(t(l.id))，所列事项为发函当日的情况；回复须于 \(t(l.replyBy.string)) 前完成。</p></footer>\n"
        return h + "</body></html>\n"
    }

    static func markdown(_ l: SupervisionLetter, unitName: String) -> String {
        let v = { (s: String) in Privacy.maskNumbers(Sanitize.visible(s)).replacingOccurrences(of: "|", with: "\\|") }
        var m = "# \(v(l.issuer))\n\n\(v(l.number))\n\n## 督办函\n\n\(v(unitName))：\n\n"
        m += "经核查，截至 \(l.issuedAt.day)，你单位下列事项已逾期或临近时限。请按所列要求抓紧办理，并于 **\(l.replyBy)** 前将办理情况书面回复（`jiannuo letter reply \(l.id)`）。逾期未回复的，将纳入诚信评价并按规定报县委县政府。\n\n"
        m += "| 序号 | 记录 | 时限 | 状态 | 事项 | 办理要求 |\n| ---: | --- | --- | --- | --- | --- |\n"
        for (i, item) in l.items.enumerated() {
            m += "| \(i + 1) | \(v(item.record)) | \(item.due) | \(item.level.label) | \(v(item.text)) | \(item.requirement.zh) |\n"
        }
        m += "\n\(v(l.issuer))  \n\(chineseDate(l.issuedAt.day))\n\n主送：\(v(unitName))" + (l.cc.map { "　抄送：\(v($0))" } ?? "") + "\n"
        return m
    }

    /// `2026年12月7日`, as a document is dated.
    static func chineseDate(_ d: Day) -> String { let c = d.components; return "\(c.year)年\(c.month)月\(c.day)日" }
}
