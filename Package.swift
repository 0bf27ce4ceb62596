// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Jiannuo",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "jiannuo", targets: ["jiannuo"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/JohnSundell/Ink", from: "0.6.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        .target(
            name: "JiannuoCore",
            dependencies: [.product(name: "TOMLKit", package: "TOMLKit")]
        ),
        .target(
            name: "JiannuoStore",
            dependencies: [
                "JiannuoCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                // The C API, for the loops where a value per column is too dear (a table's digest).
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                "CLibPQ", "CThreadCredentials",
            ],
            exclude: ["README.md"],
            resources: [.copy("Data")]
        ),
        // libpq: synchronous like the Store, seconds to build (TECH-NOTES measured postgres-nio at ~111 s). Its
        // header only: the Store opens the library when a PostgreSQL ledger is asked for (LibPQ.swift).
        .systemLibrary(name: "CLibPQ", path: "Sources/CLibPQ", providers: [.apt(["libpq-dev"])]),
        .systemLibrary(name: "CNCursesW", path: "Sources/CNCursesW"),
        // One system call glibc does not wrap per thread: a set-group-ID run opens a user's file without its group.
        .target(name: "CThreadCredentials", path: "Sources/CThreadCredentials"),
        .target(
            name: "JiannuoTUI",
            dependencies: [
                "JiannuoCore", "JiannuoStore", "CNCursesW",
                .product(name: "TOMLKit", package: "TOMLKit"),
            ]
        ),
        // Sheets in and out: a small reader and writer of .xlsx over ZIPFoundation and a CSV reader, nothing of the ledger.
        .target(name: "JiannuoXLSX", dependencies: [.product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .executableTarget(
            name: "jiannuo",
            dependencies: [
                "JiannuoCore", "JiannuoStore", "JiannuoTUI", "JiannuoXLSX",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Ink", package: "Ink"),
                .product(name: "TOMLKit", package: "TOMLKit"),
            ]
        ),
        // Write throughput for Benchmarks/measure.sh: writers with connections of their own, all at once.
        .executableTarget(name: "jiannuo-writers", dependencies: ["JiannuoCore", "JiannuoStore"], path: "Benchmarks/Writers"),
        // What the test targets share (process runner, built binary, PostgreSQL cluster, dates); not shipped.
        .target(name: "JiannuoTestSupport", dependencies: ["JiannuoCore"], path: "Tests/JiannuoTestSupport"),
        .testTarget(name: "JiannuoCoreTests", dependencies: ["JiannuoCore", "JiannuoTestSupport"]),
        .testTarget(name: "JiannuoStoreTests", dependencies: ["JiannuoStore", "JiannuoCore", "JiannuoTestSupport"]),
        .testTarget(name: "JiannuoTUITests", dependencies: ["JiannuoTUI", "JiannuoStore", "JiannuoCore", "JiannuoTestSupport"], exclude: ["Golden"]),
        .testTarget(name: "JiannuoCLITests", dependencies: ["JiannuoStore", "JiannuoCore", "JiannuoTestSupport"]),
        // CSV.swift is the reference the CSV reader is held to.
        .testTarget(name: "JiannuoXLSXTests", dependencies: ["JiannuoXLSX", "JiannuoTestSupport", .product(name: "CSV", package: "CSV.swift")]),
    ]
)
