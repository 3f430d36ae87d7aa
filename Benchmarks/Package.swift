// swift-tools-version:6.0
import Foundation
import PackageDescription

/// SwiftPM names a path dependency after its folder, which is whatever the clone is called.
let dossier = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent

// Benchmarks live in their own package so that swift-mustache, the engine we compare against,
// never enters the product's dependency graph. Build with -c release.
let package = Package(
    name: "DossierBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(path: ".."),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
    ],
    targets: [
        .executableTarget(
            name: "TemplateBench",
            dependencies: [
                .product(name: "Templating", package: dossier),
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        .target(name: "BenchSupport"),
        .executableTarget(
            name: "AnnotateBench",
            dependencies: ["BenchSupport", .product(name: "Entities", package: dossier)]
        ),
        .executableTarget(name: "CorpusGen", dependencies: ["BenchSupport"]),
        // Linked as the `dossier` program is, so that its edits take the time `dossier serve`'s do.
        .executableTarget(name: "IncrementalBench", dependencies: [.product(name: "Site", package: dossier), .product(name: "Preview", package: dossier)],
                          linkerSettings: [.linkedLibrary("mimalloc", .when(platforms: [.linux]))]),
    ]
)
