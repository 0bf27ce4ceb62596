import ArgumentParser
import Foundation
import JiannuoCore
import JiannuoStore
import JiannuoTUI

/// Every subcommand runs through `execute`, so that errors become a clear message and an exit code.
protocol JiannuoCommand: ParsableCommand {
    var global: GlobalOptions { get }
    func execute(_ out: Output) throws
}

extension JiannuoCommand {
    mutating func run() throws {
        let out = Output(global: global)
        do {
            try global.checkLanguage()
            try execute(out)
        } catch let e as JiannuoError {
            out.fail(e)
            throw ExitCode(e.exitCode)
        }
    }
}

/// Writes results for people or, with --json, for scripts.
struct Output {
    let global: GlobalOptions
    /// Read once: the language comes from the environment, too slow to parse again for every row.
    let lang: Lang

    init(global: GlobalOptions) {
        self.global = global
        lang = global.language
    }

    var json: Bool { global.json }

    /// The ledger for a command that writes.
    func store() throws -> any LedgerAdministration { try global.openStore(.write) }
    /// The ledger for a command that only reads: it never changes the file nor waits for a writer.
    func reader() throws -> any LedgerAdministration { try global.openStore(.read) }

    func emit<T: Encodable>(_ value: T) {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        do {
            let data = try e.encode(value)
            jsonText(String(decoding: data, as: UTF8.self))
        } catch {
            fail(JiannuoError.database("无法输出 JSON：\(error)", "cannot write JSON: \(error)"))
        }
    }

    /// JSON as written: byte for byte into a pipe or file; to a terminal, the characters that could
    /// drive it escaped (`Sanitize.jsonForTerminal`), which reads back as the same JSON.
    func jsonText(_ text: String) {
        let safe = isatty(STDOUT_FILENO) == 1 ? Sanitize.jsonForTerminal(text) : text
        FileHandle.standardOutput.write(Data((safe + "\n").utf8))
    }

    /// A line for people; text from the database is made safe for the terminal.
    func line(_ s: String = "") {
        print(Sanitize.visible(s, keepNewlines: true))
    }

    func say(_ zh: String, _ en: String) { line(lang == .zh ? zh : en) }

    /// One of two wordings, in the output's language.
    func t(_ zh: String, _ en: String) -> String { lang == .zh ? zh : en }

    /// A table whose headers are written "中文|English".
    /// `drop`: the columns a narrow terminal leaves out first (see `TextTable.render`).
    func table(_ headers: [String], right: Set<Int> = [], drop: [Int] = []) -> TextTable {
        var t = TextTable(headers.map { h in
            let parts = h.split(separator: "|", maxSplits: 1).map(String.init)
            return lang == .zh || parts.count < 2 ? parts[0] : parts[1]
        }, rightAligned: right)
        t.lang = lang
        t.dropOrder = drop
        return t
    }

    /// Calendar days to a limit, in words: "剩 3 天", "逾期 20 天".
    func daysLeft(_ n: Int) -> String { Alert.remaining(n, .calendar, lang) }

    /// "共 N 条" under a table.
    func total(_ n: Int, _ what: String) { say("共 \(n) 条", "\(n) \(what)") }

    func fail(_ e: JiannuoError) {
        let prefix = lang == .zh ? "错误：" : "error: "
        FileHandle.standardError.write(Data((prefix + Sanitize.visible(e.text(lang)) + "\n").utf8))
    }

    /// A record in full for people: the same text as the dashboard's detail view. A refusal is the
    /// command's (its exit code and message), never a half-printed record that exits 0.
    func detail(_ id: String, _ store: any Ledger, reveal: Bool = false) throws {
        let (title, lines) = try RecordDetail.lines(for: id, store: store, today: store.clock.today, reveal: reveal, lang: lang)
        line(title)
        for l in lines { line(l) }
    }

    /// Either the JSON or the person's view of one record.
    func record<T: Encodable>(_ value: T, _ human: () throws -> Void) rethrows {
        if json { emit(value) } else { try human() }
    }
}
