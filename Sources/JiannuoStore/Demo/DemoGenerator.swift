import Foundation
import GRDB
import JiannuoCore

public enum DemoSize: String, CaseIterable, Sendable {
    case small, county, province

    var extraUnits: Int { self == .province ? 259 : 0 }
    var countyDepartments: Int { self == .small ? 7 : 21 }
    var commitments: Int { [.small: 300, .county: 3_000, .province: 200_000][self]! }
    var complaints: Int { [.small: 3_000, .county: 60_000, .province: 2_000_000][self]! }
    var opinions: Int { [.small: 30, .county: 300, .province: 6_000][self]! }
    var difficulties: Int { [.small: 12, .county: 120, .province: 2_400][self]! }
}

public struct DemoCounts: Codable, Sendable {
    public var departments = 0, commitments = 0, complaints = 0, breaches = 0, rectifications = 0
    public var accountability = 0, opinions = 0, findings = 0, difficulties = 0
}

extension SQLiteLedger {
    /// Fills an empty database with a plausible ledger around today: overdue, nearing and on-track
    /// items, complaints in every stage, breaches with rectification and accountability, one merger.
    public func generateDemo(size: DemoSize, seed: UInt64) throws -> DemoCounts {
        try write { db, audit in
            if try Int.fetchOne(db, sql: "SELECT count(*) FROM departments")! > 0 {
                throw JiannuoError.invalid("数据库 \(path) 已有数据，演示数据只能写入空数据库（换一个 --db 路径）",
                                           "the database \(path) is not empty; demo data goes into an empty database only")
            }
            var gen = DemoGenerator(db: db, clock: clock, calendar: calendar, rules: rules.deadlines, size: size,
                                    rng: DemoRandom(seed: seed))
            // A breach row is written just before its complaint row; references are checked at commit.
            try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
            // Building the complaint indexes once at the end is much faster than keeping them up to date row by row.
            let indexes = try Row.fetchAll(db, sql: """
                SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'complaints' AND sql IS NOT NULL
                """).map { (name: $0["name"] as String, sql: $0["sql"] as String) }
            for i in indexes { try db.execute(sql: "DROP INDEX \(i.name)") }
            let tables = LedgerDigest.tables.filter { $0 != "users" }
            let counts = try SQLiteKeptCounts.bulk(db) {
                let counts = try LedgerDigest.bulk(db, tables, .any, digests: digests) { try gen.run() }
                for i in indexes { try db.execute(sql: i.sql) }
                return counts
            }
            // Statistics let the planner pick the department index for one department's records.
            try db.execute(sql: "PRAGMA analysis_limit = 1000; ANALYZE")
            try audit.record("demo.generate", entity: "database", id: path, after: counts)
            return counts
        }
    }
}

struct DemoGenerator {
    let db: Database
    let clock: Clock
    let calendar: WorkCalendar
    let rules: DeadlineRules
    let size: DemoSize
    var rng: DemoRandom
    var counts = DemoCounts()
    var units: [String] = []
    var commitmentsByUnit: [String: [String]] = [:]
    var sequences: [String: Int] = [:]
    var today: Day { clock.today }
    /// A fixed hour, not the wall clock, so that the same seed and day give the same data; earlier
    /// when the real time of day has not reached it yet (no event may lie in the future).
    var now: DateTime { min(DateTime.local(clock.today, second: (17 * 60 + 30) * 60, zone: clock.zone), clock.now) }
    let mergedCode = "ZXQFWZX"
    var mergeDate: Day { today.adding(days: -200) }

    init(db: Database, clock: Clock, calendar: WorkCalendar, rules: DeadlineRules, size: DemoSize, rng: DemoRandom) {
        self.db = db; self.clock = clock; self.calendar = calendar; self.rules = rules; self.size = size; self.rng = rng
    }

    mutating func run() throws -> DemoCounts {
        try departments()
        try commitments()
        try complaints()
        // Every follow-up is its own record (a reopened complaint is followed up again).
        try db.execute(sql: """
            INSERT INTO followups(complaint, at, satisfied, note)
                SELECT id, followup_at, satisfied, followup_note FROM complaints WHERE followup_at IS NOT NULL ORDER BY followup_at, id
            """)
        try opinions()
        try supervision()
        try difficulties()
        // The newest breach is still waiting to be reported up, as the office's own work would have it.
        try db.execute(sql: "UPDATE breaches SET reported_on = NULL WHERE id = (SELECT id FROM breaches ORDER BY date DESC, id DESC LIMIT 1)")
        for (k, v) in sequences {
            try db.execute(sql: "INSERT INTO sequences(prefix, last) VALUES (?, ?)", arguments: [k, v])
        }
        return counts
    }

    /// The series are counted here and written to `sequences` once at the end.
    mutating func nextId(_ kind: RecordKind, _ year: Int) -> String {
        let key = "\(kind.prefix ?? "")-\(year)"
        let n = (sequences[key] ?? 0) + 1
        sequences[key] = n
        return kind.id(year: year, number: n)
    }

