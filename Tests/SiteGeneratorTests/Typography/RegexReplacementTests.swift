import Foundation
import TestSupport
import Testing
@testable import SiteGenerator

/// Typesetting replaces matches from UTF-16 code units: a match may start inside a character (after a combining
/// accent), where Foundation's own replacement crashed the build.
@Suite struct RegexReplacementTests {
    @Test func aMatchStartingInsideACharacterIsReplaced() throws {
        let french = try TypographyTests.rules("fr")
        // Built outside #expect: its expansion mishandles a quote followed by a combining accent in a literal.
        let quote = "\"", accent = "\u{301}"
        let typeset = french.apply(quote + accent + "?d?")
        #expect(typeset == quote + accent + "\u{202F}?d\u{202F}?")
        #expect(french.apply("e\u{301}\u{301} ! Oui") == "e\u{301}\u{301}\u{202F}! Oui")
    }

    @Test func aFrenchPageWithACombiningAccentBuilds() throws {
        var files = try Fixture.shippedSources().files
        files["content/fr/accent.md"] = Data("\"\u{301}?d?\n".utf8)
        let site = try Fixture.build(SiteSources(files: files))
        #expect(Fixture.text(site, "fr/accent.html")?.contains("<p>\u{201C}\u{301}\u{202F}?d\u{202F}?</p>") == true)
    }

    /// The slow twin: on text whose matches start and end between characters, Foundation's replacement and this
    /// one agree, for every rule of both languages, on random texts.
    @Test func agreesWithFoundationWhereFoundationWorks() throws {
        var generator = SeededGenerator(state: 27)
        let pieces = ["Day 4", " ", "6 weeks", "jour 3", "1er décembre", "2026", " : ", ":", "?", "!", ";", "'", "«", "»", " - ",
                      "9 h–17 h", "Mon–Fri", "9 am", "mois", "2 à 6", "x", "é", "\u{A0}", "\u{202F}", "2e", "1re", "semaines", "Dec 1"]
        for language in ["en", "fr"] {
            let typography = try TypographyTests.rules(language)
            for _ in 0..<400 {
                let text = (0..<Int.random(in: 1...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
                for rule in typography.rules {
                    let foundation = NSMutableString(string: text)
                    let count = rule.expression.replaceMatches(in: foundation, options: [], range: NSRange(location: 0, length: foundation.length),
                                                               withTemplate: rule.replace)
                    #expect(RegexReplacement.replacing(rule.expression, in: text, with: rule.replace) == (count > 0 ? String(foundation) : nil),
                            "\(language) \(rule.find) on \(text.debugDescription)")
                }
            }
        }
    }

    @Test func templatesReadAsICUReadsThem() throws {
        let expression = try NSRegularExpression(pattern: "(a)(b)")
        #expect(RegexReplacement.replacing(expression, in: "xab", with: "[$2$1]") == "x[ba]")
        #expect(RegexReplacement.replacing(expression, in: "ab", with: "$10") == "a0", "group 10 does not exist: group 1, then 0")
        #expect(RegexReplacement.replacing(expression, in: "ab", with: "${2}0") == "b0")
        #expect(RegexReplacement.replacing(expression, in: "ab", with: "\\$1 costs $$") == "$1 costs $$")
        #expect(RegexReplacement.replacing(expression, in: "xy", with: "z") == nil)
    }

    /// The slow twin of a rule: Swift's own `Regex` on Unicode scalars, replacing through `String` with no UTF-16
    /// offsets at all.
    ///
    /// Swift's `\\b` follows Unicode's word boundaries, which count a curly apostrophe inside a word ("er’Dec"),
    /// where ICU's simple ones do not: the twin stands a private-use character, which is in no word, for it.
    static func twin(_ rule: Typography.Rule, _ text: String) throws -> String {
        let regex = try Regex(rule.find).matchingSemantics(.unicodeScalar)
        let parts = RegexReplacement.Template.parse(rule.replace, groups: rule.expression.numberOfCaptureGroups)
        let stand = "\u{E000}"
        return text.replacingOccurrences(of: "’", with: stand).replacing(regex) { match in
            parts.map { part -> String in
                switch part {
                case .text(let units): return String(decoding: units, as: UTF16.self)
                case .group(let number): return number < match.output.count ? match.output[number].substring.map(String.init) ?? "" : ""
                }
            }.joined()
        }.replacingOccurrences(of: stand, with: "’")
    }

    /// Typesetting equals its slow twin (every rule in order through Swift's `Regex`) on random text with
    /// combining marks, line and paragraph separators, C1 controls, emoji and every character a rule looks for.
    @Test(arguments: ["en", "fr"])
    func typesettingAgreesWithItsSlowTwin(language: String) throws {
        let typography = try TypographyTests.rules(language)
        var generator = SeededGenerator(state: 29)
        let pieces = ["\"", "'", "\u{301}", "\u{308}", "e\u{301}", "?", "!", ";", ":", "«", "»", " - ", "–", "-", " ", "\u{A0}", "\u{202F}",
                      "\u{2028}", "\u{2029}", "\u{85}", "\u{2060}", "😀", "👍🏽", "👨‍👩‍👧", "1", "12", "2026", "er", "re", "e", "h", "am", "pm",
                      "Day", "jour", "jours", "semaines", "mois", "déc.", "décembre", "Dec", "weeks", "à ", "x", "Ab", "\n", "9:30", "https://a.example"]
        for _ in 0..<1500 {
            let text = (0..<Int.random(in: 1...10, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            var slow = text
            for rule in typography.rules { slow = try Self.twin(rule, slow) }
            #expect(typography.apply(text) == slow, "\(language): \(text.debugDescription)")
        }
    }
}
