import Foundation
import JiannuoCore

/// The complaint intake form: typed as the caller talks, checked field by field, saved with Ctrl-S.
/// Pure: keys change it; saving and department look-up happen in `DashboardApp`.
public struct IntakeForm: Sendable, Equatable {
    public enum Field: Int, CaseIterable, Sendable {
        case channel, received, urgency, complainant, contact, department, category, commitment, content

        public var label: String { label(.zh) }

        public func label(_ lang: Lang) -> String {
            switch self {
            case .channel: lang("渠道", "Channel")
            case .received: lang("收到时间", "Received")
            case .urgency: lang("紧急程度", "Urgency")
            case .complainant: lang("投诉人", "Complainant")
            case .contact: lang("联系方式", "Contact")
            case .department: lang("承办单位", "Unit")
            case .category: lang("类别", "Category")
            case .commitment: lang("关联承诺", "Commitment")
            case .content: lang("投诉内容", "Content")
            }
        }

        var isPicker: Bool { self == .channel || self == .urgency || self == .category }
    }

    /// What an action asked for beyond editing.
    public enum Outcome: Equatable, Sendable { case none, save, cancel }

    public static let channels: [Channel] = [.hotline, .phone, .email, .visit, .media, .inspection]
    public static let urgencies: [Urgency] = [.normal, .urgent, .critical]
    /// Category 0 = not given.
    public static let categories = [0, 1, 2, 3, 4, 5, 6]

    public var focus: Field = .channel
    public var channel = 0
    public var urgency = 0
    public var category = 0
    public var editors: [Field: LineEditor]
    public var errors: [Field: String] = [:]
    /// The chosen department's open commitments that match what is typed in the commitment field,
    /// looked up by the app as the officer types; Ctrl-N takes one.
    public var commitmentHints: [CommitmentHint] = []

    /// An open commitment offered for the commitment field.
    public struct CommitmentHint: Sendable, Equatable {
        public var id: String
        public var counterparty: String
        public init(id: String, counterparty: String) { self.id = id; self.counterparty = counterparty }
    }

    public init(now: DateTime) {
        editors = [
            .received: LineEditor(now.string), .complainant: LineEditor(), .contact: LineEditor(),
            .department: LineEditor(), .commitment: LineEditor(), .content: LineEditor(multiline: true),
        ]
    }

    public func text(_ f: Field) -> String { editors[f]?.text ?? "" }

    /// Anything typed beyond the defaults: Esc then asks before throwing it away.
    public var isDirty: Bool {
        channel != 0 || urgency != 0 || category != 0
            || [Field.complainant, .contact, .department, .commitment, .content].contains { !text($0).isEmpty }
    }

    /// What the focused field takes, for the key table.
    public var focusKind: FieldKind { focus.isPicker ? .picker : (focus == .content ? .multiline : .text) }

    /// A key through the dashboard's key table (as typed in the live form).
    @discardableResult
    public mutating func handle(_ key: KeyEvent) -> Outcome {
        guard let b = DashboardKeys.map.binding(for: key, in: DashboardKeys.fieldContexts(focusKind) + [.intake]) else { return .none }
        return apply(b.action, key: key)
    }

    public mutating func apply(_ action: DashboardAction, key: KeyEvent) -> Outcome {
        switch action {
        case .submit: return .save
        case .cancel: return .cancel
        case .nextField: move(1)
        case .previousField: move(-1)
        case .choose(let d): cycle(d)
        case .pickDigit: if case .char(let c) = key, let n = Int(String(c)) { pick(n) }
        case .takeSuggestion: takeSuggestion()
        case .type:
            if case .char(let c) = key { editors[focus]?.insert(String(c)); errors[focus] = nil }
        case .newline: editors[focus]?.insert("\n"); errors[focus] = nil
        case .edit(let command): editors[focus]?.apply(command); errors[focus] = nil
        default: break
        }
        return .none
    }

    /// The commitment field takes the next suggested commitment's id (the first one, or the one after
    /// the id already taken), so a suggestion is only ever saved when the officer took it.
    mutating func takeSuggestion() {
        guard focus == .commitment, !commitmentHints.isEmpty else { return }
        let current = text(.commitment).trimmingCharacters(in: .whitespaces)
        let next = commitmentHints.firstIndex { $0.id == current }.map { ($0 + 1) % commitmentHints.count } ?? 0
        editors[.commitment] = LineEditor(commitmentHints[next].id)
        errors[.commitment] = nil
    }

    mutating func move(_ d: Int) {
        let all = Field.allCases
        focus = all[(focus.rawValue + d + all.count) % all.count]
    }

    mutating func cycle(_ d: Int) {
        switch focus {
        case .channel: channel = (channel + d + Self.channels.count) % Self.channels.count
        case .urgency: urgency = (urgency + d + Self.urgencies.count) % Self.urgencies.count
        case .category: category = (category + d + Self.categories.count) % Self.categories.count
        default: break
        }
        errors[focus] = nil
    }

