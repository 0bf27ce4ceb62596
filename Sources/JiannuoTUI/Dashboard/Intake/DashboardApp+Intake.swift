import Foundation
import JiannuoCore
import JiannuoStore

/// The intake form's reads and writes: the save, the commitment suggestions and the draft.
extension DashboardApp {
    /// Ctrl-S on the intake form: checks every field (with the open ledger's calendar and rules, at the
    /// clock's time), then saves in one transaction.
    func save(_ submitted: IntakeForm) throws -> IntakeResult {
        var form = submitted
        guard let draft = form.validated(names: data.names, calendar: store.calendar, rules: store.rules.deadlines, clock: clock,
                                         lang: data.lang) else { return .invalid(form) }
        do {
            return .saved(try store.addComplaint(draft))
        } catch let e as JiannuoError {
            return .refused(form, e)
        }
    }

    /// The matched department's open commitments whose id or counterparty contains what is typed;
    /// all of them once a suggestion was taken, so Ctrl-N can go on to the next.
    func commitmentHints(_ form: IntakeForm) throws -> [IntakeForm.CommitmentHint] {
        let matches = form.departmentMatches(data.names)
        guard matches.count == 1 else { return [] }
        let typed = form.text(.commitment).trimmingCharacters(in: .whitespaces)
        let open = try store.commitments(ListFilter(department: matches[0].code, status: "open"))
        let taken = form.commitmentHints.contains { $0.id == typed }
        return open.filter { taken || typed.isEmpty || $0.id.contains(typed) || $0.counterparty.contains(typed) }
            .prefix(taken ? 9 : 3).map { IntakeForm.CommitmentHint(id: $0.id, counterparty: $0.counterparty) }
    }

    /// Marks the draft as changed when the form changed; moving to another field writes it at once,
    /// typing within a field every few seconds.
    func noteDraftChange(from before: IntakeForm?) {
        guard let form = state.form, let before else { return }
        if form != before { draftDirty = true }
        if form.focus != before.focus { saveDraftIfNeeded(force: true) }
    }

    /// Writes the open form's draft if it changed (at once with `force`, else at most every 2 s).
    /// A draft that cannot be written (read-only database) is not worth stopping the officer for.
    public func saveDraftIfNeeded(force: Bool = false) {
        guard writesFiles, draftDirty, let form = state.form else { return }
        guard force || Date().timeIntervalSince(draftSavedAt) >= 2 else { return }
        do {
            try store.saveDraft(kind: Self.draftKind, data: form.draftJSON)
            trace("draft saved")
            draftDirty = false
        } catch {
            // Typing goes on; the officer is told that a kill now would lose it, and it is tried again later.
            let why = (error as? JiannuoError)?.text ?? Text("\(error)", "\(error)")
            trace("draft not saved: \(why(data.lang))")
            // Saying so asks for nothing more (no effects to run).
            _ = DashboardUpdate.result(.draft(.notSaved(why)), &state, data)
        }
        draftSavedAt = Date()
    }

    func discardDraft() {
        draftDirty = false
        // A headless render writes nothing, a discarded draft included (as it saves none).
        guard writesFiles else { return }
        try? store.deleteDraft(kind: Self.draftKind)
    }

    /// A draft left by an earlier run is offered before anything else.
    public func offerDraft() throws {
        if let d = try store.draft(kind: Self.draftKind) { try apply(.draft(.found(json: d.data, savedAt: d.savedAt))) }
    }
}
