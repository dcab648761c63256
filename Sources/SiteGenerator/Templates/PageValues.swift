/// A page's own template values, typed. Most pages are filled into a layout already rendered for their shape
/// (`LayoutCache`), so the dictionaries a template needs (`entries`) are made only for the first page of each shape.
struct PageValues {
    var title: String
    var description: String
    /// The page's Markdown HTML (or its marker).
    var content: String
    var isHome: Bool
    var languages: [LanguageLink]
    var reviewed: (iso: String, text: String)?
    var canonical: String?
    var jsonLD = ""
    var ogLocale = ""
    /// The locales of the page's other translations.
    var ogAlternates: [String] = []
    var xDefault: String?

    /// The values as the template names them.
    var entries: [String: Any] {
        var entries: [String: Any] = ["title": title, "description": description, "content": content, "isHome": isHome,
                                      "jsonLD": jsonLD, "ogLocale": ogLocale, "ogAlternates": ogAlternates.map { ["locale": $0] }]
        if let reviewed { entries["reviewed"] = ["iso": reviewed.iso, "text": reviewed.text] }
        if let canonical { entries["canonical"] = canonical }
        if let xDefault { entries["xDefault"] = xDefault }
        return entries
    }
}

/// A link to one language's version of a page (its translation, or that language's home page).
struct LanguageLink {
    var code: String
    /// The language's name, in that language.
    var name: String
    var href: String
    var current: Bool
    var isTranslation: Bool
    /// The absolute address, when the base URL is known.
    var absolute: String?

    /// The link as templates name its values.
    var context: [String: Any] {
        var link: [String: Any] = ["code": code, "name": name, "href": href, "current": current, "isTranslation": isTranslation]
        if let absolute { link["absolute"] = absolute }
        return link
    }
}
