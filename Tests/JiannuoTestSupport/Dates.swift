import JiannuoCore

/// A date the test knows is valid (`d("2026-11-20")`); a typo stops the run rather than hiding as nil.
public func d(_ s: String) -> Day {
    guard let day = Day(s) else { fatalError("bad test date \(s)") }
    return day
}

/// A date and time the test knows is valid (`dt("2026-03-02 09:00")`).
public func dt(_ s: String) -> DateTime {
    guard let t = DateTime(s) else { fatalError("bad test date-time \(s)") }
    return t
}

/// The day a fixture's command is entered on: a complaint's step typed with `--at` is entered on the day
/// it happened, as an office does in the ordinary course (a step typed weeks later is a claim that waits
/// for confirmation: the claim tests pass their own day). Anything else is entered on `today`.
public func entryDay(_ args: [String], today: String) -> String {
    guard let i = args.firstIndex(of: "--at"), i + 1 < args.count else { return today }
    let day = String(args[i + 1].prefix(10))
    guard let at = Day(day), let now = Day(today), at < now else { return today }
    return day
}
