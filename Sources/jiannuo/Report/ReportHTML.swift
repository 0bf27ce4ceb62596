import Foundation
import JiannuoCore

/// The bulletin as one self-contained HTML file for A4 portrait printing: inline CSS, inline SVG,
/// no external asset, no script. Each section after the first starts a new page.
enum ReportHTML {
    /// Text from the ledger as HTML: visible characters only, mobile and identity numbers masked, escaped
    /// (the same treatment as `publish`).
    static func escape(_ s: String) -> String {
        Document.escapeHTML(Privacy.maskNumbers(Sanitize.visible(s)))
    }

    /// Codes, ids, dates and periods (SX-2026-0045, 2026-11-20, 2026-Q3) inside running text: kept on one line.
    static let unbreakable = try! NSRegularExpression(pattern: "[A-Za-z0-9]+(?:-[A-Za-z0-9]+)+")

    /// Escaped text whose ids and dates never break over two lines.
    static func text(_ s: String) -> String {
        let e = escape(s)
        return unbreakable.stringByReplacingMatches(in: e, range: NSRange(e.startIndex..., in: e), withTemplate: "<span class=\"id\">$0</span>")
    }

    static let style = """
        @page { size: A4 portrait; margin: 14mm 14mm 16mm 14mm; }
        html { font-family: "WenQuanYi Micro Hei", "Noto Sans CJK SC", sans-serif; font-size: 10pt; color: #111;
               -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        body { margin: 0; }
        @media screen { body { max-width: 182mm; margin: 10mm auto; } }
        header { text-align: center; margin-bottom: 8pt; }
        h1 { font-size: 19pt; letter-spacing: 2pt; color: #a00; margin: 0 0 6pt; }
        header p { margin: 2pt 0; font-size: 10.5pt; text-align: center; }
        header hr { border: 0; border-top: 1.5pt solid #a00; margin: 6pt 0 0; }
        h2 { font-size: 13pt; margin: 6pt 0 4pt; padding-bottom: 2pt; border-bottom: 0.8pt solid #a00; }
        p { margin: 3pt 0; line-height: 1.45; text-align: justify; }
        section + section { page-break-before: always; break-before: page; }
        table { width: 100%; table-layout: fixed; border-collapse: collapse; font-size: 8.5pt; margin: 4pt 0 6pt; }
        th, td { border: 0.5pt solid #888; padding: 1.2pt 3pt; vertical-align: middle; overflow-wrap: anywhere; }
        th { background: #eee; font-weight: bold; text-align: center; }
        thead { display: table-header-group; }
        tr, svg { page-break-inside: avoid; break-inside: avoid; }
        .r { text-align: right; font-variant-numeric: tabular-nums; }
        .id { white-space: nowrap; overflow-wrap: normal; }
        figure { margin: 6pt 0 0; }
        figcaption { font-size: 8.5pt; text-align: center; color: #333; margin-top: 2pt; page-break-before: avoid; break-before: avoid; }
        svg { display: block; width: 100%; height: auto; margin-bottom: 4pt; }
        footer { margin-top: 10pt; font-size: 8pt; color: #555; }
        """

    static func render(_ d: ReportData) -> String {
        let c = ReportContent.build(d)
        var h = "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">\n"
        h += "<title>\(escape(c.title))（\(escape(d.period.description))）</title>\n<style>\n\(style)\n</style>\n</head><body>\n"
        h += "<header><h1>\(escape(c.title))</h1>\n" + c.subtitle.map { "<p>\(text($0))</p>\n" }.joined() + "<hr></header>\n"
        for s in c.sections {
            h += "<section>\n<h2>\(escape(s.title))</h2>\n"
            for b in s.blocks {
                switch b {
                case .paragraph(let p): h += "<p>\(text(p))</p>\n"
                case .table(let t): h += table(t)
                case .figure(let f, let caption):
                    let svg: String
                    switch f {
                    case .scoreBars: svg = ReportSVG.parts(d.units, ReportSVG.barsPerChart).map { ReportSVG.scoreBars($0, of: d.units) }.joined()
                    case .trends: svg = ReportSVG.parts(d.units, ReportSVG.trendsPerChart).map { ReportSVG.trends($0, of: d.units) }.joined()
                    case .categories: svg = ReportSVG.categories(d.categories)
                    }
                    h += "<figure>\n\(svg)<figcaption>\(text(caption))</figcaption></figure>\n"
                }
            }
            h += "</section>\n"
        }
        h += "<footer>" + c.closing.map { "<p>\(text($0))</p>" }.joined()
            + "<p>\(text("本通报由践诺台账生成，数据截至 \(d.as_of)；不含投诉人个人信息。"))</p></footer>\n"
        return h + "</body></html>\n"
    }

    static func table(_ t: ReportContent.Table) -> String {
        func cls(_ c: ReportContent.Column) -> String {
            let names = (c.align == .right ? ["r"] : []) + (c.id ? ["id"] : [])
            return names.isEmpty ? "" : " class=\"\(names.joined(separator: " "))\""
        }
        var h = "<table>\n<colgroup>" + t.columns.map { "<col style=\"width:\($0.width)%\">" }.joined() + "</colgroup>\n"
        h += "<thead><tr>" + t.columns.map { "<th>\(escape($0.title))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for r in t.rows {
            h += "<tr>" + zip(t.columns, r).map { c, v in "<td\(cls(c))>\(c.id ? escape(v) : text(v))</td>" }.joined() + "</tr>\n"
        }
        return h + "</tbody></table>\n"
    }
}
