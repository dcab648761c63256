import Foundation
import TestSupport
import Testing
@testable import SiteGenerator

/// Translations judged against what they were translated from: a changed number stops the build, a reworded
/// sentence warns, a page never recorded warns with the command to run.
@Suite struct TranslationCheckTests {
    static let english = "---\ntitle: Healing\n---\n# Healing\n\nSome words.\n\n## Redness\n\nThe redness lasts 3 to 4 days.\n\n## Sun\n\nAvoid the sun.\n"
    static let french = "---\ntitle: Guérison\n---\n# Guérison\n\nQuelques mots.\n\n## Rougeur\n\nLa rougeur dure 3 à 4 jours.\n\n## Soleil\n\nÉvitez le soleil.\n"

    /// The fixture site with a healing page in both languages, recorded as translated.
    static func recordedSite() throws -> SiteSources {
        var sources = Fixture.site(pages: ["content/en/healing.md": english, "content/fr/healing.md": french])
        for record in try TranslationRecording.records(for: ["fr"], sources: sources, onlyWording: false, today: Fixture.today) {
            sources.files[record.path] = Data(record.text.utf8)
        }
        return sources
    }

    @Test func aRecordedSiteBuildsWithoutTranslationWarnings() throws {
        let sources = try Self.recordedSite()
        #expect(Set(sources.files.keys.filter { $0.hasPrefix("content/translations/") })
                == ["content/translations/fr/healing.md.yml", "content/translations/fr/index.md.yml", "content/translations/strings/fr.yml"])
        let site = try Fixture.build(sources)
        #expect(site.warnings.filter { [.translationBehind, .translationUnrecorded].contains($0.code) } == [])
        #expect(!site.files.contains { $0.path.contains("translations") }, "records are never published")
    }

    @Test func aChangedNumberInTheSourceStopsTheBuildAtTheTranslatedSection() throws {
        var sources = try Self.recordedSite()
        sources.files["content/en/healing.md"] = Data(Self.english.replacingOccurrences(of: "3 to 4 days", with: "3 to 5 days").utf8)
        let error = #expect(throws: DiagnosticError.self) { try Fixture.build(sources) }
        let problems = error?.diagnostics.filter { $0.code == .translationBehind } ?? []
        #expect(problems.map(\.description) == ["""
            content/fr/healing.md:8: error: section “Redness” of content/en/healing.md changed since this translation was recorded on 2026-11-26, \
            and the change touches a number, date or contact: …The redness lasts 3 to [-4-]{+5+} days.…
                hint: bring the change into this page (content/en/healing.md:8), then run: clinicsite translated fr/healing.md
            """])
        // Translated and recorded again, it builds.
        sources.files["content/fr/healing.md"] = Data(Self.french.replacingOccurrences(of: "3 à 4 jours", with: "3 à 5 jours").utf8)
        let refused = #expect(throws: DiagnosticError.self) {
            try TranslationRecording.records(for: ["fr/healing.md"], sources: sources, onlyWording: true, today: Fixture.today)
        }
        #expect(refused?.diagnostics.first?.hint?.hasPrefix("--only-wording is for changes of wording") == true)
        for record in try TranslationRecording.records(for: ["fr/healing.md"], sources: sources, onlyWording: false, today: Fixture.today) {
            sources.files[record.path] = Data(record.text.utf8)
        }
        #expect(throws: Never.self) { try Fixture.build(sources) }
    }

    @Test func anUntranslatedNumberCannotBeRecorded() throws {
        var sources = try Self.recordedSite()
        sources.files["content/en/healing.md"] = Data(Self.english.replacingOccurrences(of: "Avoid the sun.", with: "Avoid the sun for 2 weeks.").utf8)
        let refused = #expect(throws: DiagnosticError.self) {
            try TranslationRecording.records(for: ["fr"], sources: sources, onlyWording: false, today: Fixture.today)
        }
        #expect(refused?.diagnostics.map(\.location) == ["content/fr/healing.md:12"])
        #expect(refused?.diagnostics.first?.hint == "this page did not change since the last record: bring this change into it first, then run the command again")
    }

    @Test func aRewordedSourceIsAWarningAndOnlyWordingAcknowledgesIt() throws {
        var sources = try Self.recordedSite()
        sources.files["content/en/healing.md"] = Data(Self.english.replacingOccurrences(of: "Some words.", with: "A few words.").utf8)
        let site = try Fixture.build(sources)
        let warnings = site.warnings.filter { $0.code == .translationBehind }
        #expect(warnings.map(\.location) == ["content/fr/healing.md:4"])
        #expect(warnings.first?.message == "section “Healing” of content/en/healing.md changed since this translation was recorded on 2026-11-26: …# Healing [-Some-]{+A few+} words.…")
        for record in try TranslationRecording.records(for: ["fr/healing.md"], sources: sources, onlyWording: true, today: Fixture.today) {
            sources.files[record.path] = Data(record.text.utf8)
        }
        #expect(try Fixture.build(sources).warnings.filter { $0.code == .translationBehind } == [])
    }

    @Test func sectionsAddedRemovedAndRenamedAreNamed() throws {
        let sources = try Self.recordedSite()
        let english = Self.english.replacingOccurrences(of: "## Sun\n\nAvoid the sun.\n", with: "## Calling us\n\nCall within 2 days.\n\n## Make-up\n\nNone.\n")
        let status = try #require(try TranslationCheck.status(of: "content/fr/healing.md", text: Self.french, sourceLanguage: "en") { path in
            path == "content/en/healing.md" ? Data(english.utf8) : sources.bytes(path)
        })
        #expect(status.changes.map { "\($0.kind) \($0.heading) \($0.diff.touchesNumbers)" } == ["added Calling us true", "added Make-up false", "removed Sun false"])
        let messages = status.diagnostics.map(\.message)
        #expect(messages.first?.hasPrefix("section “Calling us” was added to content/en/healing.md") == true)
        #expect(messages.first?.hasSuffix("{+## Calling us Call within 2 days.+}…") == true)
        #expect(messages.last?.hasPrefix("section “Sun” was removed from content/en/healing.md") == true)
        // A heading renamed, as many sections as before: one section changed, named as it is now.
        let renamed = Self.english.replacingOccurrences(of: "## Sun", with: "## Sunlight")
        let again = try #require(try TranslationCheck.status(of: "content/fr/healing.md", text: Self.french, sourceLanguage: "en") { path in
            path == "content/en/healing.md" ? Data(renamed.utf8) : sources.bytes(path)
        })
        #expect(again.changes.map { "\($0.kind) \($0.heading) \($0.translationLine)" } == ["changed Sunlight 12"])
    }

    @Test func interfaceTextIsJudgedKeyByKey() throws {
        var sources = try Self.recordedSite()
        let english = Fixture.strings.replacingOccurrences(of: "\nmenu: Main menu\n", with: "\nmenu: The menu\n")
        #expect(english != Fixture.strings)
        sources.files["templates/strings/en.yml"] = Data(english.utf8)
        let warnings = try Fixture.build(sources).warnings.filter { $0.code == .translationBehind }
        #expect(warnings.map(\.message) == ["the text 'menu' changed in templates/strings/en.yml since this translation was recorded on 2026-11-26: …[-Main-]{+The+} menu…"])
        #expect(warnings.first?.file == "templates/strings/fr.yml" && (warnings.first?.line ?? 0) > 1)
        sources.files["templates/strings/en.yml"] = Data(english.replacingOccurrences(of: "\nmenu: The menu\n", with: "\nmenu: Menu 2\n").utf8)
        let error = #expect(throws: DiagnosticError.self) { try Fixture.build(sources) }
        #expect(error?.diagnostics.contains { $0.code == .translationBehind && $0.message.contains("[-Main menu-]{+Menu 2+}") } == true)
    }

    @Test func pagesNeverRecordedAreOneWarningEachOrOneForMany() throws {
        let few = try Fixture.build(Fixture.site(pages: ["content/en/healing.md": Self.english, "content/fr/healing.md": Self.french]))
        #expect(few.warnings.filter { $0.code == .translationUnrecorded }.map(\.location)
                == ["content/fr/healing.md:1", "content/fr/index.md:1", "templates/strings/fr.yml:1"])
        var pages: [String: String] = [:]
        for number in 1...5 { (pages["content/en/p\(number).md"], pages["content/fr/p\(number).md"]) = ("# P\(number)\n", "# P\(number)\n") }
        let many = try Fixture.build(Fixture.site(pages: pages)).warnings.filter { $0.code == .translationUnrecorded }
        #expect(many.map(\.location) == ["content/fr/", "templates/strings/fr.yml:1"])
        #expect(many.first?.message.hasPrefix("6 translated pages have no translation record (content/fr/index.md, content/fr/p1.md, content/fr/p2.md and 3 more)") == true)
        #expect(many.first?.hint == "when they say what their sources say, run: clinicsite translated fr")
        // A block three pages include is one file among the unrecorded, not three.
        var including: [String: String] = ["content/blocks/en/care.md": "Keep it clean.\n", "content/blocks/fr/care.md": "Gardez-la propre.\n"]
        for number in 1...3 { (including["content/en/p\(number).md"], including["content/fr/p\(number).md"]) = ("# P\n\n<!-- include: care -->\n", "# P\n\n<!-- include: care -->\n") }
        let folded = try Fixture.build(Fixture.site(pages: including)).warnings.filter { $0.code == .translationUnrecorded }
        #expect(folded.first?.message.hasPrefix("5 translated pages and blocks have no translation record (content/blocks/fr/care.md, content/fr/index.md, content/fr/p1.md and 2 more)") == true)
    }
}
