/// Reading-level measures for patient text: Flesch–Kincaid grade for English, Kandel–Moles reading ease
/// (Flesch's formula refitted for French, 1958) for French, and LIX for both.
public enum Readability {
    /// Counts in a text.
    public struct Counts: Sendable, Equatable {
        /// Sentences.
        public var sentences: Int
        /// Words.
        public var words: Int
        /// Syllables, estimated.
        public var syllables: Int
        /// Words of more than six letters (for LIX).
        public var longWords: Int
    }

    /// Flesch–Kincaid grade level: 0.39 × words/sentence + 11.8 × syllables/word − 15.59.
    public static func fleschKincaidGrade(_ counts: Counts) -> Double {
        guard counts.sentences > 0, counts.words > 0 else { return 0 }
        return 0.39 * Double(counts.words) / Double(counts.sentences) + 11.8 * Double(counts.syllables) / Double(counts.words) - 15.59
    }

    /// Kandel–Moles reading ease (0 hard to 100 easy): 207 − 1.015 × words/sentence − 73.6 × syllables/word.
    public static func kandelMolesEase(_ counts: Counts) -> Double {
        guard counts.sentences > 0, counts.words > 0 else { return 100 }
        return 207 - 1.015 * Double(counts.words) / Double(counts.sentences) - 73.6 * Double(counts.syllables) / Double(counts.words)
    }

    /// LIX: words/sentence + 100 × long words/words (under 40 easy, over 50 hard).
    public static func lix(_ counts: Counts) -> Double {
        guard counts.sentences > 0, counts.words > 0 else { return 0 }
        return Double(counts.words) / Double(counts.sentences) + 100 * Double(counts.longWords) / Double(counts.words)
    }

    /// A reading ease (Flesch or Kandel–Moles scale) as a school grade, by Flesch's own table:
    /// 90–100 is grade 5, 80 grade 6, 70 grade 7, 60 grade 8–9, 50 grade 10–12, 30 and below college.
    public static func grade(fromEase ease: Double) -> Double {
        switch ease {
        case 90...: return 5
        case 60..<90: return 5 + (90 - ease) / 10
        case 30..<60: return 8 + (60 - ease) / 7.5
        default: return 12 + (30 - ease) / 10
        }
    }

    /// The school grade for a text in `language`: Flesch–Kincaid for English; for French, Kandel–Moles
    /// ease through Flesch's table. Other languages use the English formula.
    public static func grade(_ counts: Counts, language: String) -> Double {
        language == "fr" ? grade(fromEase: kandelMolesEase(counts)) : fleschKincaidGrade(counts)
    }

    /// Sentences of a paragraph: split after `.`, `!`, `?`, `…` or `;` followed by a space.
    public static func sentences(_ paragraph: String) -> [String] {
        var result: [String] = []
        var current = ""
        var previous: Character = " "
        for character in paragraph {
            if character.isWhitespace && ".!?…;:".contains(previous) && !current.isEmpty {
                let sentence = current.trimmingSpaces
                if words(sentence).count > 0 { result.append(sentence) }
                current = ""
            } else {
                current.append(character)
            }
            previous = character
        }
        let last = current.trimmingSpaces
        if !words(last).isEmpty { result.append(last) }
        return result
    }

    /// The words of a text: runs of letters, digits, apostrophes and inner hyphens.
    public static func words(_ text: String) -> [String] {
        var result: [String] = []
        var current = ""
        for character in text {
            if character.isLetter || character.isNumber || ((character == "'" || character == "’" || character == "-") && !current.isEmpty) {
                current.append(character)
            } else if !current.isEmpty {
                result.append(current.trimmingCharacters(in: "-'’"))
                current = ""
            }
        }
        if !current.isEmpty { result.append(current.trimmingCharacters(in: "-'’")) }
        return result.filter { $0.contains { $0.isLetter || $0.isNumber } }
    }

