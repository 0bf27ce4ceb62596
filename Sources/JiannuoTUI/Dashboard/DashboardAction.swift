import JiannuoCore

/// What a key asks the dashboard to do. The key table (`DashboardKeys`) maps keys to these in each
/// place; `DashboardUpdate` carries them out.
public enum DashboardAction: Hashable, Sendable {
    // Panes.
    case nextPane, previousPane, focus(Pane)
    /// Moving in whatever is in front: a pane's list, a document's rows, search results, the help.
    case up, down, pageUp, pageDown, top, bottom
    /// Enter: the selected row's record; in a document, the record the cursor row leads to.
    case open
    /// Esc: one step back (clear a filter, close a document, return to the screen it came from).
    case back
    /// q in a document or the help: close it, back to the panes.
    case close
    case quit, filter, help, refresh, newComplaint
    /// A workflow step on the selected record.
    case step(ActionForm.Step)
    /// Show the complainant's contact in full (written to the audit log).
    case reveal
    /// The selected record's department: its whole breach record.
    case drill
    /// Find any commitment, complaint or department.
    case search
    /// Order the focused pane by its next sort column (`o`), or reverse the order (`O`).
    case sortNext, sortReverse
    /// The structured filter of the focused pane (unit, status, urgency, category, channel, dates).
    case structuredFilter
    /// Write what the focused pane shows (with its filters and order) to a CSV file.
    case export

    // Forms (the intake form and the step forms).
    case nextField, previousField
    /// Enter in a step form: the next field, or carry the step out from the last one.
    case nextFieldOrSubmit
    /// Ctrl-S: check and save.
    case submit
    /// Esc in a form: leave it (asking first when something was typed).
    case cancel
    /// ←/→ in a picker.
    case choose(Int)
    /// A digit in a picker chooses that item directly.
    case pickDigit
    /// Take the suggestion shown beside the field (the next one on each press).
    case takeSuggestion
    /// Typing: the character of the key goes into the field (or the filter line, or the search line).
    case type
    case newline
    case edit(EditCommand)

    // The filter line.
    case keepFilter, clearFilter

    // A question in a dialog.
    case confirm, dismiss
}

/// What the update asks the runtime to do, outside the pure update: each is a read or a write, whose
/// result comes back as a `DashboardResult` (or, for the panes' reads, a `DashboardLoad`).
public enum DashboardEffect: Equatable, Sendable {
    /// Read everything again (after `r`, a write by another process, or midnight).
    case reload
    /// The focused pane's filter changed: read its first window again.
    case refilter(Pane)
    /// Read a record and show it (over what is in front; Esc returns).
    case openRecord(String)
    /// Read a department's breach record and show it.
    case openDrill(String)
    /// Show a complaint with its contact in full, and record that it was looked at.
    case reveal(String)
    /// Read the record a step acts on, and open the step's form if the step applies to it.
    case openStep(ActionForm.Step, StepTarget)
    /// Carry a step out in one transaction.
    case performStep(ActionForm)
    /// Find where a record just written now stands in the focused list, to keep it selected.
    case follow(String)
    /// Read every record on screen again (after a write).
    case refreshRecords
    /// Open the complaint intake form (it needs the time of day, which the update does not read).
    case openIntake
    /// Check and save the intake form.
    case saveIntake(IntakeForm)
    /// Look up the open commitments of the form's department that match what is typed.
    case commitmentHints
    /// Restore the intake form from the draft left by an earlier run.
    case restoreDraft(String)
    /// Delete the saved draft (the form was cancelled or saved).
    case discardDraft
    /// Run the search for the query typed.
    case runSearch(String)
    /// Write the pane as shown to a CSV file under the exports folder.
    case export(Pane)
}

/// What a step acts on: a record by id, or an alert of the deadlines pane (whose record depends on its kind).
public enum StepTarget: Equatable, Sendable {
    case record(String)
    case alert(record: String, kind: Alert.Kind)
}

extension DashboardAction {
    /// The permission a key needs (nil: any account with a role); keys a role may not use are
    /// neither offered in the footer nor carried out.
    public var permission: Permission? {
        switch self {
        case .newComplaint: .complaintAdd
        case .reveal: .revealContact
        case .step(let step): step.permission
        default: nil
        }
    }
}
