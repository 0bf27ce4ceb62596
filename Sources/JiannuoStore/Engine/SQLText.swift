/// "?,?,?" for `n` arguments.
func placeholders(_ n: Int) -> String { Array(repeating: "?", count: n).joined(separator: ",") }

/// A LIKE pattern (with `ESCAPE '\'`) matching text that contains `text` as typed: `%`, `_` and `\`
/// are what the officer typed, not wildcards.
func containsPattern(_ text: String) -> String {
    var out = "%"
    for c in text {
        if c == "%" || c == "_" || c == "\\" { out.append("\\") }
        out.append(c)
    }
    return out + "%"
}
