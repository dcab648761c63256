import Foundation
import RecoverySchedule
import Synchronization

/// Fills the templates: one content page at a time (safe to call from many threads), plus the
/// site-wide files (root page, 404, robots.txt, sitemap.xml).
/// A menu entry: the page's source, its name in the menu and its address.
typealias MenuEntry = (source: String, title: String, outputPath: String)

final class PageRenderer: Sendable {
    let settings: Settings
    let strings: UIStrings
    let templates: Templates
    let assets: Assets
    let procedures: Procedures
    /// Each procedure's timeline as templates see it, by slug, made when a page of it is first laid out: a rebuild
    /// of one page of a catalogue of fifty makes one, not fifty.
    private let recoveries = Mutex<[String: RecoveryContext]>([:])
    /// Each language's typography, for the texts made here (the review date).
    let typography: [String: Typography]
    /// Whether layouts are rendered once per page shape and filled in per page (see `LayoutSlots`).
    /// Off when a template transforms values, and in the test that compares both ways.
    private let reusesLayouts: Bool
    private let layouts = LayoutCache()

    init(settings: Settings, strings: UIStrings, templates: Templates, assets: Assets,
         procedures: Procedures, typography: [String: Typography] = [:], reusesLayouts: Bool = true) {
        self.settings = settings
        self.strings = strings
        self.templates = templates
        self.assets = assets
        self.procedures = procedures
        self.typography = typography
        self.reusesLayouts = reusesLayouts && !templates.transformsValues
    }

    /// Lays out a page around its Markdown HTML (UTF-8, links already rewritten).
    ///
    /// Most pages share their layout's rendering with others: what differs between pages of one language and
    /// folder is only their own texts and links (slots), unless they are the home page, in the menu, or have
    /// other translations; those decide the page's shape. Swift-mustache spends most of a page's time looking
    /// names up, so rendering once per shape instead of once per page is what makes real layouts fast.
    /// What it shows of other pages comes through `reads`.
    func render(_ page: Page, content html: [UInt8], reads: Reads) -> OutputFile {
        let describe = { [self] (values: inout LayoutValues) -> LayoutCache.Request in
            let own = ownValues(page, html: html, values: &values, reads: reads)
            let menu = reads.menu(page.language)
            // The full context is built only when the shape's layout is not rendered yet.
            return LayoutCache.Request(shape: shape(of: page, own: own, menu: menu)) { [self] in
                templates.render(page.layout, context(page, own, menu: menu, reads: reads))
            }
        }
        let data = reusesLayouts ? layouts.render(describe) : LayoutCache.renderDirect(describe)
        return OutputFile(path: page.outputPath, data: data)
    }

    /// The template values that are a page's own (texts, Markdown HTML, links to its translations), taken
    /// through `values`, which makes them markers or keeps them as they are. They stay typed: the template's
    /// dictionaries are made only when a shape's layout is rendered, not for every page.
    private func ownValues(_ page: Page, html: [UInt8], values: inout LayoutValues, reads: Reads) -> PageValues {
        // The order of the `values` calls is the order of the markers in the layout: it must not change.
        let languages = languageLinks(language: page.language, outputPath: page.outputPath, current: page, values: &values, reads: reads)
        var own = PageValues(title: values.text(page.title), description: values.text(page.description), content: values.html(html),
                             isHome: page.isHome, languages: languages)
        if let reviewed = page.reviewed {
            own.reviewed = (iso: values.text(reviewed.iso), text: values.text((typography[page.language] ?? .none).apply(reviewed.writtenShort(in: page.language))))
        }
        if let base = settings.baseURL { own.canonical = values.text(base + page.outputPath) }
        own.jsonLD = values.html(PageMetadata(settings: settings, procedures: procedures).jsonLD(for: page))
        own.ogLocale = PageMetadata.locale(page.language)
        own.ogAlternates = languages.filter { $0.isTranslation && $0.code != page.language }.map { PageMetadata.locale($0.code) }
        // For readers whose language is none of these: the language chooser for home pages, the default
        // language's version for the others. Only pages with translations have it (with their alternates).
        if languages.lazy.filter(\.isTranslation).count > 1 {
            let target = page.isHome ? "index.html" : (reads.translation(ofKey: page.key, in: settings.defaultLanguage) ?? page.outputPath)
            own.xDefault = values.text(settings.baseURL.map { $0 + (target == "index.html" ? "" : target) }
                                       ?? RelativePath.url(from: page.outputPath, to: target))
        }
        return own
    }

    /// A key naming everything in a page's context but its own values: pages with the same key get the same
    /// context apart from their slots.
    private func shape(of page: Page, own: PageValues, menu: [MenuEntry]) -> String {
        let menuPosition = menu.firstIndex { $0.source == page.source } ?? -1
        var key = page.layout + "|" + page.language + "|" + RelativePath.folder(of: page.outputPath) + "|" + procedures.procedure(ofSource: page.source).slug
        key += "|\(page.isHome)|\(menuPosition)|\(page.reviewed != nil)|\(settings.baseURL != nil)"
        for link in own.languages { key += "|\(link.code):\(link.isTranslation):\(link.absolute != nil)" }
        return key
    }

    /// A page's whole context: what every page of its language and folder has, and its own values.
    private func context(_ page: Page, _ own: PageValues, menu: [MenuEntry], reads: Reads) -> [String: Any] {
        commonContext(language: page.language, outputPath: page.outputPath, current: page, languages: own.languages, menu: menu, reads: reads)
            .merging(own.entries) { _, pageValue in pageValue }
    }

