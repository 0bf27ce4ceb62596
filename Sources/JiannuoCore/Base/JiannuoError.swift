import Foundation

/// The language of messages: Chinese by default, English on request.
public enum Lang: String, Sendable, Codable {
    case zh, en

    /// `--lang` wins; else `LANG`/`LC_ALL` starting with `en` picks English.
    public static func from(option: String?, environment: [String: String]) -> Lang {
        if let o = option?.lowercased() { return o.hasPrefix("en") ? .en : .zh }
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let v = environment[key], !v.isEmpty { return v.lowercased().hasPrefix("en") ? .en : .zh }
        }
        return .zh
    }
}

/// A message in both languages, picked at the edge of the program.
public struct Text: Sendable, Equatable, Hashable {
    public let zh: String
    public let en: String
    public init(_ zh: String, _ en: String) { self.zh = zh; self.en = en }
    public func callAsFunction(_ lang: Lang) -> String { lang == .zh ? zh : en }
}

/// Every refusal carries a kind (which decides the exit code) and a reason in both languages.
public struct JiannuoError: Error, Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case invalid      // input refused, nothing written (65)
        case notFound     // record or file not found (66)
        case database     // database cannot be used (74)
        case usage        // wrong command line (64)
        case permission   // the account's role may not do this (77)
    }
    public let kind: Kind
    public let text: Text

    public init(_ kind: Kind, _ zh: String, _ en: String) {
        self.kind = kind
        self.text = Text(zh, en)
    }

    public static func invalid(_ zh: String, _ en: String) -> JiannuoError { .init(.invalid, zh, en) }
    public static func notFound(_ zh: String, _ en: String) -> JiannuoError { .init(.notFound, zh, en) }
    public static func database(_ zh: String, _ en: String) -> JiannuoError { .init(.database, zh, en) }
    public static func usage(_ zh: String, _ en: String) -> JiannuoError { .init(.usage, zh, en) }
    public static func permission(_ zh: String, _ en: String) -> JiannuoError { .init(.permission, zh, en) }

    public var exitCode: Int32 {
        switch kind {
        case .invalid: return 65
        case .notFound: return 66
        case .database: return 74
        case .usage: return 64
        case .permission: return 77
        }
    }
}

extension JiannuoError: CustomStringConvertible {
    public var description: String { text.zh }
}
