import Foundation
import RecoverySchedule

/// Fills the templates: one content page at a time (safe to call from many threads), plus the
/// site-wide files (root page, 404, robots.txt, sitemap.xml).
struct PageRenderer: Sendable {
    let settings: Settings
    let strings: UIStrings
    let templates: Templates
    let assets: Assets
    let content: ContentSet
    let recovery: RecoveryContext
    private let slot = ContentSlot()

    init(settings: Settings, strings: UIStrings, templates: Templates, assets: Assets, content: ContentSet, recovery: RecoveryContext) {
        self.settings = settings
        self.strings = strings
        self.templates = templates
        self.assets = assets
        self.content = content
        self.recovery = recovery
    }

    /// Lays out a page around its Markdown HTML (UTF-8, links already rewritten).
    func render(_ page: Page, content: [UInt8]) -> OutputFile {
        var context = commonContext(language: page.language, outputPath: page.outputPath, current: page)
        context["title"] = page.title
        context["description"] = page.description
        context["content"] = slot.marker
        context["isHome"] = page.isHome
        if let reviewed = page.reviewed {
            context["reviewed"] = ["iso": reviewed.iso, "text": reviewed.writtenShort(in: page.language)]
        }
        if let base = settings.baseURL { context["canonical"] = base + page.outputPath }
        if !templates.transformsContent, let filled = slot.fill(templates.render(page.layout, context), with: content) {
            return OutputFile(path: page.outputPath, data: filled)
        }
        context["content"] = String(decoding: content, as: UTF8.self)
        return OutputFile(path: page.outputPath, text: templates.render(page.layout, context))
    }

    /// Values every template can use: language, links back to the root, assets, clinic details, menu and languages.
    private func commonContext(language: String, outputPath: String, current: Page?) -> [String: Any] {
        let menu: [[String: Any]] = content.menu(language: language).map { entry in
            ["title": entry.title, "href": RelativePath.url(from: outputPath, to: entry.outputPath),
             "current": entry.source == current?.source]
        }
        var languageLinks: [[String: Any]] = []
        for code in settings.languages {
            let target = current.flatMap { content.translation(of: $0, in: code) } ?? content.translation(ofKey: "index", in: code)
            guard let target else { continue }
            var link: [String: Any] = [
                "code": code, "name": strings[code]["language_name"] ?? code,
                "href": RelativePath.url(from: outputPath, to: target.outputPath),
                "current": code == language,
                "isTranslation": current != nil && target.key == current?.key,
            ]
            if let base = settings.baseURL { link["absolute"] = base + target.outputPath }
            languageLinks.append(link)
        }
        let home = content.translation(ofKey: "index", in: language)
        return [
            "lang": language,
            "root": RelativePath.toRoot(from: outputPath),
            "homeHref": home.map { RelativePath.url(from: outputPath, to: $0.outputPath) } ?? "",
            "assets": assets.urls(from: outputPath),
            "clinic": clinicContext,
            "strings": strings[language],
            "recovery": recovery.byLanguage[language] ?? [:],
            "menu": menu,
            "languages": languageLinks,
            "alternates": languageLinks.filter { $0["isTranslation"] as? Bool == true },
            "hasAlternates": languageLinks.filter { $0["isTranslation"] as? Bool == true }.count > 1,
        ]
    }

    private var clinicContext: [String: Any] {
        let dialable = settings.phone.filter { $0.isASCII && ($0.isNumber || $0 == "+") }
        return ["name": settings.clinicName, "phone": settings.phone, "phoneHref": dialable.isEmpty ? "" : "tel:\(dialable)",
                "email": settings.email, "address": settings.address]
    }

    /// The root page, 404 page, robots.txt and, when the base URL is known, sitemap.xml.
    func siteFiles() -> [OutputFile] {
        var files: [OutputFile] = []
        let language = settings.defaultLanguage
        // The site root is a language chooser: each choice is written in its own language.
        var root = commonContext(language: language, outputPath: "index.html", current: nil)
        if let links = root["languages"] as? [[String: Any]] {
            root["languages"] = links.map { link -> [String: Any] in
                var link = link
                if let code = link["code"] as? String { link["strings"] = strings[code] }
                return link
            }
            root["title"] = links.compactMap { $0["name"] as? String }.joined(separator: " / ")
        }
        files.append(OutputFile(path: "index.html", text: templates.render("root", root)))

        // A server shows 404.html at whatever depth the missing URL had, so relative links cannot work there:
        // links are absolute when the base URL is known, and the styles are inlined.
        var notFound = commonContext(language: language, outputPath: "404.html", current: nil)
        if let base = settings.baseURL {
            notFound["homeHref"] = base + (content.translation(ofKey: "index", in: language)?.outputPath ?? "")
            notFound["root"] = base
        }
        notFound["title"] = strings[language]["not_found_title"] ?? "Page not found"
        notFound["inlineStyle"] = assets.inlineText(named: "style")
        files.append(OutputFile(path: "404.html", text: templates.render("404", notFound)))

        var robots = "User-agent: *\nAllow: /\n"
        if let base = settings.baseURL {
            robots += "Sitemap: \(base)sitemap.xml\n"
            files.append(OutputFile(path: "sitemap.xml", text: sitemap(base: base)))
        }
        files.append(OutputFile(path: "robots.txt", text: robots))
        return files
    }

    private func sitemap(base: String) -> String {
        var xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">

        """
        for loaded in content.published {
            let page = loaded.page
            xml += "  <url>\n    <loc>\(XMLText.escape(base + page.outputPath))</loc>\n"
            let translations = settings.languages.compactMap { content.translation(of: page, in: $0) }
            if translations.count > 1 {
                for translation in translations {
                    xml += "    <xhtml:link rel=\"alternate\" hreflang=\"\(translation.language)\" href=\"\(XMLText.escape(base + translation.outputPath))\"/>\n"
                }
                if let fallback = content.translation(of: page, in: settings.defaultLanguage) {
                    xml += "    <xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"\(XMLText.escape(base + fallback.outputPath))\"/>\n"
                }
            }
            if let reviewed = page.reviewed { xml += "    <lastmod>\(reviewed.iso)</lastmod>\n" }
            xml += "  </url>\n"
        }
        return xml + "</urlset>\n"
    }
}
