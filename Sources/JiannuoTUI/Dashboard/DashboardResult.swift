import JiannuoCore
import JiannuoStore

/// What running an effect read or wrote, as a message to the update (bubbletea's Msg): the runtime
/// only does the I/O, and `DashboardUpdate.result` decides what the officer sees next, so that every
/// outcome can be tested without a terminal or a database. Reads of the panes are `DashboardLoad`s.
public enum DashboardResult: Sendable, Equatable {
    case document(DocumentResult)
    case step(StepResult)
    case intake(IntakeResult)
    case draft(DraftResult)
    case export(ExportResult)
    case searched(query: String, [SearchHit])
    /// Where a record just written now stands in the focused list (nil: not in the list as shown).
    case followed(Pane, position: Int?)
}

/// Records and drill-downs read to be shown.
public enum DocumentResult: Sendable, Equatable {
    case read(DocContent)
    /// The record or the unit could not be read: the reason goes in the footer.
    case unreadable(Text)
    /// A complaint read with its contact in full, the look recorded in the audit log.
    case revealed(RecordContent)
    /// The look could not be recorded, so the contact stays hidden.
    case revealRefused(Text)
    /// The records on screen read again after a write (those that could be).
    case reread([RecordContent])
}

/// A workflow step's form opened, or the step carried out.
public enum StepResult: Sendable, Equatable {
    case opened(StepOpening)
    /// Carried out: the footer's short message, and the form that follows (a confirmed breach's rectification).
    case done(record: String, message: String, next: ActionForm?)
    /// The ledger refused the step: the form stays open with the reason.
    case refused(ActionForm, Text)
}

/// The complaint intake form.
public enum IntakeResult: Sendable, Equatable {
    /// Opened at the time of day read from the clock (its default time of receipt).
    case opened(now: DateTime)
    /// The check found fields to fix; the form carries them.
    case invalid(IntakeForm)
    case saved(Complaint)
    /// The ledger refused the checked form (nothing was written).
    case refused(IntakeForm, JiannuoError)
    /// The open commitments the commitment field suggests.
    case hints([IntakeForm.CommitmentHint])
}

/// The intake form's draft, kept beside the database so that a closed terminal loses nothing.
public enum DraftResult: Sendable, Equatable {
    /// A draft left by an earlier run, to offer before anything else.
    case found(json: String, savedAt: String)
    /// The officer chose to restore the draft; `now` is the form's default time of receipt.
    case restore(json: String, now: DateTime)
    /// The draft could not be written (it is tried again later).
    case notSaved(Text)
}

/// A pane written to a CSV file.
public enum ExportResult: Sendable, Equatable {
    case written(rows: Int, path: String)
    case failed(directory: String)
    /// A headless render writes no files.
    case notInRender
}
