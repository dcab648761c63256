/// `sitemap.xml`: the language chooser at the root, then every published page in source order, each with
/// its translations and its review date. Made from these few facts of each page, so a rebuild that adds or
/// removes a page makes it again from the facts the record holds, without reading the other pages.
enum Sitemap {
    /// What the sitemap shows of a published page.
    struct Entry: Sendable {
        var language: String
        var key: String
        var outputPath: String
        /// The review date as `YYYY-MM-DD`.
        var reviewed: String?

        var isHome: Bool { key == "index" }

        init(language: String, key: String, outputPath: String, reviewed: String?) {
            (self.language, self.key, self.outputPath, self.reviewed) = (language, key, outputPath, reviewed)
        }

        init(_ page: Page) {
            self.init(language: page.language, key: page.key, outputPath: page.outputPath, reviewed: page.reviewed?.iso)
        }
    }

    /// The sitemap of `pages` (published, in source order) at `base`.
    static func xml(base: String, pages: [Entry], languages: [String], defaultLanguage: String) -> String {
        // A page's translation in a language: as for the language links, the last page with that key there.
        var byLanguageAndKey: [String: Entry] = [:]
        for page in pages { byLanguageAndKey[page.language + "/" + page.key] = page }
        func translation(ofKey key: String, in language: String) -> Entry? { byLanguageAndKey[language + "/" + key] }
        var xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">

        """
        // The language chooser at the root, the x-default of the home pages.
        let homes = languages.compactMap { translation(ofKey: "index", in: $0) }
        xml += "  <url>\n    <loc>\(XMLText.escape(base))</loc>\n"
        if homes.count > 1 {
            for home in homes {
                xml += "    <xhtml:link rel=\"alternate\" hreflang=\"\(home.language)\" href=\"\(XMLText.escape(base + home.outputPath))\"/>\n"
            }
            xml += "    <xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"\(XMLText.escape(base))\"/>\n"
        }
        xml += "  </url>\n"
        for page in pages {
            xml += "  <url>\n    <loc>\(XMLText.escape(base + page.outputPath))</loc>\n"
            let translations = languages.compactMap { translation(ofKey: page.key, in: $0) }
            if translations.count > 1 {
                for translation in translations {
                    xml += "    <xhtml:link rel=\"alternate\" hreflang=\"\(translation.language)\" href=\"\(XMLText.escape(base + translation.outputPath))\"/>\n"
                }
                // Home pages fall back to the language chooser; other pages to the default language.
                let fallback = page.isHome ? base : translation(ofKey: page.key, in: defaultLanguage).map { base + $0.outputPath }
                if let fallback {
                    xml += "    <xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"\(XMLText.escape(fallback))\"/>\n"
                }
            }
            if let reviewed = page.reviewed { xml += "    <lastmod>\(reviewed)</lastmod>\n" }
            xml += "  </url>\n"
        }
        return xml + "</urlset>\n"
    }
}
