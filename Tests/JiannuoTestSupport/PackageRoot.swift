import Foundation

/// The package root, from this file's path (Tests/JiannuoTestSupport/PackageRoot.swift): the shipped
/// data under Sources and the build directories are found from it, whatever the working directory.
public let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
