import Foundation
import RecoverySchedule
import TestSupport
import Testing
@testable import SiteGenerator

@Suite struct ReadabilityTests {
    /// Wikipedia's Flesch–Kincaid example: "The Australian platypus is seemingly a hybrid of a mammal and
    /// reptilian creature." has 13 words and 26 syllables in 1 sentence, grade 13.1.
    @Test func fleschKincaidMatchesThePublishedExample() {
        let counts = Readability.counts(["The Australian platypus is seemingly a hybrid of a mammal and reptilian creature."], language: "en")
        #expect(counts.sentences == 1 && counts.words == 13 && counts.syllables == 26)
        #expect((Readability.fleschKincaidGrade(counts) * 10).rounded() / 10 == 13.1)
    }

    @Test func kandelMolesAndLIXFormulas() {
        // Kandel & Moles (1958): 207 − 1.015 × (words / sentences) − 73.6 × (syllables / words).
        let counts = Readability.Counts(sentences: 5, words: 100, syllables: 150, longWords: 20)
        #expect(abs(Readability.kandelMolesEase(counts) - 76.3) < 0.001)
        // Björnsson's LIX: words per sentence plus the percentage of words longer than six letters.
        #expect(abs(Readability.lix(counts) - 40) < 0.001)
        #expect(Readability.grade(fromEase: 95) == 5)
        #expect(Readability.grade(fromEase: 60) == 8)
        #expect(Readability.grade(fromEase: 30) == 12)
    }

    @Test(arguments: [("Australian", 4), ("reptilian", 4), ("creature", 2), ("collagen", 3), ("inflammation", 4), ("treated", 2), ("needed", 2),
                      ("healed", 1), ("simple", 2), ("care", 1), ("days", 1), ("scratches", 2), ("fibroblasts", 3), ("nation", 2)])
    func englishSyllables(word: String, expected: Int) {
        #expect(Readability.syllables(word, language: "en") == expected)
    }

    @Test(arguments: [("cicatrice", 3), ("peau", 1), ("guérison", 3), ("rougeur", 2), ("parlent", 1), ("moment", 2),
                      ("pommade", 2), ("élastine", 3), ("traitée", 2)])
    func frenchSyllables(word: String, expected: Int) {
        #expect(Readability.syllables(word, language: "fr") == expected)
    }

    @Test func sentencesAndWords() {
        #expect(Readability.sentences("One two. Three four! Five? Six") == ["One two.", "Three four!", "Five?", "Six"])
        #expect(Readability.words("L’épiderme (the outer-layer) — 3 days, isn't it?") == ["L’épiderme", "the", "outer-layer", "3", "days", "isn't", "it"])
    }

    @Test func hardPageAndOldReviewAreWarnings() throws {
        let sentence = "Notwithstanding considerable methodological heterogeneity, dermatological investigations demonstrate significantly improved cicatricial morphology characteristics subsequently. "
        let hard = "---\ntitle: Hard\nreviewed: 2024-01-01\n---\n# Hard\n\n" + String(repeating: sentence, count: 8) + "\n"
        let sources = Fixture.site(pages: ["content/en/hard.md": hard, "content/en/index.md": "---\nreviewed: 2026-10-01\n---\n# Home\n\nShort and plain. It is easy to read.\n"])
        let report = try ContentCheck.run(sources: sources, today: Fixture.today)
        let page = try #require(report.pages.first { $0.file == "content/en/hard.md" })
        #expect(page.grade > 8)
        #expect(page.reviewAgeMonths == 34)
        #expect(page.unexplainedWords.contains("methodological"))
        #expect(report.warnings.map(\.location).contains("content/en/hard.md:1"))
        #expect(report.warnings.contains { $0.message.hasPrefix("the reading level is grade") })
        #expect(report.warnings.contains { $0.message.contains("medical review was on 2024-01-01") })
        let home = try #require(report.pages.first { $0.file == "content/en/index.md" })
        #expect(home.warnings.isEmpty && home.grade <= 8)
    }

    /// A grade is never below 0, and a page too short to grade gets no reading-level warning however it reads.
    @Test func shortPagesAreNotGraded() throws {
        #expect(Readability.fleschKincaidGrade(.init(sentences: 3, words: 3, syllables: 3, longWords: 0)) == 0)
        let short = "---\nreviewed: 2026-10-01\n---\n# Short\n\nNotwithstanding considerable methodological heterogeneity, dermatological investigations demonstrate.\n"
        let report = try ContentCheck.run(sources: Fixture.site(pages: ["content/en/index.md": short]), today: Fixture.today)
        #expect(!report.warnings.contains { $0.code == .readingLevel })
        #expect(try #require(report.pages.first).words < Readability.wordsToGrade)
    }

    @Test func explainedWordsAreNotReported() {
        let words = ContentCheck.unexplainedLongWords(["The dermis (the middle layer) is here.",
                                                        "A layer called the epidermis. Inflammation is redness. Fibroblastocytes go here."], language: "en")
        #expect(words == ["fibroblastocytes"])
    }

    @Test func shippedContentMeetsTheDefaults() throws {
        let report = try ContentCheck.run(sources: try Fixture.shippedSources(), today: Fixture.today)
        #expect(report.pages.count == 8)
        for page in report.pages { #expect(page.warnings.isEmpty, "\(page.file): \(page.warnings)") }
        // The shipped site is the example clinic: its contact details are the only warnings, one per detail, at its line.
        #expect(report.warnings.map(\.location) == ["content/site.yml:5", "content/site.yml:6", "content/site.yml:7"])
        #expect(report.warnings.allSatisfy { $0.code == .exampleContact })
    }
}
