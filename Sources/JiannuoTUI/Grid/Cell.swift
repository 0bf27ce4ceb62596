/// One terminal column.
///
/// A wide character (Han, most emoji) is stored in its left cell with `width == 2`; the cell
/// to its right is a continuation (`width == 0`, empty text) so that every row has exactly
/// `grid.width` cells and column arithmetic stays simple.
public struct Cell: Sendable, Equatable {
    /// One grapheme in screen form (already sanitised); empty for a continuation.
    public var text: String
    /// 1 or 2 for a cell that starts a character, 0 for the right half of a wide one.
    public var width: Int
    public var role: Role

    public init(_ text: String, width: Int = 1, role: Role = .normal) {
        self.text = text
        self.width = width
        self.role = role
    }

    public static func blank(_ role: Role = .normal) -> Cell { Cell(" ", width: 1, role: role) }
    public static func continuation(_ role: Role) -> Cell { Cell("", width: 0, role: role) }

    public var isContinuation: Bool { width == 0 }
}
