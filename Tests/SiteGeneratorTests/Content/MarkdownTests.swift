import TestSupport
import Testing
@testable import SiteGenerator

@Suite struct MarkdownTests {
    @Test func headingsGetStableUniqueIDs() {
        let document = CmarkDocument(markdown: "# Rougeur et guérison !\n\n## Notes\n\n## Notes\n\n## `code` *here*\n\n## Custom {#my-anchor}\n")
        #expect(document.headings.map(\.id) == ["rougeur-et-guerison", "notes", "notes-2", "code-here", "my-anchor"])
        let html = document.renderHTML(allowRawHTML: false)
        #expect(html.contains("<h1 id=\"rougeur-et-guerison\">"))
        #expect(html.contains("<h2 id=\"my-anchor\">Custom</h2>\n"))
        #expect(html.contains("<h2 id=\"code-here\"><code>code</code> <em>here</em></h2>\n"))
        #expect(!html.contains("{#"))
    }

    @Test func smartPunctuationIsOn() {
        let html = CmarkDocument(markdown: "\"Quoted\" -- it's...\n").renderHTML(allowRawHTML: false)
        #expect(html == "<p>“Quoted” – it’s…</p>\n")
    }

    @Test func rawHTMLIsOmittedUnlessAllowed() {
        let markdown = "<script>alert(1)</script>\n\nText <b onclick=\"x()\">bold</b>\n"
        let safe = CmarkDocument(markdown: markdown).renderHTML(allowRawHTML: false)
        #expect(!safe.contains("<script"))
        #expect(!safe.contains("<b "))
        #expect(safe.contains("raw HTML omitted"))
        let unsafe = CmarkDocument(markdown: markdown).renderHTML(allowRawHTML: true)
        #expect(unsafe.contains("<script>alert(1)</script>"))
    }

    @Test func dangerousLinkSchemesAreDropped() {
        let html = CmarkDocument(markdown: "[x](javascript:alert(1))\n").renderHTML(allowRawHTML: false)
        #expect(html == "<p><a href=\"\">x</a></p>\n")
    }

    @Test func mustacheLookingTextIsPrintedAsWritten() throws {
        let site = try Fixture.build(Fixture.site(pages: ["content/en/index.md": "# Home\n\nHello {{clinic.name}} and {{{content}}}\n"]))
        let html = try #require(Fixture.text(site, "en/index.html"))
        #expect(html.contains("<p>Hello {{clinic.name}} and {{{content}}}</p>"))
    }

    @Test func linksInsideHeadingsAreRewrittenToo() throws {
        let pages = ["content/en/index.md": "# Home\n\n## See [healing](healing.md)\n", "content/en/healing.md": "# Healing\n"]
        let site = try Fixture.build(Fixture.site(pages: pages))
        #expect(Fixture.text(site, "en/index.html")?.contains("<h2 id=\"see-healing\">See <a href=\"healing.html\">healing</a></h2>") == true)
    }

    @Test func linksAreRecordedWithLines() {
        let document = CmarkDocument(markdown: "Text\n\nSee [a](a.md#x) and ![img](p.png)\n")
        #expect(document.links == [
            .init(destination: "a.md#x", isImage: false, line: 3, column: 5),
            .init(destination: "p.png", isImage: true, line: 3, column: 21),
        ])
    }

    /// The fast path (render once with placeholders, fill them in later) equals the slow one (set each
    /// destination on the tree, then render), for URLs that need escaping.
    @Test func placeholdersGiveWhatSettingTheDestinationGives() {
        let markdown = "# [Head](a.md#x)\n\nSee [one](a.md), ![img](<img/a b.png> \"t\"), [two](../fr/b.md?q=1&r='2'#y) and [abs](https://x.example/).\n\n> [quoted *link*](c%20d.md)\n"
        let urls = ["a.html#x", "a.html", "img/a%20b.png", "../fr/b.html?q=1&r='2'#y", "https://x.example/", "c d é.html"]
        let fast = CmarkDocument(markdown: markdown).renderWithPlaceholders(allowRawHTML: false, nonce: "n1")
        var byIndex: [Int: String] = [:]
        for index in fast.placeholders { byIndex[index] = urls[index] }
        let slow = CmarkDocument(markdown: markdown)
        for index in fast.placeholders { slow.setDestination(urls[index], ofLink: index) }
        #expect(fast.placeholders == [0, 1, 2, 3, 5])
        #expect(String(decoding: fast.filled(with: byIndex), as: UTF8.self) == slow.renderHTML(allowRawHTML: false))
    }
}
