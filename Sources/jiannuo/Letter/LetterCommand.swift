import ArgumentParser
import Foundation
import JiannuoCore
import JiannuoStore

/// `letter`: supervision letters (督办函) to units, recorded; each reply a record.
struct LetterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "letter", abstract: T("督办函：发函（letter 单位 -o 文件）、全部发函、查看、列表、回复", "Supervision letters: issue (letter UNIT -o FILE), to all, show, list, reply"),
        discussion: T("""
            letter 单位 -o 文件.html|.md 向单位发督办函：列出该单位当日已逾期和临期的全部事项及办理要求，文号取自规则文件 [letters] 的 series，\
            回复时限为 letter_reply_workdays 个工作日；发函即记录（单位的记录、钻取与公报中可见），回复时限届满前后均为提醒，直至单位回复（letter reply）。\
            letter --all -o 目录 向当日有事项的每个单位各发一函。letter show 编号 -o 文件 按发函当日的内容重印。
            """, """
            letter UNIT -o FILE.html|.md issues a supervision letter to a unit: every item of the unit's overdue or nearing today, \
            with what it must do; the number comes from the rules file's [letters] series, the reply is due letter_reply_workdays \
            working days later. Issuing records it (seen in the unit's record, the drill-down and the bulletin); its reply-by day is an \
            alert until the unit replies (letter reply). letter --all -o DIR issues one to every unit with something due. \
            letter show ID -o FILE prints it again as issued.
            """),
        subcommands: [Issue.self, Show.self, List.self, Reply.self], defaultSubcommand: Issue.self)

    /// `-o`'s extension: HTML or Markdown.
    static func render(_ l: SupervisionLetter, unitName: String, to path: String) throws {
        let text: String
        switch (path as NSString).pathExtension.lowercased() {
        case "html", "htm": text = LetterDocument.html(l, unitName: unitName)
        case "md", "markdown": text = LetterDocument.markdown(l, unitName: unitName)
        default: throw JiannuoError.invalid("督办函的输出文件须以 .html 或 .md 结尾：\(Sanitize.visible(path))", "the letter's output must end in .html or .md: \(path)")
        }
        guard UserFiles.write(Data(text.utf8), to: path) else { throw JiannuoError.notFound("无法写入文件：\(path)", "cannot write \(path)") }
    }

    static func requireFormat(_ path: String) throws {
        guard ["html", "htm", "md", "markdown"].contains((path as NSString).pathExtension.lowercased()) else {
            throw JiannuoError.invalid("督办函的输出文件须以 .html 或 .md 结尾：\(Sanitize.visible(path))", "the letter's output must end in .html or .md: \(path)")
        }
    }

    struct Issue: JiannuoCommand {
        static let configuration = CommandConfiguration(commandName: "issue", abstract: T("发督办函并记录（--all：每个有事项的单位各一函）", "Issue a supervision letter and record it (--all: one to every unit with something due)"))
        @Argument(help: H("单位代码或名称", "The unit's code or name")) var unit: String?
        @Flag(help: H("向当日有逾期或临期事项的每个单位各发一函，-o 为目录", "One letter to every unit with something overdue or nearing today; -o is a folder")) var all = false
        @Option(name: [.customShort("o"), .long], help: H("输出文件（.html 或 .md）；--all 时为目录", "Output file (.html or .md); a folder with --all")) var output: String
        @Option(help: H("--all 时的格式：html 或 md", "The format with --all: html or md")) var format = "html"
        @OptionGroup var global: GlobalOptions

        func execute(_ out: Output) throws {
            guard all != (unit != nil) else {
                throw JiannuoError.invalid("请给出一个单位，或用 --all", "name one unit, or give --all")
            }
            // Checked before anything is recorded: a letter is issued only if it can be written.
            if all {
                guard ["html", "md"].contains(format) else { throw JiannuoError.invalid("--format 只能是 html 或 md", "--format must be html or md") }
                do { try UserFiles.makeDirectory(output, mode: 0o700) } catch {
                    throw JiannuoError.notFound("无法创建目录：\(output)", "cannot make the folder \(output)")
                }
            } else {
                try LetterCommand.requireFormat(output)
            }
            let store = try out.store()
            let names = try store.departmentNames()
            let letters = all ? try store.issueLetters() : [try store.issueLetter(to: unit ?? "")]
            var files: [String] = []
            for l in letters {
                let path = all ? (output as NSString).appendingPathComponent("\(l.id)-\(l.department).\(format)") : output
                try LetterCommand.render(l, unitName: names[l.department] ?? l.recipient, to: path)
                files.append(path)
            }
            // One letter is an object in JSON, `--all`'s a list.
            let say = {
                if letters.isEmpty { out.say("今天没有单位有逾期或临期的事项，未发函", "no unit has anything overdue or nearing today: no letter issued") }
                for (l, f) in zip(letters, files) {
                    out.say("已发督办函 \(l.id)（\(l.number)）至 \(names[l.department] ?? l.recipient)：\(l.items.count) 项，须于 \(l.replyBy) 前回复；已写入 \(f)",
                            "issued \(l.id) (\(l.number)) to \(l.department): \(l.items.count) items, reply by \(l.replyBy); wrote \(f)")
                }
            }
            if all { out.record(letters, say) } else { out.record(letters[0], say) }
        }
    }

    struct Show: JiannuoCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: T("查看督办函（-o：按发函当日的内容重印）", "Show a supervision letter (-o: print it again as issued)"))
        @Argument var id: String
        @Option(name: [.customShort("o"), .long], help: H("输出文件（.html 或 .md）", "Output file (.html or .md)")) var output: String?
        @OptionGroup var global: GlobalOptions
        func execute(_ out: Output) throws {
            let store = try out.reader()
            let l = try store.letter(id)
            if let output {
                try LetterCommand.requireFormat(output)
                try LetterCommand.render(l, unitName: try store.departmentNames()[l.department] ?? l.recipient, to: output)
                out.say("已写入 \(output)", "wrote \(output)")
                return
            }
            try out.record(l) { try out.detail(id, store) }
        }
    }

    struct List: JiannuoCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: T("列出督办函（--status open|late|replied）", "List supervision letters (--status open|late|replied)"))
        @OptionGroup var filters: FilterOptions
        @OptionGroup var global: GlobalOptions
        func execute(_ out: Output) throws {
            let store = try out.reader()
            let list = try store.letters(try filters.filter())
            if out.json { out.emit(list); return }
            let names = try store.departmentNames(), today = store.clock.today
            var t = out.table(["编号|id", "文号|number", "单位|unit", "发出|issued", "事项|items", "回复时限|reply by", "状态|state"], drop: [1])
            for l in list {
                t.add([l.id, l.number, names[l.department] ?? l.department, l.issuedAt.day.string, String(l.items.count), l.replyBy.string,
                       l.status(today: today).label(out.lang)])
            }
            out.line(t.render())
            out.total(list.count, "letters")
        }
    }

    struct Reply: JiannuoCommand {
        static let configuration = CommandConfiguration(commandName: "reply", abstract: T("回复督办函（单位联络员，或办公室代为登记）", "Reply to a supervision letter (the unit's liaison, or the office for it)"))
        @Argument var id: String
        @Option(help: H("回复内容：办理情况", "The reply: what was done")) var text: String
        @OptionGroup var global: GlobalOptions
        func execute(_ out: Output) throws {
            let l = try out.store().replyToLetter(id, text: text)
            out.record(l) {
                let late = (l.repliedOnTime ?? true) ? "" : "（逾期回复）"
                out.say("督办函 \(l.id) 已回复\(late)", "supervision letter \(l.id) replied\((l.repliedOnTime ?? true) ? "" : " (late)")")
            }
        }
    }
}
