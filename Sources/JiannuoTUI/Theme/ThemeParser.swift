import Foundation
import JiannuoCore
import TOMLKit

/// Reads a theme file (format in Themes/README.md). Strict on purpose: a misspelt role or
/// colour is an error naming the file and line, not a silently ignored setting.
enum ThemeParser {
    static let topLevelKeys: Set<String> = ["name", "description", "roles"]
    static let styleKeys: Set<String> = ["fg", "bg", "bold", "reverse", "underline", "dim"]

    static func parse(_ text: String, source: String, fallback: Theme?) throws -> Theme {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let e as TOMLParseError {
            throw fail(source, e.source.begin.line, "TOML 格式错误：\(e.description)", "TOML syntax error: \(e.description)")
        }
        for key in table.keys where !topLevelKeys.contains(key) {
            throw fail(source, line(of: key, section: nil, in: text),
                       "未知的键“\(key)”（可用：name、description、[roles]）",
                       "unknown key \"\(key)\" (allowed: name, description, [roles])")
        }
        let name = table["name"]?.string ?? source
        guard let rolesValue = table["roles"] else {
            throw fail(source, nil, "缺少 [roles] 表", "missing the [roles] table")
        }
        guard let roles = rolesValue.table else {
            throw fail(source, line(of: "roles", section: nil, in: text), "roles 必须是表", "roles must be a table")
        }
        var styles: [Role: Style] = [:]
        for (key, value) in roles {
            let at = line(of: key, section: "roles", in: text)
            guard let role = Role(rawValue: key) else {
                throw fail(source, at, "未知的角色“\(key)”", "unknown role \"\(key)\"")
            }
            styles[role] = try style(value, role: key, source: source, line: at)
        }
        return Theme(name: name, styles: styles, fallback: fallback)
    }

    /// A style is either a compact string ("black on cyan bold") or an inline table
    /// ({ fg = "black", bg = "cyan", bold = true }).
    static func style(_ value: TOMLValueConvertible, role: String, source: String, line: Int?) throws -> Style {
        if let s = value.string {
            return try compact(s, role: role, source: source, line: line)
        }
        guard let t = value.table else {
            throw fail(source, line, "角色“\(role)”的值必须是字符串或表", "role \"\(role)\" must be a string or a table")
        }
        var style = Style()
        for (key, v) in t {
            guard styleKeys.contains(key) else {
                throw fail(source, line, "角色“\(role)”中未知的键“\(key)”（可用：fg bg bold reverse underline dim）",
                           "unknown key \"\(key)\" in role \"\(role)\" (allowed: fg bg bold reverse underline dim)")
            }
            if key == "fg" || key == "bg" {
                let text = v.string ?? v.int.map(String.init) ?? ""
                guard let c = Color(parsing: text) else { throw badColor(text, role: role, source: source, line: line) }
                if key == "fg" { style.fg = c } else { style.bg = c }
            } else {
                guard let b = v.bool else {
                    throw fail(source, line, "角色“\(role)”的 \(key) 必须是 true 或 false", "\(key) in role \"\(role)\" must be true or false")
                }
                switch key {
                case "bold": style.bold = b
                case "reverse": style.reverse = b
                case "underline": style.underline = b
                default: style.dim = b
                }
            }
        }
        return style
    }

    /// "fg [on bg] [bold] [reverse] [underline] [dim]"; words in any order, "plain" for none.
    static func compact(_ text: String, role: String, source: String, line: Int?) throws -> Style {
        var style = Style()
        var sawForeground = false
        var words = text.split(separator: " ").map { String($0).lowercased() }[...]
        while let word = words.popFirst() {
            switch word {
            case "bold": style.bold = true
            case "reverse": style.reverse = true
            case "underline": style.underline = true
            case "dim": style.dim = true
            case "plain": continue
            case "on":
                guard let next = words.popFirst(), let c = Color(parsing: next) else {
                    throw badColor(text, role: role, source: source, line: line)
                }
                style.bg = c
            default:
                guard !sawForeground, let c = Color(parsing: word) else {
                    throw badColor(word, role: role, source: source, line: line)
                }
                style.fg = c
                sawForeground = true
            }
        }
        return style
    }

    static func badColor(_ text: String, role: String, source: String, line: Int?) -> JiannuoError {
        fail(source, line, "角色“\(role)”的颜色“\(Sanitize.visible(text))”无效（可用颜色名、0–255 或 #rrggbb）",
             "bad colour \"\(Sanitize.visible(text))\" in role \"\(role)\" (use a name, 0-255 or #rrggbb)")
    }

    static func fail(_ source: String, _ line: Int?, _ zh: String, _ en: String) -> JiannuoError {
        let whereZh = line.map { "主题文件 \(source) 第 \($0) 行" } ?? "主题文件 \(source)"
        let whereEn = line.map { "theme file \(source), line \($0)" } ?? "theme file \(source)"
        return JiannuoError.invalid("\(whereZh)：\(zh)", "\(whereEn): \(en)")
    }

    /// TOMLKit gives positions only for syntax errors, so semantic errors find their line by
    /// scanning the text: the first `key =` (or `[key]`) inside `section` (nil: top level).
    static func line(of key: String, section: String?, in text: String) -> Int? {
        var current: String? = nil
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.drop { $0 == " " || $0 == "\t" }
            if line.hasPrefix("[") {
                let name = line.dropFirst().prefix { $0 != "]" }.trimmingCharacters(in: .whitespaces)
                if section == nil && name == key { return i + 1 }
                current = name
                continue
            }
            guard current == section else { continue }
            for candidate in [key, "\"\(key)\"", "'\(key)'"] where line.hasPrefix(candidate) {
                if line.dropFirst(candidate.count).drop(while: { $0 == " " || $0 == "\t" }).first == "=" { return i + 1 }
            }
        }
        return nil
    }
}
