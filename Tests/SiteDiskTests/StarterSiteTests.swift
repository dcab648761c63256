import Foundation
import SiteGenerator
import TestSupport
import Testing
@testable import SiteDisk

@Suite struct StarterSiteTests {
    /// The files built into the executable are the repository's own; `scripts/starter` makes them so.
    @Test func theBuiltInFilesAreTheShippedOnes() throws {
        let shipped = try Fixture.shippedSources().files
        let builtIn = Dictionary(uniqueKeysWithValues: StarterFiles.files.map { ($0.path, Data(base64Encoded: $0.base64) ?? Data()) })
        #expect(Set(builtIn.keys) == Set(shipped.keys), "run scripts/starter after changing content/ or templates/")
        for (path, data) in shipped { #expect(builtIn[path] == data, "\(path) differs: run scripts/starter") }
    }

    @Test func settingsGetTheClinicsNameAndLanguages() throws {
        let shipped = "# notes\nclinic_name: Riverside\ndefault_language: en\nlanguages:\n  - en\n  - fr\n\nreview_months: 12\n"
        let made = StarterSite.settings(shipped, languages: ["fr"], clinic: .init(name: "Dr \"Smith\" \\ Co"))
        #expect(made == "# notes\nclinic_name: \"Dr \\\"Smith\\\" \\\\ Co\"\ndefault_language: fr\nlanguages:\n  - fr\n\nreview_months: 12\n")
        #expect(try Settings.parse(made, file: "site.yml").clinicName == "Dr \"Smith\" \\ Co")
    }
}
