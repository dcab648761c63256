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

    /// Fewer words than this give a grade that says little (the formulas were fitted on passages of 100 words or more).
    public static let wordsToGrade = 100

    /// Flesch–Kincaid grade level: 0.39 × words/sentence + 11.8 × syllables/word − 15.59, never below 0 (very short
    /// sentences of short words give negative numbers, which are no school grade).
    public static func fleschKincaidGrade(_ counts: Counts) -> Double {
        guard counts.sentences > 0, counts.words > 0 else { return 0 }
        return max(0, 0.39 * Double(counts.words) / Double(counts.sentences) + 11.8 * Double(counts.syllables) / Double(counts.words) - 15.59)
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
        sentencesWithWords(paragraph).map(\.text)
    }

    /// A sentence and its words, found once and used for every measure.
    struct Sentence {
        var text: String
        var words: [String]
    }

    /// The sentences of a paragraph, each with its words; sentences without words are left out.
    static func sentencesWithWords(_ paragraph: String) -> [Sentence] {
        var result: [Sentence] = []
        var current = ""
        var previous: Character = " "
        func finish() {
            let sentence = current.trimmingSpaces
            let found = words(sentence)
            if !found.isEmpty { result.append(Sentence(text: sentence, words: found)) }
            current = ""
        }
        for character in paragraph {
            if character.isWhitespace && ".!?…;:".contains(previous) && !current.isEmpty {
                finish()
            } else {
                current.append(character)
            }
            previous = character
        }
        finish()
        return result
    }

    /// The words of a text: runs of letters, digits, apostrophes and inner hyphens.
    public static func words(_ text: String) -> [String] {
        var result: [String] = []
        var current = ""
        for character in text {
            if character.isLetterOrDigit || ((character == "'" || character == "’" || character == "-") && !current.isEmpty) {
                current.append(character)
            } else if !current.isEmpty {
                result.append(current.trimmingCharacters(in: "-'’"))
                current = ""
            }
        }
        if !current.isEmpty { result.append(current.trimmingCharacters(in: "-'’")) }
        return result.filter { $0.contains { $0.isLetterOrDigit } }
    }

    /// Counts for a list of paragraphs.
    public static func counts(_ paragraphs: [String], language: String) -> Counts {
        counts(of: paragraphs.flatMap(sentencesWithWords), language: language)
    }

    /// Counts for sentences already split into words.
    static func counts(of sentences: [Sentence], language: String) -> Counts {
        var counts = Counts(sentences: 0, words: 0, syllables: 0, longWords: 0)
        for sentence in sentences {
            counts.sentences += 1
            counts.words += sentence.words.count
            for word in sentence.words {
                counts.syllables += syllables(word, language: language)
                if word.count(where: \.isLetterFast) > 6 { counts.longWords += 1 }
            }
        }
        return counts
    }

    /// Syllables in a word, by vowel groups with the common silent-letter rules of each language. An
    /// estimate, as in every readability tool without a dictionary; numbers count as one.
    public static func syllables(_ word: String, language: String) -> Int {
        let lower = word.lowercased()
        if lower.allSatisfy({ !$0.isLetterFast }) { return 1 }
        // Hyphenated words count part by part.
        if lower.utf8.contains(UInt8(ascii: "-")) {
            return lower.split(separator: "-").map { syllables(String($0), language: language) }.reduce(0, +)
        }
        return language == "fr" ? frenchSyllables(lower) : englishSyllables(lower)
    }

    private static func vowelGroups(_ word: String, isVowel: (Character) -> Bool) -> [(start: Int, text: String)] {
        var groups: [(Int, String)] = []
        var current = ""
        var start = 0
        for (index, character) in word.enumerated() {
            if isVowel(character) {
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
        let groups = vowelGroups(word, isVowel: isEnglishVowel)
        var count = groups.count
        // "ia", "io", "eo", "ua", "uo" are usually two syllables (Austral-i-an, vi-o-lent), but not in "-tion", "-cial".
        for group in groups where group.text.count >= 2 {
            // (Searched as bytes: with Foundation imported, String.contains(String) is a slow NSString search.)
            for pair in ["ia", "io", "eo", "ua", "uo", "iu"] where group.text.utf8.containsRun(pair.utf8) {
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

    private static func isEnglishVowel(_ character: Character) -> Bool {
        switch character.asciiValue {
        case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"), UInt8(ascii: "y"): return true
        default: return false
        }
    }

    private static let frenchAccentedVowels: Set<Character> = ["à", "â", "ä", "é", "è", "ê", "ë", "î", "ï", "ô", "ö", "û", "ù", "ü", "œ", "æ"]

    private static func isFrenchVowel(_ character: Character) -> Bool {
        character.isASCII ? isEnglishVowel(character) : frenchAccentedVowels.contains(character)
    }

    private static func frenchSyllables(_ word: String) -> Int {
        let groups = vowelGroups(word, isVowel: isFrenchVowel)
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

extension Collection where Element == UInt8 {
    /// Whether `run` appears in these bytes as a contiguous run. (The standard library's generic
    /// `contains(_:)` for collections made `clinicsite check` three times slower.)
    fileprivate func containsRun<Run: Collection>(_ run: Run) -> Bool where Run.Element == UInt8 {
        guard !run.isEmpty, count >= run.count else { return run.isEmpty }
        var start = startIndex
        while distance(from: start, to: endIndex) >= run.count {
            if self[start...].starts(with: run) { return true }
            formIndex(after: &start)
        }
        return false
    }
}

extension Character {
    /// `isLetter`, answered without a Unicode property lookup for ASCII, which is most of the text.
    fileprivate var isLetterFast: Bool {
        guard let ascii = asciiValue else { return isLetter }
        return (ascii | 0x20) >= UInt8(ascii: "a") && (ascii | 0x20) <= UInt8(ascii: "z")
    }

    /// `isLetter || isNumber`, the same way.
    fileprivate var isLetterOrDigit: Bool {
        guard let ascii = asciiValue else { return isLetter || isNumber }
        return ((ascii | 0x20) >= UInt8(ascii: "a") && (ascii | 0x20) <= UInt8(ascii: "z"))
            || (ascii >= UInt8(ascii: "0") && ascii <= UInt8(ascii: "9"))
    }
}
