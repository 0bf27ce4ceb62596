import ArgumentParser
import Foundation
import JiannuoCore
import JiannuoStore
import JiannuoTUI

/// Prints exactly the screen the dashboard would draw, as plain text.
struct RenderCommand: JiannuoCommand {
    static let configuration = CommandConfiguration(
        commandName: "render", abstract: T("以纯文本输出看板画面（可先回放按键），用于测试与核对", "Print the dashboard screen as plain text (optionally after replaying keys), for testing and checking"))
    @Option(help: H("宽度（列）", "Width (columns)")) var width: Int = 80
    @Option(help: H("高度（行）", "Height (rows)")) var height: Int = 24
    @Option(help: H("焦点面板：1–4 或 commitments|complaints|deadlines|scores", "Focused panel: 1–4 or commitments|complaints|deadlines|scores")) var focus: String?
    @Option(help: H("选中第 N 行（从 1 起）", "Select row N (counting from 1)")) var select: Int?
    @Option(help: H("回放的按键，tmux send-keys 写法，空格分隔，如 \"j j Enter\"", "Keys to replay, written as for tmux send-keys, separated by spaces, e.g. \"j j Enter\"")) var keys: String?
    @Option(name: .customLong("keys-file"), help: H("从文件读取回放的按键（写法同 --keys，空白或换行分隔；可很长）", "Read the keys to replay from a file (written as for --keys, separated by spaces or newlines; may be long)")) var keysFile: String?
    @Flag(help: H("在标准错误输出首屏与全屏的耗时（毫秒）与内存", "Print on standard error the time (ms) and memory taken by the first screen and the full screen")) var timing = false
    @OptionGroup var global: GlobalOptions

    func execute(_ out: Output) throws {
        guard width >= 1, height >= 1, width <= 1000, height <= 500 else {
            throw JiannuoError.invalid("--width 与 --height 须在 1–1000 与 1–500 之间", "--width/--height out of range")
        }
        var events = try keys.map { try KeyEvent.parseSequence($0) } ?? []
        if let keysFile {
            guard let text = UserFiles.text(keysFile) else {
                throw JiannuoError.notFound("找不到按键文件：\(keysFile)", "keys file not found: \(keysFile)")
            }
            let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
            events += try KeyEvent.parseSequence(words)
        }
        let started = Date()
        // A fixed hour, so that a form's default time of receipt renders the same every run.
        let app = try Dashboard.makeApp(global, size: Size(width: width, height: height), minuteOfDay: 9 * 60, access: .preview)
        app.writesFiles = false
        try app.loadFirstPaint()
        _ = app.frame()
        let firstPaint = Date().timeIntervalSince(started)
        try app.loadScores()
        _ = app.frame()
        let full = Date().timeIntervalSince(started)
        if timing {
            let ms = { (t: TimeInterval) in String(format: "%.1f", t * 1000) }
            FileHandle.standardError.write(Data("first_paint_ms=\(ms(firstPaint)) full_frame_ms=\(ms(full)) max_rss_kb=\(Dashboard.maxRSSKilobytes())\n".utf8))
        }
        if let focus {
            guard let p = Pane.parse(focus) else {
                throw JiannuoError.invalid("--focus“\(Sanitize.visible(focus))”无效：1–4 或 commitments|complaints|deadlines|scores", "unknown pane \(focus)")
            }
            try app.handle(.char(Character("\(p.rawValue + 1)")))
        }
        if let select, select > 1 { for _ in 1..<select { try app.handle(.down) } }
        // Each replayed key: the update and the new frame, as the live dashboard does before drawing.
        var keyTimes: [TimeInterval] = []
        for k in events {
            let t = Date()
            let goOn = try app.handle(k)
            _ = app.frame()
            keyTimes.append(Date().timeIntervalSince(t))
            if !goOn { break }
        }
        if timing, !keyTimes.isEmpty {
            let sorted = keyTimes.sorted()
            let ms = { (t: TimeInterval) in String(format: "%.2f", t * 1000) }
            FileHandle.standardError.write(Data("keys=\(sorted.count) key_to_frame_median_ms=\(ms(sorted[sorted.count / 2])) key_to_frame_max_ms=\(ms(sorted.last!))\n".utf8))
        }
        print(app.frame().lines().joined(separator: "\n"))
    }
}

enum Dashboard {
    /// Peak resident memory of this process so far.
    static func maxRSSKilobytes() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss
    }

    /// `minuteOfDay` fixes the time of day (headless renders); otherwise now is read at each action.
    static func makeApp(_ g: GlobalOptions, size: Size, minuteOfDay: Int? = nil, access: SQLiteLedger.Access = .read) throws -> DashboardApp {
        var clock = try g.clock()
        if let minuteOfDay { clock = Clock(today: clock.today, minute: minuteOfDay, zone: clock.zone) }
        // `--lang en` / LANG=en*: the dashboard's words in English (the data as stored).
        return try DashboardApp(size: size, clock: clock, lang: g.language) { try g.openStore(access) }
    }

    /// Opens the dashboard on the terminal until q, Ctrl-C or SIGTERM; the terminal is restored in every case.
    static func run(_ g: GlobalOptions, theme name: String?) throws {
        let env = g.environment
        let dir = ThemeLoader.defaultDirectory(environment: env)
        let probe = try ThemeLoader.load(nameOrPath: name, themesDirectory: dir, environment: env, terminalColors: nil)
        let backend = try CursesBackend(theme: probe)
        defer { backend.shutdown() }
        backend.theme = try ThemeLoader.load(nameOrPath: name, themesDirectory: dir, environment: env, terminalColors: backend.colorCount)
        let app = try makeApp(g, size: backend.size)
        if let path = env["JIANNUO_TRACE"], !path.isEmpty { app.trace = TraceFile(path: path).write }
        try app.run(on: backend)
    }
}


/// Appends timestamped lines to a file (`JIANNUO_TRACE`); a file that cannot be opened traces nothing.
final class TraceFile {
    private let handle: FileHandle?
    private let started = Date()

    init(path: String) {
        handle = UserFiles.create(path, append: true)
    }

    func write(_ line: String) {
        let ms = Int(Date().timeIntervalSince(started) * 1000)
        try? handle?.write(contentsOf: Data("\(ms) \(line)\n".utf8))
    }
}
