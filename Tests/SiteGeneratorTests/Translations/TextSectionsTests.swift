import TestSupport
import Testing
@testable import SiteGenerator

/// A page cut into what a translator works through, and the record that keeps it.
@Suite struct TextSectionsTests {
    static let page = """
        ---
        title: Healing
        description: Day by day.
        reviewed: 2026-11-26
        ---
        Before any heading.

        # Healing

        Redness lasts 3 days.

        ```
        # not a heading
        ```

        Setext heading
        --------------

        Pink skin.

        """

    @Test func sectionsFollowHeadingsAsCmarkSeesThem() throws {
        let sections = try TextSections(file: "content/en/healing.md", text: Self.page).sections
        #expect(sections.map(\.heading) == [TextSections.frontMatter, TextSections.opening, "Healing", "Setext heading"])
        #expect(sections.map(\.line) == [1, 6, 8, 16])
        #expect(sections[0].text == "title: Healing\ndescription: Day by day.")
        #expect(sections[2].text == "# Healing\n\nRedness lasts 3 days.\n\n```\n# not a heading\n```")
        #expect(sections[3].text == "Setext heading\n--------------\n\nPink skin.")
    }

    @Test func aRecordReadsBackWhatItWrote() throws {
        let sections = try TextSections(file: "content/en/healing.md", text: Self.page + "\nnull\n\n  indented: \"quoted\" # text\n").sections
        let record = TranslationRecord(translation: "content/fr/healing.md", source: "content/en/healing.md", recorded: Fixture.today,
                                       sourcePrint: Fingerprint(text: "a"), translationPrint: Fingerprint(text: "b"), sections: sections)
        let yaml = record.yaml
        #expect(yaml.hasPrefix("# What content/fr/healing.md was translated from"))
        #expect(yaml.contains("  text: |-\n    # Healing\n\n    Redness lasts 3 days.\n"))
        #expect(try TranslationRecord(text: yaml, file: TranslationRecord.path(for: "content/fr/healing.md")) == record)
        #expect(TranslationRecord.path(for: "content/fr/care/ointment.md") == "content/translations/fr/care/ointment.md.yml")
        #expect(TranslationRecord.translation(ofRecord: "content/translations/blocks/fr/call.md.yml") == "content/blocks/fr/call.md")
    }

    @Test func theHeaderScanAgreesWithReadingTheRecord() throws {
        // Texts that make Yams quote or fold: hex that reads as a number, paths with spaces and colons, quotes.
        var generator = SystemRandomNumberGenerator()
        for round in 0..<200 {
            let path = ["content/fr/a b: c.md", "content/fr/'q'.md", "content/fr/#x.md", "content/fr/p\(round).md"][round % 4]
            let prints = (0..<2).map { _ in Fingerprint(text: String(UInt64.random(in: 0...UInt64.max, using: &generator))) }
            let sections = try TextSections(file: "content/en/a.md", text: "# Title \(round)\n\nText: \"\(round)\" 'x'\n").sections
            let record = TranslationRecord(translation: path, source: "content/en/a.md", recorded: Fixture.today.adding(days: round),
                                           sourcePrint: prints[0], translationPrint: prints[1], sections: sections)
            let read = try TranslationRecord(text: record.yaml, file: "r.yml")
            #expect(TranslationRecord.header(scanning: record.yaml) == read.header && read == record, "\(record.yaml)")
        }
        // A record edited into another shape is not scanned: it is read whole.
        #expect(TranslationRecord.header(scanning: "recorded: 2026-11-26\nsource_print: abc\n") == nil)
        #expect(TranslationRecord.header(scanning: "{recorded: 2026-11-26}\n") == nil)
    }

    @Test func aDamagedRecordSaysWhereAndWhat() {
        let error = #expect(throws: DiagnosticError.self) {
            try TranslationRecord(text: "translation: content/fr/a.md\nsource: content/en/a.md\nrecorded: 2026-13-01\n", file: "content/translations/fr/a.md.yml")
        }
        #expect(error?.diagnostics.first?.location == "content/translations/fr/a.md.yml:3:11")
    }
}
