import Foundation
import JiannuoCore
import JiannuoStore

extension DashboardApp {
    /// A department's whole breach record for this quarter, as the ledger profiles it.
    func departmentDrill(_ code: String) throws -> DepartmentDrill {
        let today = data.today
        return DepartmentDrill(try store.profile(of: code, period: .currentQuarter(today), today: today), name: data.name(code),
                               weights: store.rules.scoring.weights, lang: data.lang)
    }
}
