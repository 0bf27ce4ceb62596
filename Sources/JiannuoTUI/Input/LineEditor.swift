/// Text being typed into a field, with a cursor. Pure value type: key handling, kills and
/// horizontal scrolling are all testable without a terminal.
///
/// The cursor counts Characters (graphemes), so one backspace removes one Han character or
/// one emoji whole; rendering converts to display columns.
public struct LineEditor: Sendable, Equatable {
    public private(set) var characters: [Character]
    /// Characters before the cursor, 0…characters.count.
    public private(set) var cursor: Int
    /// In single-line mode pasted newlines become spaces; in multi-line mode they are kept.
    public let multiline: Bool
    /// The last killed text (Ctrl-U/W/K), put back by Ctrl-Y.
    public private(set) var killBuffer: String = ""

    public init(_ text: String = "", multiline: Bool = false) {
        self.multiline = multiline
        self.characters = []
        self.cursor = 0
        insert(text)
    }

    public var text: String { String(characters) }
    public var isEmpty: Bool { characters.isEmpty }

    /// Inserts typed or pasted text at the cursor. Newlines become spaces in single-line mode,
    /// tabs become spaces, and other control characters are dropped: they cannot be seen and
    /// `Validate.text` would refuse them anyway.
    public mutating func insert(_ string: String) {
        var accepted: [Character] = []
        for c in string {
            if c.isNewline { accepted.append(multiline ? "\n" : " "); continue }
            if c == "\t" { accepted.append(" "); continue }
            if c.unicodeScalars.contains(where: LineEditor.isInvisibleControl) { continue }
            accepted.append(c)
        }
        characters.insert(contentsOf: accepted, at: cursor)
        cursor += accepted.count
    }

    static func isInvisibleControl(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    public mutating func left() { cursor = max(0, cursor - 1) }
    public mutating func right() { cursor = min(characters.count, cursor + 1) }

    /// Start of the line (of the current line in multi-line mode).
    public mutating func home() { cursor = lineStart(cursor) }
    public mutating func end() { cursor = lineEnd(cursor) }

    public mutating func backspace() {
        guard cursor > 0 else { return }
        characters.remove(at: cursor - 1)
        cursor -= 1
    }

    public mutating func delete() {
        guard cursor < characters.count else { return }
        characters.remove(at: cursor)
    }

    /// Ctrl-U: kill from the start of the line to the cursor.
    public mutating func killToStart() { kill(lineStart(cursor)..<cursor) }

    /// Ctrl-K: kill from the cursor to the end of the line.
    public mutating func killToEnd() { kill(cursor..<lineEnd(cursor)) }

    /// Ctrl-W: kill the spaces before the cursor, then the word before them (as in a shell).
    public mutating func killWord() {
        var i = cursor
        while i > 0, characters[i - 1] == " " { i -= 1 }
        while i > 0, characters[i - 1] != " ", !characters[i - 1].isNewline { i -= 1 }
        kill(i..<cursor)
    }

    /// Ctrl-Y: insert the last killed text.
    public mutating func yank() { insert(killBuffer) }

    private mutating func kill(_ range: Range<Int>) {
        guard !range.isEmpty else { return }
        killBuffer = String(characters[range])
        characters.removeSubrange(range)
        cursor = range.lowerBound
    }

    private func lineStart(_ i: Int) -> Int {
        var j = i
        while j > 0, !characters[j - 1].isNewline { j -= 1 }
        return j
    }

    private func lineEnd(_ i: Int) -> Int {
        var j = i
        while j < characters.count, !characters[j].isNewline { j += 1 }
        return j
    }

    /// Applies an editing key. Returns false for keys it does not edit with (Enter, Tab,
    /// Esc, Up/Down …), which the caller handles (submit, next field, cancel).
    @discardableResult
    public mutating func handle(_ key: KeyEvent) -> Bool {
        if case .char(let c) = key { insert(String(c)); return true }
        guard let command = EditCommand.command(for: key) else { return false }
        apply(command)
        return true
    }

    /// Display columns before the cursor on its line.
    public var cursorColumn: Int {
        characters[lineStart(cursor)..<cursor].reduce(0) { $0 + max(0, Width.of($1)) }
    }

    /// What a single-line field `width` columns wide shows: the text scrolled horizontally
    /// just enough that the cursor (which needs one column of its own at the end) is
    /// visible, starting on a whole character, padded or cut to exactly `width` columns.
    /// `cursorX` is the cursor's column inside the field.
    public func visibleSlice(width: Int) -> (text: String, cursorX: Int) {
        guard width > 0 else { return ("", 0) }
        let start0 = lineStart(cursor)
        var start = start0
        var before = cursorColumn
        while before > width - 1, start < cursor {       // drop whole characters from the left
            before -= max(0, Width.of(characters[start]))
            start += 1
        }
        var shown = ""
        var used = 0
        var i = start
        while i < characters.count, !characters[i].isNewline {
            let w = max(0, Width.of(characters[i]))
            if used + w > width { break }
            shown.append(characters[i])
            used += w
            i += 1
        }
        return (shown + String(repeating: " ", count: width - used), before)
    }

    /// Multi-line layout for a field `width` columns wide: wrapped lines and the cursor's
    /// row and column among them.
    public func wrapped(width: Int) -> (lines: [String], cursorRow: Int, cursorX: Int) {
        let ranges = Wrap.ranges(characters, width: max(1, width - 1))   // a column for the cursor
        var row = ranges.count - 1
        for (r, range) in ranges.enumerated() where cursor >= range.lowerBound && cursor <= range.upperBound {
            row = r
            break
        }
        let x = characters[ranges[row].lowerBound..<max(ranges[row].lowerBound, min(cursor, ranges[row].upperBound))]
            .reduce(0) { $0 + max(0, Width.of($1)) }
        return (ranges.map { String(characters[$0]) }, row, x)
    }
}
