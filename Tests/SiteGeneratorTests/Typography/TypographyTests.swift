import Foundation
import TestSupport
import Testing
@testable import SiteGenerator

/// Each shipped typography rule, with the exact bytes it gives (U+00A0 no-break space, U+202F narrow one).
@Suite struct TypographyTests {
    static func rules(_ language: String) throws -> Typography {
        var log = DiagnosticLog()
        let loaded = TypographyFile.load(sources: try Fixture.shippedSources(), languages: [language], log: &log)
        #expect(log.diagnostics.isEmpty)
        return try #require(loaded[language])
    }

    @Test(arguments: [
        ("l'eau et l'air", "l’eau et l’air"),
        ("Vraiment ?", "Vraiment\u{202F}?"),
        ("Vraiment?", "Vraiment\u{202F}?"),
        ("Oui ; non !", "Oui\u{202F}; non\u{202F}!"),
        ("Quoi ?!", "Quoi\u{202F}?!"),
        ("Nom : Ann", "Nom\u{A0}: Ann"),
        ("Nom: Ann", "Nom\u{A0}: Ann"),
        ("à 10:30 sur https://x.example", "à 10:30 sur https://x.example"),
        ("« creux »", "«\u{202F}creux\u{202F}»"),
        ("«creux»", "«\u{202F}creux\u{202F}»"),
        ("rides - cicatrices", "rides\u{A0}– cicatrices"),
        ("du Jour 1 au jour 3", "du Jour\u{A0}1 au jour\u{A0}3"),
        (" : après un lien", "\u{A0}: après un lien"),
        ("6 semaines, 2 à 6 mois", "6\u{A0}semaines, 2\u{A0}à 6\u{A0}mois"),
        ("mardi 1er décembre 2026", "mardi 1\u{1D49}\u{02B3}\u{A0}décembre 2026"),
        ("la 1re et la 2e séance", "la 1\u{02B3}\u{1D49} et la 2\u{1D49}\u{A0}séance"),
        ("Téléphone: 01", "Téléphone\u{A0}: 01"),
        ("mar. 12 janv. 2027", "mar. 12\u{A0}janv. 2027"),
        ("en 2026 la clinique", "en 2026 la clinique"),
    ])
    func french(input: String, expected: String) throws {
        let french = try Self.rules("fr")
        #expect(french.apply(input) == expected)
        #expect(french.apply(expected) == expected, "applying twice changes nothing")
    }

    @Test(arguments: [
        ("isn't it", "isn’t it"),
        ("from Day 4", "from Day\u{A0}4"),
        ("6 weeks, 2 to 6 months", "6\u{A0}weeks, 2 to 6\u{A0}months"),
        ("Tue, Dec 1", "Tue, Dec\u{A0}1"),
        ("Tuesday, December 1, 2026", "Tuesday, December\u{A0}1, 2026"),
        ("Questions? Call: 555", "Questions? Call: 555"),
        ("micro-needling - what it is", "micro-needling – what it is"),
    ])
    func english(input: String, expected: String) throws {
        let english = try Self.rules("en")
        #expect(english.apply(input) == expected)
        #expect(english.apply(expected) == expected)
    }

    @Test func markdownTextIsSetButCodeAddressesAndRawHTMLAreNot() throws {
        let french = try Self.rules("fr")
        let markdown = "# Qu'est-ce que c'est ?\n\nUn [lien](https://x.example/?a=b) : `l'eau ?` et <span title=\"l'a ?\">l'a</span>.\n\n    code ' ?\n"
        let document = CmarkDocument(markdown: markdown, typography: french)
        #expect(document.headings.first?.text == "Qu’est-ce que c’est\u{202F}?")
        #expect(document.headings.first?.id == "qu-est-ce-que-c-est")
        let html = document.renderHTML(allowRawHTML: true)
        #expect(html.contains("<h1 id=\"qu-est-ce-que-c-est\">Qu’est-ce que c’est\u{202F}?</h1>"))
        #expect(html.contains("<a href=\"https://x.example/?a=b\">lien</a>\u{A0}: <code>l'eau ?</code> et <span title=\"l'a ?\">l’a</span>."))
        #expect(html.contains("<pre><code>code ' ?\n</code></pre>"))
    }

