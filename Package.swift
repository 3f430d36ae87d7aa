// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Dossier",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "dossier", targets: ["dossier"]),
        // Libraries for the benchmark package in Benchmarks/, which measures the modules directly.
        .library(name: "Templating", targets: ["Templating"]),
        .library(name: "Entities", targets: ["Entities"]),
        .library(name: "Site", targets: ["Site"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
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
        .target(name: "Markdown", dependencies: ["CCmark"]),
        .target(name: "Templating"),
        .target(name: "Entities", dependencies: ["Yams"]),
        .target(name: "Importer", dependencies: ["Entities", "CLibXML2", "Yams"]),
        .target(
            name: "Site",
            dependencies: ["Markdown", "Templating", "Entities", "Yams"],
            resources: [.embedInCode("Theme")]
        ),
        .target(
            name: "DossierCLI",
            dependencies: [
                "Site", "Importer", "Entities",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "dossier", dependencies: ["DossierCLI"]),
        .testTarget(name: "TemplatingTests", dependencies: ["Templating"]),
        .testTarget(name: "MarkdownTests", dependencies: ["Markdown"]),
        .testTarget(name: "EntitiesTests", dependencies: ["Entities"]),
        .testTarget(name: "ImporterTests", dependencies: ["Importer", "Entities"], exclude: ["Gold"]),
        .testTarget(name: "SiteTests", dependencies: ["Site", "Templating", "Entities"]),
        .testTarget(name: "DossierCLITests", dependencies: ["DossierCLI", "Site"]),
    ]
)
