import ArgumentParser
import Foundation
import Ink
import JiannuoCore
import JiannuoStore

/// A department's commitment letter (承诺书) and the ledger of its promises, for the office wall and
/// the website (公示). Complaints are not part of it: no complainant's name or contact can appear.
struct PublishCommand: JiannuoCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish", abstract: T("生成承诺书与承诺兑现台账（公示用，HTML 或 Markdown，不含投诉人信息）", "Generate the letter of commitment and the ledger of fulfilment (for public disclosure, HTML or Markdown, without complainants' details)"))
    @Option(help: H("单位代码（默认全部在用单位）", "Unit code (default all units in use)")) var department: String?
    @Option(name: [.customShort("o"), .long], help: H("输出文件：.html 或 .md", "Output file: .html or .md")) var output: String
    @OptionGroup var global: GlobalOptions

    func execute(_ out: Output) throws {
        let html = output.lowercased().hasSuffix(".html") || output.lowercased().hasSuffix(".htm")
        guard html || output.lowercased().hasSuffix(".md") else {
            throw JiannuoError.invalid("输出文件须以 .html 或 .md 结尾", "the output must end in .html or .md")
        }
        let store = try out.reader()
        let units = try department.map { [try store.department(try store.unitCode($0, asRecord: true))] } ?? (try store.departments(includeInactive: false))
        var doc = Document(html: html)
        doc.begin(title: units.count == 1 ? "\(units[0].name)政务诚信承诺书" : "政务诚信承诺书与承诺兑现台账")
        for d in units {
            doc.heading("\(d.name)政务诚信承诺书")
            if let own = d.letter {
                // The unit's own letter (二（二）), written in Markdown: rendered as a document, escaped first.
                doc.letter(own)
            } else {
                doc.paragraph("""
                    本单位按照“谁承诺、谁负责”的原则，依法依规作出政策承诺、签订协议（合同），严格履行公众参与、专家论证、风险评估、\
                    合法性审查、集体讨论决定等程序；认真兑现承诺，及时向社会公众或特定对象反馈兑现情况；不以政府换届、机构调整、\
                    人事变动等理由违约毁约；确需改变承诺的，依照法定权限和程序进行。
                    """)
            }
            // 四（二）: the complaint lines are published with every letter.
            doc.paragraph("投诉举报：12345 政务服务热线" + (d.phone.map { "；本单位投诉举报电话 \($0)" } ?? "")
                          + (d.email.map { "；投诉举报邮箱 \($0)" } ?? "") + "。")
            let list = try store.commitments(ListFilter(department: d.code))
            doc.paragraph("截至 \(store.clock.today)，共有承诺事项 \(list.count) 项，其中已兑现 \(list.filter { $0.status == .fulfilled }.count) 项。")
            let today = store.clock.today
            var rows: [[String]] = [], changes: [[String]] = []
            for c in list {
                let feedback = try store.commitmentEntries(c.id).last { $0.kind == .feedback }
                rows.append([c.id, Category.label(c.category), c.counterparty, c.content, c.made.string, c.deadline.string,
                             "\(c.status.label) \(c.progress)%" + PublishCommand.lateness(c, today: today), c.fulfilledOn?.string ?? "",
                             feedback.map { "\($0.date) \($0.text ?? "")" } ?? ""])
                for a in try store.amendments(c.id) {
                    let claim = a.recording.claim == .pending ? "（所填 \(a.recording.claimed.map(\.string) ?? "")，待核实）" : ""
                    changes.append([c.id, a.date.string + claim, a.oldDeadline.string, a.newDeadline.string,
                                    a.oldContent == a.newContent ? "（未变）" : "\(a.oldContent) → \(a.newContent)", a.reason, a.legalBasis, a.approver])
                }
            }
            doc.table(["编号", "类别", "对象", "承诺内容", "承诺日期", "兑现时限", "兑现情况", "办结日期", "最近反馈"], rows)
            if !changes.isEmpty {
                doc.paragraph("承诺变更（原条款保留，依法定事由和程序变更）：")
                doc.table(["编号", "变更日期", "原兑现时限", "新兑现时限", "承诺内容", "变更事由", "法律依据", "批准人"], changes)
            }
        }
        // The head of the audit chain, for anyone who keeps this page: `jiannuo audit verify --anchor` later
        // proves that the ledger behind it was only added to, never rewritten.
        if let (anchor, at) = try store.auditAnchor() {
            doc.paragraph("审计锚点（可用 jiannuo audit verify --anchor 核验台账此后未被改写）：\(anchor) \(DateTime(at)?.day.string ?? String(at.prefix(10)))")
        }
        doc.end()
        guard UserFiles.write(Data(doc.text.utf8), to: output) else {
            throw JiannuoError.notFound("无法写入文件：\(output)", "cannot write \(output)")
        }
        struct R: Encodable { let id: String; let departments: Int }
        out.record(R(id: output, departments: units.count)) { out.say("已生成 \(output)（\(units.count) 个单位）", "wrote \(output)") }
    }

    /// `（已逾期 12 天）` for an open promise past its deadline, `（逾期 3 天兑现）` for one closed late.
    static func lateness(_ c: Commitment, today: Day) -> String {
        if c.status.isOpen {
            let late = c.deadline.days(until: today)
            return late > 0 ? "（已逾期 \(late) 天）" : ""
        }
        guard let closed = c.fulfilledOn else { return "" }
        let late = c.deadline.days(until: closed)
        return late > 0 ? "（逾期 \(late) 天\(c.status == .fulfilled ? "兑现" : "办结")）" : ""
    }
}

