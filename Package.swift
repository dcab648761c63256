// swift-tools-version:6.0
import PackageDescription
import Foundation

// The self-contained package (scripts/package) links everything statically, and a static jemalloc cannot
// replace the allocator of the C library it shares the process with, so that build uses the C library's own.
let usesJemalloc = ProcessInfo.processInfo.environment["CLINICSITE_STATIC_PACKAGE"] == nil

let package = Package(
    name: "clinicsite",
    // Linux only (Debian and Ubuntu): the disk layer calls Glibc and Linux's renameat2 directly; see the README.
    products: [
        .executable(name: "clinicsite", targets: ["clinicsite"]),
        .library(name: "SiteGenerator", targets: ["SiteGenerator"]),
        .library(name: "SiteDisk", targets: ["SiteDisk"]),
        .library(name: "RecoverySchedule", targets: ["RecoverySchedule"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.0"),
        // The preview server: SwiftNIO's HTTP parser and connection handling, through Hummingbird 2.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.80.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.6.0"),
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
        // Debian's libqrencode, for the QR code on printed handouts.
        .systemLibrary(
            name: "CQRencode",
            pkgConfig: "libqrencode",
            providers: [.apt(["libqrencode-dev"])]
        ),
        // Debian's libxxhash: XXH3-128 fingerprints tell a build what changed.
        .systemLibrary(
            name: "CXXHash",
            pkgConfig: "libxxhash",
            providers: [.apt(["libxxhash-dev"])]
        ),
        // Debian's SQLite: the record of the last build, beside the output.
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        // Debian's libyaml: its event stream, for front matter and for refusing anchors before anything is composed.
        // (Yams carries its own copy of the same library, with the same layout, for its parser.)
        .systemLibrary(
            name: "CLibYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        // Debian's libexif: reads a photo's EXIF (what identifies, which way is up) and writes the orientation-only block kept.
        .systemLibrary(
            name: "CLibExif",
            pkgConfig: "libexif",
            providers: [.apt(["libexif-dev"])]
        ),
        .target(name: "RecoverySchedule"),
        .target(
            name: "SiteGenerator",
            dependencies: [
                "CCmark",
                "CQRencode",
                "CXXHash",
                "CLibYAML",
                "CLibExif",
                "RecoverySchedule",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // Every read and write of the disk: sources, the output and its twin, the build record, patient batches.
        .target(
            name: "SiteDisk",
            dependencies: [
                "CSQLite",
                "SiteGenerator",
                "RecoverySchedule",
                .product(name: "CSV", package: "CSV.swift"),
            ]
        ),
        .target(
            name: "SitePreview",
            dependencies: [
                "SiteGenerator",
                "SiteDisk",
                "RecoverySchedule",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ]
        ),
        .executableTarget(
            name: "clinicsite",
            dependencies: (usesJemalloc ? [.target(name: "CJemalloc", condition: .when(platforms: [.linux]))] : []) + [
                "SiteGenerator",
                "SiteDisk",
                "SitePreview",
                "RecoverySchedule",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ]
        ),
        // Fixtures shared by the test targets: sites in memory, scratch copies on disk, the built executable.
        .target(name: "TestSupport", dependencies: ["SiteGenerator", "SiteDisk", "RecoverySchedule"], path: "Tests/TestSupport"),
        .testTarget(name: "RecoveryScheduleTests", dependencies: ["RecoverySchedule"]),
        .testTarget(name: "SiteGeneratorTests", dependencies: ["SiteGenerator", "TestSupport"]),
        .testTarget(name: "SiteDiskTests", dependencies: ["SiteDisk", "SiteGenerator", "TestSupport"]),
        .testTarget(name: "SitePreviewTests", dependencies: ["SitePreview", "SiteGenerator", "TestSupport"]),
        // Runs the real executable as a child process, so it depends on it being built.
        .testTarget(name: "CommandLineTests", dependencies: ["clinicsite", "TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
