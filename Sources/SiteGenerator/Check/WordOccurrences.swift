/// Where each word of a text appears, found in one pass, so that looking up many distinct words costs
/// no more than reading the text once (searching the text again for every word made `check` quadratic).
///
/// Words are split as `Readability.words` splits them; a hyphenated word is also listed under each of its
/// parts, so "hyperpigmentation" is found inside "post-hyperpigmentation".
struct WordOccurrences {
    /// The text's UTF-8 bytes, for looking at what surrounds each occurrence.
    let bytes: [UInt8]
    private var places: [String: [Range<Int>]] = [:]

    init(_ text: String) {
        bytes = Array(text.utf8)
        var wordStart: Int?
        var partStart = 0
        var offset = 0
        var parts: [Range<Int>] = []
        func close(at end: Int) {
            guard let start = wordStart else { return }
            let last = trimmedEnd(start: start, end: end)
            parts.append(partStart..<max(partStart, last))
            record(start..<last)
            for part in parts where !part.isEmpty && part != start..<last { record(part) }
            parts.removeAll(keepingCapacity: true)
            wordStart = nil
        }
        for scalar in text.unicodeScalars {
            let width = UTF8.width(scalar)
            if Self.isWordScalar(scalar) {
                if wordStart == nil { wordStart = offset; partStart = offset }
            } else if wordStart != nil, scalar == "-" {
                parts.append(partStart..<offset)
                partStart = offset + width
            } else if wordStart == nil || !(scalar == "'" || scalar == "’") {
                close(at: offset)
            }
            offset += width
        }
        close(at: offset)
    }

    /// Every place `word` appears as a word or as part of a hyphenated word.
    func places(of word: String) -> [Range<Int>] {
        places[word] ?? []
    }

    private mutating func record(_ range: Range<Int>) {
        guard !range.isEmpty else { return }
        places[String(decoding: bytes[range], as: UTF8.self), default: []].append(range)
    }

    /// The end of a word once trailing hyphens and apostrophes are dropped (as `Readability.words` does).
    private func trimmedEnd(start: Int, end: Int) -> Int {
        let curly = Array("’".utf8)
        var last = end
        while last > start {
            if bytes[last - 1] == UInt8(ascii: "-") || bytes[last - 1] == UInt8(ascii: "'") {
                last -= 1
            } else if last - start >= curly.count, bytes[(last - curly.count)..<last].elementsEqual(curly) {
                last -= curly.count
            } else {
                break
            }
        }
        return last
    }

    /// Letters, digits and the marks that combine with them (an accent written as a second code point).
    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        switch properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber, .nonspacingMark, .spacingMark, .enclosingMark:
            return true
        default:
            return false
        }
    }
}
