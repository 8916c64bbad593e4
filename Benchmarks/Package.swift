// swift-tools-version: 6.1
// Micro-benchmarks of MedSearch's stages (ordo-one/benchmark). A separate package, so that the
// main package and CI build without the benchmark toolchain. Run: cd Benchmarks && swift package benchmark
import Foundation
import PackageDescription

/// A path dependency is named after its folder, which is whatever the clone was called.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent

let package = Package(
    name: "MedSearchBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "MedSearchBenchmarks",
            dependencies: [
                .product(name: "MedSearch", package: root),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/MedSearchBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
