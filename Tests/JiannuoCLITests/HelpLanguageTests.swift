import Foundation
import Testing

/// Help in the language asked for; the argument parser's own errors in Chinese by default.
@Suite("CLI: the language of help screens and of parser errors")
struct HelpLanguageTests {
    /// Any Han character (`\p{Han}`): Chinese text. The pattern is compiled per call (a Regex is not Sendable).
    static func containsHan(_ s: String) -> Bool { s.contains(try! Regex(#"\p{Han}"#)) }

    /// The names under `SUBCOMMANDS:` in a help screen: lines indented by exactly two spaces
    /// (wrapped abstracts are indented further). The parser's own `help` command is left out.
    static func subcommands(in help: String) -> [String] {
        var names: [String] = []
        var inSection = false
        for line in help.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("SUBCOMMANDS:") { inSection = true; continue }
            guard inSection else { continue }
            if line.isEmpty || !line.hasPrefix(" ") { inSection = false; continue }
            guard line.hasPrefix("  "), !line.hasPrefix("   ") else { continue }
            if let name = line.split(separator: " ").first, name != "help" { names.append(String(name)) }
        }
        return names
    }

    /// Every command path under the root (`["commitment"]`, `["commitment", "add"]`, …), from the
    /// help screens themselves: a command added later is covered without touching this test.
    static func commandTree(_ cli: CLI, under path: [String] = []) throws -> [[String]] {
        let r = try cli.raw(["--lang", "en"] + path + ["--help"])
        try #require(r.status == 0, "\(r)")
        var all: [[String]] = []
        for name in subcommands(in: r.stdout) {
            all.append(path + [name])
            all += try commandTree(cli, under: path + [name])
        }
        return all
    }

    @Test("the Han pattern finds Chinese and nothing else")
    func hanPattern() {
        #expect(Self.containsHan("践诺"))
        #expect(!Self.containsHan("Usage: jiannuo commitment add – 1–6 (default: 0)"))
    }

    @Test("--lang en: the root help and the help of every subcommand and sub-subcommand is English")
    func englishHelpEverywhere() throws {
        let cli = try CLI(initialised: false)
        let tree = try Self.commandTree(cli)
        // The tree really was read: commands at both levels.
        #expect(tree.contains(["commitment"]) && tree.contains(["commitment", "add"]) && tree.contains(["audit", "verify"]), "\(tree)")
        #expect(tree.count >= 60, "only \(tree.count) commands found: \(tree)")
        for path in [[]] + tree {
            for args in [["--lang", "en"] + path + ["--help"], path + ["--help", "--lang=en"]] {
                let r = try cli.raw(args)
                #expect(r.status == 0, "\(r)")
                #expect(r.stdout.contains("USAGE:"), "\(r)")
                #expect(!Self.containsHan(r.stdout) && !Self.containsHan(r.stderr), "Chinese in English help: \(r)")
            }
        }
    }

    @Test("Chinese help has no English framing: headings, the help flag, defaults and the closing hint are Chinese")
    func chineseFramingEverywhere() throws {
        let cli = try CLI(initialised: false)
        let tree = try Self.commandTree(cli)
        for path in [[]] + tree {
            let r = try cli.raw(path + ["--help"])
            #expect(r.status == 0 && r.stdout.contains("用法："), "\(r)")
            for english in ["OVERVIEW:", "USAGE:", "ARGUMENTS:", "OPTIONS:", "SUBCOMMANDS:", "Show help information", "(default:", "See '"] {
                #expect(!r.stdout.contains(english), "\(english) in the Chinese help of \(path): \(r.stdout)")
            }
        }
    }

    @Test("LANG=en_US.UTF-8 makes the help English; the default help is Chinese")
    func helpFollowsEnvironment() throws {
        let cli = try CLI(initialised: false)
        let en = try cli.raw(["--help"], env: ["LANG": "en_US.UTF-8"])
        #expect(en.status == 0, "\(en)")
        #expect(!Self.containsHan(en.stdout), "\(en)")
        #expect(en.stdout.contains("Exit codes: 0 done, 64 usage error"), "\(en)")
        let enAdd = try cli.raw(["commitment", "add", "--help"], env: ["LC_ALL": "en_US.UTF-8"])
        #expect(enAdd.status == 0 && !Self.containsHan(enAdd.stdout), "\(enAdd)")
        #expect(enAdd.stdout.contains("Amount (yuan, at most two decimal places)"), "\(enAdd)")

        let zh = try cli.raw(["--help"])   // LANG=C.UTF-8
        #expect(zh.status == 0, "\(zh)")
        #expect(zh.stdout.contains("践诺：政府承诺事项兑现督查台账"), "\(zh)")
        let zhAdd = try cli.raw(["commitment", "add", "--help"])
        #expect(zhAdd.status == 0 && zhAdd.stdout.contains("金额（元，最多两位小数）"), "\(zhAdd)")
        // --lang wins over the environment, both ways.
        let forcedZh = try cli.raw(["--help", "--lang", "zh"], env: ["LANG": "en_US.UTF-8"])
        #expect(forcedZh.status == 0 && forcedZh.stdout.contains("践诺"), "\(forcedZh)")
    }

    @Test("a missing option value: a Chinese message under the default language, English under --lang en; exit 64 both ways")
    func missingValue() throws {
        let cli = try CLI(initialised: false)
        let zh = try cli.raw(["commitment", "add", "--amount"])
        #expect(zh.status == 64, "\(zh)")
        #expect(zh.stdout.isEmpty, "\(zh)")
        #expect(zh.stderr.hasPrefix("错误：选项 --amount <amount> 缺少值"), "\(zh)")
        #expect(zh.stderr.contains("用法：jiannuo commitment add"), "\(zh)")
        #expect(zh.stderr.contains("详见 'jiannuo commitment add --help'"), "\(zh)")
        #expect(!zh.stderr.contains("Missing value") && !zh.stderr.contains("Usage:") && !zh.stderr.contains("Error:"), "\(zh)")

        let en = try cli.raw(["commitment", "add", "--amount", "--lang", "en"])
        #expect(en.status == 64, "\(en)")
        #expect(en.stderr.hasPrefix("Error: Missing value for '--amount <amount>'"), "\(en)")
        #expect(en.stderr.contains("Usage: jiannuo commitment add"), "\(en)")
        #expect(!Self.containsHan(en.stderr), "\(en)")

        let envEn = try cli.raw(["commitment", "add", "--amount"], env: ["LANG": "en_US.UTF-8"])
        #expect(envEn.status == 64 && envEn.stderr.hasPrefix("Error: Missing value for '--amount <amount>'"), "\(envEn)")
    }

    @Test("other parser errors are Chinese by default, with the parser's exit code; what was typed is shown, not sent")
    func otherParserErrors() throws {
        let cli = try CLI(initialised: false)
        let cases: [([String], String)] = [
            (["complaint", "accept"], "错误：缺少参数 <id>"),
            (["status", "--bogus"], "错误：未知选项 '--bogus'"),
            (["status", "extra"], "错误：多余的参数 'extra'"),
            (["commitment", "progress", "CN-2026-0001", "--percent", "abc"], "错误：选项 --percent <percent> 的值 'abc' 无效"),
            (["status", "--json=yes"], "错误：选项 --json 不接受值，却给了 'yes'"),
            (["status", "--bogus\u{1B}[31m"], "错误：未知选项 '--bogus␛[31m'"),
        ]
        for (args, start) in cases {
            let r = try cli.raw(args)
            #expect(r.status == 64, "\(r)")
            #expect(r.stderr.hasPrefix(start), "expected \(start): \(r)")
            #expect(r.stderr.contains("用法："), "\(r)")
            #expect(!r.stderr.contains("\u{1B}"), "an escape reached the terminal: \(r)")
            let en = try cli.raw(args + ["--lang", "en"])
            #expect(en.status == r.status, "\(en)")
            #expect(en.stderr.hasPrefix("Error: ") && !Self.containsHan(en.stderr), "\(en)")
        }
        // An unknown subcommand is still exit 64.
        #expect(try cli.raw(["no-such-command"]).status == 64)
    }
}
