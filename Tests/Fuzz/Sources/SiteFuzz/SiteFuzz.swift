import Foundation
import RecoverySchedule
import SiteDisk
import SiteGenerator

/// libFuzzer's entry point. `CLINICSITE_FUZZ` picks what the bytes become: `page` (front matter and
/// Markdown of one page of the shipped site), `rules` (its recovery.yml), `csv` (a patients file), `svg` (an
/// SVG under content/), `typography` (the French typography rules), `photo` (a picture under content/) or
/// `translation` (the French healing page's translation record).
/// A crash, a trap, or an input taking over libFuzzer's `-timeout` fails the run; so does output in which
/// text from the input escaped its HTML escaping (checked by `Escaping.check`).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let data = Data(bytes: start, count: count)
    switch FuzzTarget.current {
    case .page: FuzzTarget.page(data)
    case .rules: FuzzTarget.rules(data)
    case .csv: FuzzTarget.csv(data)
    case .svg: FuzzTarget.svg(data)
    case .typography: _ = buildReplacingTypography(data)
    case .photo: FuzzTarget.photo(data)
    case .translation: FuzzTarget.translation(data)
    }
    return 0
}

/// SwiftPM links an executable's `main` to `SiteFuzz_main`; this hands control to libFuzzer's driver.
@_cdecl("SiteFuzz_main")
public func siteFuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    var count = argc
    var arguments: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { start, count in
        guard let start else { return 0 }
        return fuzzOneInput(UnsafeRawPointer(start), count)
    }
}

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

enum FuzzTarget: String {
    case page, rules, csv, svg, typography, photo, translation

    static let current = FuzzTarget(rawValue: ProcessInfo.processInfo.environment["CLINICSITE_FUZZ"] ?? "") ?? .page
    static let shipped: SiteSources = {
        let root = URL(fileURLWithPath: ProcessInfo.processInfo.environment["CLINICSITE_ROOT"] ?? FileManager.default.currentDirectoryPath)
        do { return try SiteSources.load(root: root) } catch { fatalError("cannot read the shipped site: \(error)") }
    }()
    static let today = CivilDate(iso: "2026-11-26") ?? CivilDate(daysSinceEpoch: 0)
    /// `<script` elements the shipped templates themselves contain, per output file.
    static let baseline: [String: Int] = {
        guard let site = try? SiteBuilder.build(shipped, options: BuildOptions(today: today)) else { fatalError("the shipped site does not build") }
        return Dictionary(uniqueKeysWithValues: site.files.map { ($0.path, Escaping.scripts(in: $0.data)) })
    }()

    /// The shipped site with one file replaced by the input, built, and every output checked.
    static func buildReplacing(_ path: String, with data: Data) -> SiteSources {
        var files = shipped.files
        files[path] = data
        let sources = SiteSources(files: files)
        if let site = try? SiteBuilder.build(sources, options: BuildOptions(today: today)) {
            for file in site.files { Escaping.check(file, baseline: baseline) }
        }
        return sources
    }

    static func page(_ data: Data) {
        // Odd-sized inputs go to a French page, so the French typography rules meet hostile text too.
        let sources = buildReplacing(data.count % 2 == 0 ? "content/en/benefits.md" : "content/fr/benefits.md", with: data)
        _ = try? ContentCheck.run(sources: sources, today: today)
    }

    /// A hostile translation record: read, judged against the English healing page, reported by `check`.
    static func translation(_ data: Data) {
        let sources = buildReplacing("content/translations/fr/healing.md.yml", with: data)
        _ = try? ContentCheck.run(sources: sources, today: today)
    }

    static func rules(_ data: Data) {
        let sources = buildReplacing("content/recovery.yml", with: data)
        if let timelines = try? PersonalTimelines(sources: sources) {
            let patient = Patient(name: "<b>x</b>", procedure: today, language: "fr", sessions: 3)
            for format in PersonalTimelines.Format.allCases { _ = timelines.render(patient, as: format) }
        }
    }

    /// An SVG the policy lets through must hold no script element, no `javascript:` and no `@import`, whatever its
    /// case; the policy must also decide in time (libFuzzer's `-timeout`).
    static func svg(_ data: Data) {
        var files = shipped.files
        files["content/en/logo.svg"] = data
        guard let site = try? SiteBuilder.build(SiteSources(files: files), options: BuildOptions(today: today)),
              let published = site.files.first(where: { $0.path == "en/logo.svg" }) else { return }
        let text = String(decoding: published.data, as: UTF8.self).lowercased()
        for danger in [#"<(?:[a-z0-9._-]+:)?(?:script|foreignobject)[\s/>]"#, #"javascript\s*:"#, "@import"]
        where text.range(of: danger, options: .regularExpression) != nil {
            Escaping.fail("an SVG matching \(danger) was published")
        }
    }

    /// A picture that is published must hold nothing the build leaves out: cleaning the published copy again
    /// finds at most the orientation-only EXIF block, which says nothing of anyone.
    static func photo(_ data: Data) {
        let path = data.starts(with: [0x89]) ? "content/en/photo.png" : "content/en/photo.jpg"
        var files = shipped.files
        files[path] = data
        guard let site = try? SiteBuilder.build(SiteSources(files: files), options: BuildOptions(today: today)),
              let published = site.files.first(where: { $0.path == path.dropFirst("content/".count) }) else { return }
        let left = PictureCheck.leftIn([UInt8](published.data))
        if !left.isEmpty { Escaping.fail("a published picture still holds: \(left)") }
    }

    static let timelines: PersonalTimelines = {
        do { return try PersonalTimelines(sources: shipped, baseURL: "https://clinic.example/") } catch { fatalError("\(error)") }
    }()

    static func csv(_ data: Data) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("clinicsite-fuzz-\(getpid())")
        let file = folder.appendingPathComponent("patients.csv"), output = folder.appendingPathComponent("out")
        try? FileManager.default.removeItem(at: folder)
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        guard (try? data.write(to: file)) != nil else { return }
        _ = try? PatientBatch.run(csv: file, displayPath: "patients.csv", output: output, timelines: timelines)
        let scriptsInTemplate = Escaping.scripts(in: Data(timelines.render(Patient(name: nil, procedure: today, language: "en", sessions: 1), as: .html).utf8))
        for name in (try? FileManager.default.contentsOfDirectory(atPath: output.path)) ?? [] where name.hasSuffix(".html") {
            guard let page = FileManager.default.contents(atPath: output.appendingPathComponent(name).path) else { continue }
            if Escaping.scripts(in: page) > scriptsInTemplate { Escaping.fail("a patient's page has a script the template does not: \(name)") }
            Escaping.checkNoControls(page, path: name)
        }
    }
}

/// The shipped site with its French typography rules replaced by the input: every rule that loads must run on
/// the French pages within libFuzzer's `-timeout`, and escaping must hold.
func buildReplacingTypography(_ data: Data) -> SiteSources {
    FuzzTarget.buildReplacing("templates/typography/fr.yml", with: data)
}
