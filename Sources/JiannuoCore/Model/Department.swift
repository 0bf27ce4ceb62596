/// A township, sub-district, county department or other unit. Reorganisations keep the code
/// and record a successor: "不得以机构调整为由违约毁约", so promises follow the successor.
public struct Department: Codable, Sendable, Hashable {
    public var code: String
    public var name: String
    public var kind: DepartmentKind
    public var active: Bool
    /// Set when merged into another unit.
    public var successor: String?
    public var mergedOn: Day?
    /// The unit's published complaint phone and e-mail (四（二）), and its own letter of commitment.
    public var phone: String?
    public var email: String?
    public var letter: String?

    public init(code: String, name: String, kind: DepartmentKind, active: Bool = true,
                successor: String? = nil, mergedOn: Day? = nil, phone: String? = nil, email: String? = nil, letter: String? = nil) {
        self.code = code; self.name = name; self.kind = kind; self.active = active
        self.successor = successor; self.mergedOn = mergedOn; self.phone = phone; self.email = email; self.letter = letter
    }

    enum CodingKeys: String, CodingKey {
        case code, name, kind, active, successor, mergedOn = "merged_on", phone, email, letter
    }

    /// A public complaint line: digits with optional area-code hyphen or a mobile number, 7–20 characters.
    public static func validPhone(_ s: String) throws -> String {
        let t = s.trimmingCharacters(in: .whitespaces)
        guard (7...20).contains(t.count), t.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "-") }), t.first!.isNumber, t.last!.isNumber else {
            throw JiannuoError.invalid("电话“\(Sanitize.visible(String(s.prefix(30))))”无效：应为 7–20 位数字，区号可用“-”隔开，如 0375-8123456",
                                       "phone \"\(Sanitize.visible(String(s.prefix(30))))\" is invalid: 7–20 digits, optionally 0375-8123456")
        }
        return t
    }

    public static func validEmail(_ s: String) throws -> String {
        let t = s.trimmingCharacters(in: .whitespaces)
        let parts = t.split(separator: "@", omittingEmptySubsequences: false)
        let ok = parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !parts[1].hasPrefix(".") && !parts[1].hasSuffix(".")
            && t.count <= 100 && t.allSatisfy { $0.isASCII && !$0.isWhitespace && $0.asciiValue! >= 0x21 && $0.asciiValue! < 0x7F }
        guard ok else {
            throw JiannuoError.invalid("邮箱“\(Sanitize.visible(String(s.prefix(60))))”无效：应如 xfb@yexian.gov.cn",
                                       "e-mail \"\(Sanitize.visible(String(s.prefix(60))))\" is invalid")
        }
        return t
    }

    public static func validated(code: String, name: String, kind: DepartmentKind) throws -> Department {
        Department(code: try Validate.departmentCode(code),
                   name: try Validate.text(name, Field("单位名称", "name"), max: 60), kind: kind)
    }
}

/// A rename or merge, kept so that a department's lineage can be shown.
public struct DepartmentEvent: Codable, Sendable, Hashable {
    public enum Kind: String, Codable, Sendable { case rename, merge }
    public var code: String
    public var kind: Kind
    public var date: Day
    public var oldName: String?
    public var newName: String?
    public var into: String?

    public init(code: String, kind: Kind, date: Day, oldName: String? = nil, newName: String? = nil, into: String? = nil) {
        self.code = code; self.kind = kind; self.date = date
        self.oldName = oldName; self.newName = newName; self.into = into
    }

    enum CodingKeys: String, CodingKey {
        case code, kind, date, oldName = "old_name", newName = "new_name", into
    }
}

public enum Lineage {
    /// Follows successors from `code` to the unit that owes its promises today.
    public static func current(_ code: String, in departments: [String: Department]) -> String {
        var c = code
        var seen: Set<String> = [c]
        while let next = departments[c]?.successor, !seen.contains(next) {
            seen.insert(next); c = next
        }
        return c
    }

    /// Every unit merged (directly or through others) into `code`, with its merge date.
    public static func predecessors(of code: String, in departments: [String: Department]) -> [Department] {
        var out: [Department] = []
        var frontier = [code]
        var seen: Set<String> = [code]
        while let c = frontier.popLast() {
            for d in departments.values where d.successor == c && !seen.contains(d.code) {
                seen.insert(d.code); out.append(d); frontier.append(d.code)
            }
        }
        return out.sorted { ($0.mergedOn ?? Day(ordinal: 0), $0.code) < ($1.mergedOn ?? Day(ordinal: 0), $1.code) }
    }

    /// Checks a merge: both exist and are active, not into itself, and no cycle.
    public static func checkMerge(from: Department, into: Department, on date: Day,
                                  departments: [String: Department]) throws {
        guard from.code != into.code else {
            throw JiannuoError.invalid("不能把单位合并到它自己", "cannot merge a department into itself")
        }
        guard from.active else {
            throw JiannuoError.invalid("单位 \(from.code)（\(from.name)）已撤并，不能再次合并",
                                       "department \(from.code) is no longer active")
        }
        guard into.active else {
            throw JiannuoError.invalid("目标单位 \(into.code)（\(into.name)）已撤并，请合并到其承继单位 \(current(into.code, in: departments))",
                                       "target \(into.code) is no longer active; merge into its successor")
        }
    }
}
