import TestSupport
import Testing
@testable import SiteGenerator

@Suite struct SettingsTests {
    @Test func readsEverySetting() throws {
        let settings = try Settings.parse("""
        clinic_name: Clinic
        phone: "1"
        email: a@b.c
        address: Street
        base_url: https://example.org/sub
        default_language: fr
        languages: [en, fr]
        allow_raw_html: true
        review_months: 6
        """, file: "site.yml")
        #expect(settings == Settings(clinicName: "Clinic", phone: "1", email: "a@b.c", address: "Street",
                                     baseURL: "https://example.org/sub/", defaultLanguage: "fr", languages: ["en", "fr"],
                                     allowRawHTML: true, reviewMonths: 6))
    }

    @Test func rawHTMLIsOffByDefault() throws {
        #expect(try Settings.parse("clinic_name: C\n", file: "s").allowRawHTML == false)
    }

    @Test func unknownKeysAndWrongTypesAreAllReported() {
        do {
            _ = try Settings.parse("clinic_name: C\nlanguagse: [en]\nallow_raw_html: sometimes\nbase_url: ftp://x\n", file: "content/site.yml")
            Issue.record("expected errors")
        } catch {
            let text = error.diagnostics.map(\.description)
            #expect(text.count == 3)
            #expect(text[0].hasPrefix("content/site.yml:2:1: error: unknown key 'languagse' in site.yml"))
            #expect(text[0].contains("did you mean 'languages'?"))
            #expect(text[1].hasPrefix("content/site.yml:3:17: error: allow_raw_html must be true or false, found 'sometimes'"))
            #expect(text[2].hasPrefix("content/site.yml:4:11: error: base_url must be a full address starting with https:// or http://, found 'ftp://x'"))
        }
    }

    @Test func defaultLanguageMustBeListed() {
        do {
            _ = try Settings.parse("clinic_name: C\ndefault_language: de\nlanguages: [en]\n", file: "s.yml")
            Issue.record("expected an error")
        } catch {
            #expect(error.diagnostics.map(\.location) == ["s.yml:2:19"])
        }
    }

    @Test func clinicNameIsRequired() {
        #expect(throws: DiagnosticError.self) { try Settings.parse("phone: 1\n", file: "s.yml") }
    }

    @Test func baseURLIsNormalised() {
        let cases: [String: Result<String, SiteAddress.Problem>] = [
            "https://a.example": .success("https://a.example/"), " http://a.example/x/ ": .success("http://a.example/x/"),
            "https://a.example:8443/x": .success("https://a.example:8443/x/"),
            "https://a.example/a/b/../../c/./d": .success("https://a.example/c/d/"), "https://a.example/../..": .success("https://a.example/"),
            "https://a.example/a/%2E%2E/b": .success("https://a.example/b/"), "https://a.example/x/..": .success("https://a.example/"),
            "https://a.example/soins/été/": .success("https://a.example/soins/%C3%A9t%C3%A9/"),
            "https://a.example/a%20b/": .success("https://a.example/a%20b/"), "https://a.example/..hidden/": .success("https://a.example/..hidden/"),
            "javascript:alert(1)": .failure(.notAWebAddress), "/relative": .failure(.notAWebAddress), "https:a.example": .failure(.notAWebAddress),
            "ftp://a.example/": .failure(.notAWebAddress), "https://a.example/\"onload": .failure(.forbiddenCharacter),
            "https://a.example/a b/": .failure(.forbiddenCharacter), "https://a.example/#top": .failure(.queryOrFragment),
            "https://u:p@a.example/": .failure(.credentials), "https://u@a.example/": .failure(.credentials),
            "https://élysée.example/": .failure(.nonASCIIDomain),
        ]
        for (given, expected) in cases {
            #expect(SiteAddress.normalised(given) == expected, "\(given)")
        }
    }

    @Test func aBaseURLWithCredentialsIsRefusedAtItsLine() {
        do {
            _ = try Settings.parse("clinic_name: C\nbase_url: https://admin:secret@clinic.example/\n", file: "site.yml")
            Issue.record("accepted")
        } catch {
            #expect(error.diagnostics.map(\.description).first?.hasPrefix(
                "site.yml:2:11: error: base_url must not hold a user name or password: it would be printed in every page") == true)
        }
    }
}

@Suite struct ReviewDateTests {
    @Test func oldReviewIsAWarningNotAnError() throws {
        let pages = ["content/en/index.md": "---\nreviewed: 2025-11-25\n---\n# Home\n", "content/fr/index.md": "---\nreviewed: 2025-11-26\n---\n# Accueil\n"]
        let site = try Fixture.build(Fixture.site(pages: pages))
        let review = site.warnings.filter { $0.message.contains("medical review") }
        #expect(review.map(\.file) == ["content/en/index.md"])
        #expect(review.first?.description.hasPrefix("content/en/index.md:1: warning: the last medical review was on 2025-11-25, more than 12 months ago") == true)
    }

    @Test func openingHoursAreOneLineOrOnePerLanguage() throws {
        let shared = try Settings.parse("clinic_name: C\nhours: Mon–Fri 9–17\n", file: "site.yml")
        #expect(shared.hours(in: "fr") == "Mon–Fri 9–17")
        let each = try Settings.parse("clinic_name: C\nlanguages: [en, fr]\nhours:\n  en: Mon–Fri 9 am–5 pm\n  fr: lun.–ven. 9 h–17 h\n", file: "site.yml")
        #expect(each.hours(in: "en") == "Mon–Fri 9 am–5 pm")
        #expect(each.hours(in: "fr") == "lun.–ven. 9 h–17 h")
        #expect(each.hours(in: "de") == "")
        #expect(throws: DiagnosticError.self) { try Settings.parse("clinic_name: C\nhours: [9, 17]\n", file: "site.yml") }
    }
}
