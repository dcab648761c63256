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
            if let letter = latinLetters.letter(for: scalar) {
                if letter == 0 { pendingHyphen = true } else { keep(letter) }
                continue
            }
            if scalar.properties.generalCategory == .nonspacingMark { continue }
            if let letter = asciiLetter(for: scalar) { keep(letter) } else { pendingHyphen = true }
        }
        return bytes.isEmpty ? fallback : String(decoding: bytes, as: UTF8.self)
    }

    /// The ASCII letter or digit an accented character stands for (é gives e), or nil.
    static func asciiLetter(for scalar: Unicode.Scalar) -> UInt8? {
        // An accented letter decomposes into its base letter and marks (é into e and an accent).
        let base = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars.first ?? scalar
        let lower = base.properties.lowercaseMapping.unicodeScalars
        guard lower.count == 1, let ascii = lower.first, ascii.isASCII,
              ascii.properties.isAlphabetic || ("0"..."9").contains(ascii) else { return nil }
        return UInt8(ascii.value)
    }

    /// `asciiLetter` worked out once for the Latin letters of U+0080 to U+024F (French, and most
    /// European languages), because decomposing a character is slow and headings are full of them: 2 % of a
    /// 10,000-page build's CPU without it (docs/benchmarks.md). `asciiLetter` is its slow twin.
    static let latinLetters = LatinTable()

    struct LatinTable: Sendable {
        static let range: ClosedRange<UInt32> = 0x80...0x24F
        /// 0 where the character is not a letter or digit.
        let letters: [UInt8] = range.map { value in
            // The range holds no combining marks, which `make` skips rather than treats as a break.
            guard let scalar = Unicode.Scalar(value) else { return 0 }
            return Slug.asciiLetter(for: scalar) ?? 0
        }

        func letter(for scalar: Unicode.Scalar) -> UInt8? {
            Self.range.contains(scalar.value) ? letters[Int(scalar.value - Self.range.lowerBound)] : nil
        }
    }

    /// Whether `text` is already a valid slug (what `slug:` in front matter must be).
    static func isValid(_ text: String) -> Bool {
        !text.isEmpty && make(from: text, fallback: "") == text
    }
}
