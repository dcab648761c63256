import Foundation
import TestSupport
import Testing

/// The translator's workflow with the real executable: an English number edited stops the build at the French
/// page, `clinicsite translated` refuses until the French says the same, a reworded sentence only warns.
@Suite struct TranslatedCommandTests {
    private static func edit(_ root: URL, _ path: String, _ old: String, _ new: String) throws {
        let url = root.appendingPathComponent(path)
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text.contains(old), "\(path) holds \(old)")
        try text.replacingOccurrences(of: old, with: new).write(to: url, atomically: true, encoding: .utf8)
    }

    @Test func aNumberEditedInEnglishStopsTheFrenchPageUntilTranslatedAgain() throws {
        let root = try Fixture.scratchSite(translationRecords: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let build = ["build", "--root", root.path]
        let first = try Executable.run(build)
        #expect(first.status == 0 && !first.errors.contains("translat"), "\(first.errors)")
        let published = Fixture.files(in: root.appendingPathComponent("public"))

        try Self.edit(root, "content/en/healing.md", "The redness usually lasts 3 to 4 days", "The redness usually lasts 3 to 5 days")
        let stopped = try Executable.run(build)
        #expect(stopped.status == 1)
        #expect(stopped.errors.contains("content/fr/healing.md:16: error: section “Redness” of content/en/healing.md changed since this translation was recorded on 2026-12-07, and the change touches a number, date or contact: …redness usually lasts 3 to [-4-]{+5+} days: from Day 1 to…"), "\(stopped.errors)")
        #expect(stopped.errors.contains("hint: bring the change into this page (content/en/healing.md:15), then run: clinicsite translated fr/healing.md"))
        #expect(Fixture.files(in: root.appendingPathComponent("public")) == published, "a failed build leaves public/ as it was")

        // Recording without translating is refused, with or without --only-wording; nothing is written.
        let record = root.appendingPathComponent("content/translations/fr/healing.md.yml")
        let recorded = try Data(contentsOf: record)
        let untranslated = try Executable.run(["translated", "--root", root.path, "fr/healing.md"])
        #expect(untranslated.status == 1 && untranslated.errors.contains("this page did not change since the last record"), "\(untranslated.errors)")
        let wordingOnly = try Executable.run(["translated", "--root", root.path, "fr", "--only-wording"])
        #expect(wordingOnly.status == 1 && wordingOnly.errors.contains("--only-wording is for changes of wording"), "\(wordingOnly.errors)")
        #expect(try Data(contentsOf: record) == recorded)

        try Self.edit(root, "content/fr/healing.md", "La rougeur dure en général 3 à 4 jours", "La rougeur dure en général 3 à 5 jours")
        let translated = try Executable.run(["translated", "--root", root.path, "fr/healing.md"])
        #expect(translated.status == 0)
        #expect(translated.output == "Recorded content/translations/fr/healing.md.yml: content/fr/healing.md translates content/en/healing.md (6 sections)\n")
        #expect(try String(contentsOf: record, encoding: .utf8).contains("The redness usually lasts 3 to 5 days"))
        let passes = try Executable.run(build)
        #expect(passes.status == 0 && !passes.errors.contains("translat"), "\(passes.errors)")
    }

    @Test func aRewordedSentenceWarnsAndOnlyWordingAcknowledgesIt() throws {
        let root = try Fixture.scratchSite(translationRecords: true)
        defer { try? FileManager.default.removeItem(at: root) }
        try Self.edit(root, "content/en/healing.md", "Right after the treatment, the treated areas look red.", "Just after the treatment, the treated areas look red.")
        let warned = try Executable.run(["build", "--root", root.path])
        #expect(warned.status == 0)
        #expect(warned.errors.contains("content/fr/healing.md:16: warning: section “Redness” of content/en/healing.md changed since this translation was recorded on 2026-12-07: …longer: see [your next session](#your-next-session). [-Right-]{+Just+} after the treatment, the treated…"), "\(warned.errors)")
        let check = try Executable.run(["check", "--root", root.path, "--format", "json"])
        let json = try JSONSerialization.jsonObject(with: Data(check.output.utf8)) as? [String: Any]
        let states = (json?["translations"] as? [[String: Any]] ?? []).map { "\($0["file"] ?? "") \($0["state"] ?? "")" }
        #expect(states == ["content/fr/benefits.md current", "content/fr/healing.md behind", "content/fr/index.md current",
                           "content/fr/procedure.md current", "templates/strings/fr.yml current"])
        let acknowledged = try Executable.run(["translated", "--root", root.path, "fr", "--only-wording"])
        #expect(acknowledged.status == 0 && acknowledged.output.contains("Recorded content/translations/fr/healing.md.yml"), "\(acknowledged.errors)")
        let quiet = try Executable.run(["build", "--root", root.path])
        #expect(quiet.status == 0 && !quiet.errors.contains("translat"), "\(quiet.errors)")
    }

    @Test func whatIsNotATranslationIsNamed() throws {
        let root = try Fixture.scratchSite()
        defer { try? FileManager.default.removeItem(at: root) }
        let wrong = try Executable.run(["translated", "--root", root.path, "en/healing.md", "fr/nowhere.md", "de"])
        #expect(wrong.status == 1)
        #expect(wrong.errors.contains("content/en/healing.md: error: this is not a translation"))
        #expect(wrong.errors.contains("content/fr/nowhere.md: error: there is no such page or block"))
        #expect(wrong.errors.contains("content/de: error: there is no such page or block"))
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("content/translations").path))
        let all = try Executable.run(["translated", "--root", root.path, "fr"])
        #expect(all.status == 0 && all.output.components(separatedBy: "\n").filter { $0.hasPrefix("Recorded ") }.count == 5, "\(all.output)")
    }

    @Test func aNewSiteHasItsTranslationsRecordedWhicheverLanguageComesFirst() throws {
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("new-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: parent) }
        let details = ["--clinic-name", "Clinique du Parc", "--phone", "01 23 45 67 89", "--email", "accueil@clinique-du-parc.fr", "--address", "2 rue du Parc, Lyon"]
        for (name, languages) in [("english-first", "en,fr"), ("french-first", "fr,en"), ("english-only", "en")] {
            let folder = parent.appendingPathComponent(name)
            let made = try Executable.run(["new", folder.path, "--lang", languages] + details)
            #expect(made.status == 0, "\(made.errors)")
            let records = FileManager.default.subpaths(atPath: folder.appendingPathComponent("content/translations").path)?.filter { $0.hasSuffix(".yml") }.sorted() ?? []
            let expected = ["english-first": ["fr/benefits.md.yml", "fr/healing.md.yml", "fr/index.md.yml", "fr/procedure.md.yml", "strings/fr.yml"],
                            "french-first": ["en/benefits.md.yml", "en/healing.md.yml", "en/index.md.yml", "en/procedure.md.yml", "strings/en.yml"],
                            "english-only": []][name]
            #expect(records == expected, "\(name)")
            let check = try Executable.run(["check", "--root", folder.path, "--strict"])
            #expect(check.status == 0, "\(name): \(check.output)\(check.errors)")
        }
    }
}
