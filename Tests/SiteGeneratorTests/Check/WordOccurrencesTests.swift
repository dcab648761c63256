import Testing
@testable import SiteGenerator

@Suite struct WordOccurrencesTests {
    @Test func wordsAndTheirHyphenPartsAreFoundWithTheirBytes() {
        let text = "post-hyperpigmentation (dark) and l’épiderme' then cafe\u{301} -x- hyperpigmentation."
        let index = WordOccurrences(text)
        func shown(_ word: String) -> [String] { index.places(of: word).map { String(decoding: index.bytes[$0], as: UTF8.self) } }
        #expect(shown("hyperpigmentation") == ["hyperpigmentation", "hyperpigmentation"])
        #expect(shown("post-hyperpigmentation") == ["post-hyperpigmentation"])
        #expect(shown("l’épiderme") == ["l’épiderme"])
        #expect(shown("cafe\u{301}") == ["cafe\u{301}"])
        #expect(shown("x") == ["x"])
        #expect(index.places(of: "pigmentation").isEmpty)
    }

    /// Every distinct long word is judged from the one index (its speed is measured in the notes of #11,
    /// not timed here).
    @Test func manyDistinctLongWordsAreJudgedInOnePass() {
        let letters = Array("bcdfghjklmnpqrstvwxz")
        let words = (0..<5_000).map { number in
            "unimaginabil" + String((0..<4).map { letters[(number / [1, 20, 400, 8000][$0]) % 20] })
        }
        let paragraphs = stride(from: 0, to: words.count, by: 10).map { words[$0..<min($0 + 10, words.count)].joined(separator: " ") + "." }
        let unexplained = ContentCheck.unexplainedLongWords(paragraphs + ["Unimaginabilbbbb (a made-up word) is explained."], language: "en")
        #expect(unexplained.count == 4_999)
        #expect(!unexplained.contains("unimaginabilbbbb"))
    }
}
