/// A unit as people type it: its code, or its exact name. Anything else is refused with the
/// units it may have meant, so that a typo never lands on the wrong unit.
public enum DepartmentLookup {
    /// `asRecord`: the unit is the record asked for (show, rename, merge), so an unknown one is
    /// "not found" (66); as a field of another record it is bad input (65).
    public static func resolve(_ typed: String, in departments: [Department], asRecord: Bool = false) throws -> String {
        let t = typed.trimmingCharacters(in: .whitespaces)
        if let d = departments.first(where: { $0.code == t }) ?? departments.first(where: { $0.code.uppercased() == t.uppercased() }) {
            return d.code
        }
        let named = departments.filter { $0.name == t }
        // A merged unit may share its name with its successor: the one in use wins.
        let active = named.filter(\.active)
        if active.count == 1 { return active[0].code }
        if named.count == 1 { return named[0].code }
        if named.count > 1 {
            let list = named.map { "\($0.name)（\($0.code)）" }.joined(separator: "、")
            throw JiannuoError.invalid("有 \(named.count) 个单位名为“\(Sanitize.visible(t))”：\(list)，请用代码",
                                       "\(named.count) units are named \"\(Sanitize.visible(t))\": \(named.map(\.code).joined(separator: ", ")); give the code")
        }
        let near = candidates(t, in: departments)
        let shown = Sanitize.visible(String(t.prefix(40)))
        if near.isEmpty {
            throw refusal(asRecord, "没有代码或名称为“\(shown)”的单位（jiannuo department list 可查看全部单位）",
                                       "no unit has the code or name \"\(shown)\" (jiannuo department list shows them all)")
        }
        throw refusal(asRecord, "没有名为“\(shown)”的单位；是否指：\(near.map { "\($0.name)（\($0.code)）" }.joined(separator: "、"))",
                                   "no unit is named \"\(shown)\"; did you mean: \(near.map { "\($0.name) (\($0.code))" }.joined(separator: ", "))")
    }

    static func refusal(_ asRecord: Bool, _ zh: String, _ en: String) -> JiannuoError {
        asRecord ? .notFound(zh, en) : .invalid(zh, en)
    }

    /// Up to five units whose name or code contains what was typed, or shares most of its characters.
    public static func candidates(_ t: String, in departments: [Department], limit: Int = 5) -> [Department] {
        guard !t.isEmpty else { return [] }
        let typed = Set(t)
        func score(_ d: Department) -> Int {
            if d.name.contains(t) || d.code.localizedCaseInsensitiveContains(t) || t.contains(d.name) { return 100 }
            return Set(d.name).intersection(typed).count
        }
        let need = max(1, (typed.count + 1) / 2)
        let scored: [(d: Department, s: Int)] = departments.map { ($0, score($0)) }.filter { $0.1 >= need }
        let ordered = scored.sorted { (a: (d: Department, s: Int), b: (d: Department, s: Int)) -> Bool in
            if a.s != b.s { return a.s > b.s }
            if a.d.active != b.d.active { return a.d.active }
            return a.d.code < b.d.code
        }
        return ordered.prefix(limit).map(\.d)
    }
}
