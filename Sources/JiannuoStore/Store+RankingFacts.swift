import GRDB
import JiannuoCore

extension Store {
    /// What a ranking of every unit reads (`ScoreReads.ranking`), one `ScoreFacts` per period.
    func rankingFacts(periods: [Period], today: Day) throws -> [ScoreFacts] {
        try read { db in try ScoreReads(rules: rules).ranking(GRDBReader(db: db), periods: periods, today: today) }
    }
}
