import Testing
@testable import SiteGenerator

/// Addresses and heading ids from titles: lowercase ASCII letters, digits and hyphens.
@Suite struct SlugTests {
    @Test(arguments: [
        ("Rougeur et guérison !", "rougeur-et-guerison"),
        ("  Jour 3 — œdème  ", "jour-3-deme"),
        ("Ça va ? Très bien.", "ca-va-tres-bien"),
        ("e\u{301}te\u{301}", "ete"),
        ("!!!", "page"),
        ("日本語", "page"),
    ])
    func titlesBecomeSlugs(title: String, slug: String) {
        #expect(Slug.make(from: title, fallback: "page") == slug)
    }

    /// The table of Latin letters gives, for every character it holds, what the slow path gives: the letter it
    /// decomposes to, or a break between words; and it holds no combining mark, which the slow path skips.
    @Test func theLatinTableIsTheSlowPathWorkedOut() throws {
        for value in Slug.LatinTable.range {
            let scalar = try #require(Unicode.Scalar(value))
            #expect(scalar.properties.generalCategory != .nonspacingMark, "U+\(String(value, radix: 16))")
            #expect(Slug.latinLetters.letter(for: scalar) == (Slug.asciiLetter(for: scalar) ?? 0), "U+\(String(value, radix: 16))")
        }
        #expect(Slug.latinLetters.letter(for: "a") == nil && Slug.latinLetters.letter(for: "\u{250}") == nil)
    }
}
