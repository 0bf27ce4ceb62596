import JiannuoCore

/// The dashboard's own words in the language it was opened in: `lang("详情", "detail")`. The language
/// lives in `DashboardData.lang`; pure code reads it from there, never from a global.
extension Lang {
    func callAsFunction(_ zh: String, _ en: String) -> String { self == .zh ? zh : en }
}

extension Text {
    /// Words that read the same in both languages (key names such as "j/k").
    static func same(_ s: String) -> Text { Text(s, s) }
}
