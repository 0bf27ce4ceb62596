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
