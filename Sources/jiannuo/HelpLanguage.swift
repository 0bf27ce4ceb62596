import ArgumentParser
import Foundation
import JiannuoCore

/// The language of the help screens and of the argument parser's own messages, chosen once at
/// start-up (`Jiannuo.main()`), before anything is parsed: `--lang` anywhere on the command line,
/// else `LC_ALL`/`LC_MESSAGES`/`LANG`, else Chinese.
enum HelpLanguage {
    /// Set only by `Jiannuo.main()` before parsing, read afterwards: one thread, no race.
    nonisolated(unsafe) static var current: Lang = .zh

    /// The language the command line asks for: the last `--lang X` or `--lang=X` before a `--`
    /// terminator (anywhere else, as `Arguments.hoistGlobals` accepts it), else the environment.
    static func choose(_ args: [String], environment: [String: String]) -> Lang {
        let option = Arguments.value(of: "--lang", in: args)
        return Lang.from(option: option, environment: environment)
    }
}

/// The help of an option, flag or argument in the language of `HelpLanguage.current`.
func H(_ zh: String, _ en: String) -> ArgumentHelp {
    ArgumentHelp(T(zh, en))
}

/// An abstract or discussion in the language of `HelpLanguage.current`.
func T(_ zh: String, _ en: String) -> String {
    HelpLanguage.current == .zh ? zh : en
}

/// The help screens' own framing in Chinese: the parser writes its headings, the help flag's line and
/// the defaults in English; the texts of the commands and options are already in the language asked.
enum HelpFraming {
    static let headings = [("OVERVIEW:", "概述："), ("USAGE:", "用法："), ("ARGUMENTS:", "参数："), ("OPTIONS:", "选项："),
                           ("SUBCOMMANDS:", "子命令："), ("GLOBAL OPTIONS:", "全局选项：")]

    static func chinese(_ help: String) -> String {
        help.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            var l = String(line)
            for (en, zh) in headings where l.hasPrefix(en) {
                let rest = l.dropFirst(en.count)
                l = zh + (rest.hasPrefix(" ") ? rest.dropFirst() : rest)
            }
            l = l.replacingOccurrences(of: "Show help information.", with: "显示帮助")
            l = l.replacingOccurrences(of: "Show the version.", with: "显示版本")
            // `  See 'jiannuo help department <subcommand>' for detailed help.`
            if let r = l.range(of: "See '"), let end = l.range(of: " <subcommand>' for detailed help.") {
                l = l[..<r.lowerBound] + "各子命令的说明：" + l[r.upperBound..<end.lowerBound] + " <子命令>"
            }
            // `(default: 80)` → `（默认：80）`
            while let r = l.range(of: " (default: "), let end = l[r.upperBound...].firstIndex(of: ")") {
                l = l[..<r.lowerBound] + "（默认：" + l[r.upperBound..<end] + "）" + l[l.index(after: end)...]
            }
            return l
        }.joined(separator: "\n")
    }
}

/// The argument parser's messages (usage errors) in Chinese. The parser words them in English;
/// the recognised forms are reworded, the option names and values the parser quotes are kept as
/// they are, and anything not recognised is left in English rather than guessed at.
enum ParserMessages {
    /// `full` is `fullMessage(for:)`, `message` is `message(for:)` of the same error: the message
    /// is the part that may hold what was typed; the rest (help line, usage, hint) is the parser's.
    static func chinese(full: String, message: String) -> String {
        let prefix = "Error: "
        var head = ""
        var tail = Substring(full)
        if !message.isEmpty, full.utf8.starts(with: (prefix + message).utf8) {
            head = "错误：" + reword(message)
            tail = full[full.utf8.index(full.utf8.startIndex, offsetBy: (prefix + message).utf8.count)...]
        } else if full.hasPrefix(prefix) {
            // A message the parser did not report as such: only the label is translated.
            head = "错误："
            tail = full.dropFirst(prefix.count)
        }
        return head + rewordTail(String(tail))
    }

