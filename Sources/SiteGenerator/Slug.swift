import Foundation
/// Turns titles and headings into URL- and id-safe words: lowercase ASCII letters, digits and hyphens.
enum Slug {
    /// "Rougeur et guérison !" becomes "rougeur-et-guerison"; text with no letters or digits gives `fallback`.
    static func make(from text: String, fallback: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return makeASCII(text, fallback: fallback) }
        var slug = ""
        var pendingHyphen = false
        // Decomposing (é into e and an accent) is slow, and most headings are plain ASCII.
        let source = text.utf8.allSatisfy { $0 < 0x80 } ? text : text.decomposedStringWithCanonicalMapping
        for scalar in source.unicodeScalars {
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

    /// The same rules on bytes, for the common all-ASCII case: the Unicode path allocates for every character.
    private static func makeASCII(_ text: String, fallback: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var pendingHyphen = false
        for byte in text.utf8 {
            let lower = (byte >= 65 && byte <= 90) ? byte + 32 : byte
            if (lower >= 97 && lower <= 122) || (lower >= 48 && lower <= 57) {
                if pendingHyphen && !bytes.isEmpty { bytes.append(45) }
                pendingHyphen = false
                bytes.append(lower)
            } else {
                pendingHyphen = true
            }
        }
        return bytes.isEmpty ? fallback : String(decoding: bytes, as: UTF8.self)
    }

    /// Whether `text` is already a valid slug (what `slug:` in front matter must be).
    static func isValid(_ text: String) -> Bool {
        !text.isEmpty && make(from: text, fallback: "") == text
    }
}
