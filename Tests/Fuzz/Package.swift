// swift-tools-version:6.0
import PackageDescription

// The fuzz target: built apart from the main package because libFuzzer supplies `main`
// (`swift build -Xswiftc -sanitize=fuzzer -Xswiftc -parse-as-library`); run by scripts/fuzz.
let package = Package(
    name: "SiteFuzz",
    dependencies: [.package(name: "clinicsite", path: "../..")],
    targets: [
        .executableTarget(
            name: "SiteFuzz",
            dependencies: [
                .product(name: "SiteGenerator", package: "clinicsite"),
                .product(name: "SiteDisk", package: "clinicsite"),
                .product(name: "RecoverySchedule", package: "clinicsite"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
