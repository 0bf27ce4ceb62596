import JiannuoCore

extension Store {
    public func applyRules(_ new: Rules, source: String) throws -> Int { try LedgerWrites(self).applyRules(new, source: source) }
}
