// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "MedSearch",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "MedSearch", targets: ["MedSearch"]),
        .executable(name: "medsearch", targets: ["medsearch"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        // The system SQLite (Debian: libsqlite3-dev), FTS5 compiled in.
        .systemLibrary(
            name: "CSQLite",
            providers: [.apt(["libsqlite3-dev"]), .brew(["sqlite"])]
        ),
        // libxml2's streaming reader, for MedQuAD's 11,000 XML files (Debian: libxml2-dev).
        .systemLibrary(
            name: "CLibXML2",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        .target(
            name: "MedSearch",
            dependencies: [
                "CSQLite",
                "CLibXML2",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .executableTarget(
            name: "medsearch",
            dependencies: [
                "MedSearch",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "MedSearchTests",
            dependencies: ["MedSearch"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "medsearchTests",
            dependencies: ["medsearch"]
        ),
    ]
)
