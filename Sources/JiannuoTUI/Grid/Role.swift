/// What a piece of screen text means. The grid stores roles, never colours: the theme
/// decides how each role looks, so a monochrome theme and a colour theme draw the same
/// grid, and tests can assert "this row is marked overdue" without knowing colours.
/// The raw value is the key used in theme files.
public enum Role: String, CaseIterable, Sendable, Hashable {
    case normal
    case muted
    case header
    case title
    case border
    case borderFocused = "border_focused"
    case selected
    case selectedUnfocused = "selected_unfocused"
    case levelEscalate = "level_escalate"
    case levelOverdue = "level_overdue"
    case levelDueToday = "level_due_today"
    case levelNearing = "level_nearing"
    case levelInfo = "level_info"
    case barFilled = "bar_filled"
    case barEmpty = "bar_empty"
    case good
    case bad
    case footerKey = "footer_key"
    case footerText = "footer_text"
    case banner
    case error
    case inputField = "input_field"
    case inputFieldFocused = "input_field_focused"
    case inputError = "input_error"
}
