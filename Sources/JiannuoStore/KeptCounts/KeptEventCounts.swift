
/// Two more of the ranking's inputs counted per unit and day, kept on write like `KeptStageCounts` (the
/// reasons are given there): follow-ups the complainant was not satisfied with (回访不满意), by the unit
/// that holds the complaint and the day of the follow-up, and misrouted complaints handed back, by the
/// unit that returned them, the day of the return and the day of receipt (whether a return was late
/// depends on the calendar, so the scoring decides). Read per complaint they were a join of every such
/// follow-up with two million complaints.
enum KeptEventCounts {
    static let columns = "kind, day, department, received, n"

    static func recomputeSQL() -> String {
        """
        SELECT 'dissatisfied' AS kind, substr(f.at, 1, 10) AS day, c.department AS department, '' AS received, count(*) AS n
            FROM followups f JOIN complaints c ON c.id = f.complaint WHERE f.satisfied = 0 GROUP BY 2, 3
        UNION ALL
        SELECT 'return', substr(returned_at, 1, 10), returned_from, substr(received, 1, 10), count(*)
            FROM complaints WHERE returned_at IS NOT NULL GROUP BY 2, 3, 4
        """
    }
}
