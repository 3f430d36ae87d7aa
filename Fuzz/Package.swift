// swift-tools-version:6.0
// Fuzz targets for libFuzzer, kept apart so the sanitizer flags never reach the product.
// Run with Fuzz/run.sh (builds with -sanitize=fuzzer,address and runs each target).
import PackageDescription

let fuzzTarget: (String, [Target.Dependency]) -> Target = { name, dependencies in
    .executableTarget(name: name, dependencies: dependencies)
}

let package = Package(
    name: "DossierFuzz",
    dependencies: [.package(name: "Dossier", path: "..")],
    targets: [
        fuzzTarget("FuzzTemplates", [.product(name: "Templating", package: "Dossier")]),
        fuzzTarget("FuzzFrontMatter", [.product(name: "Articles", package: "Dossier"), .product(name: "Entities", package: "Dossier")]),
        fuzzTarget("FuzzMarkdown", [.product(name: "Articles", package: "Dossier"), .product(name: "Site", package: "Dossier"), .product(name: "Entities", package: "Dossier")]),
        .target(name: "FuzzSupport", dependencies: [.product(name: "Importer", package: "Dossier"), .product(name: "Entities", package: "Dossier")]),
        fuzzTarget("FuzzPlainText", ["FuzzSupport"]),
        fuzzTarget("FuzzMarkdownImport", ["FuzzSupport"]),
        fuzzTarget("FuzzHTML", ["FuzzSupport"]),
        fuzzTarget("FuzzSuggest", [.product(name: "Entities", package: "Dossier")]),
    ]
)
