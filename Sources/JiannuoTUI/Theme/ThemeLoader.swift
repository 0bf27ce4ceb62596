import Foundation
import JiannuoCore
import JiannuoStore

/// Chooses and reads the theme for a run.
public enum ThemeLoader {
    /// The theme to draw with.
    ///
    /// - `nameOrPath`: `--theme`; else `JIANNUO_THEME`; else "default". A value containing
    ///   "/" or ending in ".toml" is a file path, anything else a name in `themesDirectory`.
    ///   "default" and "mono" work without a directory (built in).
    /// - `NO_COLOR` present in `environment` (any value, even empty) or `terminalColors`
    ///   below 8 gives a monochrome theme. A named theme is still read first, so a broken
    ///   theme file is reported rather than hidden by NO_COLOR.
    /// - `terminalColors`: ncurses `COLORS` once known, nil if not yet known (assume colour).
    /// Throws `JiannuoError` (.notFound for a missing theme, .invalid naming file and line).
    public static func load(nameOrPath: String?, themesDirectory: URL?, environment: [String: String],
                            terminalColors: Int?) throws -> Theme {
        let requested = nonEmpty(nameOrPath) ?? nonEmpty(environment["JIANNUO_THEME"]) ?? "default"
        let theme = try read(requested, themesDirectory: themesDirectory)
        let noColor = environment["NO_COLOR"] != nil || (terminalColors.map { $0 < 8 } ?? false)
        guard noColor, !theme.isMonochrome else { return theme }
        if let mono = try? read("mono", themesDirectory: themesDirectory), mono.isMonochrome { return mono }
        return Theme.builtInMono
    }

    /// Reads one theme by name or path, falling back role by role to the built-in default.
    public static func read(_ nameOrPath: String, themesDirectory: URL?) throws -> Theme {
        if nameOrPath.contains("/") || nameOrPath.hasSuffix(".toml") {
            return try readFile(URL(fileURLWithPath: nameOrPath), shownAs: nameOrPath)
        }
        guard nameOrPath.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) else {
            throw JiannuoError.invalid("主题名“\(Sanitize.visible(nameOrPath))”无效：只能含字母、数字、- 和 _",
                                       "theme name \"\(Sanitize.visible(nameOrPath))\" is invalid: letters, digits, - and _ only")
        }
        if let dir = themesDirectory {
            let file = dir.appendingPathComponent("\(nameOrPath).toml")
            if FileManager.default.fileExists(atPath: file.path) { return try readFile(file, shownAs: file.path) }
        }
        switch nameOrPath {
        case "default": return Theme.builtInDefault
        case "mono": return Theme.builtInMono
        default:
            let known = available(in: themesDirectory).joined(separator: ", ")
            throw JiannuoError.notFound("找不到主题“\(nameOrPath)”（可用：\(known)）",
                                        "theme \"\(nameOrPath)\" not found (available: \(known))")
        }
    }

    /// Theme names found in the directory plus the built-in ones, sorted.
    public static func available(in directory: URL?) -> [String] {
        var names: Set<String> = ["default", "mono"]
        if let dir = directory, let files = UserFiles.directoryEntries(dir.path) {
            for f in files where f.hasSuffix(".toml") { names.insert(String(f.dropLast(5))) }
        }
        return names.sorted()
    }

    /// Parses theme text; `source` names it in error messages.
    public static func parse(_ text: String, source: String) throws -> Theme {
        try ThemeParser.parse(text, source: source, fallback: Theme.builtInDefault)
    }

    static func readFile(_ url: URL, shownAs: String) throws -> Theme {
        guard let data = UserFiles.read(url.path) else {
            throw JiannuoError.notFound("无法读取主题文件 \(Sanitize.visible(shownAs))", "cannot read theme file \(Sanitize.visible(shownAs))")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw JiannuoError.invalid("主题文件 \(Sanitize.visible(shownAs)) 不是 UTF-8 文本", "theme file \(Sanitize.visible(shownAs)) is not UTF-8")
        }
        return try parse(text, source: shownAs)
    }

    /// Where the shipped Themes directory is at run time, or nil (built-in themes still work):
    /// (a) `JIANNUO_THEMES_DIR`; (b) the nearest directory at or above the executable that
    /// holds `Themes/default.toml` (the package root, for `.build/debug/jiannuo`);
    /// (c) `Themes` in the current directory.
    public static func defaultDirectory(environment: [String: String] = ProcessEnvironment.values,
                                        executablePath: String? = nil,
                                        currentDirectory: String = FileManager.default.currentDirectoryPath) -> URL? {
        let fm = FileManager.default
        if let dir = nonEmpty(environment["JIANNUO_THEMES_DIR"]) { return URL(fileURLWithPath: dir) }
        let exe = executablePath ?? Bundle.main.executablePath ?? CommandLine.arguments.first
        if let exe {
            var dir = URL(fileURLWithPath: exe).resolvingSymlinksInPath().deletingLastPathComponent()
            while true {
                let themes = dir.appendingPathComponent("Themes")
                if fm.fileExists(atPath: themes.appendingPathComponent("default.toml").path) { return themes }
                let parent = dir.deletingLastPathComponent()
                if parent.path == dir.path { break }
                dir = parent
            }
        }
        let here = URL(fileURLWithPath: currentDirectory).appendingPathComponent("Themes")
        return fm.fileExists(atPath: here.appendingPathComponent("default.toml").path) ? here : nil
    }

    private static func nonEmpty(_ s: String?) -> String? {
        guard let s, !s.isEmpty else { return nil }
        return s
    }
}
