import JiannuoTestSupport
import Testing
@testable import JiannuoCore

/// The Store counts and pages alerts by ranges of due days: those ranges must give every day the level
/// that `Alerts.level` gives it, over holidays, make-up days and the year's end, whatever the rules.
@Suite("Alert bands")
struct AlertBandsTests {
    let cal: WorkCalendar
    init() throws { cal = try calendar2026() }

    @Test("each due day falls in the band of its level", arguments: [
        ("2026-09-30", 0, 5), ("2026-10-01", 3, 5), ("2026-10-09", 1, 0), ("2026-10-12", 7, 2),
        ("2026-02-13", 3, 5), ("2026-02-28", 5, 10), ("2026-12-30", 7, 5), ("2026-06-19", 0, 0),
    ])
    func bandsAgreeWithLevel(_ today: String, _ nearing: Int, _ escalateAfter: Int) {
        var r = rules
        r.escalateOverdueWorkdays = escalateAfter
        let t = d(today)
        for unit in [Alert.DayUnit.working, .calendar] {
            let bands = AlertBands(today: t, unit: unit, nearing: nearing, calendar: cal, rules: r)
            for offset in -120...60 {
                let due = t.adding(days: offset)
                let expected = Alerts.level(due: due, today: t, unit: unit, nearing: nearing, calendar: cal, rules: r)
                #expect(bands.level(due) == expected, "\(today) \(unit) nearing \(nearing): due \(due)")
            }
        }
    }

    @Test("a working-day limit's nearing band takes in the holiday after its last working day")
    func nearingBandSpansTheHoliday() {
        // 2026-09-30, one working day: 10-01 to 10-07 are the National Day holiday, so a limit on one of
        // them has no working day left before it, and is nearing.
        let b = AlertBands(today: d("2026-09-30"), unit: .working, nearing: 1, calendar: cal, rules: rules)
        #expect(b.level(d("2026-10-05")) == .nearing)
        #expect(b.nearingThrough >= d("2026-10-07"))
    }
}
