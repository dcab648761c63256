import Foundation
/// Turns titles and headings into URL- and id-safe words: lowercase ASCII letters, digits and hyphens.
enum Slug {
    /// "Rougeur et guérison !" becomes "rougeur-et-guerison"; text with no letters or digits gives `fallback`.
    static func make(from text: String, fallback: String) -> String {
        var slug = ""
        var pendingHyphen = false
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            if scalar.properties.generalCategory == .nonspacingMark { continue }
            let lower = scalar.properties.lowercaseMapping
            if lower.count == 1, let ascii = lower.unicodeScalars.first, ascii.isASCII,
               ascii.properties.isAlphabetic || ("0"..."9").contains(ascii) {
                if pendingHyphen && !slug.isEmpty { slug.append("-") }
                pendingHyphen = false
                slug.unicodeScalars.append(ascii)
            } else {
                pendingHyphen = true
            }
        }
        return slug.isEmpty ? fallback : slug
    }

    /// Whether `text` is already a valid slug (what `slug:` in front matter must be).
    static func isValid(_ text: String) -> Bool {
        !text.isEmpty && make(from: text, fallback: "") == text
    }
}
