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
    /// Whether layouts are rendered once per page shape and filled in per page (see `LayoutSlots`).
    /// Off when a template transforms values, and in the test that compares both ways.
    private let reusesLayouts: Bool
    private let slots = LayoutSlots()
    private let layouts = SkeletonCache()

    init(settings: Settings, strings: UIStrings, templates: Templates, assets: Assets, content: ContentSet,
         recovery: RecoveryContext, reusesLayouts: Bool = true) {
        self.settings = settings
        self.strings = strings
        self.templates = templates
        self.assets = assets
        self.content = content
        self.recovery = recovery
        self.reusesLayouts = reusesLayouts && !templates.transformsValues
    }

    /// Lays out a page around its Markdown HTML (UTF-8, links already rewritten).
    ///
    /// Most pages share their layout's rendering with others: what differs between pages of one language and
    /// folder is only their own texts and links (slots), unless they are the home page, in the menu, or have
    /// other translations; those decide the page's shape. Swift-mustache spends most of a page's time looking
    /// names up, so rendering once per shape instead of once per page is what makes real layouts fast.
    func render(_ page: Page, content html: [UInt8]) -> OutputFile {
        if reusesLayouts {
            var values = PageValues(slots: slots)
            let (context, shape) = pageContext(page, html: html, values: &values)
            let layout = layouts.value(for: shape) { templates.render(page.layout, context) }
            if let data = slots.fill(layout, with: values.values) { return OutputFile(path: page.outputPath, data: data) }
        }
        var values = PageValues(slots: nil)
        let (context, _) = pageContext(page, html: html, values: &values)
        return OutputFile(path: page.outputPath, text: templates.render(page.layout, context))
    }

    /// The template values of a page, with its own values taken through `values`, and a key naming
    /// everything else in them: pages with the same key get the same context apart from their slots.
    private func pageContext(_ page: Page, html: [UInt8], values: inout PageValues) -> (context: [String: Any], shape: String) {
        var context = commonContext(language: page.language, outputPath: page.outputPath, current: page, values: &values)
        context["title"] = values.text(page.title)
        context["description"] = values.text(page.description)
        context["content"] = values.html(html)
        context["isHome"] = page.isHome
        if let reviewed = page.reviewed {
            context["reviewed"] = ["iso": values.text(reviewed.iso), "text": values.text(reviewed.writtenShort(in: page.language))]
        }
        if let base = settings.baseURL { context["canonical"] = values.text(base + page.outputPath) }
        let menuPosition = content.menu(language: page.language).firstIndex { $0.source == page.source } ?? -1
        let links = (context["languages"] as? [[String: Any]] ?? []).map { link in
            "\(link["code"] ?? ""):\(link["isTranslation"] as? Bool == true):\(link["absolute"] != nil)"
        }
        let shape = [page.layout, page.language, RelativePath.folder(of: page.outputPath), "\(page.isHome)", "\(menuPosition)",
                     "\(page.reviewed != nil)", "\(settings.baseURL != nil)", values.shape] + links
        return (context, shape.joined(separator: "|"))
    }

    /// Values every template can use: language, links back to the root, assets, clinic details, menu and languages.
    private func commonContext(language: String, outputPath: String, current: Page?) -> [String: Any] {
        var values = PageValues(slots: nil)
        return commonContext(language: language, outputPath: outputPath, current: current, values: &values)
    }

    private func commonContext(language: String, outputPath: String, current: Page?, values: inout PageValues) -> [String: Any] {
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
                "href": values.text(RelativePath.url(from: outputPath, to: target.outputPath)),
                "current": code == language,
                "isTranslation": current != nil && target.key == current?.key,
            ]
            if let base = settings.baseURL { link["absolute"] = values.text(base + target.outputPath) }
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

/// A page's own values on their way into its layout: as `LayoutSlots` markers, with the values kept for
/// filling in, or (with no slots) as themselves, for rendering the page directly.
///
/// Two things a marker cannot stand in for are kept as they are and named in `shape` instead: an empty
/// value, and a final newline. Inside an indented partial, Mustache indents the token after a newline
/// unless the token renders nothing, so both change the output around the value.
private struct PageValues {
    let slots: LayoutSlots?
    private(set) var values: [LayoutSlots.Value] = []
    /// One character per value: "0" empty, "1" a marker, "2" a marker followed by the value's final newline.
    private(set) var shape = ""

    init(slots: LayoutSlots?) {
        self.slots = slots
    }

    mutating func text(_ value: String) -> String {
        guard let slots else { return value }
        guard !value.isEmpty else {
            shape += "0"
            return ""
        }
        if value.utf8.last == UInt8(ascii: "\n") {
            shape += "2"
            values.append(.text(String(value.dropLast())))
            return slots.marker(values.count - 1) + "\n"
        }
        shape += "1"
        values.append(.text(value))
        return slots.marker(values.count - 1)
    }

    mutating func html(_ value: [UInt8]) -> String {
        guard let slots else { return String(decoding: value, as: UTF8.self) }
        guard !value.isEmpty else {
            shape += "0"
            return ""
        }
        if value.last == UInt8(ascii: "\n") {
            shape += "2"
            values.append(.html(Array(value.dropLast())))
            return slots.marker(values.count - 1) + "\n"
        }
        shape += "1"
        values.append(.html(value))
        return slots.marker(values.count - 1)
    }
}
