import Foundation

extension String {
    /// Without leading and trailing blanks (spaces, tabs, other Unicode spaces). Most values have
    /// none and are returned as they are: an import trims millions of cells.
    public var trimmedBlanks: String {
        guard let first = unicodeScalars.first, let last = unicodeScalars.last else { return self }
        let blank = Blanks.whitespaces
        guard blank.contains(first) || blank.contains(last) else { return self }
        return trimmingCharacters(in: .whitespaces)
    }

    /// The same, newlines included.
    public var trimmedBlanksAndNewlines: String {
        guard let first = unicodeScalars.first, let last = unicodeScalars.last else { return self }
        let blank = Blanks.whitespacesAndNewlines
        guard blank.contains(first) || blank.contains(last) else { return self }
        return trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// Made once: `CharacterSet.whitespaces` builds a new set each time it is read (an import reads it per cell).
enum Blanks {
    static let whitespaces = CharacterSet.whitespaces
    static let whitespacesAndNewlines = CharacterSet.whitespacesAndNewlines
}
