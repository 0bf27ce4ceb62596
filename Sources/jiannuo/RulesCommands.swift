import ArgumentParser
import Foundation
import JiannuoCore
import JiannuoStore

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules", abstract: T("规则文件：检查、生效", "Rules file: check, apply"), subcommands: [Check.self, Apply.self])

    struct Check: JiannuoCommand {
        static let configuration = CommandConfiguration(commandName: "check", abstract: T("检查规则文件（每项须在允许范围内），不改动账本", "Check a rules file (every item must be within the allowed range), without changing the ledger"))
        @Argument(help: H("规则文件 rules.toml", "Rules file rules.toml")) var file: String
        @OptionGroup var global: GlobalOptions
        func execute(_ out: Output) throws {
            _ = try Rules.load(path: file)
            out.say("规则文件 \(file) 有效", "rules file \(file) is valid")
        }
    }

    struct Apply: JiannuoCommand {
        static let configuration = CommandConfiguration(commandName: "apply",
            abstract: T("让规则文件的时限生效：按新时限重算所有未办结投诉的时限（一个事务，记入审计日志）", "Put a rules file's time limits into effect: recompute the deadlines of all unresolved complaints under the new limits (one transaction, recorded in the audit log)"))
        @Argument(help: H("规则文件 rules.toml", "Rules file rules.toml")) var file: String
        @OptionGroup var global: GlobalOptions
        func execute(_ out: Output) throws {
            let rules = try Rules.load(path: file)
            let n = try out.store().applyRules(rules, source: file)
            struct R: Encodable { let file: String; let open_complaints: Int }
            out.record(R(file: file, open_complaints: n)) {
                out.say("已按 \(file) 的时限重算 \(n) 件未办结投诉的时限", "limits of \(n) open complaints recomputed with \(file)")
            }
        }
    }
}
