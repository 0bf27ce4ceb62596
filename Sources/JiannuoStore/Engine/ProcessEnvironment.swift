import Foundation

/// The process's environment, read once. Foundation makes a new dictionary of every variable each time
/// `ProcessInfo.environment` is asked, and a command asked a dozen times (half a millisecond of a write).
/// Nothing in the program changes its own environment.
public enum ProcessEnvironment {
    public static let values: [String: String] = ProcessInfo.processInfo.environment
}
