import Foundation
import JiannuoCore
import JiannuoStore

/// The results of reading the ledger for a frame, as messages to the update (bubbletea's Cmd): a
/// load runs off the keyboard's thread, and only `DashboardUpdate.loaded` puts its result on screen.
public enum DashboardLoad: Sendable {
    /// The header, the alerts and the names: what the first paint needs besides the two list windows.
    public struct FirstPaint: Sendable {
        public var today: Day
        public var names: [String: String]
        public var alerts: AlertPage
        public var openRounds: Int
        public var calendar: WorkCalendar
        public var rules: DeadlineRules
        public var scoring: ScoringRules
        public var actor: Actor?
        /// When the read began, among the reads of alerts: an older one arriving late does not replace newer alerts.
        public var sequence = 0
    }

    case firstPaint(FirstPaint)
    case scores(Period, [ScoreEntry])
    /// A liaison's own unit's score, lines and trend.
    case ownScore(Period, OwnScore)
    /// Every alert of the day, for the deadlines pane filtered, reordered or paged far down.
    case allAlerts(Day, AlertPage, sequence: Int)
    /// The alerts the deadlines pane needs, read at once as keys are handled (`allAlerts` is read in the background).
    case alerts(Day, AlertPage, sequence: Int)
    /// A list pane's rows around what it shows, read as the officer moves: nothing on screen moves.
    case window(ListWindow)
    /// The list panes read anew (a reload, a new filter or order): each selection is kept in range.
    case reread([ListWindow])
    case failed(Text)

    /// Reads what the first paint needs; any thread. `alerts`: how many of the most urgent alerts the
    /// deadlines pane needs (with the counts of all), or nil for every alert (a filtered or reordered pane).
    static func readFirstPaint(_ store: any Ledger, day: Day, alerts limit: Int?) throws -> FirstPaint {
        FirstPaint(today: day, names: try store.departmentNames(), alerts: try readAlerts(store, day: day, limit: limit),
                   openRounds: try store.inspections(openOn: day).filter { $0.from <= day }.count,
                   calendar: store.calendar, rules: store.rules.deadlines, scoring: store.rules.scoring, actor: store.actor)
    }

    /// The first `limit` alerts with the counts of all, or every alert (nil); any thread.
    static func readAlerts(_ store: any Ledger, day: Day, limit: Int?) throws -> AlertPage {
        try limit.map { try store.alertPage(today: day, limit: $0) } ?? AlertPage(alerts: try store.alerts(today: day), complete: true)
    }

    /// This quarter's ranking with the change against the last, or for a liaison its own unit's score with
    /// every line and the twelve months' trend; any thread.
    static func readScores(_ store: any Ledger, day: Day, names: [String: String]) throws -> DashboardLoad {
        let p = Period.currentQuarter(day)
        if let role = store.actor.role, RoleTable.isConfined(role), let unit = store.actor.department {
            let months = (0..<12).reversed().map { Period.month(day.year, day.month).shifted(-$0) }
            let all = try store.scores(of: unit, periods: [p] + months, today: day, asKnown: nil)
            return .ownScore(p, OwnScore(department: unit, name: names[unit] ?? unit, score: all[0].score, lines: all[0].lines,
                                         trend: all.dropFirst().map(\.score)))
        }
        let entries = try store.ranking(period: p, today: day).map { r in
            ScoreEntry(department: r.score.department, name: names[r.score.department] ?? r.score.department, score: r.score.score,
                       rank: r.rank, change: r.change)
        }
        return .scores(p, entries)
    }
}

/// One list pane's window of rows.
public enum ListWindow: Sendable {
    case commitments(Window<Commitment>)
    case complaints(Window<Complaint>)
}

/// Where background loads leave their results for the loop to apply.
final class LoadMailbox: @unchecked Sendable {
    private let lock = NSLock()
    private var messages: [DashboardLoad] = []
    private var running = 0

    var isLoading: Bool { lock.lock(); defer { lock.unlock() }; return running > 0 }

    func started() { lock.lock(); running += 1; lock.unlock() }
    func post(_ m: DashboardLoad) { lock.lock(); messages.append(m); lock.unlock() }
    func finished() { lock.lock(); running -= 1; lock.unlock() }

    /// Runs `body` on another thread; what it posts, or the error that stops it, comes back here.
    func run(_ body: @escaping @Sendable (_ post: (DashboardLoad) -> Void) throws -> Void) {
        started()
        DispatchQueue.global(qos: .userInitiated).async {
            defer { self.finished() }
            do { try body(self.post) } catch let e as JiannuoError {
                self.post(.failed(e.text))
            } catch {
                self.post(.failed(Text("读取失败：\(error)", "reading failed: \(error)")))
            }
        }
    }

    func drain() -> [DashboardLoad] {
        lock.lock(); defer { lock.unlock() }
        let out = messages
        messages = []
        return out
    }
}

extension DashboardUpdate {
    /// A load's result: the only place where read data enters the dashboard.
    public static func loaded(_ load: DashboardLoad, _ s: inout DashboardState, _ d: inout DashboardData) {
        switch load {
        case .firstPaint(let f):
            // A new day drops the ranking of the old one; the list windows are read again by the caller.
            if f.today != d.today { d.scores = nil }
            if f.sequence >= d.alertsRead { d.setAlerts(f.alerts); d.alertsRead = f.sequence }
            d.today = f.today; d.names = f.names; d.openRounds = f.openRounds
            d.calendar = f.calendar; d.rules = f.rules; d.scoring = f.scoring; d.actor = f.actor
        case .allAlerts(let day, let page, let sequence), .alerts(let day, let page, let sequence):
            // A day has passed since the read began, or newer alerts came meanwhile: this read is stale.
            guard day == d.today, sequence >= d.alertsRead else { return }
            d.setAlerts(page)
            d.alertsRead = sequence
        case .window(let w):
            // Rows read to fill the screen change no selection (a reload or a new filter clamps them).
            d.hold(w)
            return
        case .reread(let windows):
            windows.forEach { d.hold($0) }
        case .scores(let p, let entries):
            guard p == Period.currentQuarter(d.today) else { return }
            d.period = p
            d.scores = entries
        case .ownScore(let p, let own):
            guard p == Period.currentQuarter(d.today) else { return }
            d.period = p
            d.ownScore = own
            d.scores = [ScoreEntry(department: own.department, name: own.name, score: own.score, rank: 0, change: nil)]
        case .failed(let why):
            s.message = why(d.lang)
        }
        clamp(&s, data: d)
    }
}

extension DashboardData {
    mutating func hold(_ w: ListWindow) {
        switch w {
        case .commitments(let rows): commitments = rows
        case .complaints(let rows): complaints = rows
        }
    }
}
