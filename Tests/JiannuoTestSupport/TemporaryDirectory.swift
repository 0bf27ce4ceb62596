import Foundation

/// A fresh directory of its own, removed with the value: keep the value for as long as the directory
/// is used (a fixture's property), since a local that is no longer read may be released early.
public final class TemporaryDirectory: Sendable {
    public let url: URL
    public var path: String { url.path }

    /// `prefix` names the directory after the tests that made it, for whoever finds one left behind.
    public init(_ prefix: String = "jiannuo-test") throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// The path of `name` inside the directory.
    public func file(_ name: String) -> String { url.appendingPathComponent(name).path }
}
