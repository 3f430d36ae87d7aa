// swift-tools-version:6.0
import PackageDescription

/// Release builds leave out the run-time checks of exclusive access: debug builds (the tests)
/// keep them and so find any conflicting access the tests reach, and in release they cost
/// about 4 % of a build's time (`swift_beginAccess` on every mutation of a class's or a
/// global's property in the converter's and renderer's loops; BENCHMARKS.md, finding 63).
let fast: [SwiftSetting] = [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]

let package = Package(
    name: "Dossier",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "dossier", targets: ["dossier"]),
        // Libraries for the benchmark package in Benchmarks/, which measures the modules directly.
        .library(name: "Templating", targets: ["Templating"]),
        .library(name: "Entities", targets: ["Entities"]),
        .library(name: "Site", targets: ["Site"]),
        .library(name: "Preview", targets: ["Preview"]),
        // For the fuzz targets in Fuzz/.
        .library(name: "Importer", targets: ["Importer"]),
        .library(name: "Articles", targets: ["Articles"]),
        .library(name: "SourceText", targets: ["SourceText"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .target(name: "CmarkArena", dependencies: ["CCmark"]),
        .target(name: "CPrefetch"),
        .target(name: "SourceText", swiftSettings: fast),
        .target(name: "Markdown", dependencies: ["CCmark", "CmarkArena", "SourceText"], swiftSettings: fast),
        .target(name: "Templating", dependencies: ["SourceText"], swiftSettings: fast),
        .target(name: "Entities", dependencies: ["SourceText", "Yams"], swiftSettings: fast),
        .target(name: "Articles", dependencies: ["Entities", "SourceText", "Yams"], swiftSettings: fast),
        .target(name: "Importer", dependencies: ["Articles", "Entities", "Markdown", "Templating", "CLibXML2"], swiftSettings: fast),
        .target(
            name: "Site",
            dependencies: ["Articles", "Markdown", "Templating", "Entities", "CPrefetch"],
            resources: [.embedInCode("Theme"), .embedInCode("Geography")],
            swiftSettings: fast
        ),
        .target(
            name: "Preview",
            dependencies: [
                "Site", "Importer", "Entities",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        .target(
            name: "DossierCLI",
            dependencies: [
                "Site", "Importer", "Entities", "Preview",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // mimalloc (Debian's libmimalloc-dev) serves the program's allocations instead of glibc's
        // malloc: a build makes and frees millions of small objects on every core.
        .executableTarget(name: "dossier", dependencies: ["DossierCLI"], linkerSettings: [.linkedLibrary("mimalloc", .when(platforms: [.linux]))]),
        .testTarget(name: "TemplatingTests", dependencies: ["Templating", "SourceText"]),
        .testTarget(name: "MarkdownTests", dependencies: ["Markdown", "SourceText"]),
        .testTarget(name: "EntitiesTests", dependencies: ["Entities"]),
        .testTarget(name: "ImporterTests", dependencies: ["Importer", "Entities", "Markdown"], exclude: ["Gold", "Readability"]),
        .testTarget(name: "SiteTests", dependencies: ["Site", "Templating", "Entities"]),
        .testTarget(name: "ArticlesTests", dependencies: ["Articles", "Importer", "Entities"]),
        .testTarget(name: "DossierCLITests", dependencies: ["DossierCLI", "Site"]),
        .testTarget(
            name: "PreviewTests",
            dependencies: ["Preview", "Site", .product(name: "HummingbirdTesting", package: "hummingbird")]
        ),
    ]
)