    /// A digit picks directly: 1–6 for the channel in the order shown, 0–6 for the category.
    mutating func pick(_ n: Int) {
        switch focus {
        case .channel where (1...Self.channels.count).contains(n): channel = n - 1
        case .urgency where (1...Self.urgencies.count).contains(n): urgency = n - 1
        case .category where (0...6).contains(n): category = n
        default: break
        }
    }

    /// Departments whose code or name contains what was typed in the department field.
    public func departmentMatches(_ names: [String: String]) -> [(code: String, name: String)] {
        Self.departments(matching: text(.department), in: names)
    }

    /// Departments whose code or name contains `typed`; an exact code is the only match.
    public static func departments(matching typed: String, in names: [String: String]) -> [(code: String, name: String)] {
        let q = typed.trimmingCharacters(in: .whitespaces)
        guard !q.isEmpty else { return [] }
        if let exact = names[q] { return [(q, exact)] }
        return names.filter { $0.key.localizedCaseInsensitiveContains(q) || $0.value.contains(q) }
            .map { (code: $0.key, name: $0.value) }.sorted { $0.code < $1.code }
    }

    /// Checks every field with the same rules as the command line; returns the draft, or marks
    /// each bad field with a short reason (in `lang`) and returns nil.
    public mutating func validated(names: [String: String], calendar: WorkCalendar, rules: DeadlineRules, clock: Clock,
                                   lang: Lang = .zh) -> ComplaintDraft? {
        errors = [:]
        var draft = ComplaintDraft()
        draft.channel = Self.channels[channel].rawValue
        draft.urgency = Self.urgencies[urgency].rawValue
        draft.category = category == 0 ? "" : String(category)
        draft.received = text(.received)
        draft.complainant = text(.complainant).trimmingCharacters(in: .whitespaces)
        draft.contact = text(.contact).trimmingCharacters(in: .whitespaces)
        draft.commitment = text(.commitment).trimmingCharacters(in: .whitespaces)
        draft.content = text(.content)
        let matches = departmentMatches(names)
        if matches.count == 1 {
            draft.department = matches[0].code
        } else {
            errors[.department] = matches.isEmpty ? lang("请输入单位名称或代码", "type a unit's name or code")
                : lang("匹配到 \(matches.count) 个单位，请输入更完整的名称", "\(matches.count) units match: type more of the name")
        }
        func check(_ f: Field, _ body: () throws -> Void) {
            do { try body() } catch let e as JiannuoError { errors[f] = e.text(lang) } catch {}
        }
        check(.received) {
            let t = try Validate.dateTime(draft.received, JiannuoCore.Field("收到时间", "received"), zone: clock.zone)
            try Validate.notFuture(t, now: clock.now, JiannuoCore.Field("收到时间", "received"))
        }
        check(.complainant) { if !draft.complainant.isEmpty { _ = try Validate.text(draft.complainant, JiannuoCore.Field("投诉人", "complainant"), max: 60) } }
        check(.contact) { if !draft.contact.isEmpty { _ = try Validate.text(draft.contact, JiannuoCore.Field("联系方式", "contact"), max: 100) } }
        check(.commitment) { if !draft.commitment.isEmpty { _ = try Validate.text(draft.commitment, JiannuoCore.Field("关联承诺", "commitment"), max: 20) } }
        check(.content) { _ = try Validate.text(draft.content, JiannuoCore.Field("投诉内容", "content"), max: 4000, multiline: true) }
        if errors.isEmpty {
            check(.content) { _ = try draft.validated(id: RecordKind.complaint.placeholderId, calendar: calendar, rules: rules, clock: clock) }
        }
        if let first = Field.allCases.first(where: { errors[$0] != nil }) { focus = first }
        return errors.isEmpty ? draft : nil
    }
}

extension IntakeForm {
    /// What a draft keeps of the form: choices, texts and where the cursor was.
    struct Snapshot: Codable {
        var channel: Int
        var urgency: Int
        var category: Int
        var focus: Int
        var texts: [String: String]
    }

    /// The form as JSON, for the drafts table.
    public var draftJSON: String {
        var texts: [String: String] = [:]
        for (f, e) in editors { texts[String(f.rawValue)] = e.text }
        let snap = Snapshot(channel: channel, urgency: urgency, category: category, focus: focus.rawValue, texts: texts)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return (try? encoder.encode(snap)).flatMap { String(data: $0, encoding: .utf8) } ?? "{}"
    }

    /// A form restored from a draft; nil if the draft no longer reads.
    public init?(draftJSON: String, now: DateTime) {
        guard let snap = try? JSONDecoder().decode(Snapshot.self, from: Data(draftJSON.utf8)) else { return nil }
        self.init(now: now)
        channel = min(max(0, snap.channel), Self.channels.count - 1)
        urgency = min(max(0, snap.urgency), Self.urgencies.count - 1)
        category = min(max(0, snap.category), 6)
        focus = Field(rawValue: snap.focus) ?? .channel
        for (k, v) in snap.texts {
            guard let n = Int(k), let f = Field(rawValue: n), editors[f] != nil else { continue }
            editors[f] = LineEditor(v, multiline: f == .content)
        }
    }
}
