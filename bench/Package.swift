// swift-tools-version:6.0
import PackageDescription

// Benchmarks live beside the library, in their own package, so the library stays lean.
let package = Package(
  name: "jixiao-bench",
  platforms: [.macOS(.v15)],
  dependencies: [.package(name: "jixiao", path: "..")],
  targets: [
    .executableTarget(name: "jixiao-bench", dependencies: [.product(name: "Jixiao", package: "jixiao")])
  ],
  swiftLanguageModes: [.v6]
)
