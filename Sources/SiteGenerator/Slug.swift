import Foundation
/// Turns titles and headings into URL- and id-safe words: lowercase ASCII letters, digits and hyphens.
enum Slug {
    /// "Rougeur et guérison !" becomes "rougeur-et-guerison"; text with no letters or digits gives `fallback`.
    static func make(from text: String, fallback: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var pendingHyphen = false
        func keep(_ byte: UInt8) {
            if pendingHyphen && !bytes.isEmpty { bytes.append(UInt8(ascii: "-")) }
            pendingHyphen = false
            bytes.append(byte)
        }
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                let byte = UInt8(scalar.value)
                let lower = (byte >= 65 && byte <= 90) ? byte + 32 : byte
                if (lower >= 97 && lower <= 122) || (lower >= 48 && lower <= 57) { keep(lower) } else { pendingHyphen = true }
                continue
            }
            if scalar.properties.generalCategory == .nonspacingMark { continue }
            // An accented letter decomposes into its base letter and marks (é into e and an accent);
            // only such characters are decomposed, one at a time, since decomposing is slow.
            let base = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars.first ?? scalar
            let lower = base.properties.lowercaseMapping.unicodeScalars
            if lower.count == 1, let ascii = lower.first, ascii.isASCII,
               ascii.properties.isAlphabetic || ("0"..."9").contains(ascii) {
                keep(UInt8(ascii.value))
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
