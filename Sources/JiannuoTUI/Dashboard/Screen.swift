/// A full screen over the panes. They stack: a record opened from the search or the drill-down
/// lies over it, and Esc returns to exactly where the officer was.
public enum Screen: Sendable, Equatable {
    case search(SearchState)
    case document(DocState)
}
