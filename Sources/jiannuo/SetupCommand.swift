import ArgumentParser
import Foundation
import JiannuoCore
import JiannuoStore

struct SetupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "setup", abstract: T("安装设置（由 root 运行）", "Install settings (run by root)"), subcommands: [Shared.self])

    struct Shared: JiannuoCommand {
        static let configuration = CommandConfiguration(commandName: "shared",
            abstract: T("共享主机安装：专用组、set-group-ID 程序、只有该组能进入的账本目录（可重复运行，逐项说明所做）",
                        "Shared-host install: a dedicated group, the program set-group-ID to it, a ledger directory only that group may enter (idempotent; says what it did)"))
        @Option(help: H("专用组名（不得有成员）", "The dedicated group (it must have no members)")) var group: String
        @Option(help: H("账本目录", "The ledger directory")) var dir: String
        @Option(help: H("安装为 set-group-ID 的程序路径（默认本程序自身；不同则把本程序复制过去）",
                        "Where the set-group-ID program goes (default this program itself; otherwise this program is copied there)")) var binary: String?
        @OptionGroup var global: GlobalOptions

        func execute(_ out: Output) throws {
            let source = SharedInstall.runningBinary
            let install = SharedInstall(group: group, directory: absolute(dir), binary: absolute(binary ?? source))
            let said = try install.apply(source: source)
            struct R: Encodable { let group: String; let directory: String; let binary: String; let done: [String] }
            out.record(R(group: install.group, directory: install.directory, binary: install.binary, done: said.map { $0(out.lang) })) {
                for line in said { out.line("✓ " + line(out.lang)) }
                out.say("官员的账号不入组 \(install.group)；各自设置 JIANNUO_DB=\(install.directory)/ledger.sqlite 后用 \(install.binary)",
                        "officers' accounts stay out of \(install.group); each sets JIANNUO_DB=\(install.directory)/ledger.sqlite and runs \(install.binary)")
            }
        }

        func absolute(_ p: String) -> String {
            p.hasPrefix("/") ? p : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(p)
        }
    }
}
