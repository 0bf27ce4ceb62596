import Foundation
import JiannuoTestSupport
import Testing
import JiannuoCore
@testable import JiannuoTUI

@Suite struct ThemeTests {
    /// The repository's Themes directory.
    static let themesDir = packageRoot.appendingPathComponent("Themes")

    static func invalid(_ body: () throws -> Theme) -> String? {
        do { _ = try body(); return nil } catch let e as JiannuoError { return e.text.zh + " | " + e.text.en } catch { return "\(error)" }
    }

    @Test(arguments: ["default", "high-contrast", "light", "mono"])
    func everyShippedThemeLoads(name: String) throws {
        let theme = try ThemeLoader.load(nameOrPath: name, themesDirectory: Self.themesDir, environment: [:], terminalColors: 256)
        #expect(theme.name == name)
        // Every shipped theme sets every role itself: a fallback would hide a forgotten role.
        let text = try String(contentsOf: Self.themesDir.appendingPathComponent("\(name).toml"), encoding: .utf8)
        for role in Role.allCases {
            #expect(ThemeParser.line(of: role.rawValue, section: "roles", in: text) != nil, "\(name) lacks \(role.rawValue)")
        }
    }

    @Test func monoUsesNoColour() throws {
        let mono = try ThemeLoader.load(nameOrPath: "mono", themesDirectory: Self.themesDir, environment: [:], terminalColors: 256)
        #expect(mono.isMonochrome)
        #expect(mono[.selected].reverse)
        #expect(!Theme.builtInDefault.isMonochrome)
    }

    @Test func embeddedThemesMatchTheFiles() throws {
        let def = try String(contentsOf: Self.themesDir.appendingPathComponent("default.toml"), encoding: .utf8)
        let mono = try String(contentsOf: Self.themesDir.appendingPathComponent("mono.toml"), encoding: .utf8)
        #expect(EmbeddedThemes.defaultTOML == def)
        #expect(EmbeddedThemes.monoTOML == mono)
    }

    @Test func unknownRoleFailsNamingFileAndLine() {
        let text = "name = \"x\"\n[roles]\nnormal = \"red\"\n\nselcted = \"blue\"\n"
        let message = Self.invalid { try ThemeLoader.parse(text, source: "my.toml") }
        #expect(message?.contains("my.toml") == true)
        #expect(message?.contains("第 5 行") == true)
        #expect(message?.contains("selcted") == true)
    }

    @Test func unknownTopLevelAndInlineKeysFail() {
        let top = Self.invalid { try ThemeLoader.parse("name = \"x\"\ncolour = 1\n[roles]\n", source: "t.toml") }
        #expect(top?.contains("第 2 行") == true && top?.contains("colour") == true)
        let inline = Self.invalid { try ThemeLoader.parse("[roles]\nnormal = { fg = \"red\", blink = true }\n", source: "t.toml") }
        #expect(inline?.contains("第 2 行") == true && inline?.contains("blink") == true)
    }

    @Test func badColourFails() {
        for bad in ["\"purple\"", "\"300\"", "\"#12345\"", "\"red on\"", "{ fg = \"#gg0000\" }"] {
            let message = Self.invalid { try ThemeLoader.parse("[roles]\n\nheader = \(bad)\n", source: "c.toml") }
            #expect(message?.contains("c.toml 第 3 行") == true, "\(bad): \(message ?? "accepted")")
        }
    }

    @Test func syntaxErrorNamesLine() {
        let message = Self.invalid { try ThemeLoader.parse("[roles]\nnormal = \"red\"\nheader = = \n", source: "s.toml") }
        #expect(message?.contains("s.toml 第 3 行") == true, "\(message ?? "accepted")")
    }

    @Test func missingRoleFallsBackToDefault() throws {
        let theme = try ThemeLoader.parse("name = \"partial\"\n[roles]\nheader = { fg = \"magenta\", bold = true }\n", source: "p.toml")
        #expect(theme[.header] == Style(fg: .indexed(5), bold: true))
        #expect(theme[.selected] == Theme.builtInDefault[.selected])
        #expect(theme[.levelOverdue] == Theme.builtInDefault[.levelOverdue])
    }