    /// The lines after the message: `Help:  …`, `Usage: …` (continued by lines indented 7), `  See '…' for more information.`
    static func rewordTail(_ tail: String) -> String {
        var inUsage = false
        let lines = tail.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            if line.hasPrefix("Help:  ") {
                inUsage = false
                return "帮助：" + line.dropFirst("Help:  ".count)
            }
            if line.hasPrefix("Usage: ") {
                inUsage = true
                // "用法：" is six columns wide: the continuation lines move in by one to stay aligned.
                return "用法：" + line.dropFirst("Usage: ".count)
            }
            let see = "  See '", more = "' for more information."
            if line.hasPrefix(see), line.hasSuffix(more), line.count > see.count + more.count {
                inUsage = false
                return "  详见 '" + line.dropFirst(see.count).dropLast(more.count) + "'"
            }
            if inUsage, line.hasPrefix("       ") { return String(line.dropFirst()) }
            inUsage = false
            return String(line)
        }
        return lines.joined(separator: "\n")
    }

    /// One message of the parser, reworded when its form is known.
    static func reword(_ message: String) -> String {
        // An unknown group of short options that could also be a short option missing its value.
        let or = "\n   or: "
        if let r = message.range(of: or) {
            return reword(String(message[..<r.lowerBound])) + "\n   或：" + reword(String(message[r.upperBound...]))
        }
        func between(_ start: String, _ end: String) -> String? {
            guard message.hasPrefix(start), message.hasSuffix(end), message.count >= start.count + end.count else { return nil }
            return String(message.dropFirst(start.count).dropLast(end.count))
        }
        // Missing value for '-a <a>' in '-abc' (the second half of the message above).
        if message.hasPrefix("Missing value for '"), let r = message.range(of: "' in '", options: .backwards), message.hasSuffix("'") {
            let name = message[message.index(message.startIndex, offsetBy: "Missing value for '".count)..<r.lowerBound]
            let group = message[r.upperBound...].dropLast()
            return "选项 \(name) 缺少值（在 '\(group)' 中）"
        }
        if let name = between("Missing value for '", "'") { return "选项 \(name) 缺少值" }
        if let name = between("Missing expected argument '", "'") { return "缺少参数 \(name)" }
        if let names = between("Missing one of: '", "'") { return "缺少以下之一：'\(names)'" }
        if let r = message.range(of: "'. Did you mean '", options: .backwards), message.hasPrefix("Unknown option '"), message.hasSuffix("'?") {
            let name = message[message.index(message.startIndex, offsetBy: "Unknown option '".count)..<r.lowerBound]
            let suggestion = message[r.upperBound...].dropLast(2)
            return "未知选项 '\(name)'；是否想用 '\(suggestion)'？"
        }
        if let name = between("Unknown option '", "'") { return "未知选项 '\(name)'" }
        if let value = between("Unexpected argument '", "'") { return "多余的参数 '\(value)'" }
        if let r = message.range(of: " unexpected arguments: '"), message.hasSuffix("'"),
           let n = Int(message[..<r.lowerBound]) {
            return "\(n) 个多余的参数：'\(message[r.upperBound...])"
        }
        if message.hasPrefix("The value '") {
            return invalidValue(message) ?? message
        }
        if let r = message.range(of: "' does not take any value, but '", options: .backwards),
           message.hasPrefix("The option '"), message.hasSuffix("' was specified.") {
            let name = message[message.index(message.startIndex, offsetBy: "The option '".count)..<r.lowerBound]
            let value = message[r.upperBound...].dropLast("' was specified.".count)
            return "选项 \(name) 不接受值，却给了 '\(value)'"
        }
        if let option = between("Invalid option: ", "") { return "无效的选项：\(option)" }
        if message == "Missing required subcommand." { return "缺少子命令" }
        if let r = message.range(of: " had already been set with "), message.hasPrefix("Value to be set with ") {
            let now = message[message.index(message.startIndex, offsetBy: "Value to be set with ".count)..<r.lowerBound]
            let before = message[r.upperBound...]
            func flag(_ s: Substring) -> String { s.hasPrefix("flag ") ? "标志 " + s.dropFirst("flag ".count) : String(s) }
            return "\(flag(now)) 要设定的值已由 \(flag(before)) 设定"
        }
        return message
    }

    /// `The value 'V' is invalid for 'NAME'` (or `is invalid.`), then nothing, `: REASON`, or
    /// `. Please provide one of …`.
    static func invalidValue(_ message: String) -> String? {
        let start = "The value '"
        let rest = message.dropFirst(start.count)
        var value: Substring, name: Substring?, extra: Substring
        if let r = rest.range(of: "' is invalid for '", options: .backwards),
           let close = rest[r.upperBound...].firstIndex(of: "'") {
            value = rest[..<r.lowerBound]
            name = rest[r.upperBound..<close]
            extra = rest[rest.index(after: close)...]
        } else if let r = rest.range(of: "' is invalid.", options: .backwards) {
            value = rest[..<r.lowerBound]
            name = nil
            extra = rest[r.upperBound...]
        } else {
            return nil
        }
        var reason = ""
        if extra.isEmpty {
            reason = ""
        } else if extra.hasPrefix(": ") {
            reason = "：" + extra.dropFirst(2)
        } else if extra.hasPrefix(". Please provide one of the following:\n") {
            reason = "；请提供以下之一：\n" + extra.dropFirst(". Please provide one of the following:\n".count)
        } else if extra.hasPrefix(". Please provide one of "), extra.hasSuffix(".") {
            let list = extra.dropFirst(". Please provide one of ".count).dropLast()
                .replacingOccurrences(of: "' and '", with: "' 或 '").replacingOccurrences(of: "' or '", with: "' 或 '")
                .replacingOccurrences(of: "', '", with: "'、'")
            reason = "；请提供以下之一：\(list)"
        } else {
            return nil
        }
        guard let name else { return "值 '\(value)' 无效\(reason)" }
        let what = name.hasPrefix("-") ? "选项" : "参数"
        return "\(what) \(name) 的值 '\(value)' 无效\(reason)"
    }
}
