import Foundation
import TestSupport
import Testing
@testable import SiteGenerator

/// The pages that serve every language at once: the root language chooser and 404.html.
@Suite struct LanguageChooserTests {
    static func build(baseURL: String?) throws -> BuiltSite {
        try Fixture.build(Fixture.shippedSources(), baseURL: baseURL)
    }

    @Test func theChooserIsEveryLanguagesRootAndTheHomePagesXDefault() throws {
        let site = try Self.build(baseURL: "https://clinic.example/info/")
        let root = try #require(Fixture.text(site, "index.html"))
        #expect(root.contains("<link rel=\"canonical\" href=\"https://clinic.example/info/\">"))
        #expect(root.contains("<link rel=\"alternate\" hreflang=\"fr\" href=\"https://clinic.example/info/fr/index.html\">"))
        #expect(root.contains("<link rel=\"alternate\" hreflang=\"x-default\" href=\"https://clinic.example/info/\">"))
        #expect(root.contains("<li lang=\"fr\"><a href=\"fr/index.html\" hreflang=\"fr\">"))
        for home in ["en/index.html", "fr/index.html"] {
            #expect(Fixture.text(site, home)?.contains("<link rel=\"alternate\" hreflang=\"x-default\" href=\"https://clinic.example/info/\">") == true, "\(home)")
        }
        #expect(Fixture.text(site, "fr/guerison.html")?.contains("<link rel=\"alternate\" hreflang=\"x-default\" href=\"https://clinic.example/info/en/healing.html\">") == true)
        let sitemap = try #require(Fixture.text(site, "sitemap.xml"))
        #expect(sitemap.contains("<url>\n    <loc>https://clinic.example/info/</loc>\n    <xhtml:link rel=\"alternate\" hreflang=\"en\" href=\"https://clinic.example/info/en/index.html\"/>\n"
            + "    <xhtml:link rel=\"alternate\" hreflang=\"fr\" href=\"https://clinic.example/info/fr/index.html\"/>\n"
            + "    <xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"https://clinic.example/info/\"/>\n  </url>"))
        #expect(sitemap.contains("<loc>https://clinic.example/info/fr/index.html</loc>\n    <xhtml:link rel=\"alternate\" hreflang=\"en\" href=\"https://clinic.example/info/en/index.html\"/>\n"
            + "    <xhtml:link rel=\"alternate\" hreflang=\"fr\" href=\"https://clinic.example/info/fr/index.html\"/>\n    <xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"https://clinic.example/info/\"/>"))
    }

    @Test func withoutABaseURLTheLinksStayRelative() throws {
        let site = try Self.build(baseURL: nil)
        let root = try #require(Fixture.text(site, "index.html"))
        #expect(!root.contains("canonical"))
        #expect(root.contains("<link rel=\"alternate\" hreflang=\"x-default\" href=\"index.html\">"))
        #expect(Fixture.text(site, "fr/index.html")?.contains("<link rel=\"alternate\" hreflang=\"x-default\" href=\"../index.html\">") == true)
    }

    @Test func notFoundSpeaksEveryLanguageInItsOwnElement() throws {
        let site = try Self.build(baseURL: "https://clinic.example/info/")
        let page = try #require(Fixture.text(site, "404.html"))
        #expect(page.contains("<title>Page not found / Page introuvable | Riverside Skin Clinic</title>"))
        #expect(page.contains("<section lang=\"en\">\n<h1>Page not found</h1>"))
        #expect(page.contains("<section lang=\"fr\">\n<h2>Page introuvable</h2>\n<p>Nous n’avons pas trouvé cette page. Elle a peut-être été déplacée.</p>\n"
            + "<p><a href=\"https://clinic.example/info/fr/index.html\" hreflang=\"fr\">Aller à la page d’accueil</a></p>"))
    }
}
