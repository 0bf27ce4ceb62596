/// One line of a scrolling document (a record, a department's breach record, the help): text, what
/// it means, and the record it leads to. Lines longer than the screen wrap; every row of a wrapped
/// line keeps the link, so Enter on any of them follows it.
public struct DocLine: Sendable, Equatable {
    public var text: String
    public var role: Role
    /// A record id (or a department code) that Enter opens.
    public var link: String?
    /// Columns that wrapped rows are indented by, so a list entry's continuation reads as one entry.
    public var indent: Int

    public init(_ text: String, role: Role = .normal, link: String? = nil, indent: Int = 0) {
        self.text = text
        self.role = role
        self.link = link
        self.indent = indent
    }

    public static let blank = DocLine("")

    /// The line as rows of at most `width` columns (display width, never splitting a wide character).
    public func rows(width: Int) -> [DocLine] {
        let width = max(1, width)
        guard Width.of(text) > width || text.contains("\n") else { return [self] }
        let chars = Array(text)
        let firstRanges = Wrap.ranges(chars, width: width)
        var out = [DocLine(String(chars[firstRanges[0]]), role: role, link: link)]
        guard firstRanges.count > 1 else { return out }
        let indent = min(self.indent, width / 2)
        let pad = String(repeating: " ", count: indent)
        let rest = Array(chars[firstRanges[1].lowerBound...])
        for r in Wrap.ranges(rest, width: max(1, width - indent)) {
            out.append(DocLine(pad + String(rest[r]), role: role, link: link))
        }
        return out
    }
}
