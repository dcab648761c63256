import Foundation

/// What search engines and link previews read about a page: schema.org JSON-LD (`MedicalWebPage`) and
/// Open Graph tags. Every value comes from the page's front matter and `site.yml`.
struct PageMetadata {
    let settings: Settings

    /// The JSON-LD of `page`, safe inside `<script type="application/ld+json">`: `<`, `>` and `&` are written
    /// as `\u003c`, `\u003e`, `\u0026`, so no title can end the element or open a comment.
    func jsonLD(for page: Page) -> [UInt8] {
        var publisher: [String: String] = ["@type": "MedicalClinic", "name": settings.clinicName]
        if !settings.phone.isEmpty { publisher["telephone"] = settings.phone }
        if !settings.address.isEmpty { publisher["address"] = settings.address }
        var data = WebPage(name: page.title, description: page.description.isEmpty ? nil : page.description, inLanguage: page.language,
                           lastReviewed: page.reviewed?.iso, publisher: publisher)
        let procedure = page.procedure ?? settings.procedure(in: page.language)
        if !procedure.isEmpty { data.about = ["@type": "MedicalProcedure", "name": procedure] }
        if let base = settings.baseURL { data.url = base + page.outputPath }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = (try? encoder.encode(data)) ?? Data("{}".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(json.count + 32)
        for byte in json {
            switch byte {
            case UInt8(ascii: "<"): bytes += Array("\\u003c".utf8)
            case UInt8(ascii: ">"): bytes += Array("\\u003e".utf8)
            case UInt8(ascii: "&"): bytes += Array("\\u0026".utf8)
            default: bytes.append(byte)
            }
        }
        return bytes
    }

    /// Open Graph's `og:locale` form of a language code (`fr` → `fr_FR`); codes it does not know stay as they are.
    static func locale(_ language: String) -> String {
        let territories = ["en": "US", "fr": "FR", "de": "DE", "es": "ES", "it": "IT", "nl": "NL", "pt": "PT", "ar": "AR", "zh": "CN", "ja": "JP"]
        return territories[language].map { "\(language)_\($0)" } ?? language
    }

    private struct WebPage: Encodable {
        var context = "https://schema.org"
        var type = "MedicalWebPage"
        var name: String
        var description: String?
        var inLanguage: String
        var lastReviewed: String?
        var publisher: [String: String]
        var about: [String: String]?
        var url: String?

        enum CodingKeys: String, CodingKey {
            case context = "@context", type = "@type", name, description, inLanguage, lastReviewed, publisher, about, url
        }
    }
}