    mutating func departments() throws {
        let ins = try db.makeStatement(sql: "INSERT INTO departments(code, name, kind, active, successor, merged_on) VALUES (?, ?, ?, ?, ?, ?)")
        func add(_ code: String, _ name: String, _ kind: DepartmentKind) throws {
            try ins.execute(arguments: [code, name, kind.rawValue, true, nil, nil])
        }
        for (c, n, k) in DemoNames.yeCounty { try add(c, n, k); units.append(c) }
        for (c, n) in DemoNames.countyDepartments.prefix(size.countyDepartments) {
            try add(c, n, .countyDepartment); units.append(c)
        }
        for i in 0..<size.extraUnits {
            let county = DemoNames.counties[i % DemoNames.counties.count]
            let root = DemoNames.townRoots[(i / DemoNames.counties.count) % DemoNames.townRoots.count]
            let code = String(format: "41%04d%03d", 500 + i % DemoNames.counties.count, 100 + i / DemoNames.counties.count)
            try add(code, "\(county)\(root)\(i % 3 == 0 ? "街道" : "镇")", i % 3 == 0 ? .subdistrict : .township)
            units.append(code)
        }
        // One unit merged into the industry bureau: its promises are now owed by the successor.
        try add(mergedCode, "县中小企业服务中心", .countyDepartment)
        try db.execute(sql: "UPDATE departments SET active = 0, successor = 'GXJ', merged_on = ? WHERE code = ?",
                       arguments: [mergeDate.string, mergedCode])
        try db.execute(sql: "INSERT INTO department_events(code, kind, date, \"into\") VALUES (?, 'merge', ?, 'GXJ')",
                       arguments: [mergedCode, mergeDate.string])
        try db.execute(sql: "INSERT INTO department_events(code, kind, date, old_name, new_name) VALUES ('SCJGJ', 'rename', ?, '县工商行政管理局', '县市场监管局')",
                       arguments: [today.adding(days: -900).string])
        counts.departments = units.count + 1
    }

    mutating func commitments() throws {
        let ins = try db.makeStatement(sql: """
            INSERT INTO commitments(id, department, kind, category, counterparty, credit_code, content, amount_fen, made, deadline,
                status, progress, procedures, fulfilled_on, delivered_on, payment_days)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let entry = try db.makeStatement(sql: "INSERT INTO commitment_entries(commitment, kind, date, percent, text) VALUES (?, ?, ?, ?, ?)")
        var rows: [(made: Day, unit: String)] = []
        for _ in 0..<size.commitments {
            let made = today.adding(days: -rng.int(0...720))
            let unit = made < mergeDate && rng.chance(0.04) ? mergedCode : rng.pick(units)
            rows.append((made, unit))
        }
        rows.sort { $0.made < $1.made }
        let allProcedures = Procedure.allCases.map(\.rawValue)
        for (made, unit) in rows {
            let id = nextId(.commitment, made.year)
            let category = rng.pick([1, 1, 2, 2, 3, 3, 3, 4, 5, 6, 6])
            let kind: CommitmentKind = category == 2 || category == 3 ? .contract : rng.pick([.policy, .letter])
            let deadline = made.adding(days: rng.int(20...540))
            var status = CommitmentStatus.inProgress
            var progress = rng.int(10...90)
            var fulfilled: Day? = nil
            if deadline < today {
                switch rng.int(0...99) {
                case 0..<84: status = .fulfilled
                case 84..<90: status = .partial
                case 90..<94: status = .unfulfilled
                default: status = rng.chance(0.5) ? .stalled : .inProgress     // overdue, still open
                }
            } else {
                switch rng.int(0...99) {
                case 0..<15: status = .fulfilled
                case 15..<30: status = .notStarted; progress = 0
                case 30..<38: status = .stalled
                default: status = .inProgress
                }
            }
            if !status.isOpen {
                let latest = min(today, deadline.adding(days: 30))
                let span = max(0, made.days(until: latest))
                var day = made.adding(days: rng.int(0...span))
                if status == .fulfilled && rng.chance(0.85) && day > deadline { day = deadline.adding(days: -rng.int(0...min(20, made.days(until: deadline)))) }
                fulfilled = day
                progress = status == .fulfilled ? 100 : (status == .partial ? rng.int(40...90) : rng.int(0...30))
            }
            let procedures = rng.chance(0.8) ? allProcedures : allProcedures.filter { _ in rng.chance(0.6) }
            let amount: Int64? = [1, 3, 5].contains(category) || rng.chance(0.3) ? Int64(rng.int(5...5_000)) * 10_000 + Int64(rng.int(0...99)) * 100 : nil
            // Payment falls due shortly before the promised deadline.
            let paymentDays = rng.chance(0.2) ? 60 : 30
            let delivered: Day? = category == 3 && amount != nil
                ? max(made, deadline.adding(days: -paymentDays - rng.int(0...10))) : nil
            let content = rng.pick(DemoNames.commitmentContents[category]!)
            try ins.execute(arguments: [
                id, unit, kind.rawValue, category, rng.firm(), rng.chance(0.8) ? rng.creditCode() : nil, content, amount,
                made.string, deadline.string, status.rawValue, progress,
                "[" + procedures.map { "\"\($0)\"" }.joined(separator: ",") + "]",
                fulfilled?.string, delivered?.string, delivered == nil ? nil : paymentDays])
            if let fulfilled, status == .fulfilled {
                try entry.execute(arguments: [id, "fulfill", fulfilled.string, 100, "已按承诺兑现"])
            } else if status == .inProgress && rng.chance(0.5) {
                try entry.execute(arguments: [id, "progress", min(today, made.adding(days: rng.int(1...60))).string, progress, "按计划推进"])
            }
            if rng.chance(0.3) {
                try entry.execute(arguments: [id, "feedback", min(today, made.adding(days: rng.int(5...90))).string, nil, "已在政府网站公示兑现进展"])
            }
            let owner = unit == mergedCode ? "GXJ" : unit
            if commitmentsByUnit[owner, default: []].count < 400 { commitmentsByUnit[owner, default: []].append(id) }
            counts.commitments += 1
        }
    }
}
