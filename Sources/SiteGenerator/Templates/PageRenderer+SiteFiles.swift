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
            // The chooser is every language's version of the site root, and the x-default of the home pages.
            root["hasAlternates"] = links.count > 1
            root["alternates"] = links.map { link -> [String: Any] in
                var alternate = link
                alternate["isTranslation"] = true
                return alternate
            }
            if let base = settings.baseURL {
                root["canonical"] = base
                root["xDefault"] = base
            } else {
                root["xDefault"] = "index.html"
            }
        }
        files.append(OutputFile(path: "index.html", text: templates.render("root", root)))

        // A server shows 404.html at whatever depth the missing URL had, so relative links cannot work there:
        // links are absolute when the base URL is known, and the styles are inlined.
        var notFound = commonContext(language: language, outputPath: "404.html", current: nil)
        if let base = settings.baseURL {
            notFound["homeHref"] = base + (content.translation(ofKey: "index", in: language)?.outputPath ?? "")
            notFound["root"] = base
        }
        // Whoever lands here may read any of the site's languages: each says it in its own, in its own element.
        notFound["notFound"] = settings.languages.enumerated().map { index, code -> [String: Any] in
            let home = content.translation(ofKey: "index", in: code)?.outputPath ?? ""
            return ["code": code, "strings": strings[code], "first": index == 0,
                    "homeHref": (settings.baseURL ?? "") + home]
        }
        notFound["title"] = settings.languages.compactMap { strings[$0]["not_found_title"] }.joined(separator: " / ")
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
        Sitemap.xml(base: base, pages: content.published.map { Sitemap.Entry($0.page) }, languages: settings.languages,
                    defaultLanguage: settings.defaultLanguage)
    }
}
