import Foundation
import JiannuoCore
@testable import JiannuoTUI
import Testing

/// Under NO_COLOR (and the mono theme) only attributes are left: the selection, the focus and the alert
/// levels must still be told apart. These tests read each cell's attributes as the terminal would get them
/// (the grid's role through the theme), not the text.
@Suite struct MonoAttributeTests {
    init() { _ = Width.ensureLocale() }

    static func noColorTheme() throws -> Theme {
        try ThemeLoader.load(nameOrPath: "default", themesDirectory: nil, environment: ["NO_COLOR": ""], terminalColors: 256)
    }

    /// The attributes of the cell where `text` starts on a screen.
    static func style(of text: String, in g: Grid, _ theme: Theme) throws -> Style {
        let lines = g.lines()
        let y = try #require(lines.firstIndex { $0.contains(text) }, "“\(text)” not on screen")
        let prefix = lines[y][..<lines[y].range(of: text)!.lowerBound]
        return theme[g[Width.of(String(prefix)), y].role]
    }

    @Test func selectionFocusAndLevelsAreDistinctWithoutColour() throws {
        let theme = try Self.noColorTheme()
        #expect(theme.isMonochrome)
        // Four alerts of each level; the deadlines pane focused, its second escalated row selected.
        let d = DashboardUpdateTests.data(alerts: 16)
        var s = DashboardState(size: Size(width: 120, height: 40))
        _ = DashboardUpdate.key(.char("3"), to: &s, data: d)
        _ = DashboardUpdate.key(.char("j"), to: &s, data: d)
        let g = DashboardView.render(s, d)
        // Each alert's row, found by its id and the first word of its brief (the pane shows the brief at this width).
        let selected = try Self.style(of: "CN-2026-0001 承诺", in: g, theme)
        let escalate = try Self.style(of: "CN-2026-0002 承诺", in: g, theme)
        let overdue = try Self.style(of: "CN-2026-0004 承诺", in: g, theme)
        let dueToday = try Self.style(of: "CN-2026-0008 承诺", in: g, theme)
        let nearing = try Self.style(of: "CN-2026-0012 承诺", in: g, theme)
        #expect(d.alerts[1].level == .escalate && d.alerts[2].level == .escalate && d.alerts[12].level == .nearing)
        #expect(selected.reverse, "the selected row is reversed")
        for (name, level) in [("escalate", escalate), ("overdue", overdue), ("due today", dueToday), ("nearing", nearing)] {
            #expect(!level.reverse, "\(name) rows are not reversed, so they never look selected")
            #expect(level != selected && level != Style.plain, "\(name) rows look like \(level)")
        }
        #expect(Set([escalate, overdue, dueToday, nearing]).count == 4, "each level looks different")
        #expect(escalate.bold && escalate.underline, "the most urgent level is the strongest")
        // Focus: the focused pane's frame and title differ from the others', and its selection from theirs.
        let focusedTitle = try Self.style(of: "3 临期/逾期", in: g, theme)
        let otherTitle = try Self.style(of: "1 承诺事项", in: g, theme)
        #expect(focusedTitle != otherTitle)
        let lines = g.lines()
        let frameRow = try #require(lines.firstIndex { $0.contains("3 临期/逾期") })
        let otherFrame = try #require(lines.firstIndex { $0.contains("1 承诺事项") })
        #expect(theme[g[0, frameRow].role] != theme[g[0, otherFrame].role], "the focused pane's frame is marked")
        #expect(lines[frameRow].contains("▶ 3 临期/逾期"), "and its title carries a mark that needs no attribute at all")
        let unfocusedSelection = try Self.style(of: "CN-2026-0000", in: g, theme)
        #expect(unfocusedSelection.reverse && unfocusedSelection != selected, "a selection outside the focus is still a selection, but quieter")
    }

    @Test func theMonoThemeFileKeepsReverseForTheSelectionOnly() throws {
        let mono = Theme.builtInMono
        let listRoles: [Role] = [.normal, .levelEscalate, .levelOverdue, .levelDueToday, .levelNearing, .levelInfo, .good, .bad, .muted]
        for r in listRoles { #expect(!mono[r].reverse, "\(r) uses reverse, which marks the selection") }
        #expect(mono[.selected].reverse && mono[.selectedUnfocused].reverse)
    }
}
