import Foundation

/// What search engines and link previews read about a page: schema.org JSON-LD (`MedicalWebPage`) and
/// Open Graph tags. Every value comes from the page's front matter and `site.yml`.
struct PageMetadata {
    let settings: Settings
    /// The procedures, for what a page is `about`; nil: the one `site.yml` names.
    var procedures: Procedures?

    /// The JSON-LD of `page`, safe inside `<script type="application/ld+json">`: `<`, `>` and `&` are written
    /// as `\u003c`, `\u003e`, `\u0026`, so no title can end the element or open a comment.
    func jsonLD(for page: Page) -> [UInt8] {
        // Written by hand, keys in sorted order, exactly as `JSONEncoder` with sorted keys and unescaped slashes
        // wrote it (a test compares the two): encoding each page through `Encodable` took a twentieth of a build.
        var json = JSONWriter()
        json.open()
        json.field("@context", "https://schema.org")
        json.field("@type", "MedicalWebPage")
        let procedure = page.procedure ?? procedures?.procedure(ofSource: page.source).name(in: page.language) ?? settings.procedure(in: page.language)
        if !procedure.isEmpty { json.object("about", [("@type", "MedicalProcedure"), ("name", procedure)]) }
        if !page.description.isEmpty { json.field("description", page.description) }
        json.field("inLanguage", page.language)
        if let reviewed = page.reviewed { json.field("lastReviewed", reviewed.iso) }
        json.field("name", page.title)
        var publisher = [("@type", "MedicalClinic")]
        if !settings.address.isEmpty { publisher.append(("address", settings.address)) }
        publisher.append(("name", settings.clinicName))
        if !settings.phone.isEmpty { publisher.append(("telephone", settings.phone)) }
        json.object("publisher", publisher)
        if let base = settings.baseURL { json.field("url", base + page.outputPath) }
        json.close()
        return json.bytes
    }

    /// Open Graph's `og:locale` form of a language code (`fr` → `fr_FR`); codes it does not know stay as they are.
    static func locale(_ language: String) -> String {
        locales[language] ?? language
    }

    /// Made once: building the table on every call cost a dictionary per page.
    private static let locales = ["en": "US", "fr": "FR", "de": "DE", "es": "ES", "it": "IT", "nl": "NL", "pt": "PT", "ar": "AR", "zh": "CN", "ja": "JP"]
        .reduce(into: [String: String]()) { $0[$1.key] = "\($1.key)_\($1.value)" }
}
