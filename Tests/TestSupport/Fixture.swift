import Foundation
import RecoverySchedule
import SiteDisk
import SiteGenerator

/// Everything the test targets share: a small site described in memory (so most tests never touch the
/// disk), the repository's shipped site, scratch copies of it on disk, and folders read back as bytes.
public enum Fixture {
    /// The date every test treats as today.
    public static let today = CivilDate(year: 2026, month: 11, day: 26)!

    /// The repository's root folder.
    public static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The shipped English interface text, so fixtures stay complete when keys are added.
    public static let strings = (try? String(contentsOf: repository.appendingPathComponent("templates/strings/en.yml"), encoding: .utf8)) ?? ""

    /// A minimal `site.yml` with two languages.
    public static let settings = """
    clinic_name: Test Clinic
    phone: "+1 555 0100"
    languages: [en, fr]
    """

    /// A two-language site with tiny templates; `pages` and `extra` add or replace files.
    public static func site(pages: [String: String] = [:], settings: String = settings, extra: [String: String] = [:]) -> SiteSources {
        var texts: [String: String] = [
            "content/site.yml": settings,
            "templates/page.mustache": "<title>{{title}}</title><h1>{{clinic.name}}</h1>{{#menu}}<a href=\"{{href}}\"{{#current}} aria-current=\"page\"{{/current}}>{{title}}</a>{{/menu}}|{{#languages}}<a href=\"{{href}}\" hreflang=\"{{code}}\">{{name}}</a>{{/languages}}|<main>{{{content}}}</main>",
            "templates/root.mustache": "<a href=\"{{homeHref}}\">{{clinic.name}}</a>",
            "templates/404.mustache": "<a href=\"{{homeHref}}\">{{strings.back_home}}</a>",
            "templates/strings/en.yml": strings,
            "templates/strings/fr.yml": strings.replacingOccurrences(of: "English", with: "Français"),
            "templates/assets/style.css": "body{}",
            "content/en/index.md": "# Home\n",
            "content/fr/index.md": "# Accueil\n",
        ]
        for (path, text) in pages { texts[path] = text }
        for (path, text) in extra { texts[path] = text }
        return SiteSources(texts: texts)
    }

    /// The repository's own content/ and templates/, read from disk.
    public static func shippedSources() throws -> SiteSources {
        try SiteSources.load(root: repository)
    }

    /// Builds in memory with today's date.
    public static func build(_ sources: SiteSources, baseURL: String? = nil) throws(DiagnosticError) -> BuiltSite {
        try SiteBuilder.build(sources, options: BuildOptions(baseURL: baseURL, today: today))
    }

    /// The text of one built file.
    public static func text(_ site: BuiltSite, _ path: String) -> String? {
        site.files.first { $0.path == path }.map { String(decoding: $0.data, as: UTF8.self) }
    }

    /// The errors of a build that must fail (none when it succeeds).
    public static func errors(_ sources: SiteSources) -> [Diagnostic] {
        do {
            _ = try build(sources)
            return []
        } catch {
            return error.diagnostics.filter { $0.severity == .error }
        }
    }

    /// A scratch copy of the repository's content/ and templates/ that a test may edit; remove it after. Without
    /// `translationRecords`, the French pages are not recorded as translations, so an edit of an English number
    /// is not an error (only a warning that nothing is recorded).
    public static func scratchSite(translationRecords: Bool = false) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("clinicsite-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for folder in SiteSources.inputFolders {
            try FileManager.default.copyItem(at: repository.appendingPathComponent(folder), to: root.appendingPathComponent(folder))
        }
        if !translationRecords { try FileManager.default.removeItem(at: root.appendingPathComponent("content/translations")) }
        return root
    }

    /// Every regular file below `folder`, by relative path.
    public static func files(in folder: URL) -> [String: Data] {
        var result: [String: Data] = [:]
        for path in FileManager.default.subpaths(atPath: folder.path) ?? [] {
            let url = folder.appendingPathComponent(path)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                result[path] = try? Data(contentsOf: url)
            }
        }
        return result
    }

    /// The modification time of every file below `folder`.
    public static func modificationDates(in folder: URL) -> [String: Date] {
        var result: [String: Date] = [:]
        for path in files(in: folder).keys {
            result[path] = (try? FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(path).path))?[.modificationDate] as? Date
        }
        return result
    }

    /// Personal timelines from the shipped site, with `settings` as its `site.yml`.
    public static func timelines(settings: String = "clinic_name: Test & Co\nphone: \"+1 555 0100\"\nlanguages: [en, fr]\nclosed_weekdays: [sunday]\nclosures: [2027-01-12]\n") throws -> PersonalTimelines {
        var files = try shippedSources().files
        files["content/site.yml"] = Data(settings.utf8)
        return try PersonalTimelines(sources: SiteSources(files: files))
    }
}