/// HTML or Markdown, with every value escaped for its format.
struct Document {
    let html: Bool
    var text = ""

    static func escapeHTML(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    /// Everything Markdown would turn into HTML, a link, an image or emphasis is backslash-escaped,
    /// and `<` `>` `&` become entities (a renderer that passes raw HTML through shows them as text).
    static func escapeMarkdown(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "\n": out += " "
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\\", "`", "*", "_", "{", "}", "[", "]", "(", ")", "!", "|", "~":
                out += "\\" + String(c)
            default: out.append(c)
            }
        }
        // At the start of a line these make a heading or a list.
        if let f = out.first, "#-+=".contains(f) { out = "\\" + out }
        return out
    }

    /// Published text: visible characters only, identity and mobile numbers masked, escaped for the format.
    func clean(_ s: String) -> String {
        let visible = Privacy.maskNumbers(Sanitize.visible(s))
        return html ? Document.escapeHTML(visible) : Document.escapeMarkdown(visible)
    }

    mutating func begin(title: String) {
        if html {
            text += "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>\(clean(title))</title>\n"
            text += "<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #999;padding:4px 8px;vertical-align:top}</style>\n</head><body>\n"
        }
    }

    mutating func heading(_ s: String) { text += html ? "<h1>\(clean(s))</h1>\n" : "# \(clean(s))\n\n" }
    mutating func paragraph(_ s: String) { text += html ? "<p>\(clean(s))</p>\n" : "\(clean(s))\n\n" }

    mutating func table(_ headers: [String], _ rows: [[String]]) {
        if html {
            text += "<table>\n<tr>" + headers.map { "<th>\(clean($0))</th>" }.joined() + "</tr>\n"
            for r in rows { text += "<tr>" + r.map { "<td>\(clean($0))</td>" }.joined() + "</tr>\n" }
            text += "</table>\n"
        } else {
            text += "| " + headers.map(clean).joined(separator: " | ") + " |\n"
            text += "|" + String(repeating: " --- |", count: headers.count) + "\n"
            for r in rows { text += "| " + r.map(clean).joined(separator: " | ") + " |\n" }
            text += "\n"
        }
    }

    /// A unit's own letter, written in Markdown. Its text is escaped before it is rendered, so that no
    /// HTML, script or link target it holds passes through: only Markdown's own structure (paragraphs,
    /// headings, lists, emphasis) becomes the document's; links and images stay text. In a Markdown file
    /// it stays Markdown, escaped the same way.
    mutating func letter(_ markdown: String) {
        let escaped = Sanitize.visible(markdown.replacingOccurrences(of: "\r\n", with: "\n"), keepNewlines: true)
            .replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
            .replacingOccurrences(of: "![", with: "[").replacingOccurrences(of: "](", with: "] (")
        let safe = Document.literalMaskStars(Privacy.maskNumbers(escaped))
        if html {
            text += "<div class=\"letter\">\n" + MarkdownParser().html(from: safe) + "\n</div>\n"
        } else {
            text += safe.trimmingCharacters(in: .whitespacesAndNewlines) + "\n\n"
        }
    }

    /// The stars of a masked number (`138****5678`) as entities, so that Markdown does not read them as emphasis.
    static func literalMaskStars(_ s: String) -> String {
        var out = "", previous: Character? = nil
        for c in s {
            if c == "*", let p = previous, p.isNumber || p == "*" && out.hasSuffix("&#42;") { out += "&#42;" } else { out.append(c) }
            previous = c
        }
        return out
    }

    mutating func end() { if html { text += "</body></html>\n" } }
}