    @Test func aBrokenRuleIsReportedAtItsLine() {
        var files = (try? Fixture.shippedSources().files) ?? [:]
        files["templates/typography/fr.yml"] = Data("- name: ok\n  find: a\n  replace: b\n- name: broken\n  find: \"(unclosed\"\n  replace: x\n".utf8)
        var log = DiagnosticLog()
        _ = TypographyFile.load(sources: SiteSources(files: files), languages: ["fr"], log: &log)
        #expect(log.diagnostics.map(\.description).first?.hasPrefix("templates/typography/fr.yml:4:3: error: the pattern '(unclosed' is not a valid regular expression") == true,
                "\(log.diagnostics)")
    }

    @Test(arguments: [
        ("\\b(Days?) (\\d)", ["Day"]),
        ("(\\d) (weeks?|months?|days?)\\b", ["week", "month", "day"]),
        ("(\\p{L})'(\\p{L})", ["'"]),
        (" - ", [" - "]),
        ("\\b([Jj]ours?) (\\d)", ["our"]),
        ("(janv\\.|mai) (\\d{4})", ["janv.", "mai"]),
        ("ab*c", ["a"]),
        ("x(?=abc)", ["x"]),
        ("(?:abc)+d", ["abc"]),
        ("[a-z]{2,}q", ["q"]),
        ("«[ \\u00A0\\u202F]*", ["«"]),
    ])
    func requiredTextIsReadFromThePattern(pattern: String, expected: [String]) {
        #expect(RequiredText.anyOf(pattern: pattern) == expected.map { Array($0.utf8) })
    }

    @Test(arguments: ["(?i)day", "\\Qa\\E", "(a)\\1", "a|b*", "x?", "\\u00A0x", "\\N{SPACE}", "(?<name>x)", "[]a]", "(ab", "a{2"])
    func patternsItDoesNotUnderstandPromiseNothing(pattern: String) {
        #expect(RequiredText.anyOf(pattern: pattern) == nil)
    }

    /// Rules skipped by their `when` and required text, and results kept for short texts, give what running every
    /// rule in order gives.
    @Test(arguments: ["en", "fr"])
    func skippingRulesChangesNothing(language: String) throws {
        let typography = try Self.rules(language)
        let pieces = ["Day", "days", " ", "4", "12", "'", "l'", " - ", "-", "week", "months", "Dec", "janv.", "2027", "jour", "Jours",
                      "1er", "«", "»", ":", "?", "!", ";", "é", "\u{A0}", "mois", "semaine", "x", "Ab", ".", "%", "à "]
        var generator = SeededGenerator(state: 7)
        for _ in 0..<3000 {
            let text = (0..<Int.random(in: 1...8, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            var expected = text
            for rule in typography.rules {
                let mutable = NSMutableString(string: expected)
                _ = rule.expression.replaceMatches(in: mutable, options: [], range: NSRange(location: 0, length: mutable.length), withTemplate: rule.replace)
                expected = String(mutable)
            }
            // Twice: a short text's second result comes from the memo (`Typography.apply`), its twin from the rules.
            for _ in 0..<2 { #expect(typography.apply(text) == expected, Comment(rawValue: text.debugDescription)) }
        }
    }

    /// Opening hours hold together: a time and its unit, and the words or numbers either side of a dash.
    @Test func openingHoursAreOnePhrasePerSpan() {
        #expect(OpeningHours.typeset("lun.–ven. 9 h–17 h 30, sam. 9 h–13 h")
                == "lun.\u{2060}–\u{2060}ven. 9\u{A0}h\u{2060}–\u{2060}17\u{A0}h 30, sam. 9\u{A0}h\u{2060}–\u{2060}13\u{A0}h")
        #expect(OpeningHours.typeset("Mon–Fri 9 am–5 PM, Sat 9 am – 1 pm") == "Mon\u{2060}–\u{2060}Fri 9\u{A0}am\u{2060}–\u{2060}5\u{A0}PM, Sat 9\u{A0}am – 1\u{A0}pm")
        #expect(OpeningHours.typeset("open 7 days, 24 hours") == "open 7 days, 24 hours")
        let once = OpeningHours.typeset("9 h–17 h")
        #expect(OpeningHours.typeset(once) == once, "applying twice changes nothing")
    }
}
