import Foundation
// A regular target may import Swift Testing (it ships with the toolchain; checked with Swift 6.3.1 on
// Linux, debug and release): the lookups below then fail with #require at the caller's sourceLocation,
// which is what a missing program must be (a failure at the test's line, never a skip). The default
// `#_sourceLocation` expands in the caller's file, which must import Testing too (every test file does).
import Testing

/// The built `jiannuo` the tests are about: `$JIANNUO_BIN` when set (an explicit choice is the only one:
/// never fall back silently to another build); else the one built with these tests, beside the running
/// test bundle, so that another scratch path's stale binary is never used; else `.build-tests`,
/// `.build-e2e`, `.build` (debug). A missing binary is a failure, never a skip.
public func jiannuoBinary(sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
    var candidates = besideTheTests() + [".build-tests/debug/jiannuo", ".build-e2e/debug/jiannuo", ".build/debug/jiannuo"]
        .map { packageRoot.appendingPathComponent($0).path }
    if let env = ProcessInfo.processInfo.environment["JIANNUO_BIN"], !env.isEmpty { candidates = [env] }
    let found = candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    return try #require(found, "the jiannuo binary was not found (looked at \(candidates.joined(separator: ", "))); build it first with `swift build` (or `--scratch-path .build-tests`) or set JIANNUO_BIN", sourceLocation: sourceLocation)
}

/// `jiannuo` in the build products directory of the running tests (`.build/debug` for `swift test`):
/// the runner's directory as given and with links resolved, the one above it inside a build directory,
/// and the main bundle's parent.
private func besideTheTests() -> [String] {
    let runner = URL(fileURLWithPath: CommandLine.arguments.first ?? "")
    let resolved = runner.resolvingSymlinksInPath().deletingLastPathComponent()
    var dirs = [runner.deletingLastPathComponent(), resolved]
    if resolved.deletingLastPathComponent().path.contains("/.build") { dirs.append(resolved.deletingLastPathComponent()) }
    dirs.append(Bundle.main.bundleURL.deletingLastPathComponent())
    var seen = Set<String>()
    return dirs.map { $0.appendingPathComponent("jiannuo").path }.filter { seen.insert($0).inserted }
}

/// An installed program on PATH (or /usr/bin, /bin). A missing one is a failure that says what to install.
public func executable(_ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
    let dirs = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
    let found = (dirs + ["/usr/bin", "/bin"]).map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    return try #require(found, "\(name) is not installed (apt-get install \(name))", sourceLocation: sourceLocation)
}
