import Foundation

/// An output file the build makes besides the pages and the files copied from `content/`: the language
/// chooser, `404.html`, `robots.txt`, `sitemap.xml`, and any added later (here, or by a library user through
/// `BuildOptions.outputs`). What it shows of the site's pages comes only through `reads`, so a rebuild makes it
/// again exactly when something it read changed.
protocol SiteOutput: Sendable {
    /// Its path in the output folder; nil when this site has none (no sitemap without a base URL).
    func path(for settings: Settings) -> String?
    /// Its bytes, made with `renderer` (settings, strings, templates, assets).
    func make(with renderer: PageRenderer, reads: Reads) -> Data
}

/// The outputs every site has.
enum SiteOutputs {
    static let standard: [any SiteOutput] = [LanguageChooserFile(), NotFoundFile(), RobotsFile(), SitemapFile()]
}

/// The site root: a language chooser, each choice written in its own language.
struct LanguageChooserFile: SiteOutput {
    func path(for settings: Settings) -> String? { "index.html" }
    func make(with renderer: PageRenderer, reads: Reads) -> Data { Data(renderer.languageChooser(reads: reads).utf8) }
}

/// `404.html`, in every language of the site.
struct NotFoundFile: SiteOutput {
    func path(for settings: Settings) -> String? { "404.html" }
    func make(with renderer: PageRenderer, reads: Reads) -> Data { Data(renderer.notFoundPage(reads: reads).utf8) }
}

/// `robots.txt`, naming the sitemap when the base URL is known.
struct RobotsFile: SiteOutput {
    func path(for settings: Settings) -> String? { "robots.txt" }
    func make(with renderer: PageRenderer, reads: Reads) -> Data {
        Data(("User-agent: *\nAllow: /\n" + (renderer.settings.baseURL.map { "Sitemap: \($0)sitemap.xml\n" } ?? "")).utf8)
    }
}

/// `sitemap.xml`, when the base URL is known.
struct SitemapFile: SiteOutput {
    func path(for settings: Settings) -> String? { settings.baseURL == nil ? nil : "sitemap.xml" }
    func make(with renderer: PageRenderer, reads: Reads) -> Data {
        let settings = renderer.settings
        return Data(Sitemap.xml(base: settings.baseURL ?? "", pages: reads.sitemap(), languages: settings.languages,
                                defaultLanguage: settings.defaultLanguage).utf8)
    }
}
