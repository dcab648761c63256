import Foundation

/// The files every site has besides its pages: the root language chooser, `404.html`, `robots.txt` and,
/// when the base URL is known, `sitemap.xml`.
extension PageRenderer {
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