    @Test func compactForm() throws {
        let theme = try ThemeLoader.parse("[roles]\nselected = \"black on #00ffff bold underline\"\nmuted = \"244\"\n", source: "k.toml")
        #expect(theme[.selected] == Style(fg: .indexed(0), bg: .rgb(0, 255, 255), bold: true, underline: true))
        #expect(theme[.muted].fg == .indexed(244))
    }

    @Test func noColorOrColourlessTerminalGivesMono() throws {
        let a = try ThemeLoader.load(nameOrPath: "high-contrast", themesDirectory: Self.themesDir, environment: ["NO_COLOR": "1"], terminalColors: 256)
        #expect(a.isMonochrome && a.name == "mono")
        let b = try ThemeLoader.load(nameOrPath: nil, themesDirectory: nil, environment: ["NO_COLOR": ""], terminalColors: nil)
        #expect(b.isMonochrome)
        let c = try ThemeLoader.load(nameOrPath: nil, themesDirectory: Self.themesDir, environment: [:], terminalColors: 0)
        #expect(c.isMonochrome)
        let d = try ThemeLoader.load(nameOrPath: nil, themesDirectory: Self.themesDir, environment: [:], terminalColors: 8)
        #expect(!d.isMonochrome && d.name == "default")
    }

    @Test func selectionByEnvironmentPathAndBuiltIn() throws {
        let env = try ThemeLoader.load(nameOrPath: nil, themesDirectory: Self.themesDir, environment: ["JIANNUO_THEME": "light"], terminalColors: 256)
        #expect(env.name == "light")
        let flag = try ThemeLoader.load(nameOrPath: "mono", themesDirectory: Self.themesDir, environment: ["JIANNUO_THEME": "light"], terminalColors: 256)
        #expect(flag.name == "mono")
        let path = Self.themesDir.appendingPathComponent("high-contrast.toml").path
        #expect(try ThemeLoader.load(nameOrPath: path, themesDirectory: nil, environment: [:], terminalColors: 256).name == "high-contrast")
        #expect(try ThemeLoader.load(nameOrPath: nil, themesDirectory: nil, environment: [:], terminalColors: 256) == Theme.builtInDefault)
        #expect(Self.invalid { try ThemeLoader.load(nameOrPath: "nosuch", themesDirectory: Self.themesDir, environment: [:], terminalColors: 256) }?
            .contains("nosuch") == true)
    }

    @Test func defaultDirectoryWalksUpFromExecutable() {
        let exe = Self.themesDir.deletingLastPathComponent().appendingPathComponent(".build/debug/jiannuo").path
        let found = ThemeLoader.defaultDirectory(environment: [:], executablePath: exe, currentDirectory: "/")
        #expect(found?.standardizedFileURL.path == Self.themesDir.standardizedFileURL.path)
        let env = ThemeLoader.defaultDirectory(environment: ["JIANNUO_THEMES_DIR": "/x/y"], executablePath: exe)
        #expect(env?.path == "/x/y")
        #expect(ThemeLoader.defaultDirectory(environment: [:], executablePath: "/usr/bin/jiannuo", currentDirectory: "/") == nil)
    }

    @Test func colourReduction() {
        #expect(Color.indexed(196).paletteIndex(colors: 8) == 1)     // pure red
        #expect(Color.indexed(21).paletteIndex(colors: 8) == 4)      // pure blue
        #expect(Color.indexed(46).paletteIndex(colors: 8) == 2)      // pure green
        #expect(Color.indexed(226).paletteIndex(colors: 8) == 3)     // yellow
        #expect(Color.indexed(231).paletteIndex(colors: 8) == 7)     // white
        #expect(Color.indexed(16).paletteIndex(colors: 8) == 0)      // black
        #expect(Color.indexed(9).paletteIndex(colors: 8) == 1)       // bright red → red
        #expect(Color.indexed(9).paletteIndex(colors: 16) == 9)
        #expect(Color.indexed(244).paletteIndex(colors: 256) == 244)
        #expect(Color.rgb(255, 0, 0).paletteIndex(colors: 256) == 196)
        #expect(Color.rgb(0x80, 0x80, 0x80).paletteIndex(colors: 256) == 244)
        #expect(Color.rgb(0, 0x5f, 0x87).paletteIndex(colors: 256) == 24)
        #expect(Color.rgb(0xaf, 0, 0).paletteIndex(colors: 8) == 1)
        #expect(Color.default.paletteIndex(colors: 256) == -1)
    }
}
