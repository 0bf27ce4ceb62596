import ArgumentParser
import Foundation
import JiannuoCore
import JiannuoStore

@main
struct Jiannuo: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jiannuo",
        abstract: T("践诺：政府承诺事项兑现督查台账", "Jiannuo: supervision ledger of government commitments and their fulfilment"),
        discussion: T("不带子命令时，在终端中打开看板；否则输出 status。退出码：0 完成，64 用法错误，65 输入被拒（未写入），66 记录或文件不存在，74 数据库不可用，77 无权（角色不允许）。", "Without a subcommand, opens the dashboard on a terminal; otherwise prints status. Exit codes: 0 done, 64 usage error, 65 input refused (nothing written), 66 record or file not found, 74 database unavailable, 77 not permitted (the role does not allow it)."),
        subcommands: [
            InitCommand.self, DemoCommand.self, StatusCommand.self, AlertsCommand.self, ScoresCommand.self, RenderCommand.self, ExportCommand.self, ImportCommand.self, BackupCommand.self, PublishCommand.self, ReportCommand.self,
            DepartmentCommand.self, CommitmentCommand.self, ComplaintCommand.self, BreachCommand.self,
            RectificationCommand.self, AccountabilityCommand.self, InspectionCommand.self, EscalateCommand.self, EscalationsCommand.self, OpinionCommand.self, CalendarCommand.self, RulesCommand.self, AuditCommand.self, UserCommand.self, WhoamiCommand.self, DoctorCommand.self, MigrateCommand.self,
            PendingCommand.self, ConfirmCommand.self, RejectCommand.self, AttachCommand.self, AttachmentsCommand.self, AttachmentCommand.self,
            DifficultyCommand.self, SetupCommand.self, LetterCommand.self,
        ])

    @Option(help: H("配色：default、high-contrast、light、mono，或主题文件路径（默认 $JIANNUO_THEME）", "Colour theme: default, high-contrast, light, mono, or the path of a theme file (default $JIANNUO_THEME)")) var theme: String?
    @OptionGroup var global: GlobalOptions

    static func main() {
        // Ledgers, their sidecars and backups hold personal data: nothing this program creates is for
        // others (files 0660 so that a group of officers can share a ledger, exports 0600).
        umask(0o007)
        let args = Arguments.hoistGlobals(Array(CommandLine.arguments.dropFirst()))
        // The help screens and the parser's messages speak the language asked for: chosen before parsing.
        HelpLanguage.current = HelpLanguage.choose(args, environment: ProcessEnvironment.values)
        // A command on a city database loads libpq meanwhile, on another core, while its command line is parsed.
        if let db = Arguments.value(of: "--db", in: args) ?? ProcessEnvironment.values["JIANNUO_DB"], LedgerAddress(db).isPostgres {
            PostgresLedger.loadClientEarly()
        }
        do {
            var command = try parseAsRoot(args)
            settlePrivilege(command)
            try command.run()
        } catch {
            // The parser echoes what was typed: an argument with escape characters is shown, not sent.
            let code = exitCode(for: error)
            let zh = HelpLanguage.current == .zh
            let message = code != .success && zh ? ParserMessages.chinese(full: fullMessage(for: error), message: Self.message(for: error))
                : zh ? HelpFraming.chinese(fullMessage(for: error)) : fullMessage(for: error)
            if !message.isEmpty {
                let visible = Sanitize.visible(message, keepNewlines: true)
                let stream = code == .success ? FileHandle.standardOutput : FileHandle.standardError
                stream.write(Data((visible.hasSuffix("\n") ? visible : visible + "\n").utf8))
            }
            Foundation.exit(code.rawValue)
        }
    }

    /// A set-group-ID run keeps the group only for the install's ledger (`GroupPrivilege`); decided
    /// before anything is opened. A command without a ledger (help, a PostgreSQL address) gives it up.
    static func settlePrivilege(_ command: ParsableCommand) {
        let global = (command as? any JiannuoCommand)?.global ?? (command as? Jiannuo)?.global
        guard let global, !LedgerAddress(global.requestedDatabasePath).isPostgres else { GroupPrivilege.settle(ledger: nil); return }
        GroupPrivilege.settle(ledger: global.requestedDatabasePath)
    }

    mutating func run() throws {
        let g = global
        let out = Output(global: g)
        do {
            try g.checkLanguage()
            let store = try g.openStore(.read)
            guard isatty(STDOUT_FILENO) == 1, isatty(STDIN_FILENO) == 1 else {
                let why = Text("（不在终端中运行，看板无法打开，显示概况）", "(not on a terminal: showing the status instead of the dashboard)")
                FileHandle.standardError.write(Data((why(out.lang) + "\n").utf8))
                try StatusCommand.show(Output(global: g), store: store)
                return
            }
            try Dashboard.run(g, theme: theme)
        } catch let e as JiannuoError {
            out.fail(e)
            throw ExitCode(e.exitCode)
        }
    }
}