    /// Values every template can use, for a page other than a content page (root, 404).
    func commonContext(language: String, outputPath: String, reads: Reads) -> [String: Any] {
        var values = LayoutValues(slots: nil)
        let languages = languageLinks(language: language, outputPath: outputPath, current: nil, values: &values, reads: reads)
        return commonContext(language: language, outputPath: outputPath, current: nil, languages: languages, menu: reads.menu(language), reads: reads)
    }

    /// Links to each language's version of the page (its translation, or that language's home page).
    private func languageLinks(language: String, outputPath: String, current: Page?, values: inout LayoutValues, reads: Reads) -> [LanguageLink] {
        settings.languages.compactMap { code -> LanguageLink? in
            let translation = current.flatMap { reads.translation(ofKey: $0.key, in: code) }
            guard let target = translation ?? reads.translation(ofKey: "index", in: code) else { return nil }
            let href = values.text(RelativePath.url(from: outputPath, to: target))
            return LanguageLink(code: code, name: strings[code]["language_name"] ?? code, href: href, current: code == language,
                                isTranslation: translation != nil,
                                absolute: settings.baseURL.map { values.text($0 + target) })
        }
    }

    /// Values every template can use: language, links back to the root, assets, clinic details, menu and languages.
    private func commonContext(language: String, outputPath: String, current: Page?, languages: [LanguageLink], menu: [MenuEntry],
                               reads: Reads) -> [String: Any] {
        let procedure = current.map { procedures.procedure(ofSource: $0.source) } ?? procedures.main
        // The main procedure's pages and the site's, and those of the page's own procedure: not every procedure's.
        let shown = menu.filter { entry in
            let owner = procedures.procedure(ofSource: entry.source).slug
            return owner == procedures.main.slug || owner == procedure.slug
        }
        let menuValues: [[String: Any]] = shown.map { entry in
            ["title": entry.title, "href": RelativePath.url(from: outputPath, to: entry.outputPath),
             "current": entry.source == current?.source]
        }
        let home = reads.translation(ofKey: "index", in: language)
        let alternates = languages.filter(\.isTranslation).map(\.context)
        let breadcrumbs = breadcrumbs(to: procedure, from: current, language: language, outputPath: outputPath, menu: menu)
        return [
            "lang": language,
            "root": RelativePath.toRoot(from: outputPath),
            "homeHref": home.map { RelativePath.url(from: outputPath, to: $0) } ?? "",
            "assets": assets.urls(from: outputPath),
            "clinic": clinicContext,
            "strings": strings[language],
            "recovery": recovery(of: procedure).byLanguage[language] ?? [:],
            "procedure": procedure.name(in: language),
            "procedures": current?.isHome == true ? procedureLinks(language: language, outputPath: outputPath, menu: menu) : [],
            "hasProcedures": !procedures.others.isEmpty,
            "breadcrumbs": breadcrumbs,
            "hasBreadcrumbs": !breadcrumbs.isEmpty,
            "menu": menuValues,
            "languages": languages.map(\.context),
            "alternates": alternates,
            "hasAlternates": alternates.count > 1,
        ]
    }

    /// On the pages of a procedure with a folder of its own: the home page, then the procedure (its first page in the
    /// menu; not a link on that page itself).
    private func breadcrumbs(to procedure: Procedures.Procedure, from current: Page?, language: String, outputPath: String,
                             menu: [MenuEntry]) -> [[String: Any]] {
        let home = "content/\(language)/index.md"
        guard procedure.hasFolder, current != nil, let homeEntry = menu.first(where: { $0.source == home }),
              let first = menu.first(where: { procedures.procedure(ofSource: $0.source).slug == procedure.slug }) else { return [] }
        var crumbs: [[String: Any]] = [["title": homeEntry.title, "href": RelativePath.url(from: outputPath, to: homeEntry.outputPath)]]
        crumbs.append(first.source == current?.source ? ["title": procedure.name(in: language)]
                      : ["title": procedure.name(in: language), "href": RelativePath.url(from: outputPath, to: first.outputPath)])
        return crumbs
    }

    /// Each procedure's name and a link to its first page in the menu (the home page left out), for the home page's
    /// list; only procedures with such a page in `language`.
    private func procedureLinks(language: String, outputPath: String, menu: [MenuEntry]) -> [[String: Any]] {
        guard !procedures.others.isEmpty else { return [] }
        let home = "content/\(language)/index.md"
        var first: [String: MenuEntry] = [:]
        for entry in menu where entry.source != home {
            let slug = procedures.procedure(ofSource: entry.source).slug
            if first[slug] == nil { first[slug] = entry }
        }
        return procedures.all.compactMap { procedure in
            first[procedure.slug].map { ["name": procedure.name(in: language), "href": RelativePath.url(from: outputPath, to: $0.outputPath)] }
        }
    }

    private func recovery(of procedure: Procedures.Procedure) -> RecoveryContext {
        if let known = recoveries.withLock({ $0[procedure.slug] }) { return known }
        let made = RecoveryContext(rules: procedure.rules, settings: settings, strings: strings, typography: typography)
        recoveries.withLock { $0[procedure.slug] = made }
        return made
    }

    private var clinicContext: [String: Any] {
        // Empty values are left out: for swift-mustache an empty string is still "set", so `{{#clinic.email}}`
        // would print an empty line.
        return ["name": settings.clinicName, "phone": settings.phone, "phoneHref": settings.phoneHref,
                "email": settings.email, "address": settings.address].filter { !$0.value.isEmpty }
    }
}
