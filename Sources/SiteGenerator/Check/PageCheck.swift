/// One page's report from `clinicsite check`.
public struct PageCheck: Sendable, Codable, Equatable {
    /// A sentence with its length, for the longest-sentences list.
    public struct Sentence: Sendable, Codable, Equatable {
        /// How many words it has.
        public var words: Int
        /// The sentence as written.
        public var text: String
    }

    /// The page's source, such as `content/en/healing.md`.
    public var file: String
    /// Its language code.
    public var language: String
    /// Its title.
    public var title: String
    /// Words of prose (headings and code left out).
    public var words: Int
    /// Sentences of prose.
    public var sentences: Int
    /// The school grade of the text (see `measure`).
    public var grade: Double
    /// "Flesch–Kincaid grade" or "Kandel–Moles reading ease".
    public var measure: String
    /// The Kandel–Moles reading ease, for French pages.
    public var ease: Double?
    /// The LIX score (under 40 easy, over 50 hard).
    public var lix: Double
    /// The three longest sentences, longest first.
    public var longestSentences: [Sentence]
    /// Words of more than three syllables that the page never explains.
    public var unexplainedWords: [String]
    /// The `reviewed:` date, `YYYY-MM-DD`.
    public var reviewed: String?
    /// Whole months since that review.
    public var reviewAgeMonths: Int?
    /// When the next review falls due (`reviewed` plus `review_months`), `YYYY-MM-DD`; the page is overdue after it.
    public var reviewDue: String?
    /// What is above the targets, in words.
    public var warnings: [String]
}
