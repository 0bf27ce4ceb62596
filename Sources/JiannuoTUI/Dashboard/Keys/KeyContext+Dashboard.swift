/// The places of the dashboard, each a context of the key table. A place is named by one or more
/// contexts, most specific first: the complaints pane is ["complaints", "panes"], a text field of
/// the intake form ["edit", "intake"].
extension KeyContext {
    public static let panes: KeyContext = "panes"
    public static let commitments: KeyContext = "commitments"
    public static let complaints: KeyContext = "complaints"
    public static let deadlines: KeyContext = "deadlines"
    public static let scores: KeyContext = "scores"
    public static let filter: KeyContext = "filter"
    public static let record: KeyContext = "record"
    public static let drill: KeyContext = "drill"
    public static let search: KeyContext = "search"
    public static let intake: KeyContext = "intake"
    public static let step: KeyContext = "step"
    public static let picker: KeyContext = "picker"
    public static let edit: KeyContext = "edit"
    public static let multiline: KeyContext = "multiline"
    public static let prompt: KeyContext = "prompt"
    public static let help: KeyContext = "help"
}
