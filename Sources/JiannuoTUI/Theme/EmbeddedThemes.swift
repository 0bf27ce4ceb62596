// The default and mono themes, built in so the program works without a Themes directory.
// Keep these byte-for-byte identical to Themes/default.toml and Themes/mono.toml
// (EmbeddedThemeTests checks it). Regenerate by pasting the files between the delimiters.
public enum EmbeddedThemes {
    public static let defaultTOML = #"""
# Jiannuo default theme: dark or light terminal background, 8 colours are enough.
# Format: see Themes/README.md. Every role is listed so this file documents them all.
name = "default"
description = "默认配色：适合深色与浅色背景，8 色终端即可"

[roles]
normal              = "default"
muted               = "bright_black"
header              = "cyan bold"
title               = "bold"
border              = "bright_black"
border_focused      = "cyan bold"
selected            = "black on cyan bold"
selected_unfocused  = "reverse"
level_escalate      = "bright_white on red bold"
level_overdue       = "red bold"
level_due_today     = "yellow bold"
level_nearing       = "yellow"
level_info          = "blue"
bar_filled          = "green"
bar_empty           = "bright_black"
good                = "green"
bad                 = "red bold"
footer_key          = "black on cyan bold"
footer_text         = "default"
banner              = "black on yellow bold"
error               = "bright_white on red bold"
input_field         = "underline"
input_field_focused = "black on white"
input_error         = "red bold underline"

"""#

    public static let monoTOML = #"""
# Monochrome: only bold, reverse, underline and dim. Used for NO_COLOR and for
# terminals without colours. Every role is listed so nothing falls back to a colour.
# Reverse video means "selected" in a list and nothing else there, so the selected row is
# never mistaken for an escalated one; alert levels are told apart by bold and underline.
name = "mono"
description = "单色：只用粗体、反显、下划线，用于 NO_COLOR 和无色终端"

[roles]
normal              = "plain"
muted               = "dim"
header              = "bold underline"
title               = "bold"
border              = "plain"
border_focused      = "bold"
selected            = "reverse bold"
selected_unfocused  = "reverse"
level_escalate      = "bold underline"
level_overdue       = "bold"
level_due_today     = "underline"
level_nearing       = "dim underline"
level_info          = "plain"
bar_filled          = "bold"
bar_empty           = "dim"
good                = "plain"
bad                 = "bold"
footer_key          = "reverse"
footer_text         = "plain"
banner              = "reverse bold"
error               = "reverse bold"
input_field         = "underline"
input_field_focused = "reverse"
input_error         = "bold underline"

"""#
}