    /// Counts for a list of paragraphs.
    public static func counts(_ paragraphs: [String], language: String) -> Counts {
        var counts = Counts(sentences: 0, words: 0, syllables: 0, longWords: 0)
        for paragraph in paragraphs {
            for sentence in sentences(paragraph) {
                let found = words(sentence)
                counts.sentences += 1
                counts.words += found.count
                for word in found {
                    counts.syllables += syllables(word, language: language)
                    if word.filter(\.isLetter).count > 6 { counts.longWords += 1 }
                }
            }
        }
        return counts
    }

    /// Syllables in a word, by vowel groups with the common silent-letter rules of each language. An
    /// estimate, as in every readability tool without a dictionary; numbers count as one.
    public static func syllables(_ word: String, language: String) -> Int {
        let lower = word.lowercased()
        if lower.allSatisfy({ !$0.isLetter }) { return 1 }
        // Hyphenated words count part by part.
        if lower.contains("-") {
            return lower.split(separator: "-").map { syllables(String($0), language: language) }.reduce(0, +)
        }
        return language == "fr" ? frenchSyllables(lower) : englishSyllables(lower)
    }

    private static func vowelGroups(_ word: String, vowels: Set<Character>) -> [(start: Int, text: String)] {
        var groups: [(Int, String)] = []
        var current = ""
        var start = 0
        for (index, character) in word.enumerated() {
            if vowels.contains(character) {
                if current.isEmpty { start = index }
                current.append(character)
            } else if !current.isEmpty {
                groups.append((start, current))
                current = ""
            }
        }
        if !current.isEmpty { groups.append((start, current)) }
        return groups
    }

    private static func englishSyllables(_ word: String) -> Int {
        let letters = Array(word)
        let groups = vowelGroups(word, vowels: ["a", "e", "i", "o", "u", "y"])
        var count = groups.count
        // "ia", "io", "eo", "ua", "uo" are usually two syllables (Austral-i-an, vi-o-lent), but not in "-tion", "-cial".
        for group in groups where group.text.count >= 2 {
            for pair in ["ia", "io", "eo", "ua", "uo", "iu"] where group.text.contains(pair) {
                let before = group.start > 0 ? letters[group.start - 1] : " "
                if !(pair.hasPrefix("i") && "tcsgx".contains(before)) { count += 1 }
            }
        }
        // A final silent e (care, become), but not "-le" after a consonant (simple) or a lone vowel group.
        if word.hasSuffix("e") && count > 1 && !word.hasSuffix("le") && !word.hasSuffix("ee") && !word.hasSuffix("ye") {
            count -= 1
        } else if word.hasSuffix("le") && word.count > 2 && "aeiouy".contains(letters[letters.count - 3]) && count > 1 {
            count -= 1
        }
        // "-ed" is silent except after t or d (healed, treated).
        if word.hasSuffix("ed") && word.count > 3 && !"td".contains(letters[letters.count - 3]) && count > 1 { count -= 1 }
        // "-es" is silent except after s, x, z, ch, sh, ce, ge (scars vs. bruises).
        if word.hasSuffix("es") && word.count > 3 && count > 1 && !"sxzcg".contains(letters[letters.count - 3]) && !word.hasSuffix("hes") { count -= 1 }
        return max(count, 1)
    }

    private static func frenchSyllables(_ word: String) -> Int {
        let vowels: Set<Character> = ["a", "e", "i", "o", "u", "y", "à", "â", "ä", "é", "è", "ê", "ë", "î", "ï", "ô", "ö", "û", "ù", "ü", "œ", "æ"]
        let groups = vowelGroups(word, vowels: vowels)
        var count = groups.count
        // Final mute e, es and the verb ending ent (elle parle, ils parlent) are not pronounced.
        if count > 1 && (word.hasSuffix("e") || word.hasSuffix("es") || (word.hasSuffix("ent") && word.count > 4 && !word.hasSuffix("ment"))) {
            if let last = groups.last, last.text == "e" { count -= 1 }
        }
        return max(count, 1)
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: String) -> String {
        var text = Substring(self)
        while let first = text.first, set.contains(first) { text = text.dropFirst() }
        while let last = text.last, set.contains(last) { text = text.dropLast() }
        return String(text)
    }
}
