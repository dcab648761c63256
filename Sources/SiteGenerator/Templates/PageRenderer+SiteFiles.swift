import Foundation

/// The two site-wide pages made from templates: the root language chooser and `404.html` (see `SiteOutput`).
extension PageRenderer {
    /// The site root: a language chooser, each choice written in its own language.
    func languageChooser(reads: Reads) -> String {
        let language = settings.defaultLanguage
        var root = commonContext(language: language, outputPath: "index.html", reads: reads)
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
        return templates.render("root", root)
    }

    /// A server shows 404.html at whatever depth the missing URL had, so relative links cannot work there:
    /// links are absolute when the base URL is known, and the styles are inlined.
    func notFoundPage(reads: Reads) -> String {
        let language = settings.defaultLanguage
        var notFound = commonContext(language: language, outputPath: "404.html", reads: reads)
        if let base = settings.baseURL {
            notFound["homeHref"] = base + (reads.translation(ofKey: "index", in: language) ?? "")
            notFound["root"] = base
        }
        // Whoever lands here may read any of the site's languages: each says it in its own, in its own element.
        notFound["notFound"] = settings.languages.enumerated().map { index, code -> [String: Any] in
            let home = reads.translation(ofKey: "index", in: code) ?? ""
            return ["code": code, "strings": strings[code], "first": index == 0,
                    "homeHref": (settings.baseURL ?? "") + home]
        }
        notFound["title"] = settings.languages.compactMap { strings[$0]["not_found_title"] }.joined(separator: " / ")
        notFound["inlineStyle"] = assets.inlineText(named: "style")
        return templates.render("404", notFound)
    }
}
