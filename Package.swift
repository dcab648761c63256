// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "clinicsite",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "clinicsite", targets: ["clinicsite"]),
        .library(name: "SiteGenerator", targets: ["SiteGenerator"]),
        .library(name: "RecoverySchedule", targets: ["RecoverySchedule"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.0"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // jemalloc replaces the C library's allocator in the clinicsite executable only (see MemoryAllocator.swift).
        .systemLibrary(
            name: "CJemalloc",
            pkgConfig: "jemalloc",
            providers: [.apt(["libjemalloc-dev"])]
        ),
        .target(name: "RecoverySchedule"),
        .target(
            name: "SiteGenerator",
            dependencies: [
                "CCmark",
                "RecoverySchedule",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "CSV", package: "CSV.swift"),
            ]
        ),
        .target(
            name: "SitePreview",
            dependencies: [
                "SiteGenerator",
                "RecoverySchedule",
                .product(name: "FlyingFox", package: "FlyingFox"),
                .product(name: "FlyingSocks", package: "FlyingFox"),
            ]
        ),
        .executableTarget(
            name: "clinicsite",
            dependencies: [
                .target(name: "CJemalloc", condition: .when(platforms: [.linux])),
                "SiteGenerator",
                "SitePreview",
                "RecoverySchedule",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "RecoveryScheduleTests", dependencies: ["RecoverySchedule"]),
        .testTarget(name: "SiteGeneratorTests", dependencies: ["SiteGenerator"]),
        .testTarget(name: "SitePreviewTests", dependencies: ["SitePreview", "SiteGenerator"]),
    ],
    swiftLanguageModes: [.v6]
)
