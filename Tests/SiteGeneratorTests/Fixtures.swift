import Foundation
import RecoverySchedule
@testable import SiteGenerator

/// A small site described in memory, so most tests never touch the disk.
enum Fixture {
    static let today = CivilDate(year: 2026, month: 11, day: 26)!

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The shipped English interface text, so fixtures stay complete when keys are added.
    static let strings = (try? String(contentsOf: repository.appendingPathComponent("templates/strings/en.yml"), encoding: .utf8)) ?? ""

    static let settings = """
    clinic_name: Test Clinic
    phone: "+1 555 0100"
    languages: [en, fr]
    """

    static func site(pages: [String: String] = [:], settings: String = settings, extra: [String: String] = [:]) -> SiteSources {
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

    static func build(_ sources: SiteSources, baseURL: String? = nil) throws(DiagnosticError) -> BuiltSite {
        try SiteBuilder.build(sources, options: BuildOptions(baseURL: baseURL, today: today))
    }

    static func text(_ site: BuiltSite, _ path: String) -> String? {
        site.files.first { $0.path == path }.map { String(decoding: $0.data, as: UTF8.self) }
    }

    /// The diagnostics of a build that must fail.
    static func errors(_ sources: SiteSources) -> [Diagnostic] {
        do {
            _ = try build(sources)
            return []
        } catch {
            return error.diagnostics.filter { $0.severity == .error }
        }
    }
}
