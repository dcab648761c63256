import Foundation
import TestSupport
import Testing
@testable import SiteGenerator

/// Structured data and link previews: schema.org MedicalWebPage in JSON-LD, and Open Graph tags.
@Suite struct PageMetadataTests {
    static func jsonLD(_ html: String) throws -> [String: Any] {
        let script = try #require(html.firstMatch(of: /<script type="application\/ld\+json">(.*?)<\/script>/)?.1)
        return try #require(try JSONSerialization.jsonObject(with: Data(script.utf8)) as? [String: Any])
    }

    @Test func everyPageDescribesItselfAsAMedicalWebPage() throws {
        let site = try Fixture.build(Fixture.shippedSources(), baseURL: "https://clinic.example/info/")
        let html = try #require(Fixture.text(site, "fr/guerison.html"))
        let data = try Self.jsonLD(html)
        #expect(data["@context"] as? String == "https://schema.org")
        #expect(data["@type"] as? String == "MedicalWebPage")
        #expect(data["name"] as? String == "La cicatrisation après le micro-needling")
        #expect(data["inLanguage"] as? String == "fr")
        #expect(data["lastReviewed"] as? String == "2026-11-26")
        #expect(data["url"] as? String == "https://clinic.example/info/fr/guerison.html")
        #expect((data["about"] as? [String: String]) == ["@type": "MedicalProcedure", "name": "Micro-needling"])
        let publisher = try #require(data["publisher"] as? [String: String])
        #expect(publisher == ["@type": "MedicalClinic", "name": "Riverside Skin Clinic", "telephone": "+1 555 010 0199",
                              "address": "12 Riverside Walk, Suite 3, Springfield"])
        #expect(html.contains("<meta property=\"og:locale\" content=\"fr_FR\">\n<meta property=\"og:locale:alternate\" content=\"en_US\">"))
        #expect(html.contains("<meta property=\"og:url\" content=\"https://clinic.example/info/fr/guerison.html\">"))
        #expect(html.contains("<meta property=\"og:title\" content=\"La cicatrisation après le micro-needling\">"))
    }

    @Test func aTitleCannotEndTheScriptOrOpenAComment() throws {
        let page = "---\ntitle: \"</script><!-- <script>alert(1)</script> & co\"\nprocedure: Peeling\n---\n# Home\n"
        let site = try Fixture.build(Fixture.site(pages: ["content/en/index.md": page],
                                                  extra: ["templates/page.mustache": "<head>{{#jsonLD}}<script type=\"application/ld+json\">{{{jsonLD}}}</script>{{/jsonLD}}</head>{{{content}}}"]))
        let html = try #require(Fixture.text(site, "en/index.html"))
        #expect(html.components(separatedBy: "</script>").count == 2, "only the element's own end tag")
        #expect(!html.contains("<!--"))
        let data = try Self.jsonLD(html)
        #expect(data["name"] as? String == "</script><!-- <script>alert(1)</script> & co")
        #expect((data["about"] as? [String: String])?["name"] == "Peeling")
        #expect(data["url"] == nil && data["lastReviewed"] == nil)
    }

    @Test func theMenuUsesTheShortNameAndThePageKeepsItsTitle() throws {
        let page = "---\ntitle: Healing after skin needling, day by day\nmenu_title: Healing\norder: 2\n---\n# Healing\n"
        let site = try Fixture.build(Fixture.site(pages: ["content/en/healing.md": page, "content/en/index.md": "---\norder: 1\n---\n# Home\n"]))
        let html = try #require(Fixture.text(site, "en/index.html"))
        #expect(html.contains("<a href=\"healing.html\">Healing</a>"))
        #expect(Fixture.text(site, "en/healing.html")?.contains("<title>Healing after skin needling, day by day</title>") == true)
    }

    /// The JSON-LD is written by hand; it must give the bytes `JSONEncoder` gives (sorted keys, slashes as
    /// they are), with `<`, `>` and `&` escaped for a script element.
    @Test func handWrittenJSONEqualsJSONEncoder() throws {
        let controls = String(String.UnicodeScalarView((0..<0x20).map { Unicode.Scalar(UInt8($0)) }))
        let texts = ["plain", "", "quote \" and \\ back/slash", controls, "<script>&amp;</script>", "é ’ \u{202F} 🙂 \u{2028} \u{7F}"]
        for text in texts {
            var writer = JSONWriter()
            writer.open()
            writer.field("@type", text)
            writer.object("b", [("@type", "x"), ("name", text)])
            writer.field("name", text)
            writer.close()
            struct Inner: Encodable { var type: String; var name: String; enum CodingKeys: String, CodingKey { case type = "@type", name } }
            struct Outer: Encodable { var type: String; var b: Inner; var name: String; enum CodingKeys: String, CodingKey { case type = "@type", b, name } }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            let encoded = try encoder.encode(Outer(type: text, b: Inner(type: "x", name: text), name: text))
            let expected = String(decoding: encoded, as: UTF8.self)
                .replacingOccurrences(of: "<", with: "\\u003c").replacingOccurrences(of: ">", with: "\\u003e").replacingOccurrences(of: "&", with: "\\u0026")
            #expect(String(decoding: writer.bytes, as: UTF8.self) == expected)
        }
    }
}
