import Foundation

extension String {
    /// Without leading and trailing blanks (spaces, tabs, other Unicode spaces). Most values have
    /// none and are returned as they are: an import trims millions of cells.
    public var trimmedBlanks: String {
        guard let first = unicodeScalars.first, let last = unicodeScalars.last else { return self }
        let blank = CharacterSet.whitespaces
        guard blank.contains(first) || blank.contains(last) else { return self }
        return trimmingCharacters(in: .whitespaces)
    }

    /// The same, newlines included.
    public var trimmedBlanksAndNewlines: String {
        guard let first = unicodeScalars.first, let last = unicodeScalars.last else { return self }
        let blank = CharacterSet.whitespacesAndNewlines
        guard blank.contains(first) || blank.contains(last) else { return self }
        return trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
